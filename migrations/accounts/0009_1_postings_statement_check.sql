-- The postings' checks, once per statement instead of once per row (custom migration: hand-written triggers; issue 12).
-- 0009 dropped the postings' two foreign keys (entry_id, account_code): each cost an index lookup and a KEY SHARE lock
-- per posting, which was most of what a batch of a thousand postings wrote. Both migrations run in one transaction
-- (drizzle's migrator), so no posting is ever written unchecked in between.
--
-- postings_statement_check runs once after every INSERT into accounts.postings, whatever wrote it (a single entry, a
-- batch, a hold's capture, a hand-written statement), with every row the statement inserted in its transition table,
-- and proves for the whole statement at once:
--   * every posting's entry exists (what postings_entry_id_journal_entries_id_fk proved);
--   * every posting's account exists (what postings_account_code_accounts_code_fk proved), is a DETAIL account and is
--     in the posting's currency (the domain's HEADER_ACCOUNT and CURRENCY_MISMATCH, now also the database's);
--   * every entry balances within each office it touches, per currency (the account's office, the entry's for an
--     account of no office): UNBALANCED_OFFICE, as 0007_2's trigger did, which this replaces. A reversal mirrors an
--     entry that was posted, possibly before that rule, and is let through as the domain lets it through.
-- Every path writes an entry's postings in one statement, so each entry is seen whole. That an account is OPEN and its
-- day not closed is not judged here: it can change at any moment, so it is judged under the account's row lock by the
-- posting's guarded update in the same transaction (repository.ts lockedUpdate), which also names the rule broken.
--
-- What the foreign keys' RESTRICT did on the referenced side: journal entries can never be deleted or updated
-- (append-only, 0002_2), and accounts_keep_posted refuses to delete an account or change its code while postings name
-- it, and refuses TRUNCATE of the accounts while any posting exists. A posting in flight is covered too: its
-- transaction locks the account row (the guarded update) before it commits, so a delete or re-key either waits for it
-- and then sees its postings, or comes first and the posting's update finds no account and fails.
DROP TRIGGER "postings_balance_per_office" ON "accounts"."postings";--> statement-breakpoint
DROP FUNCTION "accounts"."postings_balance_per_office"();--> statement-breakpoint
-- Every lookup is by primary key, a few per posting: nested loops over the indexes, never a hash of the whole journal
-- (the planner would hash journal_entries while it is small, and that plan is cached by the session).
CREATE FUNCTION "accounts"."postings_statement_check"() RETURNS trigger LANGUAGE plpgsql
  SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
  bad record;
BEGIN
  -- One pass over the statement's postings, joined once to their entries and accounts, grouped per entry, office and
  -- currency; the first group with a problem (in a fixed order, so the same rows always name the same one) is refused.
  SELECT n.entry_id, coalesce(a.office_code, e.office_code) AS office_code, n.currency,
         bool_or(e.id IS NULL) AS entry_missing,
         min(n.account_code) FILTER (WHERE a.code IS NULL) AS account_missing,
         min(n.account_code) FILTER (WHERE a.kind <> 'DETAIL') AS header_account,
         min(n.account_code) FILTER (WHERE a.currency IS DISTINCT FROM n.currency AND a.kind = 'DETAIL') AS other_currency,
         bool_or(e.reverses_entry_id IS NOT NULL) AS reversal,
         sum(CASE WHEN n.side = 'DEBIT' THEN n.amount ELSE -n.amount END) AS net
    INTO bad
    FROM new_postings n
    LEFT JOIN "accounts"."journal_entries" e ON e.id = n.entry_id
    LEFT JOIN "accounts"."accounts" a ON a.code = n.account_code
   GROUP BY n.entry_id, coalesce(a.office_code, e.office_code), n.currency
  HAVING bool_or(e.id IS NULL) OR bool_or(a.code IS NULL) OR bool_or(a.kind <> 'DETAIL')
      OR bool_or(a.currency IS DISTINCT FROM n.currency)
      OR (bool_and(e.reverses_entry_id IS NULL) AND sum(CASE WHEN n.side = 'DEBIT' THEN n.amount ELSE -n.amount END) <> 0)
   ORDER BY bool_or(e.id IS NULL) DESC, bool_or(a.code IS NULL) DESC, bool_or(a.kind <> 'DETAIL') DESC,
            bool_or(a.currency IS DISTINCT FROM n.currency) DESC, n.entry_id, 2, n.currency
   LIMIT 1;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF bad.entry_missing THEN
    RAISE EXCEPTION 'posting of entry % names no journal entry', bad.entry_id
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'postings_entry_exists';
  END IF;
  IF bad.account_missing IS NOT NULL THEN
    RAISE EXCEPTION 'posting of entry % names account %, which does not exist', bad.entry_id, bad.account_missing
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'postings_account_exists';
  END IF;
  IF bad.header_account IS NOT NULL THEN
    RAISE EXCEPTION 'HEADER_ACCOUNT: posting of entry % names header account %', bad.entry_id, bad.header_account
      USING ERRCODE = 'check_violation', CONSTRAINT = 'postings_account_postable';
  END IF;
  IF bad.other_currency IS NOT NULL THEN
    RAISE EXCEPTION 'CURRENCY_MISMATCH: posting of entry % in % names account %, which is in another currency', bad.entry_id, bad.currency, bad.other_currency
      USING ERRCODE = 'check_violation', CONSTRAINT = 'postings_account_postable';
  END IF;
  RAISE EXCEPTION 'UNBALANCED_OFFICE: entry % does not balance within office % in % (debits less credits %)',
    bad.entry_id, bad.office_code, bad.currency, bad.net
    USING ERRCODE = 'check_violation', CONSTRAINT = 'postings_balance_per_office';
END
$$;--> statement-breakpoint
CREATE TRIGGER "postings_statement_check" AFTER INSERT ON "accounts"."postings"
  REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION "accounts"."postings_statement_check"();--> statement-breakpoint
CREATE FUNCTION "accounts"."accounts_keep_posted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    IF EXISTS (SELECT 1 FROM "accounts"."postings") THEN
      RAISE EXCEPTION 'TRUNCATE of accounts.accounts is not allowed: postings name its accounts'
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'postings_account_exists';
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.code = OLD.code THEN
    RETURN NEW;
  END IF;
  -- postings_account_date_idx leads with account_code: one index probe.
  IF EXISTS (SELECT 1 FROM "accounts"."postings" p WHERE p.account_code = OLD.code) THEN
    RAISE EXCEPTION '% of account % is not allowed: postings name it (accounts are closed, never removed)', TG_OP, OLD.code
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'postings_account_exists';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accounts_keep_posted" BEFORE DELETE OR UPDATE OF "code" ON "accounts"."accounts"
  FOR EACH ROW EXECUTE FUNCTION "accounts"."accounts_keep_posted"();--> statement-breakpoint
CREATE TRIGGER "accounts_keep_posted_truncate" BEFORE TRUNCATE ON "accounts"."accounts"
  FOR EACH STATEMENT EXECUTE FUNCTION "accounts"."accounts_keep_posted"();
