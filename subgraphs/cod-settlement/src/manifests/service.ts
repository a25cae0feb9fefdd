import { createHash, randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { assertHolds, assertPasswordChosen, can, scopeCondition } from '@postal/authz';
import { transaction } from '@postal/db';
import { BadUserInputError, UnauthenticatedError } from '@postal/errors';
import type { JobQueue } from '@postal/jobs';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { or } from 'drizzle-orm';
import { actorOf, type ArticleDeps } from '../articles/deps.js';
import { findBillerByCode } from '../billers/repository.js';
import { ArticleError } from '../articles/errors.js';
import { enqueueManifest } from '../jobs/manifest-upload.js';
import { errorReportCsv, MAX_MANIFEST_ROWS, parseManifestCsv, type ManifestRowError } from './csv.js';
import { ROW_COLUMNS_CODE } from './errors.js';
import { findManifest, insertManifest, insertManifestRows, listManifests, manifestErrors, type ManifestRow } from './repository.js';
import { manifests } from './tables.js';

export interface ManifestInput {
  fileName: unknown;
  content: unknown;
  billerCode?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_ERRORS_PAGE = 1_000;

export function checkFileName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length === 0 || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) throw new BadUserInputError('fileName', 'a file name is 1 to 200 printable characters');
  return name;
}

/**
 * The uploader as the job acts for them: their cod.article.register grants at the time of the upload, which decide
 * which delivery offices a row may name (a grant taken away later does not reach back into a file already taken).
 */
function storedIdentity(identity: Identity): Record<string, unknown> {
  if (identity.kind !== 'staff') return { kind: identity.kind, ...(identity.kind === 'service' ? { service: identity.service } : {}) };
  const { staffId, username, roles, officeCode, officePath } = identity;
  return { kind: 'staff', staffId, username, roles, officeCode, officePath, grants: identity.grants.filter((grant) => grant.permission === 'cod.article.register') };
}

/** Takes a manifest: checked as a whole (size, header), its rows stored, its job added (job id = manifest id). */
async function submit(deps: ArticleDeps, jobs: JobQueue, identity: Identity, input: ManifestInput, requestId?: string): Promise<ManifestRow> {
  assertHolds(identity, 'cod.article.register');
  const fileName = checkFileName(input.fileName);
  if (typeof input.content !== 'string') throw new BadUserInputError('content', 'content is the file as text');
  let billerCode: string | null = null;
  if (input.billerCode != null && input.billerCode !== '') {
    const biller = typeof input.billerCode === 'string' ? await findBillerByCode(deps.database.db, input.billerCode) : undefined;
    if (!biller) throw new ArticleError('BILLER_NOT_FOUND', `no biller ${JSON.stringify(String(input.billerCode).slice(0, 20))}`, { field: 'billerCode' });
    billerCode = biller.code;
  }
  const parsed = parseManifestCsv(input.content);
  const width = parsed.header.length;
  const actor = actorOf(identity);
  const id = randomUUID();
  await transaction(deps.database, 'read committed', async (tx) => {
    await insertManifest(tx, {
      id,
      contentHash: createHash('sha256').update(JSON.stringify([billerCode, input.content])).digest('hex'),
      fileName,
      billerCode,
      totalRows: parsed.rows.length,
      actor: storedIdentity(identity),
      actorLabel: actor.label,
      officePath: identity.kind === 'staff' ? identity.officePath : '',
      requestId: requestId ?? null,
      createdAt: deps.clock(),
    });
    await insertManifestRows(
      tx,
      id,
      parsed.rows.map((row) => ({
        rowNumber: row.rowNumber,
        fields: row.fields,
        errors: row.fieldCount === width ? undefined : [{ field: null, code: ROW_COLUMNS_CODE, message: `the row has ${row.fieldCount} fields; the header has ${width}` }],
      })),
    );
  });
  // Read before the job is added, so the answer is the manifest as taken (QUEUED), whatever the job does next.
  const taken = (await findManifest(deps.database.db, id))!;
  await enqueueManifest(jobs, id);
  return taken;
}

/** Who may see a manifest: whoever may register articles or read COD at the uploader's office. */
function visible(identity: Identity, manifest: ManifestRow): boolean {
  return can(identity, 'cod.article.register', manifest.officePath) || can(identity, 'cod.read', manifest.officePath);
}

async function find(deps: ArticleDeps, identity: Identity, id: string): Promise<ManifestRow | null> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const manifest = await findManifest(deps.database.db, id.toLowerCase());
  return manifest && visible(identity, manifest) ? manifest : null;
}

async function list(deps: ArticleDeps, identity: Identity, first: number | null | undefined, after: string | null | undefined): Promise<Connection<ManifestRow>> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
  const size = pageSize(first, 20);
  const cursor = decodeCursor(after, 2);
  if (cursor && (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(cursor[0]!) || Number.isNaN(Date.parse(cursor[0]!)) || !UUID.test(cursor[1]!))) throw new BadUserInputError('after', 'the cursor is not one this API issued');
  const scope = or(scopeCondition(identity, 'cod.article.register', manifests.officePath), scopeCondition(identity, 'cod.read', manifests.officePath))!;
  const rows = await listManifests(deps.database.db, [scope], cursor ? { createdAt: cursor[0]!, id: cursor[1]! } : undefined, size + 1);
  return toConnection(rows, size, (row) => [row.createdAt.toISOString(), row.id]);
}

async function errors(deps: ArticleDeps, manifest: ManifestRow, first: number | null | undefined): Promise<ManifestRowError[]> {
  const limit = first ?? 100;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_ERRORS_PAGE) throw new BadUserInputError('first', `first is 0 to ${MAX_ERRORS_PAGE}; the whole list is errorReportCsv`);
  return manifestErrors(deps.database.db, manifest.id, limit);
}

export function createManifestService(deps: ArticleDeps, jobs: JobQueue) {
  return {
    submit: (identity: Identity, input: ManifestInput, requestId?: string) => submit(deps, jobs, identity, input, requestId),
    find: (identity: Identity, id: string) => find(deps, identity, id),
    list: (identity: Identity, first: number | null | undefined, after: string | null | undefined) => list(deps, identity, first, after),
    errors: (manifest: ManifestRow, first: number | null | undefined) => errors(deps, manifest, first),
    report: async (manifest: ManifestRow) => errorReportCsv(await manifestErrors(deps.database.db, manifest.id, MAX_MANIFEST_ROWS * 6)),
  };
}

export type ManifestService = ReturnType<typeof createManifestService>;
