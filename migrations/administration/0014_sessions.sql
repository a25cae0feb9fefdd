CREATE TABLE "administration"."login_attempts" (
	"username_key" text PRIMARY KEY NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_attempts_username_key_format" CHECK ("administration"."login_attempts"."username_key" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "login_attempts_failed_login_count_nonnegative" CHECK ("administration"."login_attempts"."failed_login_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "administration"."session_revocations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"staff_id" uuid NOT NULL,
	"min_version" integer,
	"session_id" text,
	"reason" text NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_revocations_one_target" CHECK (("administration"."session_revocations"."min_version" is null) <> ("administration"."session_revocations"."session_id" is null)),
	CONSTRAINT "session_revocations_min_version_positive" CHECK ("administration"."session_revocations"."min_version" is null or "administration"."session_revocations"."min_version" > 0),
	CONSTRAINT "session_revocations_session_id_length" CHECK ("administration"."session_revocations"."session_id" is null or char_length("administration"."session_revocations"."session_id") between 1 and 100),
	CONSTRAINT "session_revocations_reason_valid" CHECK ("administration"."session_revocations"."reason" in ('SUSPENDED','LEFT','PASSWORD_CHANGED','PASSWORD_RESET','ROLE_REVOKED','ASSIGNED','LOGOUT')),
	CONSTRAINT "session_revocations_expiry_after_revocation" CHECK ("administration"."session_revocations"."expires_at" > "administration"."session_revocations"."revoked_at")
);
--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "administration"."session_revocations" ADD CONSTRAINT "session_revocations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "administration"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_revocations_xid_idx" ON "administration"."session_revocations" USING btree ("xid","id");--> statement-breakpoint
CREATE INDEX "session_revocations_expires_at_idx" ON "administration"."session_revocations" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_session_version_nonnegative" CHECK ("administration"."staff"."session_version" >= 0);