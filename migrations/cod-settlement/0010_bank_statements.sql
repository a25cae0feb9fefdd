CREATE TABLE "cod"."bank_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"account_number" text NOT NULL,
	"is_iban" boolean NOT NULL,
	"bic" text,
	"ifsc" text,
	"currency" text NOT NULL,
	"purpose" text NOT NULL,
	"office_code" text NOT NULL,
	"office_path" text NOT NULL,
	"ledger_account_code" text NOT NULL,
	"csv_mapping" jsonb,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bank_accounts_purpose_valid" CHECK ("cod"."bank_accounts"."purpose" in ('COLLECTION','PAYOUT','CASH_DEPOSIT')),
	CONSTRAINT "bank_accounts_currency_valid" CHECK ("cod"."bank_accounts"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "bank_accounts_number_valid" CHECK ("cod"."bank_accounts"."account_number" ~ '^[A-Z0-9]{6,34}$')
);
--> statement-breakpoint
CREATE TABLE "cod"."bank_import_statements" (
	"import_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"statement_id" uuid NOT NULL,
	"already_imported" boolean NOT NULL,
	CONSTRAINT "bank_import_statements_import_id_position_pk" PRIMARY KEY("import_id","position")
);
--> statement-breakpoint
CREATE TABLE "cod"."bank_statement_files" (
	"import_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cod"."bank_statement_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"file_size" integer NOT NULL,
	"format" text,
	"requested_format" text,
	"status" text NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_message" text,
	"error_line" integer,
	"error_element" text,
	"already_imported_count" integer DEFAULT 0 NOT NULL,
	"actor_label" text NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "bank_statement_imports_status_valid" CHECK ("cod"."bank_statement_imports"."status" in ('QUEUED','RUNNING','DONE','FAILED')),
	CONSTRAINT "bank_statement_imports_progress_valid" CHECK ("cod"."bank_statement_imports"."progress_percent" between 0 and 100),
	CONSTRAINT "bank_statement_imports_failed_valid" CHECK (("cod"."bank_statement_imports"."status" = 'FAILED') = ("cod"."bank_statement_imports"."error_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "cod"."bank_statement_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cod"."bank_statement_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"statement_id" uuid NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"line_index" integer NOT NULL,
	"direction" text NOT NULL,
	"reversal" boolean NOT NULL,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"booking_date" date,
	"value_date" date,
	"status" text,
	"transaction_code" text,
	"end_to_end_id" text,
	"account_servicer_reference" text,
	"owner_reference" text,
	"payment_information_id" text,
	"utr" text,
	"mandate_id" text,
	"transaction_id" text,
	"creditor_reference" text,
	"remittance_information" text,
	"counterparty_name" text,
	"counterparty_iban" text,
	"counterparty_account" text,
	"counterparty_bic" text,
	"transaction_count" integer,
	"transactions" jsonb,
	CONSTRAINT "bank_statement_lines_direction_valid" CHECK ("cod"."bank_statement_lines"."direction" in ('CREDIT','DEBIT')),
	CONSTRAINT "bank_statement_lines_amount_valid" CHECK ("cod"."bank_statement_lines"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cod"."bank_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"state" text NOT NULL,
	"format" text NOT NULL,
	"version" text,
	"statement_id" text NOT NULL,
	"message_id" text,
	"sequence_number" text,
	"currency" text NOT NULL,
	"opening_amount" numeric,
	"opening_date" date,
	"closing_amount" numeric,
	"closing_date" date,
	"from_date" date,
	"to_date" date,
	"balances" jsonb NOT NULL,
	"line_count" integer NOT NULL,
	"credit_count" integer NOT NULL,
	"debit_count" integer NOT NULL,
	"credit_total" numeric NOT NULL,
	"debit_total" numeric NOT NULL,
	"content_hash" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bank_statements_state_valid" CHECK ("cod"."bank_statements"."state" in ('LOADING','STORED')),
	CONSTRAINT "bank_statements_format_valid" CHECK ("cod"."bank_statements"."format" in ('CAMT_053','CAMT_054','MT940','MT942','CSV')),
	CONSTRAINT "bank_statements_counts_valid" CHECK ("cod"."bank_statements"."credit_count" + "cod"."bank_statements"."debit_count" = "cod"."bank_statements"."line_count"),
	CONSTRAINT "bank_statements_totals_valid" CHECK ("cod"."bank_statements"."credit_total" >= 0 and "cod"."bank_statements"."debit_total" >= 0)
);
--> statement-breakpoint
ALTER TABLE "cod"."bank_import_statements" ADD CONSTRAINT "bank_import_statements_import_id_bank_statement_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "cod"."bank_statement_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."bank_import_statements" ADD CONSTRAINT "bank_import_statements_statement_id_bank_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "cod"."bank_statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."bank_statement_files" ADD CONSTRAINT "bank_statement_files_import_id_bank_statement_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "cod"."bank_statement_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."bank_statement_imports" ADD CONSTRAINT "bank_statement_imports_bank_account_id_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "cod"."bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_statement_id_bank_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "cod"."bank_statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."bank_statements" ADD CONSTRAINT "bank_statements_import_id_bank_statement_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "cod"."bank_statement_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."bank_statements" ADD CONSTRAINT "bank_statements_bank_account_id_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "cod"."bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_number_key" ON "cod"."bank_accounts" USING btree ("account_number","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_ledger_key" ON "cod"."bank_accounts" USING btree ("ledger_account_code");--> statement-breakpoint
CREATE INDEX "bank_accounts_office_idx" ON "cod"."bank_accounts" USING btree ("office_path","name","id");--> statement-breakpoint
CREATE INDEX "bank_import_statements_statement_idx" ON "cod"."bank_import_statements" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statement_imports_file_key" ON "cod"."bank_statement_imports" USING btree ("bank_account_id","file_hash");--> statement-breakpoint
CREATE INDEX "bank_statement_imports_created_idx" ON "cod"."bank_statement_imports" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "bank_statement_imports_unfinished_idx" ON "cod"."bank_statement_imports" USING btree ("created_at") WHERE "cod"."bank_statement_imports"."status" in ('QUEUED','RUNNING');--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statement_lines_position_key" ON "cod"."bank_statement_lines" USING btree ("statement_id","line_index");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statements_id_key" ON "cod"."bank_statements" USING btree ("bank_account_id","statement_id");--> statement-breakpoint
CREATE INDEX "bank_statements_import_idx" ON "cod"."bank_statements" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "bank_statements_listed_idx" ON "cod"."bank_statements" USING btree ("imported_at","id") WHERE "cod"."bank_statements"."state" = 'STORED';