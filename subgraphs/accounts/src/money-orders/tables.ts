import { sql } from 'drizzle-orm';
import { check, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accountsSchema } from '../db-schema.js';

/**
 * The ledger's answer to each money-order movement, once per (reference, movement): POSTED with its entries, or
 * REJECTED with the business rule that refused it (the rejections a finance officer follows up). A redelivered
 * movement, under any event id, is answered again from this row and changes nothing else. The entries themselves are
 * also idempotent on their own keys (rules.ts entryKey), so a row here and its entries commit together or not at all.
 */
export const moneyOrderMovements = accountsSchema.table(
  'money_order_movements',
  {
    reference: text('reference').notNull(),
    movement: text('movement').notNull(),
    moneyOrderId: uuid('money_order_id').notNull(),
    /** The event that was answered first (a later copy under another id is answered from this row). */
    eventId: uuid('event_id').notNull(),
    outcome: text('outcome').notNull(),
    entryIds: jsonb('entry_ids').$type<string[]>().notNull(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.reference, table.movement] }),
    check('money_order_movements_movement_valid', sql`${table.movement} in ('BOOKED','PAID','REFUNDED','EXPIRED','VOIDED')`),
    check('money_order_movements_outcome_valid', sql`${table.outcome} in ('POSTED','REJECTED')`),
    // A rejection says why and posts nothing; a posting has no error.
    check(
      'money_order_movements_outcome_consistent',
      sql`(${table.outcome} = 'REJECTED') = (${table.errorCode} is not null) and (${table.outcome} = 'POSTED' or ${table.entryIds} = '[]'::jsonb)`,
    ),
  ],
);
