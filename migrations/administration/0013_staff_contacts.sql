ALTER TABLE "administration"."staff" ADD COLUMN "mobile" text;--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_mobile_format" CHECK ("administration"."staff"."mobile" ~ '^\+[1-9][0-9]{7,14}$');--> statement-breakpoint
ALTER TABLE "administration"."staff" ADD CONSTRAINT "staff_email_format" CHECK (char_length("administration"."staff"."email") <= 254 and "administration"."staff"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$');