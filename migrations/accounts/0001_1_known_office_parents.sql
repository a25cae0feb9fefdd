-- Backfill (custom migration, after 0001_office_tree added the column): offices heard of before parent codes were
-- kept get theirs from the path, the segment before the code.
UPDATE "accounts"."known_offices" SET "parent_code" = substring("path" from '([^/]+)/[^/]+$');