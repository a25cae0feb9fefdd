CREATE SCHEMA "administration";
--> statement-breakpoint
CREATE TABLE "administration"."audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"source" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_username" text,
	"actor" jsonb NOT NULL,
	"office_code" text,
	"target_type" text,
	"target_id" text,
	"reason" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"client_address" text,
	CONSTRAINT "audit_events_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "administration"."offices" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"parent_code" text,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offices_code_format" CHECK ("administration"."offices"."code" ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
	CONSTRAINT "offices_type_valid" CHECK ("administration"."offices"."type" in ('CIRCLE','REGION','DIVISION','HEAD_OFFICE','SUB_OFFICE','BRANCH_OFFICE')),
	CONSTRAINT "offices_status_valid" CHECK ("administration"."offices"."status" in ('ACTIVE','CLOSED'))
);
--> statement-breakpoint
CREATE TABLE "administration"."outbox" (
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
CREATE TABLE "administration"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "administration"."staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"office_code" text NOT NULL,
	"roles" text[] NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_username_format" CHECK ("administration"."staff"."username" ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
	CONSTRAINT "staff_status_valid" CHECK ("administration"."staff"."status" in ('ACTIVE','SUSPENDED','LEFT')),
	CONSTRAINT "staff_failed_login_count_nonnegative" CHECK ("administration"."staff"."failed_login_count" >= 0),
	CONSTRAINT "staff_roles_valid" CHECK (cardinality("administration"."staff"."roles") > 0 and "administration"."staff"."roles" <@ array['ADMIN','FINANCE_OFFICER','AUDITOR','COUNTER_CLERK','POSTMAN']::text[])
);
--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD CONSTRAINT "offices_parent_code_offices_code_fk" FOREIGN KEY ("parent_code") REFERENCES "administration"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "administration"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_occurred_at_idx" ON "administration"."audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "administration"."audit_events" USING btree ("actor_username","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "administration"."audit_events" USING btree ("action","occurred_at");--> statement-breakpoint
CREATE INDEX "offices_path_idx" ON "administration"."offices" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "offices_parent_idx" ON "administration"."offices" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "administration"."outbox" USING btree ("id") WHERE "administration"."outbox"."published_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_username_key" ON "administration"."staff" USING btree ("username");