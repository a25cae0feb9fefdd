CREATE TABLE "cod"."dispute_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" text NOT NULL,
	"details" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cod"."disputes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"article_id" uuid NOT NULL,
	"biller_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"claimed_amount" numeric,
	"currency" text NOT NULL,
	"note" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"raised_by" text NOT NULL,
	"raised_on" date NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"adjustment_amount" numeric,
	"resolution_note" text,
	"resolved_by" text,
	"resolved_on" date,
	"adjusted_movement_id" uuid,
	"adjustment_batch_id" uuid,
	CONSTRAINT "disputes_kind_valid" CHECK ("cod"."disputes"."kind" in ('NOT_RECEIVED','PARTIAL_AMOUNT')),
	CONSTRAINT "disputes_status_valid" CHECK ("cod"."disputes"."status" in ('OPEN','UPHELD','REJECTED')),
	CONSTRAINT "disputes_amounts_valid" CHECK (("cod"."disputes"."claimed_amount" is null or "cod"."disputes"."claimed_amount" > 0) and ("cod"."disputes"."adjustment_amount" is null or "cod"."disputes"."adjustment_amount" > 0))
);
--> statement-breakpoint
CREATE TABLE "cod"."payout_file_templates" (
	"code" text PRIMARY KEY NOT NULL,
	"bank_name" text NOT NULL,
	"spec" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cod"."payout_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template_code" text NOT NULL,
	"settlement_office_code" text NOT NULL,
	"settlement_office_path" text NOT NULL,
	"file_serial" integer NOT NULL,
	"business_date" date NOT NULL,
	"record_count" integer NOT NULL,
	"total" numeric NOT NULL,
	"currency" text NOT NULL,
	"content" text NOT NULL,
	"approval_request_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cod"."payouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"biller_id" uuid NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"beneficiary_name" text NOT NULL,
	"account_number" text NOT NULL,
	"ifsc" text NOT NULL,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"payout_file_id" uuid,
	"settled_movement_id" uuid NOT NULL,
	"failed_movement_id" uuid,
	"utr" text,
	"failure_reason" text,
	"released_on" date NOT NULL,
	"outcome_on" date,
	"outcome_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payouts_status_valid" CHECK ("cod"."payouts"."status" in ('PENDING','PAID','FAILED','REVERSED')),
	CONSTRAINT "payouts_paid_has_utr" CHECK (("cod"."payouts"."status" = 'PAID') = ("cod"."payouts"."utr" is not null)),
	CONSTRAINT "payouts_amount_positive" CHECK ("cod"."payouts"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "cod"."settlement_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"biller_id" uuid NOT NULL,
	"settlement_office_code" text NOT NULL,
	"settlement_office_path" text NOT NULL,
	"currency" text NOT NULL,
	"cycle_date" date NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"article_count" integer DEFAULT 0 NOT NULL,
	"gross" numeric DEFAULT '0' NOT NULL,
	"fee" numeric DEFAULT '0' NOT NULL,
	"tax" numeric DEFAULT '0' NOT NULL,
	"early_fee" numeric DEFAULT '0' NOT NULL,
	"adjustments" numeric DEFAULT '0' NOT NULL,
	"net" numeric DEFAULT '0' NOT NULL,
	"approval_request_id" uuid,
	"submitted_by" text,
	"submitted_note" text,
	"built_by" text NOT NULL,
	"built_at" timestamp with time zone NOT NULL,
	"released_on" date,
	"closed_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "settlement_batches_status_valid" CHECK ("status" in ('DRAFT','SUBMITTED','RELEASED','PAID','FAILED','REJECTED','CANCELLED')),
	CONSTRAINT "settlement_batches_net_valid" CHECK ("cod"."settlement_batches"."net" = "cod"."settlement_batches"."gross" + "cod"."settlement_batches"."adjustments" - "cod"."settlement_batches"."fee" - "cod"."settlement_batches"."tax" - "cod"."settlement_batches"."early_fee")
);
--> statement-breakpoint
CREATE TABLE "cod"."settlement_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"article_id" uuid,
	"dispute_id" uuid,
	"gross" numeric NOT NULL,
	"fee" numeric NOT NULL,
	"tax" numeric NOT NULL,
	"early_fee" numeric NOT NULL,
	"net" numeric NOT NULL,
	"due_from" date,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "settlement_lines_kind_valid" CHECK (("cod"."settlement_lines"."kind" = 'ARTICLE' and "cod"."settlement_lines"."article_id" is not null) or ("cod"."settlement_lines"."kind" = 'ADJUSTMENT' and "cod"."settlement_lines"."dispute_id" is not null)),
	CONSTRAINT "settlement_lines_net_valid" CHECK ("cod"."settlement_lines"."net" = "cod"."settlement_lines"."gross" - "cod"."settlement_lines"."fee" - "cod"."settlement_lines"."tax" - "cod"."settlement_lines"."early_fee")
);
--> statement-breakpoint
ALTER TABLE "cod"."dispute_events" ADD CONSTRAINT "dispute_events_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "cod"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."disputes" ADD CONSTRAINT "disputes_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "cod"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."payout_files" ADD CONSTRAINT "payout_files_template_code_payout_file_templates_code_fk" FOREIGN KEY ("template_code") REFERENCES "cod"."payout_file_templates"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."payouts" ADD CONSTRAINT "payouts_batch_id_settlement_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "cod"."settlement_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."settlement_batches" ADD CONSTRAINT "settlement_batches_biller_id_billers_id_fk" FOREIGN KEY ("biller_id") REFERENCES "cod"."billers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."settlement_lines" ADD CONSTRAINT "settlement_lines_batch_id_settlement_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "cod"."settlement_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_events_dispute_idx" ON "cod"."dispute_events" USING btree ("dispute_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_one_open_key" ON "cod"."disputes" USING btree ("article_id") WHERE "cod"."disputes"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "disputes_biller_idx" ON "cod"."disputes" USING btree ("biller_id","status");--> statement-breakpoint
CREATE INDEX "disputes_adjustment_due_idx" ON "cod"."disputes" USING btree ("biller_id") WHERE "cod"."disputes"."status" = 'UPHELD' and "cod"."disputes"."adjustment_amount" is not null and "cod"."disputes"."adjustment_batch_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payout_files_serial_key" ON "cod"."payout_files" USING btree ("settlement_office_code","file_serial");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_batch_key" ON "cod"."payouts" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_utr_key" ON "cod"."payouts" USING btree ("utr") WHERE "cod"."payouts"."utr" is not null;--> statement-breakpoint
CREATE INDEX "payouts_biller_idx" ON "cod"."payouts" USING btree ("biller_id","released_on");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_batches_reference_key" ON "cod"."settlement_batches" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_batches_live_cycle_key" ON "cod"."settlement_batches" USING btree ("biller_id","cycle_date") WHERE "status" not in ('REJECTED','CANCELLED');--> statement-breakpoint
CREATE INDEX "settlement_batches_office_idx" ON "cod"."settlement_batches" USING btree ("settlement_office_code","status");--> statement-breakpoint
CREATE INDEX "settlement_batches_approval_idx" ON "cod"."settlement_batches" USING btree ("approval_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_lines_active_article_key" ON "cod"."settlement_lines" USING btree ("article_id") WHERE "cod"."settlement_lines"."active" and "cod"."settlement_lines"."kind" = 'ARTICLE';--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_lines_active_dispute_key" ON "cod"."settlement_lines" USING btree ("dispute_id") WHERE "cod"."settlement_lines"."active" and "cod"."settlement_lines"."kind" = 'ADJUSTMENT';--> statement-breakpoint
CREATE INDEX "settlement_lines_batch_idx" ON "cod"."settlement_lines" USING btree ("batch_id");