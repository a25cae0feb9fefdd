import { sql } from 'drizzle-orm';
import { check, date, index, numeric, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';

export const EXCEPTION_TYPES = ['SHORT_COLLECTION', 'EXCESS_COLLECTION', 'SHORT_DEPOSIT', 'EXCESS_DEPOSIT'] as const;
export const EXCEPTION_STATUSES = ['OPEN', 'RESOLVED'] as const;

/**
 * COD exceptions: every difference the three-way reconciliation must explain (DOMAIN.md, Reconciliation), raised where
 * it happens and never accepted silently. A collection that differs from the COD amount names its article (and its
 * biller); a deposit short or over names its deposit. `amount` is the difference, always positive. Resolution (an
 * owner, an outcome) is issue 13's; they are OPEN until then.
 */
export const codExceptions = codSchema.table(
  'exceptions',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    status: text('status').notNull().default('OPEN'),
    currency: text('currency').notNull(),
    amount: numeric('amount').notNull(),
    articleId: uuid('article_id'),
    depositId: uuid('deposit_id'),
    officeCode: text('office_code').notNull(),
    /** The office's path when raised: reads are scoped by prefix. */
    officePath: text('office_path').notNull(),
    billerId: uuid('biller_id'),
    reason: text('reason'),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    raisedBy: text('raised_by').notNull(),
  },
  (table) => [
    index('exceptions_office_idx').using('btree', table.officePath.op('text_pattern_ops'), table.status),
    index('exceptions_article_idx').on(table.articleId),
    index('exceptions_deposit_idx').on(table.depositId),
    check('exceptions_type_valid', sql.raw(`"type" in (${EXCEPTION_TYPES.map((t) => `'${t}'`).join(',')})`)),
    check('exceptions_status_valid', sql`${table.status} in ('OPEN','RESOLVED')`),
    check('exceptions_amount_positive', sql`${table.amount} > 0`),
    check(
      'exceptions_subject_valid',
      sql`(${table.type} in ('SHORT_COLLECTION','EXCESS_COLLECTION') and ${table.articleId} is not null and ${table.billerId} is not null) or (${table.type} in ('SHORT_DEPOSIT','EXCESS_DEPOSIT') and ${table.depositId} is not null and ${table.reason} is not null)`,
    ),
  ],
);
