CREATE TABLE "accounts"."money_order_movements" (
	"reference" text NOT NULL,
	"movement" text NOT NULL,
	"money_order_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"entry_ids" jsonb NOT NULL,
	"error_code" text,
	"error_message" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "money_order_movements_reference_movement_pk" PRIMARY KEY("reference","movement"),
	CONSTRAINT "money_order_movements_movement_valid" CHECK ("accounts"."money_order_movements"."movement" in ('BOOKED','PAID','REFUNDED','EXPIRED','VOIDED')),
	CONSTRAINT "money_order_movements_outcome_valid" CHECK ("accounts"."money_order_movements"."outcome" in ('POSTED','REJECTED')),
	CONSTRAINT "money_order_movements_outcome_consistent" CHECK (("accounts"."money_order_movements"."outcome" = 'REJECTED') = ("accounts"."money_order_movements"."error_code" is not null) and ("accounts"."money_order_movements"."outcome" = 'POSTED' or "accounts"."money_order_movements"."entry_ids" = '[]'::jsonb))
);
