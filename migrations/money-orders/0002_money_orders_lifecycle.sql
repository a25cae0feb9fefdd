CREATE SEQUENCE "money_orders"."reference_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 99999999999 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "money_orders"."known_offices" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"path" text NOT NULL,
	"parent_code" text,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_orders"."money_order_ledger_movements" (
	"order_id" uuid NOT NULL,
	"movement" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"event_id" uuid NOT NULL,
	"booking_office_path" text NOT NULL,
	"payable_change" numeric NOT NULL,
	"business_date" date NOT NULL,
	"entry_ids" jsonb,
	"rejection" text,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "money_order_ledger_movements_order_id_movement_pk" PRIMARY KEY("order_id","movement"),
	CONSTRAINT "mo_ledger_movements_movement_valid" CHECK ("money_orders"."money_order_ledger_movements"."movement" in ('BOOKED','PAID','REFUNDED','EXPIRED','VOIDED')),
	CONSTRAINT "mo_ledger_movements_status_valid" CHECK ("money_orders"."money_order_ledger_movements"."status" in ('PENDING','POSTED','REJECTED'))
);
--> statement-breakpoint
CREATE TABLE "money_orders"."money_order_requests" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"order_id" uuid NOT NULL,
	"request_hash" text NOT NULL,
	"approval_request_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_orders"."money_order_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"office_code" text,
	"at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "money_orders"."money_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"product" text NOT NULL,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric NOT NULL,
	"commission" numeric NOT NULL,
	"tax" numeric NOT NULL,
	"total" numeric NOT NULL,
	"tariff_version_id" text NOT NULL,
	"payment_mode" text NOT NULL,
	"booking_office_code" text NOT NULL,
	"booking_office_path" text NOT NULL,
	"paying_office_code" text NOT NULL,
	"paying_office_path" text NOT NULL,
	"settled_office_code" text,
	"sender_name" text NOT NULL,
	"sender_phone" text NOT NULL,
	"sender_address" text NOT NULL,
	"sender_id_document" text NOT NULL,
	"sender_key" text NOT NULL,
	"payee_name" text NOT NULL,
	"payee_phone" text NOT NULL,
	"payee_address" text NOT NULL,
	"payee_id_document" text,
	"message" text,
	"booked_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"void_on" date NOT NULL,
	"settled_on" date,
	"booked_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"booked_by" text NOT NULL,
	"lock_reason" text,
	"locked_from_status" text,
	"code_hash" text NOT NULL,
	"code_channel" text NOT NULL,
	"code_sent_to" text NOT NULL,
	"code_expires_at" timestamp with time zone NOT NULL,
	"code_resends" integer DEFAULT 0 NOT NULL,
	"failed_code_attempts" integer DEFAULT 0 NOT NULL,
	"stop_code_hash" text,
	"stop_code_expires_at" timestamp with time zone,
	"stop_code_attempts" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "money_orders_status_valid" CHECK (status in ('BOOKED','AVAILABLE','PAID','LOCKED','STOPPED','RETURNED','EXPIRED','REFUNDED','VOID')),
	CONSTRAINT "money_orders_product_valid" CHECK ("money_orders"."money_orders"."product" in ('ORDINARY','ELECTRONIC','INSTANT','SERVICE')),
	CONSTRAINT "money_orders_payment_mode_valid" CHECK ("money_orders"."money_orders"."payment_mode" in ('CASH','UPI','CARD')),
	CONSTRAINT "money_orders_reference_shape" CHECK ("money_orders"."money_orders"."reference" ~ '^[0-9]{18}$'),
	CONSTRAINT "money_orders_amounts_valid" CHECK ("money_orders"."money_orders"."amount" > 0 and "money_orders"."money_orders"."commission" >= 0 and "money_orders"."money_orders"."tax" >= 0 and "money_orders"."money_orders"."total" = "money_orders"."money_orders"."amount" + "money_orders"."money_orders"."commission" + "money_orders"."money_orders"."tax"),
	CONSTRAINT "money_orders_attempts_valid" CHECK ("money_orders"."money_orders"."failed_code_attempts" between 0 and 5 and "money_orders"."money_orders"."code_resends" between 0 and 3),
	CONSTRAINT "money_orders_lock_valid" CHECK (("money_orders"."money_orders"."status" = 'LOCKED') = ("money_orders"."money_orders"."locked_from_status" is not null)),
	CONSTRAINT "money_orders_paid_valid" CHECK (("money_orders"."money_orders"."status" = 'PAID') = ("money_orders"."money_orders"."paid_at" is not null)),
	CONSTRAINT "money_orders_message_length" CHECK ("money_orders"."money_orders"."message" is null or char_length("money_orders"."money_orders"."message") <= 100)
);
--> statement-breakpoint
ALTER TABLE "money_orders"."money_order_ledger_movements" ADD CONSTRAINT "money_order_ledger_movements_order_id_money_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "money_orders"."money_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_orders"."money_order_requests" ADD CONSTRAINT "money_order_requests_order_id_money_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "money_orders"."money_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_orders"."money_order_transitions" ADD CONSTRAINT "money_order_transitions_order_id_money_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "money_orders"."money_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mo_known_offices_path_idx" ON "money_orders"."known_offices" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "mo_ledger_movements_open_idx" ON "money_orders"."money_order_ledger_movements" USING btree ("status") WHERE "money_orders"."money_order_ledger_movements"."status" <> 'POSTED';--> statement-breakpoint
CREATE INDEX "money_order_transitions_order_idx" ON "money_orders"."money_order_transitions" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "money_orders_reference_key" ON "money_orders"."money_orders" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "money_orders_idempotency_key" ON "money_orders"."money_orders" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "money_orders_booking_path_idx" ON "money_orders"."money_orders" USING btree ("booking_office_path" text_pattern_ops,"booked_at");--> statement-breakpoint
CREATE INDEX "money_orders_paying_path_idx" ON "money_orders"."money_orders" USING btree ("paying_office_path" text_pattern_ops,"booked_at");--> statement-breakpoint
CREATE INDEX "money_orders_sender_phone_idx" ON "money_orders"."money_orders" USING btree ("sender_phone");--> statement-breakpoint
CREATE INDEX "money_orders_expiry_idx" ON "money_orders"."money_orders" USING btree ("expires_on") WHERE "money_orders"."money_orders"."status" = 'AVAILABLE';--> statement-breakpoint
CREATE INDEX "money_orders_void_idx" ON "money_orders"."money_orders" USING btree ("void_on") WHERE "money_orders"."money_orders"."status" = 'EXPIRED';