import { sql } from 'drizzle-orm';
import { bigint, check, customType, date, index, jsonb, numeric, smallint, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accountsSchema } from '../db-schema.js';
import { accounts, knownOffices } from '../ledger-accounts/tables.js';

/** PostgreSQL's 64-bit transaction id; read as text (it exceeds 2^53 in principle). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/** Who did something, as the ledger records it (the signed caller; a manual journal's maker). */
export interface LedgerActor {
  kind: 'staff' | 'service';
  id: string;
  username?: string;
}

/**
 * The journal: one row per entry, immutable (triggers refuse UPDATE, DELETE and TRUNCATE; migration 0002). A
 * correction is a new entry that reverses this one, linked by `reverses_entry_id`, which is unique: an entry is
 * reversed at most once, and two racing reversals cannot both commit.
 */
export const journalEntries = accountsSchema.table(
  'journal_entries',
  {
    id: uuid('id').primaryKey(),
    /** Insertion order: the keyset of journal listings and, with `xid`, the order the sealer chains entries in. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull().unique(),
    /** The writing transaction: the sealer chains only entries of transactions older than every one still running. */
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    officeCode: text('office_code')
      .notNull()
      .references(() => knownOffices.code),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    sourceType: text('source_type').notNull(),
    sourceReference: text('source_reference'),
    actor: jsonb('actor').$type<LedgerActor>().notNull(),
    /** The checker of a manual journal, and the approvals-inbox request it was approved in. */
    approvedBy: jsonb('approved_by').$type<LedgerActor>(),
    approvalRequestId: uuid('approval_request_id'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** SHA-256 of the canonical request: a replay of the key with another payload is IDEMPOTENCY_CONFLICT. */
    requestHash: text('request_hash').notNull(),
    reversesEntryId: uuid('reverses_entry_id')
      .unique()
      .references((): AnyPgColumn => journalEntries.id),
    /** The hold this entry captured, if it did. */
    holdId: uuid('hold_id'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('journal_entries_office_date_idx').on(table.officeCode, table.effectiveDate, table.seq),
    index('journal_entries_date_idx').on(table.effectiveDate, table.seq),
    index('journal_entries_source_idx').on(table.sourceType, table.sourceReference),
    index('journal_entries_xid_idx').on(table.xid, table.seq),
    check('journal_entries_source_type_valid', sql`${table.sourceType} ~ '^[A-Z][A-Z_]{0,39}$'`),
    check('journal_entries_description_length', sql`char_length(${table.description}) between 1 and 500`),
    check('journal_entries_idempotency_key_length', sql`char_length(${table.idempotencyKey}) between 1 and 200`),
    check('journal_entries_not_self_reversal', sql`${table.reversesEntryId} is null or ${table.reversesEntryId} <> ${table.id}`),
  ],
);

/**
 * The postings of each entry (two or more), immutable like the entries. `effective_date` is the entry's, repeated so
 * that a statement or a balance as of a date is one range scan of (account, date, id).
 *
 * No foreign keys: a row-level foreign key costs a lookup and a KEY SHARE lock per posting, twice, which is most of a
 * batch's write. One statement-level trigger (migration 0009_1, postings_statement_check) proves for each INSERT
 * statement at once what they proved and more: every posting's entry exists, its account exists, is a detail account
 * in the posting's currency, and every entry balances within each office it touches (UNBALANCED_OFFICE). What the
 * foreign keys' RESTRICT did on the other side is done by triggers too: an entry can never be deleted or changed
 * (append-only, migration 0002_2), and an account that has postings can be neither deleted nor re-keyed, nor the
 * accounts table truncated while postings exist (accounts_keep_posted, 0009_1).
 */
export const postings = accountsSchema.table(
  'postings',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    /** The entry's id (checked by postings_statement_check, not a foreign key: see above). */
    entryId: uuid('entry_id').notNull(),
    line: smallint('line').notNull(),
    /** The account's code (checked by postings_statement_check, not a foreign key: see above). */
    accountCode: text('account_code').notNull(),
    side: text('side').notNull(),
    amount: numeric('amount').notNull(),
    currency: text('currency').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  },
  (table) => [
    uniqueIndex('postings_entry_line_idx').on(table.entryId, table.line),
    index('postings_account_date_idx').on(table.accountCode, table.effectiveDate, table.id),
    check('postings_side_valid', sql`${table.side} in ('DEBIT','CREDIT')`),
    check('postings_amount_positive', sql`${table.amount} > 0`),
    check('postings_line_positive', sql`${table.line} >= 1`),
  ],
);

/**
 * Two-phase transfers: a hold reserves `amount` as pending debit on one account and pending credit on another; it is
 * captured (in full or in part, the rest released) into a journal entry, voided, or expires. It resolves at most
 * once: every resolution is a conditional update from PENDING.
 */
export const holds = accountsSchema.table(
  'holds',
  {
    id: uuid('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull().unique(),
    officeCode: text('office_code')
      .notNull()
      .references(() => knownOffices.code),
    description: text('description').notNull(),
    sourceType: text('source_type').notNull(),
    sourceReference: text('source_reference'),
    debitAccountCode: text('debit_account_code')
      .notNull()
      .references(() => accounts.code),
    creditAccountCode: text('credit_account_code')
      .notNull()
      .references(() => accounts.code),
    amount: numeric('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull().default('PENDING'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    actor: jsonb('actor').$type<LedgerActor>().notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    requestHash: text('request_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    capturedAmount: numeric('captured_amount'),
    captureEntryId: uuid('capture_entry_id').references(() => journalEntries.id),
    resolutionReason: text('resolution_reason'),
  },
  (table) => [
    index('holds_pending_expiry_idx').on(table.expiresAt).where(sql`${table.status} = 'PENDING'`),
    check('holds_status_valid', sql`${table.status} in ('PENDING','CAPTURED','VOIDED','EXPIRED')`),
    check('holds_amount_positive', sql`${table.amount} > 0`),
    check('holds_distinct_accounts', sql`${table.debitAccountCode} <> ${table.creditAccountCode}`),
    check(
      'holds_capture_consistent',
      sql`(${table.status} = 'CAPTURED') = (${table.captureEntryId} is not null)
      and (${table.capturedAmount} is null or (${table.capturedAmount} > 0 and ${table.capturedAmount} <= ${table.amount}))`,
    ),
    check('holds_resolution_time', sql`(${table.status} = 'PENDING') = (${table.resolvedAt} is null)`),
  ],
);
