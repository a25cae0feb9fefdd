/**
 * The manifest job's work: every row checked by the single registration's rules (articles/registration.ts) against
 * lookups made once per chunk, and the valid rows written together (articles/register.ts writeArticles). Chunks of
 * CHUNK_ROWS rows, each one transaction with its rows' outcomes and the counters, so progress is committed as it
 * goes and a crash re-runs only the rows still PENDING. Registration is idempotent by article number, so a re-run,
 * a re-upload or an overlapping file never makes a second article: a row whose article is there with the same facts
 * is ALREADY_REGISTERED, with other facts REJECTED (ARTICLE_CONFLICT).
 */
import type { Identity } from '@postal/auth';
import { businessDate } from '@postal/calendar';
import { transaction } from '@postal/db';
import { JobInterruptedError, type JobProgress } from '@postal/jobs';
import type { Actor, ArticleDeps } from '../articles/deps.js';
import { lookupsFor, writeArticles } from '../articles/register.js';
import { checkRegistration, type CheckedArticle, type RegistrationInput, type RowError } from '../articles/registration.js';
import { findManifest, lockManifestWork, markManifestRunning, markRowOutcomes, pendingManifestRows, recount, type ManifestDataRow, type ManifestRow } from './repository.js';

/** Rows per chunk: one transaction of bounded length, and how often progress is shown. */
export const CHUNK_ROWS = 1_000;

export interface ManifestJobControl {
  progress(value: JobProgress): Promise<void>;
  signal: AbortSignal;
}

function rowInput(manifest: ManifestRow, row: ManifestDataRow): { input: RegistrationInput; errors: RowError[] } {
  const field = (name: string) => (row.fields[name] ?? '').trim();
  const given = field('biller_code');
  const errors: RowError[] = [];
  if (manifest.billerCode && given !== '' && given !== manifest.billerCode) {
    errors.push({ field: 'biller_code', code: 'BILLER_NOT_FOUND', message: `the manifest is for biller ${manifest.billerCode}, not ${given.slice(0, 20)}` });
  }
  return {
    input: { articleNumber: field('article_number'), billerCode: given === '' ? (manifest.billerCode ?? '') : given, codAmount: field('cod_amount'), bookingOfficeCode: field('booking_office'), deliveryOfficeCode: field('delivery_office'), bookedOn: field('booked_on') },
    errors,
  };
}

/** The input's field names are the API's; the file's columns are named in the report. */
const COLUMN_OF: Record<string, string> = { articleNumber: 'article_number', billerCode: 'biller_code', codAmount: 'cod_amount', bookingOfficeCode: 'booking_office', deliveryOfficeCode: 'delivery_office', bookedOn: 'booked_on' };
const asColumn = (error: RowError): { field: string | null; code: string; message: string } => ({ field: error.field ? (COLUMN_OF[error.field] ?? error.field) : null, code: error.code, message: error.message.slice(0, 500) });

export async function processManifest(deps: ArticleDeps, manifestId: string, control: ManifestJobControl): Promise<ManifestRow> {
  const manifest = await findManifest(deps.database.db, manifestId);
  if (!manifest) throw new Error(`manifest ${manifestId} does not exist`);
  if (manifest.status === 'DONE' || manifest.status === 'FAILED') return manifest;
  await markManifestRunning(deps.database.db, manifestId, deps.clock());
  const identity = manifest.actor as unknown as Identity;
  const actor: Actor = { label: manifest.actorLabel, event: identity.kind === 'staff' ? { kind: 'staff', id: identity.staffId, username: identity.username, officeCode: identity.officeCode } : { kind: 'service' } };
  for (;;) {
    if (control.signal.aborted) throw new JobInterruptedError(`manifest ${manifestId}`);
    const done = await transaction(deps.database, 'read committed', async (tx) => {
      await lockManifestWork(tx, manifestId);
      const rows = await pendingManifestRows(tx, manifestId, CHUNK_ROWS);
      if (rows.length === 0) return true;
      const now = deps.clock();
      const today = businessDate(now, deps.timeZone);
      const inputs = rows.map((row) => rowInput(manifest, row));
      const lookups = await lookupsFor(tx, inputs.map((entry) => entry.input), today);
      const checked = inputs.map((entry) => {
        const result = checkRegistration(entry.input, lookups, identity, today);
        return { article: entry.errors.length === 0 ? result.article : undefined, errors: [...entry.errors, ...result.errors] };
      });
      const valid = checked.flatMap((entry) => (entry.article ? [entry.article] : [])) as CheckedArticle[];
      const outcomes = await writeArticles(tx, valid, { actor, now, today, manifestId });
      let next = 0;
      const marks = rows.map((row, at) => {
        const entry = checked[at]!;
        if (!entry.article) return { rowNumber: row.rowNumber, status: 'REJECTED', articleId: null, errors: entry.errors.map(asColumn) };
        const outcome = outcomes[next++]!;
        if (outcome.kind === 'CONFLICT') return { rowNumber: row.rowNumber, status: 'REJECTED', articleId: null, errors: [asColumn(outcome.error)] };
        return { rowNumber: row.rowNumber, status: outcome.kind, articleId: outcome.article.id, errors: null };
      });
      if ((await markRowOutcomes(tx, manifestId, marks)) !== rows.length) throw new Error(`manifest ${manifestId}: rows changed under its lock`);
      await recount(tx, manifestId, null);
      return false;
    });
    const now = await findManifest(deps.database.db, manifestId);
    await control.progress({ processedRows: now?.processedRows ?? 0, totalRows: manifest.totalRows });
    if (done) break;
  }
  await transaction(deps.database, 'read committed', async (tx) => {
    await lockManifestWork(tx, manifestId);
    await recount(tx, manifestId, deps.clock());
  });
  return (await findManifest(deps.database.db, manifestId))!;
}
