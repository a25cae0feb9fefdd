-- The audit trail's guarantees, held by the database as well as the code (subgraphs/administration/src/audit).
--
-- 1. Records stored before this migration: their office path is filled in (the last time these rows may change),
--    and they join the sealing queue like every later record.
UPDATE "administration"."audit_events" AS e SET "office_path" = o."path"
  FROM "administration"."offices" AS o WHERE o."code" = e."office_code" AND e."office_path" IS NULL;
--> statement-breakpoint
INSERT INTO "administration"."audit_pending" ("record_id")
  SELECT "id" FROM "administration"."audit_events" ORDER BY "id" ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- 2. Append-only: audit records and their seals are never changed or removed, whoever asks. (A superuser can still
--    switch a trigger off; that is what the hash chain is for: verifyAuditTrail finds the altered row.)
CREATE FUNCTION "administration"."audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'administration.% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "administration"."audit_events"
  FOR EACH ROW EXECUTE FUNCTION "administration"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "administration"."audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "administration"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_append_only" BEFORE UPDATE OR DELETE ON "administration"."audit_chain"
  FOR EACH ROW EXECUTE FUNCTION "administration"."audit_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_no_truncate" BEFORE TRUNCATE ON "administration"."audit_chain"
  FOR EACH STATEMENT EXECUTE FUNCTION "administration"."audit_refuse_change"();
--> statement-breakpoint
-- 3. Every stored record enters the sealing queue in the transaction that stores it, whoever inserts it, so the
--    sealer cannot miss one however the inserting transactions interleave or commit.
CREATE FUNCTION "administration"."audit_queue_for_sealing"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "administration"."audit_pending" ("record_id") VALUES (NEW."id");
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_queue_for_sealing" AFTER INSERT ON "administration"."audit_events"
  FOR EACH ROW EXECUTE FUNCTION "administration"."audit_queue_for_sealing"();
--> statement-breakpoint
-- 4. A seal must follow the one before it: position 1 follows the genesis hash (64 zeros), position n follows the
--    stored hash of position n - 1. With the primary key on position this keeps the chain gapless and linked even if
--    two sealers ever raced (the sealer's advisory lock is meant to prevent that). Rows inserted earlier by the same
--    multi-row INSERT are visible here, so one statement may seal a whole batch.
CREATE FUNCTION "administration"."audit_chain_check_link"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  IF NEW."position" = 1 THEN
    previous := repeat('0', 64);
  ELSE
    SELECT "hash" INTO previous FROM "administration"."audit_chain" WHERE "position" = NEW."position" - 1;
  END IF;
  IF previous IS NULL OR previous <> NEW."previous_hash" THEN
    RAISE EXCEPTION 'audit chain: position % does not follow position %', NEW."position", NEW."position" - 1
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_chain_check_link" BEFORE INSERT ON "administration"."audit_chain"
  FOR EACH ROW EXECUTE FUNCTION "administration"."audit_chain_check_link"();
--> statement-breakpoint
-- 5. For operations: how far sealing has got and how much waits (also answered by verifyAuditTrail's sealedUpTo).
CREATE VIEW "administration"."audit_seal_status" AS
  SELECT
    (SELECT max("position") FROM "administration"."audit_chain") AS "sealed_up_to_position",
    (SELECT "sealed_at" FROM "administration"."audit_chain" ORDER BY "position" DESC LIMIT 1) AS "last_sealed_at",
    (SELECT count(*) FROM "administration"."audit_pending") AS "pending_records",
    (SELECT min("queued_at") FROM "administration"."audit_pending") AS "oldest_pending_since";
