-- Data: the COD permissions of issue 12 (packages/authz permissions.ts), as DOMAIN.md's users need them.
-- Finance officers run COD for their subtree: billers and contracts (and approving another's bank-detail change),
-- manifests, settlement batches and payouts, disputes, exceptions; they see bank account numbers in full.
-- Auditors read everything COD in their subtree. Counter clerks and postmen record deliveries and deposits at their
-- own office and read its articles (a postman's beat). The approval of a settlement release (cod.settlement.approve)
-- and its submission (cod.settlement.release) were seeded by 0002; nobody approves their own request (the inbox).
INSERT INTO "administration"."role_permissions" ("role_code", "permission", "scope") VALUES
  ('FINANCE_OFFICER', 'cod.read', 'SUBTREE'),
  ('FINANCE_OFFICER', 'cod.bank.read', 'SUBTREE'),
  ('FINANCE_OFFICER', 'cod.biller.manage', 'SUBTREE'),
  ('FINANCE_OFFICER', 'cod.biller.bank.approve', 'SUBTREE'),
  ('FINANCE_OFFICER', 'cod.article.register', 'SUBTREE'),
  ('FINANCE_OFFICER', 'cod.settlement.manage', 'SUBTREE'),
  ('FINANCE_OFFICER', 'cod.dispute.manage', 'SUBTREE'),
  ('AUDITOR', 'cod.read', 'SUBTREE'),
  ('COUNTER_CLERK', 'cod.read', 'OWN_OFFICE'),
  ('COUNTER_CLERK', 'cod.collect', 'OWN_OFFICE'),
  ('COUNTER_CLERK', 'cod.deposit', 'OWN_OFFICE'),
  ('POSTMAN', 'cod.read', 'OWN_OFFICE')
ON CONFLICT DO NOTHING;
