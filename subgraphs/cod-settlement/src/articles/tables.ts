import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, numeric, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';
import { billers } from '../billers/tables.js';

const STATUSES = `('REGISTERED','OUT_FOR_DELIVERY','DELIVERED','DELIVERY_FAILED','RTO','LOST','DAMAGED')`;

/**
 * One row per COD article (UPU S10 number with its check digit, articles/s10.ts): what the biller asked to collect,
 * where it is delivered, and where it is in its life. Status changes happen on this row locked FOR UPDATE, each also
 * written to article_events (the timeline).
 */
export const articles = codSchema.table(
  'articles',
  {
    id: uuid('id').primaryKey(),
    articleNumber: text('article_number').notNull(),
    billerId: uuid('biller_id')
      .notNull()
      .references(() => billers.id),
    currency: text('currency').notNull(),
    codAmount: numeric('cod_amount').notNull(),
    bookingOfficeCode: text('booking_office_code').notNull(),
    deliveryOfficeCode: text('delivery_office_code').notNull(),
    deliveryOfficePath: text('delivery_office_path').notNull(),
    status: text('status').notNull(),
    /** The manifest upload that registered it, if any (a re-upload of the same number changes nothing). */
    manifestId: uuid('manifest_id'),
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    registeredBy: text('registered_by').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('articles_number_key').on(table.articleNumber),
    index('articles_biller_idx').on(table.billerId, table.status),
    index('articles_delivery_path_idx').using('btree', table.deliveryOfficePath.op('text_pattern_ops'), table.status),
    check('articles_status_valid', sql.raw(`"status" in ${STATUSES}`)),
    check('articles_amount_positive', sql`${table.codAmount} > 0`),
    check('articles_number_format', sql`${table.articleNumber} ~ '^[A-Z]{2}[0-9]{9}[A-Z]{2}$'`),
  ],
);

/** The timeline: every status change of an article, who made it, where and when. Append-only. */
export const articleEvents = codSchema.table(
  'article_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    officeCode: text('office_code').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    /** Postman and beat, failure reason, claim reference...: per type (articles/domain.ts). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    actorId: text('actor_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('article_events_article_idx').on(table.articleId, table.id),
    // The postman's day sheet: an office's events of a day.
    index('article_events_office_day_idx').on(table.officeCode, table.businessDate),
  ],
);

/**
 * The collection at delivery, one per delivered article. `amount` is what was collected, which may differ from the
 * article's COD amount (then `differs` and an exception is raised, never accepted silently). It becomes due for
 * settlement when its cash is deposited (`depositId`) or, for UPI and card, when the aggregator's credit is cleared
 * (`clearedOn`). Most collections are settled by their day: a batch claims every (biller, due date) at once
 * (settlement/tables.ts dueDays), so a run writes a row per biller and day, not per article. A collection settles
 * alone (`settlesAlone`, by its own settlement line and `settlementBatchId`) when its day was already claimed when it
 * became due, when a dispute held it, or when no contract priced it; see docs/cod-settlement.md, "Settlement by day".
 * When it becomes due, the trigger collections_became_due (migration 0009) prices it with the contract in force that
 * day (`fee`, `feeTax`; `earlyFee` and `earlyTax` are charged only when its day is settled early), so a run only sums.
 */
export const collections = codSchema.table(
  'collections',
  {
    articleId: uuid('article_id')
      .primaryKey()
      .references(() => articles.id),
    billerId: uuid('biller_id').notNull(),
    currency: text('currency').notNull(),
    amount: numeric('amount').notNull(),
    /** CASH, UPI, CARD. */
    mode: text('mode').notNull(),
    /** The UPI RRN or card approval reference; null for cash. */
    paymentReference: text('payment_reference'),
    /** The electronic proof-of-delivery reference. */
    podReference: text('pod_reference').notNull(),
    differs: boolean('differs').notNull().default(false),
    postmanId: text('postman_id').notNull(),
    beat: text('beat'),
    officeCode: text('office_code').notNull(),
    officePath: text('office_path').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull(),
    depositId: uuid('deposit_id'),
    clearedOn: date('cleared_on', { mode: 'string' }),
    clearedReference: text('cleared_reference'),
    /** The business date it became due for settlement: deposit or clearing date. */
    dueFrom: date('due_from', { mode: 'string' }),
    /** Set only for a collection that settles alone: the live batch of its own line. */
    settlementBatchId: uuid('settlement_batch_id'),
    settlesAlone: boolean('settles_alone').notNull().default(false),
    fee: numeric('fee'),
    feeTax: numeric('fee_tax'),
    earlyFee: numeric('early_fee'),
    earlyTax: numeric('early_tax'),
  },
  (table) => [
    index('collections_due_idx').on(table.billerId, table.dueFrom).where(sql`${table.settlesAlone} and ${table.settlementBatchId} is null and ${table.dueFrom} is not null`),
    // A claimed day's articles, for its lines (the view batch_lines); the build itself reads due_days' totals.
    index('collections_day_idx').on(table.billerId, table.dueFrom).where(sql`${table.dueFrom} is not null and not ${table.settlesAlone}`),
    index('collections_postman_day_idx').on(table.officeCode, table.postmanId, table.businessDate).where(sql`${table.mode} = 'CASH' and ${table.depositId} is null`),
    index('collections_office_day_idx').on(table.officeCode, table.businessDate),
    check('collections_mode_valid', sql`${table.mode} in ('CASH','UPI','CARD')`),
    check('collections_amount_valid', sql`${table.amount} >= 0`),
    check('collections_reference_for_digital', sql`${table.mode} = 'CASH' or ${table.paymentReference} is not null`),
  ],
);
