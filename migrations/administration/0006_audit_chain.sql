CREATE TABLE "administration"."audit_chain" (
	"position" bigint PRIMARY KEY NOT NULL,
	"record_id" bigint NOT NULL,
	"event_id" uuid NOT NULL,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_chain_record_id_unique" UNIQUE("record_id"),
	CONSTRAINT "audit_chain_event_id_unique" UNIQUE("event_id"),
	CONSTRAINT "audit_chain_position_positive" CHECK ("administration"."audit_chain"."position" >= 1),
	CONSTRAINT "audit_chain_hash_format" CHECK ("administration"."audit_chain"."hash" ~ '^[0-9a-f]{64}$' and "administration"."audit_chain"."previous_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "administration"."audit_pending" (
	"record_id" bigint PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "administration"."audit_events_occurred_at_idx";--> statement-breakpoint
DROP INDEX "administration"."audit_events_actor_idx";--> statement-breakpoint
DROP INDEX "administration"."audit_events_action_idx";--> statement-breakpoint
ALTER TABLE "administration"."audit_events" ADD COLUMN "office_path" text;--> statement-breakpoint
ALTER TABLE "administration"."audit_chain" ADD CONSTRAINT "audit_chain_record_id_audit_events_id_fk" FOREIGN KEY ("record_id") REFERENCES "administration"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administration"."audit_pending" ADD CONSTRAINT "audit_pending_record_id_audit_events_id_fk" FOREIGN KEY ("record_id") REFERENCES "administration"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_occurred_at_id_idx" ON "administration"."audit_events" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "administration"."audit_events" USING btree ("target_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_office_path_idx" ON "administration"."audit_events" USING btree ("office_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "administration"."audit_events" USING btree ("actor_username","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "administration"."audit_events" USING btree ("action","occurred_at","id");