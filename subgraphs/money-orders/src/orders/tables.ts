import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, jsonb, numeric, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { moneyOrdersSchema } from '../db-schema.js';

const STATUSES = `('BOOKED','AVAILABLE','PAID','LOCKED','STOPPED','RETURNED','EXPIRED','REFUNDED','VOID')`;

/** The serial behind each reference (reference.ts): unique across offices, never reused. */
export const referenceSerial = moneyOrdersSchema.sequence('reference_serial', { startWith: 1, maxValue: 99_999_999_999 });

/**
 * One row per money order: its figures as booked (amounts are `numeric`, never floats), its parties, where it is in
 * its life and the hashed codes that pay or stop it. Status changes happen on this row locked FOR UPDATE, and each is
 * also written to money_order_transitions (the timeline) and, when money moves, to money_order_ledger_movements.
 */
export const moneyOrders = moneyOrdersSchema.table(
  'money_orders',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull(),
    product: text('product').notNull(),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    amount: numeric('amount').notNull(),
    commission: numeric('commission').notNull(),
    tax: numeric('tax').notNull(),
    total: numeric('total').notNull(),
    tariffVersionId: text('tariff_version_id').notNull(),
    paymentMode: text('payment_mode').notNull(),
    bookingOfficeCode: text('booking_office_code').notNull(),
    /** Paths at booking, for scope filters by prefix (an office that moves later keeps its orders where they were). */
    bookingOfficePath: text('booking_office_path').notNull(),
    payingOfficeCode: text('paying_office_code').notNull(),
    payingOfficePath: text('paying_office_path').notNull(),
    settledOfficeCode: text('settled_office_code'),
    senderName: text('sender_name').notNull(),
    senderPhone: text('sender_phone').notNull(),
    senderAddress: text('sender_address').notNull(),
    senderIdDocument: text('sender_id_document').notNull(),
    /** HMAC of phone and ID document: the sender for the monthly cap (secrets.ts). */
    senderKey: text('sender_key').notNull(),
    payeeName: text('payee_name').notNull(),
    payeePhone: text('payee_phone').notNull(),
    payeeAddress: text('payee_address').notNull(),
    /** The document the payee showed at payout. */
    payeeIdDocument: text('payee_id_document'),
    message: text('message'),
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    voidOn: date('void_on', { mode: 'string' }).notNull(),
    settledOn: date('settled_on', { mode: 'string' }),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    bookedBy: text('booked_by').notNull(),
    lockReason: text('lock_reason'),
    /** Where a LOCKED order goes back to when released. */
    lockedFromStatus: text('locked_from_status'),
    /** The payout code's keyed hash, where it went and until when it works. */
    codeHash: text('code_hash').notNull(),
    codeChannel: text('code_channel').notNull(),
    codeSentTo: text('code_sent_to').notNull(),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }).notNull(),
    codeResends: integer('code_resends').notNull().default(0),
    failedCodeAttempts: integer('failed_code_attempts').notNull().default(0),
    stopCodeHash: text('stop_code_hash'),
    stopCodeExpiresAt: timestamp('stop_code_expires_at', { withTimezone: true }),
    stopCodeAttempts: integer('stop_code_attempts').notNull().default(0),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** Bumped by every change, so a reader can tell two states of the row apart. */
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('money_orders_reference_key').on(table.reference),
    uniqueIndex('money_orders_idempotency_key').on(table.idempotencyKey),
    index('money_orders_booking_path_idx').using('btree', table.bookingOfficePath.op('text_pattern_ops'), table.bookedAt),
    index('money_orders_paying_path_idx').using('btree', table.payingOfficePath.op('text_pattern_ops'), table.bookedAt),
    index('money_orders_sender_phone_idx').on(table.senderPhone),
    // The expiry job's two sweeps.
    index('money_orders_expiry_idx').on(table.expiresOn).where(sql`${table.status} = 'AVAILABLE'`),
    index('money_orders_void_idx').on(table.voidOn).where(sql`${table.status} = 'EXPIRED'`),
    check('money_orders_status_valid', sql.raw(`status in ${STATUSES}`)),
    check('money_orders_product_valid', sql`${table.product} in ('ORDINARY','ELECTRONIC','INSTANT','SERVICE')`),
    check('money_orders_payment_mode_valid', sql`${table.paymentMode} in ('CASH','UPI','CARD')`),
    check('money_orders_reference_shape', sql`${table.reference} ~ '^[0-9]{18}$'`),
    check('money_orders_amounts_valid', sql`${table.amount} > 0 and ${table.commission} >= 0 and ${table.tax} >= 0 and ${table.total} = ${table.amount} + ${table.commission} + ${table.tax}`),
    check('money_orders_attempts_valid', sql`${table.failedCodeAttempts} between 0 and 5 and ${table.codeResends} between 0 and 3`),
    check('money_orders_lock_valid', sql`(${table.status} = 'LOCKED') = (${table.lockedFromStatus} is not null)`),
    check('money_orders_paid_valid', sql`(${table.status} = 'PAID') = (${table.paidAt} is not null)`),
    check('money_orders_message_length', sql`${table.message} is null or char_length(${table.message}) <= 100`),
  ],
);

/** The timeline: every status change with who, where and when. Append-only (a trigger refuses UPDATE and DELETE). */
export const moneyOrderTransitions = moneyOrdersSchema.table(
  'money_order_transitions',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    orderId: uuid('order_id').notNull().references(() => moneyOrders.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actor: text('actor').notNull(),
    officeCode: text('office_code'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    reason: text('reason'),
  },
  (table) => [index('money_order_transitions_order_idx').on(table.orderId, table.id)],
);

/**
 * Each movement of money sent to the ledger and what the ledger answered: PENDING until accounts posts it (POSTED,
 * with its entries) or refuses it (REJECTED, with the rule). One per order and movement: the ledger's idempotency too.
 */
export const moneyOrderLedgerMovements = moneyOrdersSchema.table(
  'money_order_ledger_movements',
  {
    orderId: uuid('order_id').notNull().references(() => moneyOrders.id),
    movement: text('movement').notNull(),
    status: text('status').notNull().default('PENDING'),
    eventId: uuid('event_id').notNull(),
    /** The office whose MO payable the movement changes, for the reconciliation's in-flight list. */
    bookingOfficePath: text('booking_office_path').notNull(),
    /** Signed change to MO payable (credit positive): +amount booked, -amount paid, refunded or voided; 0 for expiry. */
    payableChange: numeric('payable_change').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    entryIds: jsonb('entry_ids').$type<string[]>(),
    rejection: text('rejection'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.orderId, table.movement] }),
    index('mo_ledger_movements_open_idx').on(table.status).where(sql`${table.status} <> 'POSTED'`),
    check('mo_ledger_movements_movement_valid', sql`${table.movement} in ('BOOKED','PAID','REFUNDED','EXPIRED','VOIDED')`),
    check('mo_ledger_movements_status_valid', sql`${table.status} in ('PENDING','POSTED','REJECTED')`),
  ],
);

/** Idempotency of payouts and refunds: a retried request with the same key answers the first one's order. */
export const moneyOrderRequests = moneyOrdersSchema.table(
  'money_order_requests',
  {
    idempotencyKey: text('idempotency_key').primaryKey(),
    action: text('action').notNull(),
    orderId: uuid('order_id').notNull().references(() => moneyOrders.id),
    requestHash: text('request_hash').notNull(),
    approvalRequestId: uuid('approval_request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
);
