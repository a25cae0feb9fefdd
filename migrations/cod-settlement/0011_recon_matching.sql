CREATE TABLE "cod"."recon_match_items" (
	"match_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"amount" numeric NOT NULL,
	"active" boolean NOT NULL,
	CONSTRAINT "recon_match_items_match_id_item_kind_item_id_pk" PRIMARY KEY("match_id","item_kind","item_id"),
	CONSTRAINT "recon_match_items_kind_valid" CHECK ("cod"."recon_match_items"."item_kind" in ('PAYOUT','PAYOUT_RETURN','AGGREGATOR_CREDIT','CASH_DEPOSIT','MONEY_ORDER'))
);
--> statement-breakpoint
CREATE TABLE "cod"."recon_match_lines" (
	"match_id" uuid NOT NULL,
	"line_id" bigint NOT NULL,
	"active" boolean NOT NULL,
	CONSTRAINT "recon_match_lines_match_id_line_id_pk" PRIMARY KEY("match_id","line_id")
);
--> statement-breakpoint
CREATE TABLE "cod"."recon_matches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"run_id" uuid,
	"status" text NOT NULL,
	"rule_set_version" integer NOT NULL,
	"rule_id" text NOT NULL,
	"strategy" text NOT NULL,
	"confidence" numeric NOT NULL,
	"currency" text NOT NULL,
	"difference" numeric NOT NULL,
	"evidence" jsonb NOT NULL,
	"effects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "recon_matches_status_valid" CHECK ("cod"."recon_matches"."status" in ('SUGGESTED','CONFIRMED','REJECTED','UNMATCHED')),
	CONSTRAINT "recon_matches_confidence_valid" CHECK ("cod"."recon_matches"."confidence" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "cod"."recon_rule_sets" (
	"version" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"approval_request_id" uuid,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "recon_rule_sets_status_valid" CHECK ("cod"."recon_rule_sets"."status" in ('PROPOSED','ACTIVE','SUPERSEDED','REJECTED')),
	CONSTRAINT "recon_rule_sets_version_valid" CHECK ("cod"."recon_rule_sets"."version" >= 2)
);
--> statement-breakpoint
CREATE TABLE "cod"."recon_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"statement_id" uuid,
	"dry_run" boolean NOT NULL,
	"rule_set_version" integer NOT NULL,
	"line_count" integer NOT NULL,
	"item_count" integer NOT NULL,
	"confirmed_count" integer NOT NULL,
	"suggested_count" integer NOT NULL,
	"unmatched_line_count" integer NOT NULL,
	"unmatched_item_count" integer NOT NULL,
	"by_rule" jsonb NOT NULL,
	"preview" jsonb,
	"actor_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cod"."payouts" DROP CONSTRAINT "payouts_paid_has_utr";--> statement-breakpoint
ALTER TABLE "cod"."recon_match_items" ADD CONSTRAINT "recon_match_items_match_id_recon_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "cod"."recon_matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."recon_match_lines" ADD CONSTRAINT "recon_match_lines_match_id_recon_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "cod"."recon_matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."recon_matches" ADD CONSTRAINT "recon_matches_bank_account_id_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "cod"."bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."recon_runs" ADD CONSTRAINT "recon_runs_bank_account_id_bank_accounts_id_fk" FOREIGN KEY ("bank_account_id") REFERENCES "cod"."bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recon_match_items_live_key" ON "cod"."recon_match_items" USING btree ("item_kind","item_id") WHERE "cod"."recon_match_items"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "recon_match_lines_live_key" ON "cod"."recon_match_lines" USING btree ("line_id") WHERE "cod"."recon_match_lines"."active";--> statement-breakpoint
CREATE INDEX "recon_matches_account_idx" ON "cod"."recon_matches" USING btree ("bank_account_id","status","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "recon_rule_sets_active_key" ON "cod"."recon_rule_sets" USING btree ("status") WHERE "cod"."recon_rule_sets"."status" = 'ACTIVE';--> statement-breakpoint
CREATE UNIQUE INDEX "recon_rule_sets_proposed_key" ON "cod"."recon_rule_sets" USING btree ("status") WHERE "cod"."recon_rule_sets"."status" = 'PROPOSED';--> statement-breakpoint
CREATE INDEX "recon_runs_account_idx" ON "cod"."recon_runs" USING btree ("bank_account_id","created_at");--> statement-breakpoint
ALTER TABLE "cod"."payouts" ADD CONSTRAINT "payouts_paid_has_utr" CHECK (("cod"."payouts"."status" <> 'PAID' or "cod"."payouts"."utr" is not null) and ("cod"."payouts"."status" not in ('PENDING','FAILED') or "cod"."payouts"."utr" is null));