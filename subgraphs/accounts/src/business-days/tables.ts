import { sql } from 'drizzle-orm';
import { check, date, jsonb, numeric, primaryKey, text, timestamp, integer } from 'drizzle-orm/pg-core';
import { accountsSchema } from '../db-schema.js';
import type { LedgerActor } from '../journal/tables.js';
import { accounts, knownOffices } from '../ledger-accounts/tables.js';

/** Each office's business-day state: the last day closed (postings dated on or before it are refused). */
export const businessDays = accountsSchema.table('business_days', {
  officeCode: text('office_code')
    .primaryKey()
    .references(() => knownOffices.code),
  closedThrough: date('closed_through', { mode: 'string' }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
  closedBy: jsonb('closed_by').$type<LedgerActor>().notNull(),
});

/** One row per close: the history of an office's business days, for the day book and for auditors. */
export const dayCloses = accountsSchema.table(
  'day_closes',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => knownOffices.code),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    /** The day closed before this one (null for the office's first close): the period this close covers. */
    previousDate: date('previous_date', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: jsonb('closed_by').$type<LedgerActor>().notNull(),
    /** How many of the office's accounts moved in the period (each has a daily_balances row for this date). */
    accountsMoved: integer('accounts_moved').notNull(),
  },
  (table) => [primaryKey({ columns: [table.officeCode, table.businessDate] })],
);

/**
 * The daily account: at each close, for every account of the office that moved in the period since the previous
 * close, its cumulative posted totals as of the closed date and the period's movement. An account's balance on any
 * date D is its latest row on or before D plus its postings dated after that row up to D: a seek and a short range
 * scan, never all history. Accounts that did not move keep their previous row (no row per idle account per day).
 */
export const dailyBalances = accountsSchema.table(
  'daily_balances',
  {
    accountCode: text('account_code')
      .notNull()
      .references(() => accounts.code),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    officeCode: text('office_code').notNull(),
    debitTotal: numeric('debit_total').notNull(),
    creditTotal: numeric('credit_total').notNull(),
    periodDebit: numeric('period_debit').notNull(),
    periodCredit: numeric('period_credit').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.accountCode, table.businessDate] }),
    check('daily_balances_nonnegative', sql`${table.debitTotal} >= 0 and ${table.creditTotal} >= 0 and ${table.periodDebit} >= 0 and ${table.periodCredit} >= 0`),
  ],
);
