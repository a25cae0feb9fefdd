import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';

/**
 * Every COD movement sent to the ledger (packages/events cod.movement), with the ledger's answer: STAGED until accounts
 * answers POSTED (with its entries) or REJECTED (with the rule that refused it, for a finance officer to act on).
 * `subjectId` is what moved (an article, a deposit, a payout, a dispute), so a screen can show its entries.
 */
export const ledgerMovements = codSchema.table(
  'ledger_movements',
  {
    movementId: uuid('movement_id').primaryKey(),
    movement: text('movement').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    billerId: uuid('biller_id'),
    officeCode: text('office_code').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('STAGED'),
    entryIds: jsonb('entry_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    rejection: text('rejection'),
    stagedAt: timestamp('staged_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [
    index('ledger_movements_subject_idx').on(table.subjectType, table.subjectId),
    index('ledger_movements_open_idx').on(table.status).where(sql`${table.status} <> 'POSTED'`),
    check('ledger_movements_status_valid', sql`${table.status} in ('STAGED','POSTED','REJECTED')`),
    check('ledger_movements_subject_valid', sql`${table.subjectType} in ('ARTICLE','DEPOSIT','PAYOUT','DISPUTE','CLEARING')`),
  ],
);
