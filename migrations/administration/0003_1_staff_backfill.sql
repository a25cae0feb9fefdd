-- Backfill (custom migration, between 0003_staff_management, which adds employee_id nullable, and
-- 0003_2_staff_employee_id_required, which makes it NOT NULL), so the migrations run on a table with rows: staff that
-- exist before employee ids get a placeholder (9 and a sequence number) for an administrator to correct, and each gets
-- their current office as an open assignment, from when they were created.
UPDATE "administration"."staff" AS s SET "employee_id" = '9' || lpad(n.rank::text, 7, '0')
  FROM (SELECT "id", row_number() OVER (ORDER BY "created_at", "username") AS rank FROM "administration"."staff") AS n
  WHERE n."id" = s."id";--> statement-breakpoint
INSERT INTO "administration"."staff_assignments" ("staff_id", "office_code", "started_at", "assigned_by")
  SELECT "id", "office_code", "created_at", NULL FROM "administration"."staff";