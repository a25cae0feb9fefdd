import { rowsOf, type Db, type Tx } from '@postal/db';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Rejection } from './csv.js';
import { moneyOrders } from '../orders/tables.js';
import { bulkUploadRows, bulkUploads } from './tables.js';

export type BulkUploadRow = typeof bulkUploads.$inferSelect;
export type NewBulkUploadRow = typeof bulkUploads.$inferInsert;
export type BulkRowRow = typeof bulkUploadRows.$inferSelect;

/** Rows per INSERT: 20,000 rows go in 20 statements, each well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 1_000;

export async function findUpload(db: Db | Tx, id: string): Promise<BulkUploadRow | undefined> {
  const [row] = await db.select().from(bulkUploads).where(eq(bulkUploads.id, id));
  return row;
}

export async function findUploadByKey(db: Db | Tx, idempotencyKey: string): Promise<BulkUploadRow | undefined> {
  const [row] = await db.select().from(bulkUploads).where(eq(bulkUploads.idempotencyKey, idempotencyKey));
  return row;
}

/** Inserts the upload unless its idempotency key is taken; answers whether it was written. */
export async function insertUpload(tx: Tx, row: NewBulkUploadRow): Promise<boolean> {
  const inserted = await tx.insert(bulkUploads).values(row).onConflictDoNothing({ target: bulkUploads.idempotencyKey }).returning({ id: bulkUploads.id });
  return inserted.length === 1;
}

/** The rows as they came; a row refused on sight (its shape) is stored REJECTED already. */
export async function insertRows(
  tx: Tx,
  uploadId: string,
  rows: ReadonlyArray<{ rowNumber: number; fields: Record<string, string>; rejection?: { code: string; message: string } | undefined }>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await tx.insert(bulkUploadRows).values(
      rows.slice(start, start + INSERT_CHUNK).map((row) => ({
        uploadId,
        rowNumber: row.rowNumber,
        fields: row.fields,
        ...(row.rejection ? { status: 'REJECTED', rejectionCode: row.rejection.code, rejectionMessage: row.rejection.message } : {}),
      })),
    );
  }
}

/**
 * Serialises the workers of one upload for the caller's transaction: a second run (a stalled Bull job handed to
 * another worker while the first still runs) waits here, then finds the rows the first one decided. An advisory lock,
 * not a row lock, so the progress counter on the upload's row can still be written from outside the transaction.
 */
export async function lockUploadWork(tx: Tx, uploadId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`money-orders/bulk/${uploadId}`}, 0))`);
}

/** The next rows still PENDING after `afterRow`, in row order. */
export async function pendingRows(db: Db | Tx, uploadId: string, afterRow: number, limit: number): Promise<BulkRowRow[]> {
  return db
    .select()
    .from(bulkUploadRows)
    .where(and(eq(bulkUploadRows.uploadId, uploadId), eq(bulkUploadRows.status, 'PENDING'), gt(bulkUploadRows.rowNumber, afterRow)))
    .orderBy(asc(bulkUploadRows.rowNumber))
    .limit(limit);
}

/** RUNNING, with processedRows set to the rows already decided (a re-run counts on from there). */
export async function markRunning(db: Db | Tx, uploadId: string, now: Date): Promise<void> {
  await db.execute(sql`
    update ${bulkUploads} set
      status = 'RUNNING',
      started_at = coalesce(started_at, ${now}),
      processed_rows = (select count(*) from ${bulkUploadRows} r where r.upload_id = ${uploadId} and r.status <> 'PENDING')
    where id = ${uploadId} and status in ('QUEUED', 'RUNNING')`);
}

/** The progress shown while a transaction that has not committed yet works through the rows (ALL_OR_NOTHING). */
export async function setProcessedRows(db: Db, uploadId: string, processedRows: number): Promise<void> {
  await db.update(bulkUploads).set({ processedRows }).where(and(eq(bulkUploads.id, uploadId), eq(bulkUploads.status, 'RUNNING')));
}

/** Marks rows BOOKED with their orders, in one statement; only rows still PENDING change. Answers how many did. */
export async function markBooked(tx: Tx, uploadId: string, booked: ReadonlyArray<{ rowNumber: number; orderId: string }>): Promise<number> {
  if (booked.length === 0) return 0;
  const payload = JSON.stringify(booked.map((row) => ({ row: row.rowNumber, order_id: row.orderId })));
  const result = await tx.execute(sql`
    update ${bulkUploadRows} r set status = 'BOOKED', order_id = v.order_id
    from jsonb_to_recordset(${payload}::jsonb) as v(row int, order_id uuid)
    where r.upload_id = ${uploadId} and r.row_number = v.row and r.status = 'PENDING'
    returning r.row_number`);
  return rowsOf(result).length;
}

/** Marks rows REJECTED with their code and message, in one statement; only rows still PENDING change. */
export async function markRejected(tx: Tx, uploadId: string, rejections: readonly Rejection[]): Promise<number> {
  if (rejections.length === 0) return 0;
  const payload = JSON.stringify(rejections.map((rejection) => ({ row: rejection.row, code: rejection.code, message: rejection.message })));
  const result = await tx.execute(sql`
    update ${bulkUploadRows} r set status = 'REJECTED', rejection_code = v.code, rejection_message = v.message
    from jsonb_to_recordset(${payload}::jsonb) as v(row int, code text, message text)
    where r.upload_id = ${uploadId} and r.row_number = v.row and r.status = 'PENDING'
    returning r.row_number`);
  return rowsOf(result).length;
}

/** Adds a chunk's outcome to the upload's counters, in the chunk's transaction. */
export async function addCounts(tx: Tx, uploadId: string, counts: { processed: number; booked: number; rejected: number; bookedAmount: string }): Promise<void> {
  await tx.execute(sql`
    update ${bulkUploads} set
      processed_rows = least(total_rows, processed_rows + ${counts.processed}),
      booked_count = booked_count + ${counts.booked},
      rejected_count = rejected_count + ${counts.rejected},
      booked_amount = booked_amount + ${counts.bookedAmount}::numeric
    where id = ${uploadId}`);
}

/** The upload's counters as its rows say they are: what a finished upload shows, whatever happened on the way. */
export async function finishUpload(tx: Tx, uploadId: string, now: Date): Promise<void> {
  await tx.execute(sql`
    update ${bulkUploads} u set
      status = 'DONE',
      finished_at = ${now},
      processed_rows = u.total_rows,
      booked_count = c.booked,
      rejected_count = c.rejected,
      booked_amount = c.amount
    from (
      select count(*) filter (where r.status = 'BOOKED') as booked,
             count(*) filter (where r.status = 'REJECTED') as rejected,
             coalesce(sum(o.amount), 0) as amount
      from ${bulkUploadRows} r left join ${moneyOrders} o on o.id = r.order_id
      where r.upload_id = ${uploadId}) c
    where u.id = ${uploadId} and u.status in ('QUEUED', 'RUNNING')`);
}

export async function failUpload(db: Db | Tx, uploadId: string, failure: string, now: Date): Promise<void> {
  await db
    .update(bulkUploads)
    .set({ status: 'FAILED', failure, finishedAt: now })
    .where(and(eq(bulkUploads.id, uploadId), inArray(bulkUploads.status, ['QUEUED', 'RUNNING'])));
}

/** Rejections in row order, at most `limit`. */
export async function rejectionsOf(db: Db | Tx, uploadId: string, limit: number): Promise<Rejection[]> {
  const rows = await db
    .select({ row: bulkUploadRows.rowNumber, code: bulkUploadRows.rejectionCode, message: bulkUploadRows.rejectionMessage })
    .from(bulkUploadRows)
    .where(and(eq(bulkUploadRows.uploadId, uploadId), eq(bulkUploadRows.status, 'REJECTED')))
    .orderBy(asc(bulkUploadRows.rowNumber))
    .limit(limit);
  return rows.map((row) => ({ row: row.row, code: row.code!, message: row.message! }));
}

/** Uploads a job has not finished: a restart adds their jobs again. */
export async function unfinishedUploads(db: Db | Tx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: bulkUploads.id })
    .from(bulkUploads)
    .where(inArray(bulkUploads.status, ['QUEUED', 'RUNNING']))
    .orderBy(asc(bulkUploads.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
