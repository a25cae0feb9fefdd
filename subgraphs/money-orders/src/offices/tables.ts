import { index, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { moneyOrdersSchema } from '../db-schema.js';

/**
 * This subgraph's copy of the office tree, kept from administration's office events (it never reads another
 * subgraph's tables): which offices exist and are open, what type they are (only counter offices book and pay), and
 * their paths, which scope checks and subtree filters compare by prefix.
 */
export const knownOffices = moneyOrdersSchema.table(
  'known_offices',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    path: text('path').notNull(),
    parentCode: text('parent_code'),
    status: text('status').notNull().default('ACTIVE'),
    /** The office's version at administration: an older event changes nothing. */
    version: integer('version').notNull().default(1),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('mo_known_offices_path_idx').using('btree', table.path.op('text_pattern_ops'))],
);
