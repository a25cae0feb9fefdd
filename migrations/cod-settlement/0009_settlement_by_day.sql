CREATE TABLE "cod"."due_days" (
	"biller_id" uuid NOT NULL,
	"due_from" date NOT NULL,
	"settlement_office_code" text NOT NULL,
	"batch_id" uuid,
	"article_count" integer DEFAULT 0 NOT NULL,
	"gross" numeric DEFAULT '0' NOT NULL,
	"fee" numeric DEFAULT '0' NOT NULL,
	"fee_tax" numeric DEFAULT '0' NOT NULL,
	"early_fee" numeric DEFAULT '0' NOT NULL,
	"early_tax" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "due_days_biller_id_due_from_pk" PRIMARY KEY("biller_id","due_from")
);
--> statement-breakpoint
CREATE TABLE "cod"."settlement_days" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"biller_id" uuid NOT NULL,
	"due_from" date NOT NULL,
	"early" boolean NOT NULL,
	"article_count" integer NOT NULL,
	"gross" numeric NOT NULL,
	"fee" numeric NOT NULL,
	"tax" numeric NOT NULL,
	"early_fee" numeric NOT NULL,
	"net" numeric NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "settlement_days_net_valid" CHECK ("cod"."settlement_days"."net" = "cod"."settlement_days"."gross" - "cod"."settlement_days"."fee" - "cod"."settlement_days"."tax" - "cod"."settlement_days"."early_fee")
);
--> statement-breakpoint
DROP INDEX "cod"."collections_due_idx";--> statement-breakpoint
ALTER TABLE "cod"."collections" ADD COLUMN "settles_alone" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cod"."collections" ADD COLUMN "fee" numeric;--> statement-breakpoint
ALTER TABLE "cod"."collections" ADD COLUMN "fee_tax" numeric;--> statement-breakpoint
ALTER TABLE "cod"."collections" ADD COLUMN "early_fee" numeric;--> statement-breakpoint
ALTER TABLE "cod"."collections" ADD COLUMN "early_tax" numeric;--> statement-breakpoint
ALTER TABLE "cod"."due_days" ADD CONSTRAINT "due_days_biller_id_billers_id_fk" FOREIGN KEY ("biller_id") REFERENCES "cod"."billers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."due_days" ADD CONSTRAINT "due_days_batch_id_settlement_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "cod"."settlement_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cod"."settlement_days" ADD CONSTRAINT "settlement_days_batch_id_settlement_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "cod"."settlement_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "due_days_open_idx" ON "cod"."due_days" USING btree ("settlement_office_code","biller_id","due_from") WHERE "cod"."due_days"."batch_id" is null;--> statement-breakpoint
CREATE INDEX "due_days_batch_idx" ON "cod"."due_days" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_days_active_day_key" ON "cod"."settlement_days" USING btree ("biller_id","due_from") WHERE "cod"."settlement_days"."active";--> statement-breakpoint
CREATE INDEX "settlement_days_batch_idx" ON "cod"."settlement_days" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "collections_day_idx" ON "cod"."collections" USING btree ("biller_id","due_from") WHERE "cod"."collections"."due_from" is not null and not "cod"."collections"."settles_alone";--> statement-breakpoint
CREATE INDEX "collections_due_idx" ON "cod"."collections" USING btree ("biller_id","due_from") WHERE "cod"."collections"."settles_alone" and "cod"."collections"."settlement_batch_id" is null and "cod"."collections"."due_from" is not null;--> statement-breakpoint
-- Collections already due keep settling the way they were built: alone, by their own lines (their days are not
-- registered, so no day claim can take them). Collections not yet due join the day path when they become due.
UPDATE "cod"."collections" SET "settles_alone" = true WHERE "due_from" IS NOT NULL;--> statement-breakpoint
-- The COD fee of an amount under a PERCENT_WITH_MINIMUM_THEN_EXCESS rule, rounded half-up to paise (round() on
-- numeric rounds half away from zero; amounts are positive): the SQL twin of fees/domain.ts quoteCodFee, one copy for
-- the trigger below and the build's articles that settle alone (settlement/build-repository.ts).
CREATE FUNCTION "cod"."cod_fee"(amount numeric, rule jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT round(CASE WHEN amount <= (rule->>'threshold')::numeric
                    THEN greatest(amount * (rule->>'percentUpToThreshold')::numeric / 100, (rule->>'minimumFee')::numeric)
                    ELSE (rule->>'baseAboveThreshold')::numeric + (amount - (rule->>'threshold')::numeric) * (rule->>'percentOfExcess')::numeric / 100 END, 2)
$$;--> statement-breakpoint
-- When a collection becomes due (deposited, cleared, or inserted due): it is priced with the contract in force that
-- day (the SQL twin of fees/domain.ts quoteCodFee: the fee rounded HALF_UP to paise first, each tax on the rounded fee
-- rounded on its own; the early-settlement fee on the amount, charged only if its day is settled early), and added to
-- its day's totals in due_days, so a build reads a row per day and no collection. It settles alone instead when its
-- day is already claimed or no contract prices it. A build at the settlement office holds the same advisory lock
-- exclusively from before it reads the open days until it commits, so a collection either commits before the build
-- reads (and is in the claim) or sees the claim (and settles alone): never in a claimed day without being in the claim.
-- Callers making many collections due at once lock their days first, in order (articles/due-days.ts lockDueDays).
CREATE FUNCTION "cod"."collection_became_due"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  office text;
  k record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.due_from IS NOT NULL THEN
    IF NEW.due_from IS DISTINCT FROM OLD.due_from THEN
      RAISE EXCEPTION 'a collection becomes due once (article %)', NEW.article_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.due_from IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT b.settlement_office_code INTO office FROM cod.billers b WHERE b.id = NEW.biller_id;
  PERFORM pg_advisory_xact_lock_shared(hashtext('cod.settlement.build:' || office));
  SELECT c.fee_rule, c.taxes, c.early_settlement_fee_percent INTO k FROM cod.contracts c
    WHERE c.biller_id = NEW.biller_id AND c.effective_from <= NEW.due_from ORDER BY c.effective_from DESC LIMIT 1;
  IF NOT FOUND OR (k.fee_rule->>'kind') IS DISTINCT FROM 'PERCENT_WITH_MINIMUM_THEN_EXCESS' THEN
    NEW.settles_alone := true;
    RETURN NEW;
  END IF;
  NEW.fee := "cod"."cod_fee"(NEW.amount, k.fee_rule);
  NEW.early_fee := round(NEW.amount * coalesce(k.early_settlement_fee_percent, 0) / 100, 2);
  SELECT coalesce(sum(round(NEW.fee * (t->>'percent')::numeric / 100, 2)), 0), coalesce(sum(round(NEW.early_fee * (t->>'percent')::numeric / 100, 2)), 0)
    INTO NEW.fee_tax, NEW.early_tax FROM jsonb_array_elements(k.taxes) t;
  IF NEW.settles_alone OR NEW.amount <= 0 THEN
    RETURN NEW;
  END IF;
  INSERT INTO cod.due_days AS d (biller_id, due_from, settlement_office_code, article_count, gross, fee, fee_tax, early_fee, early_tax)
    VALUES (NEW.biller_id, NEW.due_from, office, 1, NEW.amount, NEW.fee, NEW.fee_tax, NEW.early_fee, NEW.early_tax)
  ON CONFLICT (biller_id, due_from) DO UPDATE
    SET article_count = d.article_count + 1, gross = d.gross + EXCLUDED.gross, fee = d.fee + EXCLUDED.fee,
        fee_tax = d.fee_tax + EXCLUDED.fee_tax, early_fee = d.early_fee + EXCLUDED.early_fee, early_tax = d.early_tax + EXCLUDED.early_tax
    WHERE d.batch_id IS NULL;
  IF NOT FOUND THEN
    NEW.settles_alone := true;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "collections_became_due" BEFORE INSERT OR UPDATE OF "due_from" ON "cod"."collections"
  FOR EACH ROW EXECUTE FUNCTION "cod"."collection_became_due"();--> statement-breakpoint
-- Each collection with the live batch that settles it (null: not settled, or its batch ended without paying): its own
-- line's batch when it settles alone, else its day's.
CREATE VIEW "cod"."collection_batches" AS
  SELECT c.*, CASE WHEN c.settles_alone THEN c.settlement_batch_id ELSE d.batch_id END AS batch_id
  FROM "cod"."collections" c
  LEFT JOIN "cod"."due_days" d ON NOT c.settles_alone AND d.biller_id = c.biller_id AND d.due_from = c.due_from;--> statement-breakpoint
-- Every line of every batch as settlement_lines has them: its own lines (articles settling alone, adjustments), and one
-- line per article of each day it claimed, with the article's fee and taxes; `sort_key` pages them in a fixed order.
CREATE VIEW "cod"."batch_lines" AS
  SELECT l.batch_id, l.kind, l.article_id, l.dispute_id, l.gross, l.fee, l.tax, l.early_fee, l.net, l.due_from, l.active,
         'L' || lpad(l.id::text, 20, '0') AS sort_key
  FROM "cod"."settlement_lines" l
  UNION ALL
  SELECT sd.batch_id, 'ARTICLE', c.article_id, NULL::uuid, c.amount, c.fee,
         c.fee_tax + CASE WHEN sd.early THEN c.early_tax ELSE 0 END,
         CASE WHEN sd.early THEN c.early_fee ELSE 0 END,
         c.amount - c.fee - c.fee_tax - CASE WHEN sd.early THEN c.early_fee + c.early_tax ELSE 0 END,
         c.due_from, sd.active, 'D' || sd.due_from::text || c.article_id::text
  FROM "cod"."settlement_days" sd
  JOIN "cod"."collections" c ON c.biller_id = sd.biller_id AND c.due_from = sd.due_from AND NOT c.settles_alone AND c.amount > 0;
--> statement-breakpoint
-- A dispute opened on an article takes it off the day path unless its day is already claimed (then it is settled,
-- and an upheld claim is paid back as an adjustment): it settles alone, which the build does only once no dispute on
-- it is open, and leaves its day's totals. Under the settlement office's build lock shared, as collections becoming
-- due take it, so no build is claiming its day meanwhile; a trigger, so no way of opening a dispute can forget it.
CREATE FUNCTION "cod"."dispute_holds_article"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  office text;
BEGIN
  SELECT b.settlement_office_code INTO office FROM cod.billers b WHERE b.id = NEW.biller_id;
  PERFORM pg_advisory_xact_lock_shared(hashtext('cod.settlement.build:' || office));
  PERFORM "cod"."take_off_open_day"(NEW.article_id);
  RETURN NULL;
END $$;--> statement-breakpoint
-- Moves a collection on an open day to settling alone, out of that day's totals; nothing for one already alone, not
-- yet due, or on a claimed day. The caller holds the settlement office's build lock (shared or exclusive).
CREATE FUNCTION "cod"."take_off_open_day"(article uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  UPDATE cod.collections x SET settles_alone = true
   WHERE x.article_id = article AND NOT x.settles_alone
     AND (x.due_from IS NULL OR NOT EXISTS (SELECT 1 FROM cod.due_days d WHERE d.biller_id = x.biller_id AND d.due_from = x.due_from AND d.batch_id IS NOT NULL))
  RETURNING x.biller_id, x.due_from, x.amount, x.fee, x.fee_tax, x.early_fee, x.early_tax INTO c;
  IF FOUND AND c.due_from IS NOT NULL AND c.amount > 0 THEN
    UPDATE cod.due_days d SET article_count = d.article_count - 1, gross = d.gross - c.amount, fee = d.fee - c.fee,
           fee_tax = d.fee_tax - c.fee_tax, early_fee = d.early_fee - c.early_fee, early_tax = d.early_tax - c.early_tax
     WHERE d.biller_id = c.biller_id AND d.due_from = c.due_from;
  END IF;
END $$;--> statement-breakpoint
CREATE TRIGGER "disputes_hold_article" AFTER INSERT ON "cod"."disputes"
  FOR EACH ROW WHEN (NEW.status = 'OPEN') EXECUTE FUNCTION "cod"."dispute_holds_article"();
