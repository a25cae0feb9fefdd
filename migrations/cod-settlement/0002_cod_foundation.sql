CREATE TABLE "cod"."article_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"article_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"office_code" text NOT NULL,
	"business_date" date NOT NULL,
	"details" jsonb NOT NULL,
	"actor_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cod"."articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"article_number" text NOT NULL,
	"biller_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"cod_amount" numeric NOT NULL,
	"booking_office_code" text NOT NULL,
	"delivery_office_code" text NOT NULL,
	"delivery_office_path" text NOT NULL,
	"status" text NOT NULL,
	"manifest_id" uuid,
	"booked_on" date NOT NULL,
	"delivered_on" date,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "articles_status_valid" CHECK ("status" in ('REGISTERED','OUT_FOR_DELIVERY','DELIVERED','DELIVERY_FAILED','RTO','LOST','DAMAGED')),
	CONSTRAINT "articles_amount_positive" CHECK ("cod"."articles"."cod_amount" > 0),
	CONSTRAINT "articles_number_format" CHECK ("cod"."articles"."article_number" ~ '^[A-Z]{2}[0-9]{9}[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "cod"."bank_holidays" (
	"calendar" text NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "bank_holidays_calendar_date_pk" PRIMARY KEY("calendar","date")
);
--> statement-breakpoint
CREATE TABLE "cod"."biller_bank_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"biller_id" uuid NOT NULL,
	"account_holder_name" text NOT NULL,
	"account_number" text NOT NULL,
	"ifsc" text NOT NULL,
	"status" text NOT NULL,
	"approval_request_id" uuid,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"activated_on" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "biller_bank_accounts_status_valid" CHECK ("cod"."biller_bank_accounts"."status" in ('PENDING','ACTIVE','SUPERSEDED','REJECTED')),
	CONSTRAINT "biller_bank_accounts_ifsc_format" CHECK ("cod"."biller_bank_accounts"."ifsc" ~ '^[A-Z]{4}0[A-Z0-9]{6}$'),
	CONSTRAINT "biller_bank_accounts_number_format" CHECK ("cod"."biller_bank_accounts"."account_number" ~ '^[0-9]{9,18}$')
);
--> statement-breakpoint
CREATE TABLE "cod"."billers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"gstin" text,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text NOT NULL,
	"settlement_office_code" text NOT NULL,
	"settlement_office_path" text NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "billers_type_valid" CHECK ("cod"."billers"."type" in ('ECOMMERCE','ONDC','GEM')),
	CONSTRAINT "billers_status_valid" CHECK ("cod"."billers"."status" in ('ACTIVE','SUSPENDED','CLOSED')),
	CONSTRAINT "billers_code_format" CHECK ("cod"."billers"."code" ~ '^BL[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "cod"."collections" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"biller_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric NOT NULL,
	"mode" text NOT NULL,
	"payment_reference" text,
	"pod_reference" text NOT NULL,
	"differs" boolean DEFAULT false NOT NULL,
	"postman_id" text NOT NULL,
	"beat" text,
	"office_code" text NOT NULL,
	"office_path" text NOT NULL,
	"business_date" date NOT NULL,
	"collected_at" timestamp with time zone NOT NULL,
	"deposit_id" uuid,
	"cleared_on" date,
	"cleared_reference" text,
	"due_from" date,
	"settlement_batch_id" uuid,
	CONSTRAINT "collections_mode_valid" CHECK ("cod"."collections"."mode" in ('CASH','UPI','CARD')),
	CONSTRAINT "collections_amount_valid" CHECK ("cod"."collections"."amount" >= 0),
	CONSTRAINT "collections_reference_for_digital" CHECK ("cod"."collections"."mode" = 'CASH' or "cod"."collections"."payment_reference" is not null)
);
--> statement-breakpoint
CREATE TABLE "cod"."contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"biller_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"fee_rule" jsonb NOT NULL,
	"taxes" jsonb NOT NULL,
	"fee_source" text NOT NULL,
	"settlement_cycle_days" integer NOT NULL,
	"payout_weekdays" jsonb NOT NULL,
	"early_settlement_enabled" boolean DEFAULT false NOT NULL,
	"early_settlement_days" integer,
	"early_settlement_fee_percent" numeric,
	"max_article_amount" numeric NOT NULL,
	"dispute_window_days" integer NOT NULL,
	"bank_details_hold_days" integer NOT NULL,
	"holiday_calendar" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contracts_cycle_valid" CHECK ("cod"."contracts"."settlement_cycle_days" between 0 and 60),
	CONSTRAINT "contracts_early_valid" CHECK (not "cod"."contracts"."early_settlement_enabled" or ("cod"."contracts"."early_settlement_days" is not null and "cod"."contracts"."early_settlement_fee_percent" is not null and "cod"."contracts"."early_settlement_days" < "cod"."contracts"."settlement_cycle_days")),
	CONSTRAINT "contracts_max_positive" CHECK ("cod"."contracts"."max_article_amount" > 0),
	CONSTRAINT "contracts_windows_valid" CHECK ("cod"."contracts"."dispute_window_days" between 0 and 90 and "cod"."contracts"."bank_details_hold_days" between 0 and 90)
);
--> statement-breakpoint
CREATE TABLE "cod"."ledger_movements" (
	"movement_id" uuid PRIMARY KEY NOT NULL,
	"movement" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"biller_id" uuid,
	"office_code" text NOT NULL,
	"business_date" date NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'STAGED' NOT NULL,
	"entry_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rejection" text,
	"staged_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "ledger_movements_status_valid" CHECK ("cod"."ledger_movements"."status" in ('STAGED','POSTED','REJECTED')),
	CONSTRAINT "ledger_movements_subject_valid" CHECK ("cod"."ledger_movements"."subject_type" in ('ARTICLE','DEPOSIT','PAYOUT','DISPUTE','CLEARING'))
);
--> statement-breakpoint
ALTER TABLE "cod"."article_events" ADD CONSTRAINT "article_events_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "cod"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."articles" ADD CONSTRAINT "articles_biller_id_billers_id_fk" FOREIGN KEY ("biller_id") REFERENCES "cod"."billers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."biller_bank_accounts" ADD CONSTRAINT "biller_bank_accounts_biller_id_billers_id_fk" FOREIGN KEY ("biller_id") REFERENCES "cod"."billers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."collections" ADD CONSTRAINT "collections_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "cod"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."contracts" ADD CONSTRAINT "contracts_biller_id_billers_id_fk" FOREIGN KEY ("biller_id") REFERENCES "cod"."billers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_events_article_idx" ON "cod"."article_events" USING btree ("article_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_number_key" ON "cod"."articles" USING btree ("article_number");--> statement-breakpoint
CREATE INDEX "articles_biller_idx" ON "cod"."articles" USING btree ("biller_id","status");--> statement-breakpoint
CREATE INDEX "articles_delivery_path_idx" ON "cod"."articles" USING btree ("delivery_office_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "biller_bank_accounts_one_active" ON "cod"."biller_bank_accounts" USING btree ("biller_id") WHERE "cod"."biller_bank_accounts"."status" = 'ACTIVE';--> statement-breakpoint
CREATE UNIQUE INDEX "biller_bank_accounts_one_pending" ON "cod"."biller_bank_accounts" USING btree ("biller_id") WHERE "cod"."biller_bank_accounts"."status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "billers_code_key" ON "cod"."billers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "billers_office_path_idx" ON "cod"."billers" USING btree ("settlement_office_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "collections_due_idx" ON "cod"."collections" USING btree ("biller_id","due_from") WHERE "cod"."collections"."settlement_batch_id" is null and "cod"."collections"."due_from" is not null;--> statement-breakpoint
CREATE INDEX "collections_postman_day_idx" ON "cod"."collections" USING btree ("office_code","postman_id","business_date") WHERE "cod"."collections"."mode" = 'CASH' and "cod"."collections"."deposit_id" is null;--> statement-breakpoint
CREATE INDEX "collections_office_day_idx" ON "cod"."collections" USING btree ("office_code","business_date");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_biller_version_key" ON "cod"."contracts" USING btree ("biller_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_biller_from_key" ON "cod"."contracts" USING btree ("biller_id","effective_from");--> statement-breakpoint
CREATE INDEX "ledger_movements_subject_idx" ON "cod"."ledger_movements" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "ledger_movements_open_idx" ON "cod"."ledger_movements" USING btree ("status") WHERE "cod"."ledger_movements"."status" <> 'POSTED';