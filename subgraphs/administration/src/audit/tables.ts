import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';

/*
 * The audit trail is three tables (see sealer.ts for why):
 * - audit_events: one row per `audit.recorded` event from any subgraph, stored once (the event id is unique);
 * - audit_pending: the records stored but not yet sealed, filled by a trigger on audit_events, emptied by the sealer;
 * - audit_chain: one seal per record, at a gapless position, with the hash chaining it to the seal before.
 * audit_events and audit_chain are append-only: triggers refuse UPDATE, DELETE and TRUNCATE, and an insert trigger
 * refuses a seal that does not follow the one before (migration audit_append_only).
 */

export const auditEvents = administrationSchema.table(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    source: text('source').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorUsername: text('actor_username'),
    actor: jsonb('actor').notNull(),
    officeCode: text('office_code'),
    /**
     * The office's materialised path when the record was stored, looked up in administration.offices; what `audit.read`
     * scopes filter on. It is history: a record keeps the path its office had then, even if the office moves later.
     * Null when the record names no office or one this subgraph does not know.
     */
    officePath: text('office_path'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    clientAddress: text('client_address'),
  },
  (table) => [
    // Newest-first keyset pages on (occurred_at, id), alone or after one equality filter.
    index('audit_events_occurred_at_id_idx').on(table.occurredAt, table.id),
    index('audit_events_actor_idx').on(table.actorUsername, table.occurredAt, table.id),
    index('audit_events_action_idx').on(table.action, table.occurredAt, table.id),
    index('audit_events_target_idx').on(table.targetId, table.occurredAt, table.id),
    index('audit_events_office_path_idx').using('btree', table.officePath.op('text_pattern_ops')),
  ],
);

export const auditPending = administrationSchema.table('audit_pending', {
  recordId: bigint('record_id', { mode: 'number' })
    .primaryKey()
    .references(() => auditEvents.id),
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditChain = administrationSchema.table(
  'audit_chain',
  {
    /** 1, 2, 3, ... with no gap: the order in which records were sealed. */
    position: bigint('position', { mode: 'number' }).primaryKey(),
    recordId: bigint('record_id', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => auditEvents.id),
    eventId: uuid('event_id').notNull().unique(),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('audit_chain_position_positive', sql`${table.position} >= 1`),
    check('audit_chain_hash_format', sql`${table.hash} ~ '^[0-9a-f]{64}$' and ${table.previousHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
