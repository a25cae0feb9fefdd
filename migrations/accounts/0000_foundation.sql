CREATE SCHEMA "accounts";
--> statement-breakpoint
CREATE TABLE "accounts"."accounts" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"head_code" text NOT NULL,
	"currency" text NOT NULL,
	"office_code" text,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"debit_total" numeric DEFAULT '0' NOT NULL,
	"credit_total" numeric DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_type_valid" CHECK ("accounts"."accounts"."type" in ('ASSET','LIABILITY','EQUITY','INCOME','EXPENSE')),
	CONSTRAINT "accounts_status_valid" CHECK ("accounts"."accounts"."status" in ('OPEN','FROZEN','CLOSED')),
	CONSTRAINT "accounts_currency_format" CHECK ("accounts"."accounts"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "accounts_totals_nonnegative" CHECK ("accounts"."accounts"."debit_total" >= 0 and "accounts"."accounts"."credit_total" >= 0)
);
--> statement-breakpoint
CREATE TABLE "accounts"."known_offices" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"path" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts"."outbox" (
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
CREATE TABLE "accounts"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
ALTER TABLE "accounts"."accounts" ADD CONSTRAINT "accounts_office_code_known_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "accounts"."known_offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_office_idx" ON "accounts"."accounts" USING btree ("office_code","code");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "accounts"."outbox" USING btree ("id") WHERE "accounts"."outbox"."published_at" is null;