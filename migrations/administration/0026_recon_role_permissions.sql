-- Data: the reconciliation permissions of issue 13 (packages/authz permissions.ts).
-- Finance officers reconcile for their subtree: they register the operator's bank accounts there and import their
-- statements, and match them; the matching rules (one set for the whole operator) are proposed and approved, by two
-- different officers, over the root office (so only officers at the circle hold them over it).
-- Auditors read bank accounts, statements and the reconciliation in their subtree.
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES
  ('FINANCE_OFFICER', 'recon.read', 'SUBTREE'),
  ('FINANCE_OFFICER', 'recon.bank.manage', 'SUBTREE'),
  ('FINANCE_OFFICER', 'recon.import', 'SUBTREE'),
  ('FINANCE_OFFICER', 'recon.match', 'SUBTREE'),
  ('FINANCE_OFFICER', 'recon.rules.manage', 'SUBTREE'),
  ('FINANCE_OFFICER', 'recon.rules.approve', 'SUBTREE'),
  ('AUDITOR', 'recon.read', 'SUBTREE')
ON CONFLICT DO NOTHING;
