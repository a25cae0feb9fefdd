CREATE TABLE "administration"."approval_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subgraph" text NOT NULL,
	"summary" text NOT NULL,
	"payload" jsonb NOT NULL,
	"payload_hash" text NOT NULL,
	"maker_id" uuid NOT NULL,
	"maker_username" text NOT NULL,
	"office_code" text NOT NULL,
	"office_path" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"checker_id" uuid,
	"checker_username" text,
	"reason" text,
	"comment" text,
	"result" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"executed_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "approval_requests_kind_valid" CHECK ("administration"."approval_requests"."kind" in ('ROLE_GRANT','MANUAL_JOURNAL','MO_REFUND','SETTLEMENT_RELEASE')),
	CONSTRAINT "approval_requests_subgraph_valid" CHECK ("administration"."approval_requests"."subgraph" in ('administration','accounts','money-orders','cod-settlement')),
	CONSTRAINT "approval_requests_status_valid" CHECK ("administration"."approval_requests"."status" in ('PENDING','APPROVED','REJECTED','EXPIRED','EXECUTED','FAILED')),
	CONSTRAINT "approval_requests_payload_hash_format" CHECK ("administration"."approval_requests"."payload_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "approval_requests_payload_is_object" CHECK (jsonb_typeof("administration"."approval_requests"."payload") = 'object'),
	CONSTRAINT "approval_requests_payload_size" CHECK (octet_length("administration"."approval_requests"."payload"::text) <= 65536),
	CONSTRAINT "approval_requests_summary_length" CHECK (char_length("administration"."approval_requests"."summary") between 1 and 500),
	CONSTRAINT "approval_requests_reason_length" CHECK ("administration"."approval_requests"."reason" is null or char_length("administration"."approval_requests"."reason") between 1 and 2000),
	CONSTRAINT "approval_requests_comment_length" CHECK ("administration"."approval_requests"."comment" is null or char_length("administration"."approval_requests"."comment") <= 2000),
	CONSTRAINT "approval_requests_checker_not_maker" CHECK ("administration"."approval_requests"."checker_id" is null or ("administration"."approval_requests"."checker_id" <> "administration"."approval_requests"."maker_id" and "administration"."approval_requests"."checker_username" <> "administration"."approval_requests"."maker_username")),
	CONSTRAINT "approval_requests_status_fields" CHECK (case "administration"."approval_requests"."status"
        when 'PENDING' then "administration"."approval_requests"."checker_id" is null and "administration"."approval_requests"."checker_username" is null and "administration"."approval_requests"."decided_at" is null
          and "administration"."approval_requests"."executed_at" is null and "administration"."approval_requests"."result" is null and "administration"."approval_requests"."reason" is null and "administration"."approval_requests"."comment" is null
        when 'APPROVED' then "administration"."approval_requests"."checker_id" is not null and "administration"."approval_requests"."checker_username" is not null and "administration"."approval_requests"."decided_at" is not null
          and "administration"."approval_requests"."executed_at" is null and "administration"."approval_requests"."result" is null and "administration"."approval_requests"."reason" is null
        when 'REJECTED' then "administration"."approval_requests"."checker_id" is not null and "administration"."approval_requests"."checker_username" is not null and "administration"."approval_requests"."decided_at" is not null
          and "administration"."approval_requests"."reason" is not null and "administration"."approval_requests"."comment" is null and "administration"."approval_requests"."executed_at" is null and "administration"."approval_requests"."result" is null
        when 'EXPIRED' then "administration"."approval_requests"."checker_id" is null and "administration"."approval_requests"."checker_username" is null and "administration"."approval_requests"."decided_at" is not null
          and "administration"."approval_requests"."executed_at" is null and "administration"."approval_requests"."result" is null and "administration"."approval_requests"."reason" is null and "administration"."approval_requests"."comment" is null
        else "administration"."approval_requests"."checker_id" is not null and "administration"."approval_requests"."checker_username" is not null and "administration"."approval_requests"."decided_at" is not null
          and "administration"."approval_requests"."executed_at" is not null and "administration"."approval_requests"."result" is not null and "administration"."approval_requests"."reason" is null
      end),
	CONSTRAINT "approval_requests_expiry_after_creation" CHECK ("administration"."approval_requests"."expires_at" > "administration"."approval_requests"."created_at"),
	CONSTRAINT "approval_requests_decided_after_creation" CHECK ("administration"."approval_requests"."decided_at" is null or "administration"."approval_requests"."decided_at" >= "administration"."approval_requests"."created_at"),
	CONSTRAINT "approval_requests_executed_after_decision" CHECK ("administration"."approval_requests"."executed_at" is null or "administration"."approval_requests"."executed_at" >= "administration"."approval_requests"."decided_at")
);
--> statement-breakpoint
ALTER TABLE "administration"."approval_requests" ADD CONSTRAINT "approval_requests_maker_id_staff_id_fk" FOREIGN KEY ("maker_id") REFERENCES "administration"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administration"."approval_requests" ADD CONSTRAINT "approval_requests_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "administration"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administration"."approval_requests" ADD CONSTRAINT "approval_requests_checker_id_staff_id_fk" FOREIGN KEY ("checker_id") REFERENCES "administration"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_requests_created_idx" ON "administration"."approval_requests" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "approval_requests_office_path_idx" ON "administration"."approval_requests" USING btree ("office_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "approval_requests_maker_idx" ON "administration"."approval_requests" USING btree ("maker_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "approval_requests_pending_expiry_idx" ON "administration"."approval_requests" USING btree ("expires_at") WHERE "administration"."approval_requests"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "approval_requests_open_role_grants_idx" ON "administration"."approval_requests" USING btree (("payload"->>'staffId'),("payload"->>'role')) WHERE "administration"."approval_requests"."kind" = 'ROLE_GRANT' and "administration"."approval_requests"."status" in ('PENDING','APPROVED');