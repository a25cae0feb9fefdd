CREATE TABLE "accounts"."cod_movements" (
	"movement_id" uuid PRIMARY KEY NOT NULL,
	"movement" text NOT NULL,
	"event_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"entry_ids" jsonb NOT NULL,
	"error_code" text,
	"error_message" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cod_movements_movement_valid" CHECK ("accounts"."cod_movements"."movement" in ('COLLECTED','DEPOSITED','DIGITAL_CLEARED','SETTLED','PAYOUT_FAILED','ADJUSTED')),
	CONSTRAINT "cod_movements_outcome_valid" CHECK ("accounts"."cod_movements"."outcome" in ('POSTED','REJECTED')),
	CONSTRAINT "cod_movements_outcome_consistent" CHECK (("accounts"."cod_movements"."outcome" = 'REJECTED') = ("accounts"."cod_movements"."error_code" is not null) and ("accounts"."cod_movements"."outcome" = 'POSTED' or "accounts"."cod_movements"."entry_ids" = '[]'::jsonb))
);
