-- Backfill (custom migration, between 0004_office_tree, which adds the columns, and 0004_2_office_account_by_type,
-- whose check needs them filled), so the migrations run on a table with rows: each sub or branch office that exists
-- before account offices is put in account with its nearest head or sub office above it (what a postmaster would
-- assume), and each office counts as opened on the day its row was created.
UPDATE "administration"."offices" AS o SET "account_office_code" = (
  SELECT a."code" FROM "administration"."offices" AS a
  WHERE a."type" IN ('HEAD_OFFICE', 'SUB_OFFICE') AND o."path" LIKE a."path" || '/%'
  ORDER BY length(a."path") DESC LIMIT 1
) WHERE o."type" IN ('SUB_OFFICE', 'BRANCH_OFFICE') AND o."account_office_code" IS NULL;--> statement-breakpoint
UPDATE "administration"."offices" SET "opened_on" = "created_at"::date;