CREATE SCHEMA "cod";
--> statement-breakpoint
CREATE TABLE "cod"."fee_schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"max_cod_amount" numeric NOT NULL,
	"rule" jsonb NOT NULL,
	"taxes" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_schedules_period_valid" CHECK ("cod"."fee_schedules"."effective_to" is null or "cod"."fee_schedules"."effective_to" > "cod"."fee_schedules"."effective_from"),
	CONSTRAINT "fee_schedules_max_positive" CHECK ("cod"."fee_schedules"."max_cod_amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "cod"."outbox" (
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
CREATE TABLE "cod"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "fee_schedules_from_key" ON "cod"."fee_schedules" USING btree ("currency","effective_from");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "cod"."outbox" USING btree ("id") WHERE "cod"."outbox"."published_at" is null;