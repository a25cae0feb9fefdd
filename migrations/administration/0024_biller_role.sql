-- The BILLER role (issue 12): a biller's own people (a seller's staff) read their own biller's articles, settlements,
-- remittances and disputes and raise disputes, and nothing else. Its one permission, cod.biller.self, names the biller
-- bound to the person (staff.biller_code), never an office: @postal/authz lets no office-scoped check pass on it, so
-- its scope here is the narrowest there is (OWN_OFFICE) and means nothing. README's roles table says the same in words.
INSERT INTO "administration"."roles" ("code", "name", "description") VALUES ('BILLER', 'Biller', 'One of a biller''s own people: reads that biller''s COD articles, settlements, remittances and disputes, and raises disputes; sees no other biller and nothing of the post office.');
--> statement-breakpoint
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES ('BILLER', 'cod.biller.self', 'OWN_OFFICE');
--> statement-breakpoint
-- An administrator takes a biller's people on as they take staff on: ADMIN may grant BILLER (to someone bound to a
-- biller only, staff/roles rules), and a second administrator approves it.
INSERT INTO "administration"."role_delegations" ("grantor_role", "grantable_role") VALUES ('ADMIN', 'BILLER');
