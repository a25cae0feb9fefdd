import { bigserial, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';

/**
 * The audit trail: one row per `audit.recorded` event from any subgraph, stored once (the event id is unique). The
 * append-only guard and the hash chain come with the audit-trail issue; the event path that feeds it is here now.
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
    targetType: text('target_type'),
    targetId: text('target_id'),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    clientAddress: text('client_address'),
  },
  (table) => [
    index('audit_events_occurred_at_idx').on(table.occurredAt),
    index('audit_events_actor_idx').on(table.actorUsername, table.occurredAt),
    index('audit_events_action_idx').on(table.action, table.occurredAt),
  ],
);
