import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { codSchema } from '../db-schema.js';

/**
 * One row per manifest upload (uploadCodManifest): the file as taken, and how far its job has got. The counters are
 * written in the same transaction as the rows they count (manifests/process.ts).
 */
export const manifests = codSchema.table(
  'manifests',
  {
    id: uuid('id').primaryKey(),
    /** sha-256 of the file and the biller it was given for: the same file again answers the same manifest. */
    contentHash: text('content_hash').notNull(),
    fileName: text('file_name').notNull(),
    /** The biller every row must belong to, when the uploader named one. */
    billerCode: text('biller_code'),
    status: text('status').notNull().default('QUEUED'),
    totalRows: integer('total_rows').notNull(),
    processedRows: integer('processed_rows').notNull().default(0),
    registeredCount: integer('registered_count').notNull().default(0),
    /** Rows whose article was registered already with the same facts (a re-upload, an overlapping file). */
    alreadyRegisteredCount: integer('already_registered_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    /** The uploader as the job acts for them (scope checks on each row's delivery office). */
    actor: jsonb('actor').$type<Record<string, unknown>>().notNull(),
    actorLabel: text('actor_label').notNull(),
    officePath: text('office_path').notNull(),
    requestId: text('request_id'),
    failure: text('failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('manifests_hash_idx').on(table.contentHash),
    index('manifests_created_idx').on(table.createdAt, table.id),
    index('manifests_unfinished_idx').on(table.createdAt).where(sql`${table.status} in ('QUEUED','RUNNING')`),
    check('manifests_status_valid', sql`${table.status} in ('QUEUED','RUNNING','DONE','FAILED')`),
    check('manifests_rows_valid', sql`${table.totalRows} between 1 and 50000`),
    check(
      'manifests_counts_valid',
      sql`${table.processedRows} between 0 and ${table.totalRows} and ${table.registeredCount} + ${table.alreadyRegisteredCount} + ${table.rejectedCount} <= ${table.totalRows}`,
    ),
  ],
);

/**
 * Each data row as it came, and what became of it: PENDING, REGISTERED (a new article), ALREADY_REGISTERED (the same
 * article with the same facts was there) or REJECTED with its errors (row, field, code, message), all of them.
 */
export const manifestRows = codSchema.table(
  'manifest_rows',
  {
    manifestId: uuid('manifest_id')
      .notNull()
      .references(() => manifests.id),
    rowNumber: integer('row_number').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    status: text('status').notNull().default('PENDING'),
    articleId: uuid('article_id'),
    errors: jsonb('errors').$type<Array<{ field: string | null; code: string; message: string }>>(),
  },
  (table) => [
    primaryKey({ columns: [table.manifestId, table.rowNumber] }),
    index('manifest_rows_rejected_idx').on(table.manifestId, table.rowNumber).where(sql`${table.status} = 'REJECTED'`),
    check('manifest_rows_status_valid', sql`${table.status} in ('PENDING','REGISTERED','ALREADY_REGISTERED','REJECTED')`),
    check('manifest_rows_rejected_valid', sql`(${table.status} = 'REJECTED') = (${table.errors} is not null)`),
  ],
);
