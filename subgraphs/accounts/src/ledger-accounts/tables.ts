import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, text, timestamp } from 'drizzle-orm/pg-core';
import { accountsSchema } from '../db-schema.js';

/**
 * The offices this subgraph has heard of through `office.created` events: its own copy of the facts it needs (type,
 * path for scope), so it never reads the administration subgraph's tables.
 */
export const knownOffices = accountsSchema.table(
  'known_offices',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    path: text('path').notNull(),
    /** Kept so a late event for a child can take its path from the parent as this subgraph knows it now. */
    parentCode: text('parent_code'),
    accountOfficeCode: text('account_office_code'),
    status: text('status').notNull().default('ACTIVE'),
    /** The office's version at administration (office.updated carries it): older events change nothing. */
    version: integer('version').notNull().default(1),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // A move rewrites a subtree's paths by prefix, and scope checks are prefix tests: index-backed.
    index('known_offices_path_idx').using('btree', table.path.op('text_pattern_ops')),
  ],
);

export const accounts = accountsSchema.table(
  'accounts',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    /** The ledger head (e.g. 1100 cash) this account is an instance of, for the office. */
    headCode: text('head_code').notNull(),
    currency: text('currency').notNull(),
    officeCode: text('office_code').references(() => knownOffices.code),
    status: text('status').notNull().default('OPEN'),
    /** Sums of posted debits and credits: exact decimals, never floats. */
    debitTotal: numeric('debit_total').notNull().default('0'),
    creditTotal: numeric('credit_total').notNull().default('0'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('accounts_office_idx').on(table.officeCode, table.code),
    check('accounts_type_valid', sql`${table.type} in ('ASSET','LIABILITY','EQUITY','INCOME','EXPENSE')`),
    check('accounts_status_valid', sql`${table.status} in ('OPEN','FROZEN','CLOSED')`),
    check('accounts_currency_format', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check('accounts_totals_nonnegative', sql`${table.debitTotal} >= 0 and ${table.creditTotal} >= 0`),
  ],
);
