-- The office tree's invariants, checked again in the database (the service checks them first, with stable error
-- codes): an office's code and type never change; a top-level office is a circle; a child's type is strictly below its
-- parent's; the path is the parent's path and the code; a sub or branch office is in account with a head or sub office
-- above it. An AFTER ROW trigger runs once the whole statement is done, so a move that rewrites a subtree's paths in
-- one UPDATE is checked on its final state. It fires on the columns that shape the tree only, so renames and contact
-- changes cost nothing.
CREATE FUNCTION "administration"."office_tree_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ranks constant text[] := array['CIRCLE', 'REGION', 'DIVISION', 'HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE'];
  parent_type text;
  parent_path text;
  account_type text;
  account_path text;
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW."code" <> OLD."code" OR NEW."type" <> OLD."type") THEN
    RAISE EXCEPTION 'office %: code and type never change', OLD."code" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."parent_code" IS NULL THEN
    IF NEW."type" <> 'CIRCLE' THEN
      RAISE EXCEPTION 'office %: only a circle has no parent', NEW."code" USING ERRCODE = 'check_violation';
    END IF;
  ELSE
    SELECT "type", "path" INTO parent_type, parent_path FROM "administration"."offices" WHERE "code" = NEW."parent_code";
    IF parent_type IS NULL THEN
      RAISE EXCEPTION 'office %: parent % does not exist', NEW."code", NEW."parent_code" USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF array_position(ranks, parent_type) >= array_position(ranks, NEW."type") THEN
      RAISE EXCEPTION 'office %: a % cannot be under a %', NEW."code", NEW."type", parent_type USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."path" <> parent_path || '/' || NEW."code" THEN
      RAISE EXCEPTION 'office %: path % is not its parent''s path and its code', NEW."code", NEW."path" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF NEW."account_office_code" IS NOT NULL THEN
    SELECT "type", "path" INTO account_type, account_path FROM "administration"."offices" WHERE "code" = NEW."account_office_code";
    IF account_type IS NULL OR account_type NOT IN ('HEAD_OFFICE', 'SUB_OFFICE') OR NOT starts_with(NEW."path", account_path || '/') THEN
      RAISE EXCEPTION 'office %: account office % is not a head or sub office above it', NEW."code", NEW."account_office_code"
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "offices_tree_guard"
  AFTER INSERT OR UPDATE OF "code", "type", "parent_code", "path", "account_office_code" ON "administration"."offices"
  FOR EACH ROW EXECUTE FUNCTION "administration"."office_tree_guard"();
