import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
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
    /**
     * The day the office opened: the journal takes no entry dated before it. Null for an office heard of before events
     * carried the date: no check, until its next office.updated fills it in.
     */
    openedOn: date('opened_on', { mode: 'string' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // A move rewrites a subtree's paths by prefix, and scope checks are prefix tests: index-backed.
    index('known_offices_path_idx').using('btree', table.path.op('text_pattern_ops')),
  ],
);

/**
 * The chart of accounts. HEADER accounts group (the standard heads, 1000 Assets > 1100 Cash on hand) and are never
 * posted to; DETAIL accounts carry a currency, usually an office, and the maintained balance.
 *
 * Balances are maintained here, in the row every posting locks: posted debit and credit totals, and the amounts
 * reserved by pending holds. A balance constraint is enforced twice: by the posting statement (which names the account
 * that would break it) and by a CHECK on the row, so no path of writing can leave an account beyond its bound.
 */
export const accounts = accountsSchema.table(
  'accounts',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    kind: text('kind').notNull().default('DETAIL'),
    /** The header this account sits under (null for a top-level header). */
    parentCode: text('parent_code').references((): AnyPgColumn => accounts.code),
    /** The ledger head (e.g. 1100 cash) this account is an instance of; a header's is its own code. */
    headCode: text('head_code').notNull(),
    /** A detail account's one currency; headers may group several, so theirs is null. */
    currency: text('currency'),
    officeCode: text('office_code').references(() => knownOffices.code),
    status: text('status').notNull().default('OPEN'),
    balanceConstraint: text('balance_constraint').notNull().default('NONE'),
    /** Whether staff may post to it by manual journal (services always may). */
    allowManualEntries: boolean('allow_manual_entries').notNull().default(true),
    /** Sums of posted debits and credits: exact decimals, never floats. */
    debitTotal: numeric('debit_total').notNull().default('0'),
    creditTotal: numeric('credit_total').notNull().default('0'),
    /** Reserved by pending holds: counted by the balance constraint, not part of the posted balance. */
    pendingDebit: numeric('pending_debit').notNull().default('0'),
    pendingCredit: numeric('pending_credit').notNull().default('0'),
    /**
     * The last business day closed for the account's office, copied here by closeBusinessDay. A posting locks the
     * accounts it touches and re-reads this under the lock, so a posting racing a close is either in the closed day
     * (and its closing balances) or refused with DAY_CLOSED, never lost between the two.
     */
    closedThrough: date('closed_through', { mode: 'string' }),
    /** Counts changes of status and definition (not postings): optimistic concurrency for account maintenance. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('accounts_office_idx').on(table.officeCode, table.code),
    index('accounts_parent_idx').on(table.parentCode),
    check('accounts_type_valid', sql`${table.type} in ('ASSET','LIABILITY','EQUITY','INCOME','EXPENSE')`),
    check('accounts_kind_valid', sql`${table.kind} in ('HEADER','DETAIL')`),
    check('accounts_status_valid', sql`${table.status} in ('OPEN','FROZEN','CLOSED')`),
    check('accounts_currency_format', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check('accounts_detail_has_currency', sql`${table.kind} = 'HEADER' or ${table.currency} is not null`),
    check(
      'accounts_header_not_posted',
      sql`${table.kind} = 'DETAIL' or (${table.debitTotal} = 0 and ${table.creditTotal} = 0 and ${table.pendingDebit} = 0 and ${table.pendingCredit} = 0)`,
    ),
    check('accounts_totals_nonnegative', sql`${table.debitTotal} >= 0 and ${table.creditTotal} >= 0 and ${table.pendingDebit} >= 0 and ${table.pendingCredit} >= 0`),
    check('accounts_balance_constraint_valid', sql`${table.balanceConstraint} in ('NONE','DEBITS_NOT_EXCEED_CREDITS','CREDITS_NOT_EXCEED_DEBITS')`),
    // The backstop of INSUFFICIENT_FUNDS: pending amounts count against the bound (TigerBeetle's rule).
    check(
      'accounts_balance_within_constraint',
      sql`(${table.balanceConstraint} <> 'DEBITS_NOT_EXCEED_CREDITS' or ${table.debitTotal} + ${table.pendingDebit} <= ${table.creditTotal})
      and (${table.balanceConstraint} <> 'CREDITS_NOT_EXCEED_DEBITS' or ${table.creditTotal} + ${table.pendingCredit} <= ${table.debitTotal})`,
    ),
  ],
);
