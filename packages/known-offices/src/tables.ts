import { index, integer, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * A subgraph's copy of the office tree, kept from administration's office events (a subgraph never reads another's
 * tables): which offices exist and are open, their type, and their paths, which scope checks and subtree filters
 * compare by prefix. Built in the caller's schema, like the outbox: `knownOfficesTable(mySchema, 'mo')` in the
 * subgraph's tables so drizzle-kit writes it into that subgraph's migrations. `indexPrefix` keeps the path index's
 * name the one each subgraph's migrations already gave it.
 */
export function knownOfficesTable(schema: PgSchema, indexPrefix: string) {
  return schema.table(
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
    (table) => [index(`${indexPrefix}_known_offices_path_idx`).using('btree', table.path.op('text_pattern_ops'))],
  );
}

export type KnownOfficesTable = ReturnType<typeof knownOfficesTable>;
