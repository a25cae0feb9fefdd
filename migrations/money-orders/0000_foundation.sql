CREATE SCHEMA "money_orders";
--> statement-breakpoint
CREATE TABLE "money_orders"."outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"envelope" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "money_orders"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "money_orders"."tariffs" (
	"id" text PRIMARY KEY NOT NULL,
	"product" text NOT NULL,
	"currency" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"min_amount" numeric NOT NULL,
	"max_amount" numeric NOT NULL,
	"whole_units_only" boolean NOT NULL,
	"rule" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariffs_product_valid" CHECK ("money_orders"."tariffs"."product" in ('ORDINARY','ELECTRONIC','INSTANT','SERVICE')),
	CONSTRAINT "tariffs_period_valid" CHECK ("money_orders"."tariffs"."effective_to" is null or "money_orders"."tariffs"."effective_to" > "money_orders"."tariffs"."effective_from"),
	CONSTRAINT "tariffs_limits_valid" CHECK ("money_orders"."tariffs"."min_amount" > 0 and "money_orders"."tariffs"."max_amount" >= "money_orders"."tariffs"."min_amount")
);
--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "money_orders"."outbox" USING btree ("id") WHERE "money_orders"."outbox"."published_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_product_from_key" ON "money_orders"."tariffs" USING btree ("product","effective_from");