import { sql } from 'drizzle-orm';
import { check, index, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('offices_path_idx').using('btree', table.path.op('text_pattern_ops')),
    index('offices_parent_idx').on(table.parentCode),
    check('offices_code_format', sql`${table.code} ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'`),
    check(
      'offices_type_valid',
      sql`${table.type} in ('CIRCLE','REGION','DIVISION','HEAD_OFFICE','SUB_OFFICE','BRANCH_OFFICE')`,
    ),
    check('offices_status_valid', sql`${table.status} in ('ACTIVE','CLOSED')`),
  ],
);
