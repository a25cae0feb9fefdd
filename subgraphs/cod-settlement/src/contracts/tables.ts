import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, jsonb, numeric, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';
import { billers } from '../billers/tables.js';
import type { CodFeeRule, CodTax } from '../fees/domain.js';

/**
 * A biller's contract, versioned by effective date (a change of terms is a new version from its first day; the one in
 * force on a date is the latest version whose effectiveFrom is on or before it). The fee rule and taxes are copied
 * from the operator's fee schedule at signing (fees/: the India COD fee) unless negotiated, so a later change of the
 * public schedule does not silently reprice a contract.
 */
export const contracts = codSchema.table(
  'contracts',
  {
    id: uuid('id').primaryKey(),
    billerId: uuid('biller_id')
      .notNull()
      .references(() => billers.id),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    feeRule: jsonb('fee_rule').$type<CodFeeRule>().notNull(),
    taxes: jsonb('taxes').$type<CodTax[]>().notNull(),
    /** Where the fee rule came from (a fee schedule id, or NEGOTIATED). */
    feeSource: text('fee_source').notNull(),
    /** T+n: business days after the collection becomes due (cash deposited, digital cleared). */
    settlementCycleDays: integer('settlement_cycle_days').notNull(),
    /** ISO weekdays (1 Monday .. 7 Sunday) on which payouts are made; a due article waits for the next one. */
    payoutWeekdays: jsonb('payout_weekdays').$type<number[]>().notNull(),
    earlySettlementEnabled: boolean('early_settlement_enabled').notNull().default(false),
    earlySettlementDays: integer('early_settlement_days'),
    /** Percent of the COD amount charged for early settlement (plus the taxes above). */
    earlySettlementFeePercent: numeric('early_settlement_fee_percent'),
    maxArticleAmount: numeric('max_article_amount').notNull(),
    /** Days after delivery within which the biller may dispute an article. */
    disputeWindowDays: integer('dispute_window_days').notNull(),
    /** Payouts to bank details changed fewer than this many days ago wait unless the change was approved. */
    bankDetailsHoldDays: integer('bank_details_hold_days').notNull(),
    /** The bank-holiday calendar the business days are counted on (contracts/calendar: 'IN'). */
    holidayCalendar: text('holiday_calendar').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('contracts_biller_version_key').on(table.billerId, table.version),
    uniqueIndex('contracts_biller_from_key').on(table.billerId, table.effectiveFrom),
    check('contracts_cycle_valid', sql`${table.settlementCycleDays} between 0 and 60`),
    check('contracts_early_valid', sql`not ${table.earlySettlementEnabled} or (${table.earlySettlementDays} is not null and ${table.earlySettlementFeePercent} is not null and ${table.earlySettlementDays} < ${table.settlementCycleDays})`),
    check('contracts_max_positive', sql`${table.maxArticleAmount} > 0`),
    check('contracts_windows_valid', sql`${table.disputeWindowDays} between 0 and 90 and ${table.bankDetailsHoldDays} between 0 and 90`),
  ],
);

/** Bank holidays per calendar and year, as data (a new year is a migration or an admin change, never code). */
export const bankHolidays = codSchema.table(
  'bank_holidays',
  {
    calendar: text('calendar').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
  },
  (table) => [primaryKey({ columns: [table.calendar, table.date] })],
);
