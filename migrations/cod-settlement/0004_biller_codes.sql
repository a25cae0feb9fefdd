CREATE SEQUENCE "cod"."biller_code_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "cod"."biller_bank_accounts" ADD COLUMN "change_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "biller_bank_accounts_approval_key" ON "cod"."biller_bank_accounts" USING btree ("approval_request_id");