import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { moneyOrdersSchema } from '../db-schema.js';
import { moneyOrders } from '../orders/tables.js';

/**
 * One row per bulk upload (bookMoneyOrders): what was asked, by whom, and how far its job has got. The counters are
 * written in the same transaction as the rows they count, so they never disagree with bulk_upload_rows.
 */
export const bulkUploads = moneyOrdersSchema.table(
  'bulk_uploads',
  {
    id: uuid('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: text('status').notNull().default('QUEUED'),
    mode: text('mode').notNull(),
    product: text('product').notNull(),
    paymentMode: text('payment_mode').notNull(),
    officeCode: text('office_code').notNull(),
    /** The booking office's path at upload, for scope checks by prefix. */
    officePath: text('office_path').notNull(),
    fileName: text('file_name').notNull(),
    currency: text('currency').notNull(),
    totalRows: integer('total_rows').notNull(),
    processedRows: integer('processed_rows').notNull().default(0),
    bookedCount: integer('booked_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    bookedAmount: numeric('booked_amount').notNull().default('0'),
    /** Who uploaded it: the timeline's actor of every order it books, and the ledger events' actor. */
    actorLabel: text('actor_label').notNull(),
    actor: jsonb('actor').$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
    /** Why the job gave up (FAILED): a fault, never a row's refusal (those are rejections). */
    failure: text('failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('bulk_uploads_idempotency_key').on(table.idempotencyKey),
    // Uploads a restart must pick up again (the in-process queue keeps nothing).
    index('bulk_uploads_unfinished_idx').on(table.createdAt).where(sql`${table.status} in ('QUEUED', 'RUNNING')`),
    check('bulk_uploads_status_valid', sql`${table.status} in ('QUEUED','RUNNING','DONE','FAILED')`),
    check('bulk_uploads_mode_valid', sql`${table.mode} in ('ALL_OR_NOTHING','ACCEPT_VALID')`),
    check('bulk_uploads_product_valid', sql`${table.product} in ('ORDINARY','ELECTRONIC','INSTANT','SERVICE')`),
    check('bulk_uploads_payment_mode_valid', sql`${table.paymentMode} in ('CASH','UPI','CARD')`),
    check('bulk_uploads_rows_valid', sql`${table.totalRows} between 1 and 20000`),
    check(
      'bulk_uploads_counts_valid',
      sql`${table.processedRows} between 0 and ${table.totalRows} and ${table.bookedCount} >= 0 and ${table.rejectedCount} >= 0 and ${table.bookedCount} + ${table.rejectedCount} <= ${table.totalRows} and ${table.bookedAmount} >= 0`,
    ),
    check('bulk_uploads_finished_valid', sql`(${table.status} in ('DONE','FAILED')) = (${table.finishedAt} is not null)`),
  ],
);

/**
 * Each data row of an upload as it came (field name -> text), and what became of it: PENDING until the job decides,
 * then BOOKED (with its order) or REJECTED (with the code and message of the rule it broke). Its order's idempotency
 * key is `bulk:<upload id>:<row>`, so a re-run after a crash can never book a row twice.
 */
export const bulkUploadRows = moneyOrdersSchema.table(
  'bulk_upload_rows',
  {
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => bulkUploads.id),
    /** 1-based data row (the header is row 0). */
    rowNumber: integer('row_number').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    status: text('status').notNull().default('PENDING'),
    orderId: uuid('order_id').references(() => moneyOrders.id),
    rejectionCode: text('rejection_code'),
    rejectionMessage: text('rejection_message'),
  },
  (table) => [
    primaryKey({ columns: [table.uploadId, table.rowNumber] }),
    index('bulk_upload_rows_rejected_idx').on(table.uploadId, table.rowNumber).where(sql`${table.status} = 'REJECTED'`),
    check('bulk_upload_rows_status_valid', sql`${table.status} in ('PENDING','BOOKED','REJECTED')`),
    check('bulk_upload_rows_booked_valid', sql`(${table.status} = 'BOOKED') = (${table.orderId} is not null)`),
    check('bulk_upload_rows_rejected_valid', sql`(${table.status} = 'REJECTED') = (${table.rejectionCode} is not null and ${table.rejectionMessage} is not null)`),
    check('bulk_upload_rows_number_valid', sql`${table.rowNumber} between 1 and 20000`),
  ],
);
