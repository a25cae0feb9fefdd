import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';
import type { DeliveryShifts, OfficeAddress } from './model.js';

/**
 * The office tree as an adjacency list (parent_code) plus a materialised path. The path is the chosen design for
 * subtree questions, rather than:
 * - ltree: its labels may not contain '-' on PostgreSQL 15 (only 16 widened them), and our codes do (`DL-NDC`);
 *   renaming every code or mapping codes to labels would cost more than it saves;
 * - a closure table: one row per (ancestor, descendant) pair, so O(depth) rows per office (~1M rows at national
 *   size), and a move deletes and re-inserts subtree x ancestors rows.
 * The path gives a subtree as a prefix scan on the text_pattern_ops index below (`path like 'DL/DL-NDC/%'`), and "is
 * A under B" as a string prefix test on two primary-key lookups: both cost the same whatever the size of the tree.
 * A move rewrites the subtree's paths in one UPDATE (same prefix scan). The tree's invariants are checked by the
 * service and again by a trigger (migration office_tree_guard).
 */
export const offices = administrationSchema.table(
  'offices',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull().default('ACTIVE'),
    parentCode: text('parent_code').references((): AnyPgColumn => offices.code),
    /**
     * The materialised path: the codes from the top of the tree down to this office, joined by '/'. A subtree is a
     * prefix match on it, answered by the text_pattern_ops index below whatever the size of the tree.
     */
    path: text('path').notNull(),
    /** The sub or head office this one is "in account with": required for sub and branch offices, null above. */
    accountOfficeCode: text('account_office_code').references((): AnyPgColumn => offices.code),
    /** Indian PIN code, kept as text: six digits, the first 1-9. Required for post offices by the service. */
    pin: text('pin'),
    address: jsonb('address').$type<OfficeAddress>(),
    deliveryShifts: jsonb('delivery_shifts')
      .$type<DeliveryShifts>()
      .notNull()
      .default({ morning: true, evening: false, sundays: false, holidays: false }),
    phone: text('phone'),
    email: text('email'),
    // No database default: an opening date is a business fact, taken from the service's clock (a database's
    // current_date can disagree with the clock a test or a replay runs on).
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    /** Incremented by every change to this row; carried on office.updated so consumers ignore stale events. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('offices_path_idx').using('btree', table.path.op('text_pattern_ops')),
    // Children pages are keyset by code within a parent: one index seek per page.
    index('offices_parent_code_idx').on(table.parentCode, table.code),
    index('offices_account_office_idx').on(table.accountOfficeCode),
    check('offices_code_format', sql`${table.code} ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'`),
    check(
      'offices_type_valid',
      sql`${table.type} in ('CIRCLE','REGION','DIVISION','HEAD_OFFICE','SUB_OFFICE','BRANCH_OFFICE')`,
    ),
    check('offices_status_valid', sql`${table.status} in ('ACTIVE','CLOSED')`),
    check('offices_pin_format', sql`${table.pin} is null or ${table.pin} ~ '^[1-9][0-9]{5}$'`),
    check('offices_closed_on_matches_status', sql`(${table.status} = 'CLOSED') = (${table.closedOn} is not null)`),
    check('offices_closed_after_opened', sql`${table.closedOn} is null or ${table.closedOn} >= ${table.openedOn}`),
    check(
      'offices_path_ends_with_code',
      sql`${table.path} = ${table.code} or right(${table.path}, length(${table.code}) + 1) = '/' || ${table.code}`,
    ),
    check('offices_root_has_no_parent', sql`(${table.parentCode} is null) = (strpos(${table.path}, '/') = 0)`),
    check('offices_version_positive', sql`${table.version} >= 1`),
    // Which office it is in account with is the trigger's to check (an ancestor of the right type); that there is one
    // exactly when the type needs one is a row rule.
    check(
      'offices_account_office_by_type',
      sql`(${table.type} in ('SUB_OFFICE','BRANCH_OFFICE')) = (${table.accountOfficeCode} is not null)`,
    ),
  ],
);
