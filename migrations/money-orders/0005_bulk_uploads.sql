CREATE TABLE "money_orders"."bulk_upload_rows" (
	"upload_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"order_id" uuid,
	"rejection_code" text,
	"rejection_message" text,
	CONSTRAINT "bulk_upload_rows_upload_id_row_number_pk" PRIMARY KEY("upload_id","row_number"),
	CONSTRAINT "bulk_upload_rows_status_valid" CHECK ("money_orders"."bulk_upload_rows"."status" in ('PENDING','BOOKED','REJECTED')),
	CONSTRAINT "bulk_upload_rows_booked_valid" CHECK (("money_orders"."bulk_upload_rows"."status" = 'BOOKED') = ("money_orders"."bulk_upload_rows"."order_id" is not null)),
	CONSTRAINT "bulk_upload_rows_rejected_valid" CHECK (("money_orders"."bulk_upload_rows"."status" = 'REJECTED') = ("money_orders"."bulk_upload_rows"."rejection_code" is not null and "money_orders"."bulk_upload_rows"."rejection_message" is not null)),
	CONSTRAINT "bulk_upload_rows_number_valid" CHECK ("money_orders"."bulk_upload_rows"."row_number" between 1 and 20000)
);
--> statement-breakpoint
CREATE TABLE "money_orders"."bulk_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"mode" text NOT NULL,
	"product" text NOT NULL,
	"payment_mode" text NOT NULL,
	"office_code" text NOT NULL,
	"office_path" text NOT NULL,
	"file_name" text NOT NULL,
	"currency" text NOT NULL,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"booked_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"booked_amount" numeric DEFAULT '0' NOT NULL,
	"actor_label" text NOT NULL,
	"actor" jsonb NOT NULL,
	"request_id" text,
	"failure" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "bulk_uploads_status_valid" CHECK ("money_orders"."bulk_uploads"."status" in ('QUEUED','RUNNING','DONE','FAILED')),
	CONSTRAINT "bulk_uploads_mode_valid" CHECK ("money_orders"."bulk_uploads"."mode" in ('ALL_OR_NOTHING','ACCEPT_VALID')),
	CONSTRAINT "bulk_uploads_product_valid" CHECK ("money_orders"."bulk_uploads"."product" in ('ORDINARY','ELECTRONIC','INSTANT','SERVICE')),
	CONSTRAINT "bulk_uploads_payment_mode_valid" CHECK ("money_orders"."bulk_uploads"."payment_mode" in ('CASH','UPI','CARD')),
	CONSTRAINT "bulk_uploads_rows_valid" CHECK ("money_orders"."bulk_uploads"."total_rows" between 1 and 20000),
	CONSTRAINT "bulk_uploads_counts_valid" CHECK ("money_orders"."bulk_uploads"."processed_rows" between 0 and "money_orders"."bulk_uploads"."total_rows" and "money_orders"."bulk_uploads"."booked_count" >= 0 and "money_orders"."bulk_uploads"."rejected_count" >= 0 and "money_orders"."bulk_uploads"."booked_count" + "money_orders"."bulk_uploads"."rejected_count" <= "money_orders"."bulk_uploads"."total_rows" and "money_orders"."bulk_uploads"."booked_amount" >= 0),
	CONSTRAINT "bulk_uploads_finished_valid" CHECK (("money_orders"."bulk_uploads"."status" in ('DONE','FAILED')) = ("money_orders"."bulk_uploads"."finished_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "money_orders"."bulk_upload_rows" ADD CONSTRAINT "bulk_upload_rows_upload_id_bulk_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "money_orders"."bulk_uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_orders"."bulk_upload_rows" ADD CONSTRAINT "bulk_upload_rows_order_id_money_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "money_orders"."money_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_upload_rows_rejected_idx" ON "money_orders"."bulk_upload_rows" USING btree ("upload_id","row_number") WHERE "money_orders"."bulk_upload_rows"."status" = 'REJECTED';--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_uploads_idempotency_key" ON "money_orders"."bulk_uploads" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "bulk_uploads_unfinished_idx" ON "money_orders"."bulk_uploads" USING btree ("created_at") WHERE "money_orders"."bulk_uploads"."status" in ('QUEUED', 'RUNNING');