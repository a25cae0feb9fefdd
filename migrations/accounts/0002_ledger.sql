CREATE TABLE "accounts"."business_days" (
	"office_code" text PRIMARY KEY NOT NULL,
	"closed_through" date NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" jsonb NOT NULL
);--> statement-breakpoint
CREATE TABLE "accounts"."daily_balances" (
	"account_code" text NOT NULL,
	"business_date" date NOT NULL,
	"office_code" text NOT NULL,
	"debit_total" numeric NOT NULL,
	"credit_total" numeric NOT NULL,
	"period_debit" numeric NOT NULL,
	"period_credit" numeric NOT NULL,
	CONSTRAINT "daily_balances_account_code_business_date_pk" PRIMARY KEY("account_code","business_date"),
	CONSTRAINT "daily_balances_nonnegative" CHECK ("accounts"."daily_balances"."debit_total" >= 0 and "accounts"."daily_balances"."credit_total" >= 0 and "accounts"."daily_balances"."period_debit" >= 0 and "accounts"."daily_balances"."period_credit" >= 0)
);--> statement-breakpoint
CREATE TABLE "accounts"."day_closes" (
	"office_code" text NOT NULL,
	"business_date" date NOT NULL,
	"previous_date" date,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" jsonb NOT NULL,
	"accounts_moved" integer NOT NULL,
	CONSTRAINT "day_closes_office_code_business_date_pk" PRIMARY KEY("office_code","business_date")
);--> statement-breakpoint
CREATE TABLE "accounts"."holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "accounts"."holds_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"office_code" text NOT NULL,
	"description" text NOT NULL,
	"source_type" text NOT NULL,
	"source_reference" text,
	"debit_account_code" text NOT NULL,
	"credit_account_code" text NOT NULL,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"expires_at" timestamp with time zone,
	"actor" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"captured_amount" numeric,
	"capture_entry_id" uuid,
	"resolution_reason" text,
	CONSTRAINT "holds_seq_unique" UNIQUE("seq"),
	CONSTRAINT "holds_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "holds_status_valid" CHECK ("accounts"."holds"."status" in ('PENDING','CAPTURED','VOIDED','EXPIRED')),
	CONSTRAINT "holds_amount_positive" CHECK ("accounts"."holds"."amount" > 0),
	CONSTRAINT "holds_distinct_accounts" CHECK ("accounts"."holds"."debit_account_code" <> "accounts"."holds"."credit_account_code"),
	CONSTRAINT "holds_capture_consistent" CHECK (("accounts"."holds"."status" = 'CAPTURED') = ("accounts"."holds"."capture_entry_id" is not null)
      and ("accounts"."holds"."captured_amount" is null or ("accounts"."holds"."captured_amount" > 0 and "accounts"."holds"."captured_amount" <= "accounts"."holds"."amount"))),
	CONSTRAINT "holds_resolution_time" CHECK (("accounts"."holds"."status" = 'PENDING') = ("accounts"."holds"."resolved_at" is null))
);--> statement-breakpoint
CREATE TABLE "accounts"."journal_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "accounts"."journal_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"office_code" text NOT NULL,
	"effective_date" date NOT NULL,
	"description" text NOT NULL,
	"source_type" text NOT NULL,
	"source_reference" text,
	"actor" jsonb NOT NULL,
	"approved_by" jsonb,
	"approval_request_id" uuid,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"reverses_entry_id" uuid,
	"hold_id" uuid,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_seq_unique" UNIQUE("seq"),
	CONSTRAINT "journal_entries_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "journal_entries_reverses_entry_id_unique" UNIQUE("reverses_entry_id"),
	CONSTRAINT "journal_entries_source_type_valid" CHECK ("accounts"."journal_entries"."source_type" ~ '^[A-Z][A-Z_]{0,39}$'),
	CONSTRAINT "journal_entries_description_length" CHECK (char_length("accounts"."journal_entries"."description") between 1 and 500),
	CONSTRAINT "journal_entries_idempotency_key_length" CHECK (char_length("accounts"."journal_entries"."idempotency_key") between 1 and 200),
	CONSTRAINT "journal_entries_not_self_reversal" CHECK ("accounts"."journal_entries"."reverses_entry_id" is null or "accounts"."journal_entries"."reverses_entry_id" <> "accounts"."journal_entries"."id")
);--> statement-breakpoint
CREATE TABLE "accounts"."journal_seals" (
	"position" bigint PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"entry_xid" "xid8" NOT NULL,
	"entry_seq" bigint NOT NULL,
	"entry_hash" text NOT NULL,
	"chain_hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_seals_entry_id_unique" UNIQUE("entry_id")
);--> statement-breakpoint
CREATE TABLE "accounts"."postings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts"."postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" uuid NOT NULL,
	"line" smallint NOT NULL,
	"account_code" text NOT NULL,
	"side" text NOT NULL,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"effective_date" date NOT NULL,
	CONSTRAINT "postings_side_valid" CHECK ("accounts"."postings"."side" in ('DEBIT','CREDIT')),
	CONSTRAINT "postings_amount_positive" CHECK ("accounts"."postings"."amount" > 0),
	CONSTRAINT "postings_line_positive" CHECK ("accounts"."postings"."line" >= 1)
);--> statement-breakpoint
ALTER TABLE "accounts"."accounts" DROP CONSTRAINT "accounts_totals_nonnegative";--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ALTER COLUMN "currency" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD COLUMN "kind" text DEFAULT 'DETAIL' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD COLUMN "parent_code" text;--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD COLUMN "balance_constraint" text DEFAULT 'NONE' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD COLUMN "allow_manual_entries" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD COLUMN "pending_debit" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD COLUMN "pending_credit" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD COLUMN "closed_through" date;--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts"."business_days" ADD CONSTRAINT "business_days_office_code_known_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "accounts"."known_offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."daily_balances" ADD CONSTRAINT "daily_balances_account_code_accounts_code_fk" FOREIGN KEY ("account_code") REFERENCES "accounts"."accounts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."day_closes" ADD CONSTRAINT "day_closes_office_code_known_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "accounts"."known_offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."holds" ADD CONSTRAINT "holds_office_code_known_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "accounts"."known_offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."holds" ADD CONSTRAINT "holds_debit_account_code_accounts_code_fk" FOREIGN KEY ("debit_account_code") REFERENCES "accounts"."accounts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."holds" ADD CONSTRAINT "holds_credit_account_code_accounts_code_fk" FOREIGN KEY ("credit_account_code") REFERENCES "accounts"."accounts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."holds" ADD CONSTRAINT "holds_capture_entry_id_journal_entries_id_fk" FOREIGN KEY ("capture_entry_id") REFERENCES "accounts"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."journal_entries" ADD CONSTRAINT "journal_entries_office_code_known_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "accounts"."known_offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."journal_entries" ADD CONSTRAINT "journal_entries_reverses_entry_id_journal_entries_id_fk" FOREIGN KEY ("reverses_entry_id") REFERENCES "accounts"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."journal_seals" ADD CONSTRAINT "journal_seals_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "accounts"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."postings" ADD CONSTRAINT "postings_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "accounts"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts"."postings" ADD CONSTRAINT "postings_account_code_accounts_code_fk" FOREIGN KEY ("account_code") REFERENCES "accounts"."accounts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "holds_pending_expiry_idx" ON "accounts"."holds" USING btree ("expires_at") WHERE "accounts"."holds"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "journal_entries_office_date_idx" ON "accounts"."journal_entries" USING btree ("office_code","effective_date","seq");--> statement-breakpoint
CREATE INDEX "journal_entries_date_idx" ON "accounts"."journal_entries" USING btree ("effective_date","seq");--> statement-breakpoint
CREATE INDEX "journal_entries_source_idx" ON "accounts"."journal_entries" USING btree ("source_type","source_reference");--> statement-breakpoint
CREATE INDEX "journal_entries_xid_idx" ON "accounts"."journal_entries" USING btree ("xid","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "postings_entry_line_idx" ON "accounts"."postings" USING btree ("entry_id","line");--> statement-breakpoint
CREATE INDEX "postings_account_date_idx" ON "accounts"."postings" USING btree ("account_code","effective_date","id");--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_parent_code_accounts_code_fk" FOREIGN KEY ("parent_code") REFERENCES "accounts"."accounts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_parent_idx" ON "accounts"."accounts" USING btree ("parent_code");--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_kind_valid" CHECK ("accounts"."accounts"."kind" in ('HEADER','DETAIL'));--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_detail_has_currency" CHECK ("accounts"."accounts"."kind" = 'HEADER' or "accounts"."accounts"."currency" is not null);--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_header_not_posted" CHECK ("accounts"."accounts"."kind" = 'DETAIL' or ("accounts"."accounts"."debit_total" = 0 and "accounts"."accounts"."credit_total" = 0 and "accounts"."accounts"."pending_debit" = 0 and "accounts"."accounts"."pending_credit" = 0));--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_balance_constraint_valid" CHECK ("accounts"."accounts"."balance_constraint" in ('NONE','DEBITS_NOT_EXCEED_CREDITS','CREDITS_NOT_EXCEED_DEBITS'));--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_balance_within_constraint" CHECK (("accounts"."accounts"."balance_constraint" <> 'DEBITS_NOT_EXCEED_CREDITS' or "accounts"."accounts"."debit_total" + "accounts"."accounts"."pending_debit" <= "accounts"."accounts"."credit_total")
      and ("accounts"."accounts"."balance_constraint" <> 'CREDITS_NOT_EXCEED_DEBITS' or "accounts"."accounts"."credit_total" + "accounts"."accounts"."pending_credit" <= "accounts"."accounts"."debit_total"));--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_totals_nonnegative" CHECK ("accounts"."accounts"."debit_total" >= 0 and "accounts"."accounts"."credit_total" >= 0 and "accounts"."accounts"."pending_debit" >= 0 and "accounts"."accounts"."pending_credit" >= 0);