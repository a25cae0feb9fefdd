-- Delegation as data (issue 8, point 2): an administrator staffs the network, so ADMIN may grant every operational
-- role and ADMIN itself. No other role grants anything. A grant still needs role.grant over the person's office and
-- a second administrator's approval (who must also be allowed to grant the role).
INSERT INTO "administration"."role_delegations" ("grantor_role", "grantable_role") VALUES ('ADMIN', 'ADMIN'), ('ADMIN', 'FINANCE_OFFICER'), ('ADMIN', 'AUDITOR'), ('ADMIN', 'COUNTER_CLERK'), ('ADMIN', 'POSTMAN');
