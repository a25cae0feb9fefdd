import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, jsonb, numeric, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';
import { articles } from '../articles/tables.js';

/**
 * A biller's dispute about a delivered article (NOT_RECEIVED, PARTIAL_AMOUNT), raised within the contract's window
 * after delivery. While OPEN the article is held out of settlement; UPHELD with an amount stages ADJUSTED and the
 * adjustment is paid in the next batch (`adjustmentBatchId`, set once, like a collection's settlementBatchId).
 */
export const disputes = codSchema.table(
  'disputes',
  {
    id: uuid('id').primaryKey(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    billerId: uuid('biller_id').notNull(),
    kind: text('kind').notNull(),
    claimedAmount: numeric('claimed_amount'),
    currency: text('currency').notNull(),
    note: text('note').notNull(),
    status: text('status').notNull().default('OPEN'),
    raisedBy: text('raised_by').notNull(),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    adjustmentAmount: numeric('adjustment_amount'),
    resolutionNote: text('resolution_note'),
    resolvedBy: text('resolved_by'),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    adjustedMovementId: uuid('adjusted_movement_id'),
    adjustmentBatchId: uuid('adjustment_batch_id'),
  },
  (table) => [
    uniqueIndex('disputes_one_open_key').on(table.articleId).where(sql`${table.status} = 'OPEN'`),
    index('disputes_biller_idx').on(table.billerId, table.status),
    index('disputes_adjustment_due_idx').on(table.billerId).where(sql`${table.status} = 'UPHELD' and ${table.adjustmentAmount} is not null and ${table.adjustmentBatchId} is null`),
    check('disputes_kind_valid', sql`${table.kind} in ('NOT_RECEIVED','PARTIAL_AMOUNT')`),
    check('disputes_status_valid', sql`${table.status} in ('OPEN','UPHELD','REJECTED')`),
    check('disputes_amounts_valid', sql`(${table.claimedAmount} is null or ${table.claimedAmount} > 0) and (${table.adjustmentAmount} is null or ${table.adjustmentAmount} > 0)`),
  ],
);

/** Every step of a dispute (raised, upheld, rejected, paid in a batch): who, when, what. Append-only. */
export const disputeEvents = codSchema.table(
  'dispute_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    type: text('type').notNull(),
    actorId: text('actor_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('dispute_events_dispute_idx').on(table.disputeId, table.id)],
);
