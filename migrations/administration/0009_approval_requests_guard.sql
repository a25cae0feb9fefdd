-- The approvals inbox's rules, held by the database as well as the code (subgraphs/administration/src/approvals).
-- The CHECKs on the table keep each row consistent with its status and the checker apart from the maker; this trigger
-- holds what a CHECK cannot see, the change from one row version to the next:
--   * what was submitted (kind, owner, summary, payload and its hash, maker, office, times) never changes;
--   * the status moves only PENDING -> APPROVED | REJECTED | EXPIRED and APPROVED -> EXECUTED | FAILED;
--   * a decision, once taken, is not rewritten by the execution that follows it;
--   * requests are never deleted (they are the evidence of who approved what).
-- A superuser can still switch the trigger off; the payload hash is what catches a payload changed that way.
CREATE FUNCTION "administration"."approval_requests_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'approval requests are never deleted: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."kind" IS DISTINCT FROM OLD."kind"
    OR NEW."subgraph" IS DISTINCT FROM OLD."subgraph" OR NEW."summary" IS DISTINCT FROM OLD."summary"
    OR NEW."payload" IS DISTINCT FROM OLD."payload" OR NEW."payload_hash" IS DISTINCT FROM OLD."payload_hash"
    OR NEW."maker_id" IS DISTINCT FROM OLD."maker_id" OR NEW."maker_username" IS DISTINCT FROM OLD."maker_username"
    OR NEW."office_code" IS DISTINCT FROM OLD."office_code" OR NEW."office_path" IS DISTINCT FROM OLD."office_path"
    OR NEW."created_at" IS DISTINCT FROM OLD."created_at" OR NEW."expires_at" IS DISTINCT FROM OLD."expires_at" THEN
    RAISE EXCEPTION 'approval request %: what was submitted never changes', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  IF NOT ((OLD."status" = 'PENDING' AND NEW."status" IN ('APPROVED', 'REJECTED', 'EXPIRED'))
       OR (OLD."status" = 'APPROVED' AND NEW."status" IN ('EXECUTED', 'FAILED'))) THEN
    RAISE EXCEPTION 'approval request %: % -> % is not a transition', OLD."id", OLD."status", NEW."status"
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."status" = 'APPROVED' AND (NEW."checker_id" IS DISTINCT FROM OLD."checker_id"
    OR NEW."checker_username" IS DISTINCT FROM OLD."checker_username" OR NEW."decided_at" IS DISTINCT FROM OLD."decided_at"
    OR NEW."comment" IS DISTINCT FROM OLD."comment" OR NEW."reason" IS DISTINCT FROM OLD."reason") THEN
    RAISE EXCEPTION 'approval request %: the decision is not rewritten by its execution', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "approval_requests_guard" BEFORE UPDATE OR DELETE ON "administration"."approval_requests"
  FOR EACH ROW EXECUTE FUNCTION "administration"."approval_requests_guard"();
--> statement-breakpoint
CREATE TRIGGER "approval_requests_no_truncate" BEFORE TRUNCATE ON "administration"."approval_requests"
  FOR EACH STATEMENT EXECUTE FUNCTION "administration"."approval_requests_guard"();
