-- Data (custom migration): the money-order heads of the standard chart (ledger-accounts/chart.ts), and their detail
-- accounts for every office opened before them, as office.created opens them for new offices (office-events.ts):
-- 1600 inter-office clearing for every counter office (head, sub and branch offices), 2110 expired MO payable and
-- 4300 unclaimed MO income for the offices that keep MO payable (head and sub offices). Re-runnable: nothing that
-- exists is touched (migration-chart.test.ts runs it over a ledger with rows before and checks them after).
INSERT INTO "accounts"."accounts" ("code", "name", "type", "kind", "parent_code", "head_code", "currency", "office_code") VALUES
  ('1600', 'Inter-office clearing', 'ASSET', 'HEADER', '1000', '1600', NULL, NULL),
  ('2110', 'Expired money orders payable', 'LIABILITY', 'HEADER', '2000', '2110', NULL, NULL),
  ('4300', 'Unclaimed money-order income', 'INCOME', 'HEADER', '4000', '4300', NULL, NULL)
ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
INSERT INTO "accounts"."accounts"
  ("code", "name", "type", "kind", "parent_code", "head_code", "currency", "office_code", "balance_constraint", "allow_manual_entries")
SELECT o."code" || ':' || h."head_code", h."name" || ', ' || o."name", h."type", 'DETAIL', h."head_code", h."head_code", 'INR', o."code",
       h."balance_constraint", h."allow_manual_entries"
  FROM "accounts"."known_offices" o
  JOIN (VALUES
    ('1600', 'Inter-office clearing', 'ASSET', 'NONE', true, ARRAY['HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE']),
    ('2110', 'Expired money orders payable', 'LIABILITY', 'DEBITS_NOT_EXCEED_CREDITS', false, ARRAY['HEAD_OFFICE', 'SUB_OFFICE']),
    ('4300', 'Unclaimed money-order income', 'INCOME', 'NONE', true, ARRAY['HEAD_OFFICE', 'SUB_OFFICE'])
  ) AS h ("head_code", "name", "type", "balance_constraint", "allow_manual_entries", "office_types") ON o."type" = ANY (h."office_types")
ON CONFLICT ("code") DO NOTHING;
