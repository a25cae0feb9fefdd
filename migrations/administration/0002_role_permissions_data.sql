-- The roles and what each may do (reference data; README's roles table says the same in words).
-- A change of permissions is a new migration, reviewed like code; the authorization matrix test pins the result.
INSERT INTO "administration"."roles" ("code", "name", "description") VALUES ('ADMIN', 'Administrator', 'Manages offices, staff, roles and assignments within their office subtree.');
--> statement-breakpoint
INSERT INTO "administration"."roles" ("code", "name", "description") VALUES ('FINANCE_OFFICER', 'Finance officer', 'Reconciles COD and money-order flows, posts and approves manual journals, releases settlements, within their subtree.');
--> statement-breakpoint
INSERT INTO "administration"."roles" ("code", "name", "description") VALUES ('AUDITOR', 'Auditor', 'Reads ledgers, statements, trial balances and the audit trail within their subtree; changes nothing.');
--> statement-breakpoint
INSERT INTO "administration"."roles" ("code", "name", "description") VALUES ('COUNTER_CLERK', 'Counter clerk', 'Books and pays money orders and runs the business day at their own office.');
--> statement-breakpoint
INSERT INTO "administration"."roles" ("code", "name", "description") VALUES ('POSTMAN', 'Postman', 'Records COD deliveries and collections and deposits the cash at their own office.');
--> statement-breakpoint
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES ('ADMIN', 'office.read', 'SUBTREE'), ('ADMIN', 'office.manage', 'SUBTREE'), ('ADMIN', 'staff.read', 'SUBTREE'), ('ADMIN', 'staff.manage', 'SUBTREE'), ('ADMIN', 'role.grant', 'SUBTREE'), ('ADMIN', 'role.approve', 'SUBTREE'), ('ADMIN', 'approval.read', 'SUBTREE'), ('ADMIN', 'audit.read', 'SUBTREE'), ('ADMIN', 'audit.verify', 'SUBTREE');
--> statement-breakpoint
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES ('FINANCE_OFFICER', 'office.read', 'SUBTREE'), ('FINANCE_OFFICER', 'staff.read', 'SUBTREE'), ('FINANCE_OFFICER', 'approval.read', 'SUBTREE'), ('FINANCE_OFFICER', 'ledger.read', 'SUBTREE'), ('FINANCE_OFFICER', 'ledger.account.manage', 'SUBTREE'), ('FINANCE_OFFICER', 'journal.manual.submit', 'SUBTREE'), ('FINANCE_OFFICER', 'journal.manual.approve', 'SUBTREE'), ('FINANCE_OFFICER', 'ledger.day.close', 'SUBTREE'), ('FINANCE_OFFICER', 'mo.quote', 'SUBTREE'), ('FINANCE_OFFICER', 'mo.refund.approve', 'SUBTREE'), ('FINANCE_OFFICER', 'cod.quote', 'SUBTREE'), ('FINANCE_OFFICER', 'cod.settlement.release', 'SUBTREE'), ('FINANCE_OFFICER', 'cod.settlement.approve', 'SUBTREE');
--> statement-breakpoint
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES ('AUDITOR', 'office.read', 'SUBTREE'), ('AUDITOR', 'staff.read', 'SUBTREE'), ('AUDITOR', 'approval.read', 'SUBTREE'), ('AUDITOR', 'audit.read', 'SUBTREE'), ('AUDITOR', 'audit.verify', 'SUBTREE'), ('AUDITOR', 'ledger.read', 'SUBTREE');
--> statement-breakpoint
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES ('COUNTER_CLERK', 'office.read', 'SUBTREE'), ('COUNTER_CLERK', 'ledger.read', 'OWN_OFFICE'), ('COUNTER_CLERK', 'ledger.day.close', 'OWN_OFFICE'), ('COUNTER_CLERK', 'mo.quote', 'OWN_OFFICE'), ('COUNTER_CLERK', 'mo.book', 'OWN_OFFICE'), ('COUNTER_CLERK', 'mo.pay', 'OWN_OFFICE'), ('COUNTER_CLERK', 'cod.quote', 'OWN_OFFICE');
--> statement-breakpoint
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES ('POSTMAN', 'office.read', 'OWN_OFFICE'), ('POSTMAN', 'cod.collect', 'OWN_OFFICE'), ('POSTMAN', 'cod.deposit', 'OWN_OFFICE');
