-- The session feed is append-only while it matters: a revocation that could still refuse a live token is never
-- changed or removed (that would bring an ended session back for a gateway that reloads the feed). A row past its
-- expires_at refuses nothing any more and may be deleted to keep the table small.
CREATE FUNCTION "administration"."session_revocations_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."expires_at" < now() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'administration.session_revocations is append-only until a row expires: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "session_revocations_append_only" BEFORE UPDATE OR DELETE ON "administration"."session_revocations"
  FOR EACH ROW EXECUTE FUNCTION "administration"."session_revocations_guard"();
--> statement-breakpoint
CREATE TRIGGER "session_revocations_no_truncate" BEFORE TRUNCATE ON "administration"."session_revocations"
  FOR EACH STATEMENT EXECUTE FUNCTION "administration"."session_revocations_guard"();
