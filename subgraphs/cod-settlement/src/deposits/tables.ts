import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';

/**
 * A postman's cash handed in at the office at the end of the beat: what the collections say is expected, what was
 * counted, and the difference (a shortage is a staff receivable, an excess goes to suspense; either needs a reason).
 * The collections it covers carry its id (collections.deposit_id): each is deposited at most once.
 */
export const postmanDeposits = codSchema.table(
  'postman_deposits',
  {
    id: uuid('id').primaryKey(),
    officeCode: text('office_code').notNull(),
    officePath: text('office_path').notNull(),
    postmanId: text('postman_id').notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    expected: numeric('expected').notNull(),
    deposited: numeric('deposited').notNull(),
    shortage: numeric('shortage').notNull(),
    excess: numeric('excess').notNull(),
    reason: text('reason'),
    collectionCount: integer('collection_count').notNull(),
    depositedBy: text('deposited_by').notNull(),
    depositedAt: timestamp('deposited_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('postman_deposits_office_idx').using('btree', table.officePath.op('text_pattern_ops'), table.businessDate),
    index('postman_deposits_postman_idx').on(table.officeCode, table.postmanId, table.businessDate),
    check('postman_deposits_amounts_valid', sql`${table.expected} > 0 and ${table.deposited} >= 0 and ${table.shortage} >= 0 and ${table.excess} >= 0`),
    check('postman_deposits_balance', sql`${table.expected} - ${table.shortage} + ${table.excess} = ${table.deposited} and (${table.shortage} = 0 or ${table.excess} = 0)`),
    check('postman_deposits_reason_needed', sql`(${table.shortage} = 0 and ${table.excess} = 0) or ${table.reason} is not null`),
  ],
);
