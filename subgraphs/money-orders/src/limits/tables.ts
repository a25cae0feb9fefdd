import { sql } from 'drizzle-orm';
import { check, date, numeric, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { moneyOrdersSchema } from '../db-schema.js';

/**
 * Booking limits as data, versioned by effective date like tariffs, per operator currency:
 * - PER_ORDER: the most one order of the product may carry;
 * - PER_SENDER_MONTH: the most one sender (phone + ID document) may send in a calendar month, counted over every
 *   product that shares the row's `cap_group` (India 2024: RETAIL = ORDINARY, ELECTRONIC, INSTANT).
 * A product without a row of a kind has no limit of that kind (SERVICE orders have no sender cap).
 */
export const moneyOrderLimits = moneyOrdersSchema.table(
  'limits',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    product: text('product').notNull(),
    /** PER_SENDER_MONTH only: the products whose bookings add up to one monthly total. */
    capGroup: text('cap_group'),
    currency: text('currency').notNull(),
    amount: numeric('amount').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Exclusive; null while in force. */
    effectiveTo: date('effective_to', { mode: 'string' }),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('limits_kind_currency_product_from_key').on(table.kind, table.currency, table.product, table.effectiveFrom),
    check('limits_kind_valid', sql`${table.kind} in ('PER_ORDER','PER_SENDER_MONTH')`),
    check('limits_product_valid', sql`${table.product} in ('ORDINARY','ELECTRONIC','INSTANT','SERVICE')`),
    check('limits_group_valid', sql`(${table.kind} = 'PER_SENDER_MONTH') = (${table.capGroup} is not null)`),
    check('limits_amount_positive', sql`${table.amount} > 0`),
    check('limits_period_valid', sql`${table.effectiveTo} is null or ${table.effectiveTo} > ${table.effectiveFrom}`),
  ],
);

/**
 * What each sender has booked in a calendar month against a cap group: the running total that one conditional
 * upsert raises inside the booking's transaction (repository.ts reserveMonthly), so the cap holds under concurrency.
 * A refund or stop does not lower it (limits/domain.ts says why).
 */
export const senderMonthlyTotals = moneyOrdersSchema.table(
  'sender_monthly_totals',
  {
    /** The keyed hash of phone and ID document the booking computes (orders/secrets.ts senderKey). */
    senderKey: text('sender_key').notNull(),
    /** 'YYYY-MM' of the booking's business date. */
    month: text('month').notNull(),
    currency: text('currency').notNull(),
    capGroup: text('cap_group').notNull(),
    total: numeric('total').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.senderKey, table.month, table.currency, table.capGroup] }),
    check('sender_monthly_totals_month_valid', sql`${table.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('sender_monthly_totals_total_positive', sql`${table.total} > 0`),
  ],
);
