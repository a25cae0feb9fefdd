-- Data and backfill (custom migration, after 0002_ledger made the columns). The standard chart's headers
-- (ledger-accounts/chart.ts STANDARD_HEADERS; a test checks these rows equal it), then the detail accounts opened
-- before the ledger existed hung under them with their heads' constraints and manual-entry rules.
INSERT INTO "accounts"."accounts" ("code", "name", "type", "kind", "parent_code", "head_code", "currency", "office_code") VALUES
  ('1000', 'Assets', 'ASSET', 'HEADER', NULL, '1000', NULL, NULL),
  ('2000', 'Liabilities', 'LIABILITY', 'HEADER', NULL, '2000', NULL, NULL),
  ('3000', 'Equity', 'EQUITY', 'HEADER', NULL, '3000', NULL, NULL),
  ('4000', 'Income', 'INCOME', 'HEADER', NULL, '4000', NULL, NULL),
  ('5000', 'Expenses', 'EXPENSE', 'HEADER', NULL, '5000', NULL, NULL),
  ('1100', 'Cash on hand', 'ASSET', 'HEADER', '1000', '1100', NULL, NULL),
  ('1200', 'Postman cash in hand', 'ASSET', 'HEADER', '1000', '1200', NULL, NULL),
  ('1300', 'Staff shortage receivable', 'ASSET', 'HEADER', '1000', '1300', NULL, NULL),
  ('1400', 'UPI clearing', 'ASSET', 'HEADER', '1000', '1400', NULL, NULL),
  ('1500', 'Bank', 'ASSET', 'HEADER', '1000', '1500', NULL, NULL),
  ('2100', 'Money orders payable', 'LIABILITY', 'HEADER', '2000', '2100', NULL, NULL),
  ('2200', 'COD payable', 'LIABILITY', 'HEADER', '2000', '2200', NULL, NULL),
  ('2300', 'GST payable', 'LIABILITY', 'HEADER', '2000', '2300', NULL, NULL),
  ('4100', 'Money-order commission income', 'INCOME', 'HEADER', '4000', '4100', NULL, NULL),
  ('4200', 'COD fee income', 'INCOME', 'HEADER', '4000', '4200', NULL, NULL)
ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
UPDATE "accounts"."accounts" SET "parent_code" = "head_code" WHERE "kind" = 'DETAIL' AND "parent_code" IS NULL;--> statement-breakpoint
UPDATE "accounts"."accounts" SET "balance_constraint" = 'CREDITS_NOT_EXCEED_DEBITS' WHERE "kind" = 'DETAIL' AND "head_code" IN ('1100', '1200');--> statement-breakpoint
UPDATE "accounts"."accounts" SET "balance_constraint" = 'DEBITS_NOT_EXCEED_CREDITS', "allow_manual_entries" = false WHERE "kind" = 'DETAIL' AND "head_code" IN ('2100', '2200');