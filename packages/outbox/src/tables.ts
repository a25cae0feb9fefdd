import type { EventEnvelope } from '@postal/events';
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, primaryKey, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The outbox and the processed-events tables, built in the caller's schema: each subgraph owns its own pair, declared
 * in its tables.ts as `export const { outbox, processedEvents } = outboxTables(mySchema)` so drizzle-kit writes them
 * into that subgraph's migrations.
 */
export function outboxTables(schema: PgSchema) {
  const outbox = schema.table(
    'outbox',
    {
      // The relay publishes in this order. 'number' mode is exact up to 2^53 rows, far beyond any outbox.
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      eventId: uuid('event_id').notNull().unique(),
      type: text('type').notNull(),
      payload: jsonb('payload').notNull(),
      envelope: jsonb('envelope').$type<EventEnvelope>().notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      publishedAt: timestamp('published_at', { withTimezone: true }),
      attempts: integer('attempts').notNull().default(0),
      lastError: text('last_error'),
    },
    // The relay only ever looks for unpublished rows; this index stays as small as the backlog.
    (table) => [index('outbox_unpublished_idx').on(table.id).where(sql`${table.publishedAt} is null`)],
  );

  const processedEvents = schema.table(
    'processed_events',
    {
      // The consumer queue's name, e.g. 'accounts.office-events'.
      consumer: text('consumer').notNull(),
      eventId: uuid('event_id').notNull(),
      processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (table) => [primaryKey({ columns: [table.consumer, table.eventId] })],
  );

  return { outbox, processedEvents };
}

export type OutboxTables = ReturnType<typeof outboxTables>;
