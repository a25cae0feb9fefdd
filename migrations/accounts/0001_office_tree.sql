ALTER TABLE "accounts"."known_offices" ADD COLUMN "parent_code" text;--> statement-breakpoint
ALTER TABLE "accounts"."known_offices" ADD COLUMN "account_office_code" text;--> statement-breakpoint
ALTER TABLE "accounts"."known_offices" ADD COLUMN "status" text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts"."known_offices" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "known_offices_path_idx" ON "accounts"."known_offices" USING btree ("path" text_pattern_ops);