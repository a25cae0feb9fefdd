CREATE TABLE "administration"."staff_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"office_code" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"assigned_by" uuid,
	CONSTRAINT "staff_assignments_period_valid" CHECK ("administration"."staff_assignments"."ended_at" is null or "administration"."staff_assignments"."ended_at" >= "administration"."staff_assignments"."started_at")
);--> statement-breakpoint
ALTER TABLE "administration"."staff" DROP CONSTRAINT "staff_roles_valid";--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD COLUMN "employee_id" text;--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD COLUMN "temporary_password_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "administration"."staff_assignments" ADD CONSTRAINT "staff_assignments_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "administration"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administration"."staff_assignments" ADD CONSTRAINT "staff_assignments_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "administration"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "administration"."staff_assignments" ADD CONSTRAINT "staff_assignments_assigned_by_staff_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "administration"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_assignments_one_open_key" ON "administration"."staff_assignments" USING btree ("staff_id") WHERE "administration"."staff_assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "staff_assignments_staff_started_idx" ON "administration"."staff_assignments" USING btree ("staff_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_employee_id_key" ON "administration"."staff" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "staff_office_code_idx" ON "administration"."staff" USING btree ("office_code","username");--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_employee_id_format" CHECK ("administration"."staff"."employee_id" ~ '^[0-9]{8}$');--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_name_length" CHECK (char_length("administration"."staff"."name") between 1 and 200);--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_suspension_consistent" CHECK (("administration"."staff"."status" = 'SUSPENDED') = ("administration"."staff"."suspended_at" is not null and "administration"."staff"."suspension_reason" is not null));--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_left_consistent" CHECK (("administration"."staff"."status" = 'LEFT') = ("administration"."staff"."left_on" is not null));--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_temporary_password_consistent" CHECK ("administration"."staff"."temporary_password_used_at" is null or "administration"."staff"."must_change_password");--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_roles_valid" CHECK ("administration"."staff"."roles" <@ array['ADMIN','FINANCE_OFFICER','AUDITOR','COUNTER_CLERK','POSTMAN']::text[]);