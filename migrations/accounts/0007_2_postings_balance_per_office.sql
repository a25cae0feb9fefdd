-- The database's own check of the per-office balance (custom migration: a hand-written trigger). The posting path
-- refuses an entry that does not balance within each office it touches (journal/domain.ts assertBalancedWithinOffices,
-- UNBALANCED_OFFICE); this refuses it again whatever wrote it. Every path writes an entry's postings in one statement
-- (repository.ts writeEntry, the batch's locked update), so a statement-level trigger sees each entry whole in its
-- transition table: per entry, per office (the account's, or the entry's for an account of no office) and currency,
-- debits must equal credits. That also means each entry balances per currency. A reversal mirrors an entry that was
-- posted, possibly before this rule, and is let through as the domain lets it through.
CREATE FUNCTION "accounts"."postings_balance_per_office"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced record;
BEGIN
  SELECT n.entry_id, coalesce(a.office_code, e.office_code) AS office_code, n.currency,
         sum(CASE WHEN n.side = 'DEBIT' THEN n.amount ELSE -n.amount END) AS net
    INTO unbalanced
    FROM new_postings n
    JOIN "accounts"."journal_entries" e ON e.id = n.entry_id
    JOIN "accounts"."accounts" a ON a.code = n.account_code
   WHERE e.reverses_entry_id IS NULL
   GROUP BY n.entry_id, coalesce(a.office_code, e.office_code), n.currency
  HAVING sum(CASE WHEN n.side = 'DEBIT' THEN n.amount ELSE -n.amount END) <> 0
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'UNBALANCED_OFFICE: entry % does not balance within office % in % (debits less credits %)',
      unbalanced.entry_id, unbalanced.office_code, unbalanced.currency, unbalanced.net
      USING ERRCODE = 'check_violation', CONSTRAINT = 'postings_balance_per_office';
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "postings_balance_per_office" AFTER INSERT ON "accounts"."postings"
  REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION "accounts"."postings_balance_per_office"();
