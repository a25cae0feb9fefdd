import { sql } from 'drizzle-orm';
import { check, date, jsonb, numeric, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';
import type { CodFeeRule, CodTax } from './domain.js';

/**
 * COD fee schedules, versioned by effective date like money-order tariffs: a change of fee is a new row from its
 * first day. Reference rows are inserted by migrations. (Per-biller contract rates come with the COD issue.)
 */
export const feeSchedules = codSchema.table(
  'fee_schedules',
  {
    id: text('id').primaryKey(),
    currency: text('currency').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Exclusive; null while in force. */
    effectiveTo: date('effective_to', { mode: 'string' }),
    maxCodAmount: numeric('max_cod_amount').notNull(),
    rule: jsonb('rule').$type<CodFeeRule>().notNull(),
    taxes: jsonb('taxes').$type<CodTax[]>().notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('fee_schedules_from_key').on(table.currency, table.effectiveFrom),
    check('fee_schedules_period_valid', sql`${table.effectiveTo} is null or ${table.effectiveTo} > ${table.effectiveFrom}`),
    check('fee_schedules_max_positive', sql`${table.maxCodAmount} > 0`),
  ],
);
