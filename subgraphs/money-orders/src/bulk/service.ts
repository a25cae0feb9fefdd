import { createHash, randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { assertCan, can } from '@postal/authz';
import { transaction } from '@postal/db';
import { BadUserInputError, UnauthenticatedError } from '@postal/errors';
import type { JobQueue } from '@postal/jobs';
import { enqueueBulkUpload } from '../jobs/bulk-booking.js';
import { actorOf } from '../orders/actor.js';
import { checkIdempotencyKey } from '../orders/book.js';
import type { OrderDeps } from '../orders/deps.js';
import { IdempotencyConflictError } from '../orders/errors.js';
import { counterOffice } from '../orders/offices.js';
import { MAX_ROWS, parseBulkCsv, rejectionReportCsv, type Rejection } from './csv.js';
import { ROW_COLUMNS_CODE } from './errors.js';
import { findUpload, findUploadByKey, insertRows, insertUpload, rejectionsOf, type BulkUploadRow } from './repository.js';

export interface BulkInput {
  idempotencyKey: string;
  officeCode: string;
  product?: string | null;
  paymentMode: string;
  mode: string;
  fileName: string;
  csv: string;
}

const MODES = new Set(['ALL_OR_NOTHING', 'ACCEPT_VALID']);
const PRODUCTS = new Set(['ORDINARY', 'ELECTRONIC', 'INSTANT', 'SERVICE']);
const PAYMENT_MODES = new Set(['CASH', 'UPI', 'CARD']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `rejections(first)`: the default is the SDL's 100; the whole list is the CSV report. */
export const MAX_REJECTIONS_PAGE = 1_000;

function checkFileName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length === 0 || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) throw new BadUserInputError('fileName', 'a file name is 1 to 200 printable characters');
  return name;
}

/**
 * Takes a CSV upload: checked as a whole (size, header, rows), its rows stored, its job added (job id = upload id).
 * Rows are checked one by one by the job, by the single booking's rules. A retry with the same key answers the same
 * upload, and adds its job again if it is not finished (a queue that was down when it was taken).
 */
async function submit(deps: OrderDeps, jobs: JobQueue, identity: Identity, input: BulkInput, requestId: string): Promise<BulkUploadRow> {
  const idempotencyKey = checkIdempotencyKey(input.idempotencyKey);
  const product = input.product ?? 'SERVICE';
  if (!PRODUCTS.has(product)) throw new BadUserInputError('product', 'unknown money-order product');
  if (!PAYMENT_MODES.has(input.paymentMode)) throw new BadUserInputError('paymentMode', 'payment is CASH, UPI or CARD');
  if (!MODES.has(input.mode)) throw new BadUserInputError('mode', 'mode is ALL_OR_NOTHING or ACCEPT_VALID');
  const fileName = checkFileName(input.fileName);
  if (typeof input.csv !== 'string') throw new BadUserInputError('csv', 'csv is the file as text');
  const requestHash = createHash('sha256')
    .update(JSON.stringify(['bulk/1', input.officeCode, product, input.paymentMode, input.mode, fileName, createHash('sha256').update(input.csv, 'utf8').digest('hex')]))
    .digest('hex');
  const replay = await findUploadByKey(deps.database.db, idempotencyKey);
  if (replay) return answerReplay(jobs, replay, requestHash, idempotencyKey);
  const office = await counterOffice(deps.database.db, input.officeCode, 'officeCode');
  assertCan(identity, 'mo.bulk.book', office);
  const parsed = parseBulkCsv(input.csv);
  const actor = actorOf(identity);
  const id = randomUUID();
  const inserted = await transaction(deps.database, 'read committed', async (tx) => {
    const written = await insertUpload(tx, {
      id,
      idempotencyKey,
      requestHash,
      mode: input.mode,
      product,
      paymentMode: input.paymentMode,
      officeCode: office.code,
      officePath: office.path,
      fileName,
      currency: deps.currency,
      totalRows: parsed.rows.length,
      actorLabel: actor.label,
      actor: actor.event,
      requestId,
      createdAt: deps.clock(),
    });
    if (!written) return false;
    const width = parsed.header.length;
    await insertRows(
      tx,
      id,
      parsed.rows.map((row) => ({
        rowNumber: row.rowNumber,
        fields: row.fields,
        // A row whose fields do not line up with the header cannot be read as anyone's order.
        rejection: row.fieldCount === width ? undefined : { code: ROW_COLUMNS_CODE, message: `the row has ${row.fieldCount} fields; the header has ${width}` },
      })),
    );
    return true;
  });
  const upload = await findUploadByKey(deps.database.db, idempotencyKey);
  if (!upload) throw new Error(`bulk upload ${idempotencyKey} was taken but is not visible`);
  if (!inserted) return answerReplay(jobs, upload, requestHash, idempotencyKey);
  await enqueueBulkUpload(jobs, upload.id);
  return upload;
}

async function answerReplay(jobs: JobQueue, upload: BulkUploadRow, requestHash: string, key: string): Promise<BulkUploadRow> {
  if (upload.requestHash !== requestHash) throw new IdempotencyConflictError(key);
  if (upload.status === 'QUEUED' || upload.status === 'RUNNING') await enqueueBulkUpload(jobs, upload.id);
  return upload;
}

/** Who may see an upload: whoever may bulk-book or read orders at its office. */
function visible(identity: Identity, upload: BulkUploadRow): boolean {
  return can(identity, 'mo.bulk.book', upload.officePath) || can(identity, 'mo.read', upload.officePath);
}

async function find(deps: OrderDeps, identity: Identity, id: string): Promise<BulkUploadRow | null> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const upload = await findUpload(deps.database.db, id.toLowerCase());
  return upload && visible(identity, upload) ? upload : null;
}

async function rejections(deps: OrderDeps, upload: BulkUploadRow, first: number | null | undefined): Promise<Rejection[]> {
  const limit = first ?? 100;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_REJECTIONS_PAGE) {
    throw new BadUserInputError('first', `first is 0 to ${MAX_REJECTIONS_PAGE}; the whole list is rejectionReportCsv`);
  }
  return rejectionsOf(deps.database.db, upload.id, limit);
}

async function report(deps: OrderDeps, upload: BulkUploadRow): Promise<string> {
  return rejectionReportCsv(await rejectionsOf(deps.database.db, upload.id, MAX_ROWS));
}

export function createBulkService(deps: OrderDeps, jobs: JobQueue) {
  return {
    submit: (identity: Identity, input: BulkInput, requestId: string) => submit(deps, jobs, identity, input, requestId),
    find: (identity: Identity, id: string) => find(deps, identity, id),
    rejections: (upload: BulkUploadRow, first: number | null | undefined) => rejections(deps, upload, first),
    report: (upload: BulkUploadRow) => report(deps, upload),
  };
}

export type BulkService = ReturnType<typeof createBulkService>;
