-- The journal, its postings, its seals and the records of closed days are append-only: the database itself refuses to
-- change or remove a row, whoever asks (a correction is a reversing entry). Only a superuser disabling triggers gets
-- past this, and verifyLedger is there to catch that. (Custom migration: hand-written triggers.)
CREATE FUNCTION "accounts"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on accounts.% is not allowed: the ledger is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "journal_entries_append_only" BEFORE UPDATE OR DELETE ON "accounts"."journal_entries" FOR EACH ROW EXECUTE FUNCTION "accounts"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "journal_entries_no_truncate" BEFORE TRUNCATE ON "accounts"."journal_entries" FOR EACH STATEMENT EXECUTE FUNCTION "accounts"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "postings_append_only" BEFORE UPDATE OR DELETE ON "accounts"."postings" FOR EACH ROW EXECUTE FUNCTION "accounts"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "postings_no_truncate" BEFORE TRUNCATE ON "accounts"."postings" FOR EACH STATEMENT EXECUTE FUNCTION "accounts"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "journal_seals_append_only" BEFORE UPDATE OR DELETE ON "accounts"."journal_seals" FOR EACH ROW EXECUTE FUNCTION "accounts"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "journal_seals_no_truncate" BEFORE TRUNCATE ON "accounts"."journal_seals" FOR EACH STATEMENT EXECUTE FUNCTION "accounts"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "day_closes_append_only" BEFORE UPDATE OR DELETE ON "accounts"."day_closes" FOR EACH ROW EXECUTE FUNCTION "accounts"."refuse_change"();--> statement-breakpoint
CREATE TRIGGER "daily_balances_append_only" BEFORE UPDATE OR DELETE ON "accounts"."daily_balances" FOR EACH ROW EXECUTE FUNCTION "accounts"."refuse_change"();