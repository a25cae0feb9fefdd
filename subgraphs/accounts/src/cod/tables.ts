import { sql } from 'drizzle-orm';
import { check, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accountsSchema } from '../db-schema.js';

/**
 * The ledger's answer to each COD movement, once per movement id (cod-settlement's own id for it): POSTED with its
 * entries, or REJECTED with the business rule that refused it. A redelivered movement, under any event id, is answered
 * again from this row and posts nothing. Its entries are idempotent on their own keys too (rules.ts entryKey), and a
 * row here and its entries commit together or not at all.
 */
export const codMovements = accountsSchema.table(
  'cod_movements',
  {
    movementId: uuid('movement_id').primaryKey(),
    movement: text('movement').notNull(),
    /** The event that was answered first (a later copy under another id is answered from this row). */
    eventId: uuid('event_id').notNull(),
    outcome: text('outcome').notNull(),
    entryIds: jsonb('entry_ids').$type<string[]>().notNull(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('cod_movements_movement_valid', sql`${table.movement} in ('COLLECTED','DEPOSITED','DIGITAL_CLEARED','SETTLED','PAYOUT_FAILED','ADJUSTED')`),
    check('cod_movements_outcome_valid', sql`${table.outcome} in ('POSTED','REJECTED')`),
    // A rejection says why and posts nothing; a posting has no error.
    check(
      'cod_movements_outcome_consistent',
      sql`(${table.outcome} = 'REJECTED') = (${table.errorCode} is not null) and (${table.outcome} = 'POSTED' or ${table.entryIds} = '[]'::jsonb)`,
    ),
  ],
);
