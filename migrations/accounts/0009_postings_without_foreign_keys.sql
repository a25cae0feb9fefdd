ALTER TABLE "accounts"."postings" DROP CONSTRAINT "postings_entry_id_journal_entries_id_fk";
--> statement-breakpoint
ALTER TABLE "accounts"."postings" DROP CONSTRAINT "postings_account_code_accounts_code_fk";
