CREATE TABLE "cod"."exceptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric NOT NULL,
	"article_id" uuid,
	"deposit_id" uuid,
	"office_code" text NOT NULL,
	"office_path" text NOT NULL,
	"biller_id" uuid,
	"reason" text,
	"business_date" date NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_by" text NOT NULL,
	CONSTRAINT "exceptions_type_valid" CHECK ("type" in ('SHORT_COLLECTION','EXCESS_COLLECTION','SHORT_DEPOSIT','EXCESS_DEPOSIT')),
	CONSTRAINT "exceptions_status_valid" CHECK ("cod"."exceptions"."status" in ('OPEN','RESOLVED')),
	CONSTRAINT "exceptions_amount_positive" CHECK ("cod"."exceptions"."amount" > 0),
	CONSTRAINT "exceptions_subject_valid" CHECK (("cod"."exceptions"."type" in ('SHORT_COLLECTION','EXCESS_COLLECTION') and "cod"."exceptions"."article_id" is not null and "cod"."exceptions"."biller_id" is not null) or ("cod"."exceptions"."type" in ('SHORT_DEPOSIT','EXCESS_DEPOSIT') and "cod"."exceptions"."deposit_id" is not null and "cod"."exceptions"."reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "cod"."manifest_rows" (
	"manifest_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"article_id" uuid,
	"errors" jsonb,
	CONSTRAINT "manifest_rows_manifest_id_row_number_pk" PRIMARY KEY("manifest_id","row_number"),
	CONSTRAINT "manifest_rows_status_valid" CHECK ("cod"."manifest_rows"."status" in ('PENDING','REGISTERED','ALREADY_REGISTERED','REJECTED')),
	CONSTRAINT "manifest_rows_rejected_valid" CHECK (("cod"."manifest_rows"."status" = 'REJECTED') = ("cod"."manifest_rows"."errors" is not null))
);
--> statement-breakpoint
CREATE TABLE "cod"."manifests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"file_name" text NOT NULL,
	"biller_code" text,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"registered_count" integer DEFAULT 0 NOT NULL,
	"already_registered_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"actor" jsonb NOT NULL,
	"actor_label" text NOT NULL,
	"office_path" text NOT NULL,
	"request_id" text,
	"failure" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "manifests_status_valid" CHECK ("cod"."manifests"."status" in ('QUEUED','RUNNING','DONE','FAILED')),
	CONSTRAINT "manifests_rows_valid" CHECK ("cod"."manifests"."total_rows" between 1 and 50000),
	CONSTRAINT "manifests_counts_valid" CHECK ("cod"."manifests"."processed_rows" between 0 and "cod"."manifests"."total_rows" and "cod"."manifests"."registered_count" + "cod"."manifests"."already_registered_count" + "cod"."manifests"."rejected_count" <= "cod"."manifests"."total_rows")
);
--> statement-breakpoint
CREATE TABLE "cod"."postman_deposits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"office_code" text NOT NULL,
	"office_path" text NOT NULL,
	"postman_id" text NOT NULL,
	"business_date" date NOT NULL,
	"currency" text NOT NULL,
	"expected" numeric NOT NULL,
	"deposited" numeric NOT NULL,
	"shortage" numeric NOT NULL,
	"excess" numeric NOT NULL,
	"reason" text,
	"collection_count" integer NOT NULL,
	"deposited_by" text NOT NULL,
	"deposited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "postman_deposits_amounts_valid" CHECK ("cod"."postman_deposits"."expected" > 0 and "cod"."postman_deposits"."deposited" >= 0 and "cod"."postman_deposits"."shortage" >= 0 and "cod"."postman_deposits"."excess" >= 0),
	CONSTRAINT "postman_deposits_balance" CHECK ("cod"."postman_deposits"."expected" - "cod"."postman_deposits"."shortage" + "cod"."postman_deposits"."excess" = "cod"."postman_deposits"."deposited" and ("cod"."postman_deposits"."shortage" = 0 or "cod"."postman_deposits"."excess" = 0)),
	CONSTRAINT "postman_deposits_reason_needed" CHECK (("cod"."postman_deposits"."shortage" = 0 and "cod"."postman_deposits"."excess" = 0) or "cod"."postman_deposits"."reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "cod"."manifest_rows" ADD CONSTRAINT "manifest_rows_manifest_id_manifests_id_fk" FOREIGN KEY ("manifest_id") REFERENCES "cod"."manifests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exceptions_office_idx" ON "cod"."exceptions" USING btree ("office_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "exceptions_article_idx" ON "cod"."exceptions" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "exceptions_deposit_idx" ON "cod"."exceptions" USING btree ("deposit_id");--> statement-breakpoint
CREATE INDEX "manifest_rows_rejected_idx" ON "cod"."manifest_rows" USING btree ("manifest_id","row_number") WHERE "cod"."manifest_rows"."status" = 'REJECTED';--> statement-breakpoint
CREATE INDEX "manifests_hash_idx" ON "cod"."manifests" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "manifests_created_idx" ON "cod"."manifests" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "manifests_unfinished_idx" ON "cod"."manifests" USING btree ("created_at") WHERE "cod"."manifests"."status" in ('QUEUED','RUNNING');--> statement-breakpoint
CREATE INDEX "postman_deposits_office_idx" ON "cod"."postman_deposits" USING btree ("office_path" text_pattern_ops,"business_date");--> statement-breakpoint
CREATE INDEX "postman_deposits_postman_idx" ON "cod"."postman_deposits" USING btree ("office_code","postman_id","business_date");--> statement-breakpoint
CREATE INDEX "article_events_office_day_idx" ON "cod"."article_events" USING btree ("office_code","business_date");