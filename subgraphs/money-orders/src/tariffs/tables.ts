import { sql } from 'drizzle-orm';
import { boolean, check, date, jsonb, numeric, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { moneyOrdersSchema } from '../db-schema.js';
import type { TariffRule } from './domain.js';

/**
 * Tariffs are data, versioned by effective date per product: a new tariff is a new row from its first day, and the
 * old one gets its end date, so a quote or a booking on any date uses the tariff then in force. Reference rows are
 * inserted by migrations, so every deployment has them.
 */
export const tariffs = moneyOrdersSchema.table(
  'tariffs',
  {
    id: text('id').primaryKey(),
    product: text('product').notNull(),
    currency: text('currency').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Exclusive; null while in force. */
    effectiveTo: date('effective_to', { mode: 'string' }),
    minAmount: numeric('min_amount').notNull(),
    maxAmount: numeric('max_amount').notNull(),
    wholeUnitsOnly: boolean('whole_units_only').notNull(),
    rule: jsonb('rule').$type<TariffRule>().notNull(),
    /** Percent on the commission ("18"); the domain rounds the tax (TAX_ROUNDING). */
    taxRatePercent: numeric('tax_rate_percent').notNull().default('0'),
    source: text('source').notNull(),
    /** The approvals-inbox request that added this version (null for seeded ones): a request adds at most one. */
    approvalRequestId: uuid('approval_request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Per operator currency: India's and Pakistan's tariffs may start on the same day.
    uniqueIndex('tariffs_currency_product_from_key').on(table.currency, table.product, table.effectiveFrom),
    uniqueIndex('tariffs_approval_request_key').on(table.approvalRequestId),
    check('tariffs_product_valid', sql`${table.product} in ('ORDINARY','ELECTRONIC','INSTANT','SERVICE')`),
    check('tariffs_period_valid', sql`${table.effectiveTo} is null or ${table.effectiveTo} > ${table.effectiveFrom}`),
    check('tariffs_limits_valid', sql`${table.minAmount} > 0 and ${table.maxAmount} >= ${table.minAmount}`),
    check('tariffs_tax_rate_valid', sql`${table.taxRatePercent} >= 0 and ${table.taxRatePercent} <= 100`),
  ],
);
