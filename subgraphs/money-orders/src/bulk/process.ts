/**
 * The bulk booking job's work: every row of an upload checked and booked by the single booking's own code
 * (book.ts bookInTransaction), in the mode the caller chose.
 *
 * - ACCEPT_VALID: chunks of CHUNK_ROWS rows, each chunk one transaction; a row the rules refuse is rolled back to its
 *   savepoint and reported, the others are booked. Progress is committed with each chunk.
 * - ALL_OR_NOTHING: the whole file in ONE transaction, worked through in the same chunks. From the first refused row
 *   on, rows are only checked (so the report lists every bad row), and at the end the transaction is rolled back:
 *   nothing is booked, the upload is DONE with its rejections and bookedCount 0. When no row is refused it commits,
 *   and every order of the file appears at once. We chose one transaction over chunks with compensation because a
 *   compensation (stopping orders already booked, reversing their ledger movements, having told payees a code) is
 *   visible to people and the ledger; a rollback is not. Its cost: one long transaction (about a minute for 20,000
 *   rows), which holds no lock a counter booking waits for (the rows are new) and shows progress from outside it.
 *
 * A crash anywhere is safe to run again: a chunk's orders and its rows' BOOKED marks commit together, every order's
 * idempotency key is `bulk:<upload>:<row>`, and an advisory lock per upload keeps two workers from overlapping.
 */
import { businessDate } from '@postal/calendar';
import { transaction, type Tx } from '@postal/db';
import { isExpectedError } from '@postal/errors';
import { JobInterruptedError, type JobProgress } from '@postal/jobs';
import { Decimal } from '@postal/money';
import { findOffice, findOffices, type KnownOffice } from '../offices/repository.js';
import { bookingHash, bookInTransaction, checkBookingInput, type BookingContext, type WrittenBooking } from '../orders/book.js';
import type { Actor } from '../orders/changes.js';
import type { OrderDeps, Pricing } from '../orders/deps.js';
import { eligibleCounterOffice } from '../orders/offices.js';
import { findOrderByKey } from '../orders/repository.js';
import type { Rejection } from './csv.js';
import { sendCodes } from './notify.js';
import {
  addCounts,
  failUpload,
  findUpload,
  finishUpload,
  lockUploadWork,
  markBooked,
  markRejected,
  markRunning,
  pendingRows,
  rejectionsOf,
  setProcessedRows,
  type BulkRowRow,
  type BulkUploadRow,
} from './repository.js';
import { refusalOf, rowBooking } from './rows.js';

/** Rows per chunk: a transaction of bounded length in ACCEPT_VALID, and how often progress is shown. */
export const CHUNK_ROWS = 500;

export interface BulkJobControl {
  progress(value: JobProgress): Promise<void>;
  /** Aborted when the process is stopping: the job stops between chunks and runs again later. */
  signal: AbortSignal;
}

/** Test seam: called after each row is booked or refused, inside its chunk's transaction; a throw is a crash there. */
export interface BulkFaults {
  afterRow?(rowNumber: number): void;
}

interface Run {
  deps: OrderDeps;
  upload: BulkUploadRow;
  office: KnownOffice;
  actor: Actor;
  control: BulkJobControl;
  faults: BulkFaults;
}

type RowResult =
  | { kind: 'booked'; rowNumber: number; orderId: string; amount: string; written?: WrittenBooking }
  | { kind: 'rejected'; rejection: Rejection }
  /** Checked and found bookable, but not booked (an ALL_OR_NOTHING file already refused). */
  | { kind: 'valid' };

export async function processBulkUpload(deps: OrderDeps, uploadId: string, control: BulkJobControl, faults: BulkFaults = {}): Promise<BulkUploadRow> {
  const upload = await findUpload(deps.database.db, uploadId);
  if (!upload) throw new Error(`bulk upload ${uploadId} does not exist`);
  if (upload.status === 'DONE' || upload.status === 'FAILED') return upload;
  await markRunning(deps.database.db, uploadId, deps.clock());
  let office: KnownOffice;
  try {
    office = eligibleCounterOffice(upload.officeCode, await findOffice(deps.database.db, upload.officeCode), 'officeCode');
  } catch (error) {
    // The office closed after the upload was taken: no row can be booked there, which is the upload's failure.
    if (!isExpectedError(error)) throw error;
    await failUpload(deps.database.db, uploadId, `${error.code}: ${error.message}`, deps.clock());
    return (await findUpload(deps.database.db, uploadId))!;
  }
  const run: Run = {
    deps: { ...deps, pricing: memoisedQuotes(deps.pricing) },
    upload,
    office,
    actor: { label: upload.actorLabel, event: upload.actor as Actor['event'] },
    control,
    faults,
  };
  if (upload.mode === 'ACCEPT_VALID') await acceptValid(run);
  else await allOrNothing(run);
  return (await findUpload(deps.database.db, uploadId))!;
}

async function acceptValid(run: Run): Promise<void> {
  const { deps, upload } = run;
  const sending: Array<Promise<void>> = [];
  for (;;) {
    if (run.control.signal.aborted) throw new JobInterruptedError(`bulk upload ${upload.id}`);
    const chunk = await transaction(deps.database, 'read committed', async (tx) => {
      await lockUploadWork(tx, upload.id);
      const rows = await pendingRows(tx, upload.id, 0, CHUNK_ROWS);
      if (rows.length === 0) return undefined;
      const results = await bookRows(tx, run, rows, { bookAll: true });
      const booked = results.flatMap((result) => (result.kind === 'booked' ? [result] : []));
      if (results.some((result) => result.kind === 'valid')) throw new Error('ACCEPT_VALID books every valid row');
      const rejected = results.flatMap((result) => (result.kind === 'rejected' ? [result.rejection] : []));
      const markedBooked = await markBooked(tx, upload.id, booked);
      const markedRejected = await markRejected(tx, upload.id, rejected);
      if (markedBooked + markedRejected !== rows.length) throw new Error(`bulk upload ${upload.id}: rows changed under the upload's lock`);
      const bookedAmount = booked.reduce((sum, row) => sum.plus(row.amount), new Decimal(0)).toFixed();
      await addCounts(tx, upload.id, { processed: rows.length, booked: booked.length, rejected: rejected.length, bookedAmount });
      return booked.flatMap((row) => (row.written ? [row.written] : []));
    });
    if (!chunk) break;
    // Codes go out once their orders have committed, while the next chunk is booked.
    sending.push(sendCodes(deps, chunk));
    const now = await findUpload(deps.database.db, upload.id);
    await run.control.progress({ processedRows: now?.processedRows ?? 0, totalRows: upload.totalRows });
  }
  await Promise.all(sending);
  await transaction(deps.database, 'read committed', async (tx) => {
    await lockUploadWork(tx, upload.id);
    await finishUpload(tx, upload.id, deps.clock());
  });
}

/** Thrown to roll the whole file back when a row was refused: the rejections are recorded afterwards. */
class RefusedFile extends Error {
  constructor(readonly rejections: Rejection[]) {
    super('a row of an ALL_OR_NOTHING upload was refused');
  }
}

async function allOrNothing(run: Run): Promise<void> {
  const { deps, upload } = run;
  let written: WrittenBooking[] = [];
  try {
    written = await transaction(deps.database, 'read committed', async (tx) => {
      await lockUploadWork(tx, upload.id);
      const current = await findUpload(tx, upload.id);
      if (current?.status !== 'RUNNING') return [];
      // Rows refused when the file was taken (a wrong number of fields) already make the file fail.
      const rejections: Rejection[] = [];
      let refused = (await rejectionsOf(tx, upload.id, 1)).length > 0;
      const booked: Array<{ rowNumber: number; orderId: string; written?: WrittenBooking }> = [];
      let processed = current.processedRows;
      for (let after = 0; ; ) {
        if (run.control.signal.aborted) throw new JobInterruptedError(`bulk upload ${upload.id}`);
        const rows = await pendingRows(tx, upload.id, after, CHUNK_ROWS);
        if (rows.length === 0) break;
        after = rows.at(-1)!.rowNumber;
        // A chunk is booked or only checked as a whole: once a row is refused, the next chunks are only checked (the
        // rest of the chunk it was in is booked and rolled back with everything else).
        for (const result of await bookRows(tx, run, rows, { bookAll: !refused })) {
          if (result.kind === 'booked') booked.push(result);
          if (result.kind === 'rejected') {
            rejections.push(result.rejection);
            refused = true;
          }
        }
        processed += rows.length;
        await showProgress(run, processed);
      }
      if (refused) throw new RefusedFile(rejections);
      await markBooked(tx, upload.id, booked);
      await finishUpload(tx, upload.id, deps.clock());
      return booked.flatMap((row) => (row.written ? [row.written] : []));
    });
  } catch (error) {
    if (!(error instanceof RefusedFile)) throw error;
    // Nothing was booked (rolled back); the valid rows stay PENDING, the refused ones are reported.
    await transaction(deps.database, 'read committed', async (tx) => {
      await lockUploadWork(tx, upload.id);
      await markRejected(tx, upload.id, error.rejections);
      await finishUpload(tx, upload.id, deps.clock());
    });
  }
  await sendCodes(deps, written);
}

/**
 * Progress of a transaction that has not committed: written from another connection, so pollers see it. PGlite (the
 * embedded default) has one connection, which the transaction holds; there only the job's own progress is kept.
 */
async function showProgress(run: Run, processedRows: number): Promise<void> {
  if (run.deps.database.kind === 'postgres') await setProcessedRows(run.deps.database.db, run.upload.id, processedRows);
  await run.control.progress({ processedRows, totalRows: run.upload.totalRows });
}

/** Checks each row, and books it in a savepoint of the chunk's transaction unless told only to check. */
async function bookRows(tx: Tx, run: Run, rows: readonly BulkRowRow[], options: { bookAll: boolean }): Promise<RowResult[]> {
  const now = run.deps.clock();
  const context = { office: run.office, actor: run.actor, now, today: businessDate(now, run.deps.timeZone), requestId: run.upload.requestId ?? undefined };
  const offices = await findOffices(tx, rows.map((row) => String(row.fields.paying_office_code ?? '').trim()));
  const results: RowResult[] = [];
  for (const row of rows) {
    results.push(await bookRow(tx, run, row, offices, context, options.bookAll));
    run.faults.afterRow?.(row.rowNumber);
  }
  return results;
}

async function bookRow(tx: Tx, run: Run, row: BulkRowRow, offices: Map<string, KnownOffice>, context: Omit<BookingContext, 'payingOffice'>, book: boolean): Promise<RowResult> {
  let result: RowResult | undefined;
  const refusal = await refusalOf(row.rowNumber, async () => {
    const checked = checkBookingInput(rowBooking(run.upload, row));
    const payingOffice = eligibleCounterOffice(checked.payee.payingOfficeCode, offices.get(checked.payee.payingOfficeCode), 'payee.payingOfficeCode');
    if (!book) {
      // Checked as the booking would check it, without writing: the file is being refused anyway.
      const quote = await run.deps.pricing.quote(tx, checked.product, checked.amount, context.today);
      await run.deps.pricing.assertOrderLimit(tx, checked.product, quote.amount, context.today);
      return;
    }
    const requestHash = bookingHash(checked);
    // A savepoint per row: a refusal after some of the row's writes undoes just that row.
    const written = await tx.transaction((savepoint) => bookInTransaction(savepoint, run.deps, { ...context, payingOffice }, checked, requestHash));
    if (written) {
      result = { kind: 'booked', rowNumber: row.rowNumber, orderId: written.order.id, amount: written.order.amount, written };
      return;
    }
    // Booked already under this row's key (never by this design, which marks the row in the same transaction; kept
    // as the last line of defence): the row is that order, not a second one.
    const existing = await findOrderByKey(tx, checked.idempotencyKey);
    if (!existing || existing.requestHash !== requestHash) throw new Error(`bulk row ${row.rowNumber}: its key is taken by another booking`);
    result = { kind: 'booked', rowNumber: row.rowNumber, orderId: existing.id, amount: existing.amount };
  });
  if (refusal) return { kind: 'rejected', rejection: refusal };
  return result ?? { kind: 'valid' };
}

/** Quotes are the tariff's pure function of product, amount and date: a file of the same amounts asks once each. */
function memoisedQuotes(pricing: Pricing): Pricing {
  const quotes = new Map<string, Awaited<ReturnType<Pricing['quote']>>>();
  return {
    ...pricing,
    async quote(tx, product, amount, onDate) {
      const key = `${product}|${amount}|${onDate}`;
      const known = quotes.get(key);
      if (known) return known;
      const quote = await pricing.quote(tx, product, amount, onDate);
      if (quotes.size < 10_000) quotes.set(key, quote);
      return quote;
    },
  };
}
