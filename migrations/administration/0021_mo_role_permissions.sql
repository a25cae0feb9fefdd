-- Money orders (issue 11): who may read, watch, lock, bulk-book and change tariffs. Finance officers investigate and
-- so see parties' phones and ID documents in full; clerks and auditors see them masked.
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES ('FINANCE_OFFICER', 'mo.read', 'SUBTREE'), ('FINANCE_OFFICER', 'mo.parties.read', 'SUBTREE'), ('FINANCE_OFFICER', 'mo.manage', 'SUBTREE'), ('FINANCE_OFFICER', 'mo.bulk.book', 'SUBTREE'), ('FINANCE_OFFICER', 'mo.tariff.manage', 'SUBTREE'), ('FINANCE_OFFICER', 'mo.tariff.approve', 'SUBTREE');
--> statement-breakpoint
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES ('AUDITOR', 'mo.read', 'SUBTREE');
--> statement-breakpoint
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES ('COUNTER_CLERK', 'mo.read', 'OWN_OFFICE');
