DROP INDEX "administration"."offices_parent_idx";--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "account_office_code" text;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "pin" text;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "address" jsonb;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "delivery_shifts" jsonb DEFAULT '{"morning":true,"evening":false,"sundays":false,"holidays":false}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "opened_on" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD CONSTRAINT "offices_account_office_code_offices_code_fk" FOREIGN KEY ("account_office_code") REFERENCES "administration"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offices_parent_code_idx" ON "administration"."offices" USING btree ("parent_code","code");--> statement-breakpoint
CREATE INDEX "offices_account_office_idx" ON "administration"."offices" USING btree ("account_office_code");--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD CONSTRAINT "offices_pin_format" CHECK ("administration"."offices"."pin" is null or "administration"."offices"."pin" ~ '^[1-9][0-9]{5}$');--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD CONSTRAINT "offices_closed_on_matches_status" CHECK (("administration"."offices"."status" = 'CLOSED') = ("administration"."offices"."closed_on" is not null));--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD CONSTRAINT "offices_closed_after_opened" CHECK ("administration"."offices"."closed_on" is null or "administration"."offices"."closed_on" >= "administration"."offices"."opened_on");--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD CONSTRAINT "offices_path_ends_with_code" CHECK ("administration"."offices"."path" = "administration"."offices"."code" or right("administration"."offices"."path", length("administration"."offices"."code") + 1) = '/' || "administration"."offices"."code");--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD CONSTRAINT "offices_root_has_no_parent" CHECK (("administration"."offices"."parent_code" is null) = (strpos("administration"."offices"."path", '/') = 0));--> statement-breakpoint
ALTER TABLE "administration"."offices" ADD CONSTRAINT "offices_version_positive" CHECK ("administration"."offices"."version" >= 1);