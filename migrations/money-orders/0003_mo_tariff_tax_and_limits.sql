CREATE TABLE "money_orders"."limits" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"product" text NOT NULL,
	"cap_group" text,
	"currency" text NOT NULL,
	"amount" numeric NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "limits_kind_valid" CHECK ("money_orders"."limits"."kind" in ('PER_ORDER','PER_SENDER_MONTH')),
	CONSTRAINT "limits_product_valid" CHECK ("money_orders"."limits"."product" in ('ORDINARY','ELECTRONIC','INSTANT','SERVICE')),
	CONSTRAINT "limits_group_valid" CHECK (("money_orders"."limits"."kind" = 'PER_SENDER_MONTH') = ("money_orders"."limits"."cap_group" is not null)),
	CONSTRAINT "limits_amount_positive" CHECK ("money_orders"."limits"."amount" > 0),
	CONSTRAINT "limits_period_valid" CHECK ("money_orders"."limits"."effective_to" is null or "money_orders"."limits"."effective_to" > "money_orders"."limits"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "money_orders"."sender_monthly_totals" (
	"sender_key" text NOT NULL,
	"month" text NOT NULL,
	"currency" text NOT NULL,
	"cap_group" text NOT NULL,
	"total" numeric NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sender_monthly_totals_sender_key_month_currency_cap_group_pk" PRIMARY KEY("sender_key","month","currency","cap_group"),
	CONSTRAINT "sender_monthly_totals_month_valid" CHECK ("money_orders"."sender_monthly_totals"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "sender_monthly_totals_total_positive" CHECK ("money_orders"."sender_monthly_totals"."total" > 0)
);
--> statement-breakpoint
DROP INDEX "money_orders"."tariffs_product_from_key";--> statement-breakpoint
ALTER TABLE "money_orders"."tariffs" ADD COLUMN "tax_rate_percent" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "money_orders"."tariffs" ADD COLUMN "approval_request_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "limits_kind_currency_product_from_key" ON "money_orders"."limits" USING btree ("kind","currency","product","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_currency_product_from_key" ON "money_orders"."tariffs" USING btree ("currency","product","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_approval_request_key" ON "money_orders"."tariffs" USING btree ("approval_request_id");--> statement-breakpoint
ALTER TABLE "money_orders"."tariffs" ADD CONSTRAINT "tariffs_tax_rate_valid" CHECK ("money_orders"."tariffs"."tax_rate_percent" >= 0 and "money_orders"."tariffs"."tax_rate_percent" <= 100);