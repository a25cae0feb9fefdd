-- Data (custom migration): the COD heads of the standard chart that cash on delivery adds (ledger-accounts/chart.ts),
-- and their detail accounts for every office opened before them, as office.created opens them for new offices
-- (office-events.ts): 2400 suspense (a postman's excess deposit waits there) and 5100 COD claims expense (a dispute
-- upheld) for the offices that keep COD payable (head and sub offices). Each biller's own COD payable account
-- (<office>:2200:<biller>) is not opened here: accounts opens it on the biller's first movement (cod/biller-accounts.ts).
-- Re-runnable: nothing that exists is touched (cod/chart-migration.test.ts runs it over a ledger with rows before and
-- checks them after).
INSERT INTO "accounts"."accounts" ("code", "name", "type", "kind", "parent_code", "head_code", "currency", "office_code") VALUES
  ('2400', 'Suspense', 'LIABILITY', 'HEADER', '2000', '2400', NULL, NULL),
  ('5100', 'COD claims expense', 'EXPENSE', 'HEADER', '5000', '5100', NULL, NULL)
ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
INSERT INTO "accounts"."accounts"
  ("code", "name", "type", "kind", "parent_code", "head_code", "currency", "office_code", "balance_constraint", "allow_manual_entries", "closed_through")
SELECT o."code" || ':' || h."head_code", h."name" || ', ' || o."name", h."type", 'DETAIL', h."head_code", h."head_code", 'INR', o."code",
       'NONE', true, d."closed_through"
  FROM "accounts"."known_offices" o
  JOIN (VALUES
    ('2400', 'Suspense', 'LIABILITY'),
    ('5100', 'COD claims expense', 'EXPENSE')
  ) AS h ("head_code", "name", "type") ON o."type" IN ('HEAD_OFFICE', 'SUB_OFFICE')
  -- An office that has closed days already: its new accounts are closed through them too, as openAccount does.
  LEFT JOIN "accounts"."business_days" d ON d."office_code" = o."code"
ON CONFLICT ("code") DO NOTHING;
