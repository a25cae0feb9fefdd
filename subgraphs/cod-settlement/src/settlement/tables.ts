import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, numeric, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';
import { billers } from '../billers/tables.js';

const BATCH_STATUSES = `('DRAFT','SUBMITTED','RELEASED','PAID','FAILED','REJECTED','CANCELLED')`;

/**
 * One batch per biller per settlement cycle: the collections due on the cycle date, each a line, net of fees, taxes and
 * early-settlement fees, plus the adjustments of upheld disputes. DRAFT -> SUBMITTED (an approval request) ->
 * RELEASED (its payout and the SETTLED movement) -> PAID or FAILED by the payout's outcome. REJECTED and CANCELLED end
 * a batch and give its collections back, so the next build takes them again. Only one live batch per biller and
 * cycle date (the partial unique index), which also makes two racing builds take each biller once.
 */
export const settlementBatches = codSchema.table(
  'settlement_batches',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull(),
    billerId: uuid('biller_id')
      .notNull()
      .references(() => billers.id),
    settlementOfficeCode: text('settlement_office_code').notNull(),
    settlementOfficePath: text('settlement_office_path').notNull(),
    currency: text('currency').notNull(),
    cycleDate: date('cycle_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('DRAFT'),
    articleCount: integer('article_count').notNull().default(0),
    gross: numeric('gross').notNull().default('0'),
    fee: numeric('fee').notNull().default('0'),
    tax: numeric('tax').notNull().default('0'),
    earlyFee: numeric('early_fee').notNull().default('0'),
    adjustments: numeric('adjustments').notNull().default('0'),
    net: numeric('net').notNull().default('0'),
    approvalRequestId: uuid('approval_request_id'),
    submittedBy: text('submitted_by'),
    submittedNote: text('submitted_note'),
    builtBy: text('built_by').notNull(),
    builtAt: timestamp('built_at', { withTimezone: true }).notNull(),
    releasedOn: date('released_on', { mode: 'string' }),
    closedReason: text('closed_reason'),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('settlement_batches_reference_key').on(table.reference),
    uniqueIndex('settlement_batches_live_cycle_key').on(table.billerId, table.cycleDate).where(sql.raw(`"status" not in ('REJECTED','CANCELLED')`)),
    index('settlement_batches_office_idx').on(table.settlementOfficeCode, table.status),
    index('settlement_batches_approval_idx').on(table.approvalRequestId),
    check('settlement_batches_status_valid', sql.raw(`"status" in ${BATCH_STATUSES}`)),
    check('settlement_batches_net_valid', sql`${table.net} = ${table.gross} + ${table.adjustments} - ${table.fee} - ${table.tax} - ${table.earlyFee}`),
  ],
);

/**
 * Every article a batch settles (kind ARTICLE) and every dispute adjustment it pays (kind ADJUSTMENT). `active` turns
 * false when the batch ends without paying (rejected, cancelled, payout failed): the article is due again. At most
 * one active line per article and per dispute: the database's own proof that nothing is settled twice.
 */
export const settlementLines = codSchema.table(
  'settlement_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => settlementBatches.id),
    kind: text('kind').notNull(),
    articleId: uuid('article_id'),
    disputeId: uuid('dispute_id'),
    gross: numeric('gross').notNull(),
    fee: numeric('fee').notNull(),
    tax: numeric('tax').notNull(),
    earlyFee: numeric('early_fee').notNull(),
    net: numeric('net').notNull(),
    dueFrom: date('due_from', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
  },
  (table) => [
    uniqueIndex('settlement_lines_active_article_key').on(table.articleId).where(sql`${table.active} and ${table.kind} = 'ARTICLE'`),
    uniqueIndex('settlement_lines_active_dispute_key').on(table.disputeId).where(sql`${table.active} and ${table.kind} = 'ADJUSTMENT'`),
    index('settlement_lines_batch_idx').on(table.batchId),
    check('settlement_lines_kind_valid', sql`(${table.kind} = 'ARTICLE' and ${table.articleId} is not null) or (${table.kind} = 'ADJUSTMENT' and ${table.disputeId} is not null)`),
    check('settlement_lines_net_valid', sql`${table.net} = ${table.gross} - ${table.fee} - ${table.tax} - ${table.earlyFee}`),
  ],
);

/**
 * Every (biller, due date) that has had a collection become due: the unit a batch claims, with the running totals of
 * its collections on the day path (those that do not settle alone, amount above zero), priced. `batchId` is the live
 * batch that settles the day (null: open). Kept by the trigger collections_became_due (migration 0009) as each
 * collection becomes due, less a collection a dispute takes off it; claimed by the build, which reads these totals and
 * no collection; opened again when that batch ends without paying. A collection that becomes due into a claimed day
 * settles alone (collections.settles_alone), so a claimed day's articles and totals never change.
 */
export const dueDays = codSchema.table(
  'due_days',
  {
    billerId: uuid('biller_id')
      .notNull()
      .references(() => billers.id),
    dueFrom: date('due_from', { mode: 'string' }).notNull(),
    settlementOfficeCode: text('settlement_office_code').notNull(),
    batchId: uuid('batch_id').references(() => settlementBatches.id),
    articleCount: integer('article_count').notNull().default(0),
    gross: numeric('gross').notNull().default('0'),
    fee: numeric('fee').notNull().default('0'),
    feeTax: numeric('fee_tax').notNull().default('0'),
    earlyFee: numeric('early_fee').notNull().default('0'),
    earlyTax: numeric('early_tax').notNull().default('0'),
  },
  (table) => [
    primaryKey({ columns: [table.billerId, table.dueFrom] }),
    index('due_days_open_idx').on(table.settlementOfficeCode, table.billerId, table.dueFrom).where(sql`${table.batchId} is null`),
    index('due_days_batch_idx').on(table.batchId),
  ],
);

/**
 * A batch's claim of one (biller, due date): what it settles of that day in one row (the articles are the day's
 * collections that do not settle alone), with the day's totals; `early` when the day is settled before its standard
 * cutoff (early-settlement fee and its tax charged). `active` turns false when the batch ends without paying. At most
 * one active claim per day: the database's proof that a day, and so each of its articles, is settled once.
 */
export const settlementDays = codSchema.table(
  'settlement_days',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => settlementBatches.id),
    billerId: uuid('biller_id').notNull(),
    dueFrom: date('due_from', { mode: 'string' }).notNull(),
    early: boolean('early').notNull(),
    articleCount: integer('article_count').notNull(),
    gross: numeric('gross').notNull(),
    fee: numeric('fee').notNull(),
    tax: numeric('tax').notNull(),
    earlyFee: numeric('early_fee').notNull(),
    net: numeric('net').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (table) => [
    uniqueIndex('settlement_days_active_day_key').on(table.billerId, table.dueFrom).where(sql`${table.active}`),
    index('settlement_days_batch_idx').on(table.batchId),
    check('settlement_days_net_valid', sql`${table.net} = ${table.gross} - ${table.fee} - ${table.tax} - ${table.earlyFee}`),
  ],
);

/**
 * The transfer that pays one released batch to the biller's bank account, with the account as it was at release.
 * PENDING until the bank's outcome: PAID with the UTR, or FAILED / REVERSED (the SETTLED entry reversed, the
 * collections due again). The SETTLED movement's id is kept to reverse exactly that entry.
 */
export const payouts = codSchema.table(
  'payouts',
  {
    id: uuid('id').primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => settlementBatches.id),
    billerId: uuid('biller_id').notNull(),
    bankAccountId: uuid('bank_account_id').notNull(),
    beneficiaryName: text('beneficiary_name').notNull(),
    accountNumber: text('account_number').notNull(),
    ifsc: text('ifsc').notNull(),
    amount: numeric('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull().default('PENDING'),
    payoutFileId: uuid('payout_file_id'),
    settledMovementId: uuid('settled_movement_id').notNull(),
    failedMovementId: uuid('failed_movement_id'),
    utr: text('utr'),
    failureReason: text('failure_reason'),
    releasedOn: date('released_on', { mode: 'string' }).notNull(),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    outcomeBy: text('outcome_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('payouts_batch_key').on(table.batchId),
    uniqueIndex('payouts_utr_key').on(table.utr).where(sql`${table.utr} is not null`),
    index('payouts_biller_idx').on(table.billerId, table.releasedOn),
    check('payouts_status_valid', sql`${table.status} in ('PENDING','PAID','FAILED','REVERSED')`),
    // PAID carries the bank's UTR; a REVERSED one keeps the UTR of the credit the bank sent back (none if it was
    // returned before it was marked paid); PENDING and FAILED have none.
    check('payouts_paid_has_utr', sql`(${table.status} <> 'PAID' or ${table.utr} is not null) and (${table.status} not in ('PENDING','FAILED') or ${table.utr} is null)`),
    check('payouts_amount_positive', sql`${table.amount} > 0`),
  ],
);

/**
 * Bulk-transfer file layouts as data: a new bank is a row (settlement/payout-file.ts interprets the spec). `spec` is a
 * PayoutFileSpec: delimiter, header, row and trailer fields with their formats.
 */
export const payoutFileTemplates = codSchema.table('payout_file_templates', {
  code: text('code').primaryKey(),
  bankName: text('bank_name').notNull(),
  spec: jsonb('spec').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One file per release at a settlement office: the payouts released together, in the office's bank's layout. */
export const payoutFiles = codSchema.table(
  'payout_files',
  {
    id: uuid('id').primaryKey(),
    templateCode: text('template_code')
      .notNull()
      .references(() => payoutFileTemplates.code),
    settlementOfficeCode: text('settlement_office_code').notNull(),
    settlementOfficePath: text('settlement_office_path').notNull(),
    /** Per office, 1, 2, 3...: the bank refuses a serial it has seen. */
    fileSerial: integer('file_serial').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    recordCount: integer('record_count').notNull(),
    total: numeric('total').notNull(),
    currency: text('currency').notNull(),
    content: text('content').notNull(),
    approvalRequestId: uuid('approval_request_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('payout_files_serial_key').on(table.settlementOfficeCode, table.fileSerial)],
);
