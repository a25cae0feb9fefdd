import { rowsOf, type Db, type Tx } from '@postal/db';
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ManifestRowError } from './csv.js';
import { manifestRows, manifests } from './tables.js';

export type ManifestRow = typeof manifests.$inferSelect;
export type ManifestDataRow = typeof manifestRows.$inferSelect;
type RowErrors = NonNullable<ManifestDataRow['errors']>;

const INSERT_CHUNK = 1_000;

export async function insertManifest(tx: Tx, row: typeof manifests.$inferInsert): Promise<void> {
  await tx.insert(manifests).values(row);
}

export async function insertManifestRows(tx: Tx, manifestId: string, rows: ReadonlyArray<{ rowNumber: number; fields: Record<string, string>; errors?: RowErrors | undefined }>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await tx.insert(manifestRows).values(
      rows.slice(start, start + INSERT_CHUNK).map((row) => ({ manifestId, rowNumber: row.rowNumber, fields: row.fields, ...(row.errors ? { status: 'REJECTED', errors: row.errors } : {}) })),
    );
  }
}

export async function findManifest(db: Db | Tx, id: string): Promise<ManifestRow | undefined> {
  const [row] = await db.select().from(manifests).where(eq(manifests.id, id));
  return row;
}

/** Serialises the workers of one manifest (a stalled job handed to another worker waits, then finds the rows done). */
export async function lockManifestWork(tx: Tx, manifestId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`cod/manifest/${manifestId}`}, 0))`);
}

export async function pendingManifestRows(db: Db | Tx, manifestId: string, limit: number): Promise<ManifestDataRow[]> {
  return db
    .select()
    .from(manifestRows)
    .where(and(eq(manifestRows.manifestId, manifestId), eq(manifestRows.status, 'PENDING')))
    .orderBy(asc(manifestRows.rowNumber))
    .limit(limit);
}

export async function markManifestRunning(db: Db | Tx, manifestId: string, now: Date): Promise<void> {
  await db.execute(sql`
    update ${manifests} set status = 'RUNNING', started_at = coalesce(started_at, ${now}),
      processed_rows = (select count(*) from ${manifestRows} r where r.manifest_id = ${manifestId} and r.status <> 'PENDING')
    where id = ${manifestId} and status in ('QUEUED', 'RUNNING')`);
}

/**
 * Each row's outcome, in one statement; only rows still PENDING change. Answers how many did. The rows are picked by
 * their primary key (`= any` of the chunk's row numbers) before the join, and the outcomes are read from JSON once
 * (a materialised CTE): with the join alone, a table whose statistics lag behind a fresh upload was planned as a
 * nested loop that parsed the JSON again for every row of the manifest (21 s a chunk at 20,000 rows).
 */
export async function markRowOutcomes(tx: Tx, manifestId: string, outcomes: ReadonlyArray<{ rowNumber: number; status: string; articleId: string | null; errors: RowErrors | null }>): Promise<number> {
  if (outcomes.length === 0) return 0;
  const rowNumbers = outcomes.map((o) => o.rowNumber);
  if (!rowNumbers.every((n) => Number.isSafeInteger(n) && n > 0)) throw new Error('manifest row numbers are positive integers');
  const payload = JSON.stringify(outcomes.map((o) => ({ row: o.rowNumber, status: o.status, article_id: o.articleId, errors: o.errors })));
  const result = await tx.execute(sql`
    with v as materialized (
      select * from jsonb_to_recordset(${payload}::jsonb) as v(row int, status text, article_id uuid, errors jsonb))
    update ${manifestRows} r set status = v.status, article_id = v.article_id, errors = v.errors
    from v
    where r.manifest_id = ${manifestId} and r.row_number = any(${sql.raw(`'{${rowNumbers.join(',')}}'`)}::int[]) and r.row_number = v.row and r.status = 'PENDING'
    returning r.row_number`);
  return rowsOf(result).length;
}

/** The counters as the rows say they are, written with the rows they count. */
export async function recount(tx: Tx, manifestId: string, finishedAt: Date | null): Promise<void> {
  await tx.execute(sql`
    update ${manifests} m set
      processed_rows = c.processed, registered_count = c.registered, already_registered_count = c.already, rejected_count = c.rejected,
      status = case when ${finishedAt}::timestamptz is null then m.status else 'DONE' end,
      finished_at = coalesce(${finishedAt}::timestamptz, m.finished_at)
    from (
      select count(*) filter (where r.status <> 'PENDING') as processed,
             count(*) filter (where r.status = 'REGISTERED') as registered,
             count(*) filter (where r.status = 'ALREADY_REGISTERED') as already,
             count(*) filter (where r.status = 'REJECTED') as rejected
      from ${manifestRows} r where r.manifest_id = ${manifestId}) c
    where m.id = ${manifestId} and m.status in ('QUEUED', 'RUNNING')`);
}

export async function failManifest(db: Db | Tx, manifestId: string, failure: string, now: Date): Promise<void> {
  await db.update(manifests).set({ status: 'FAILED', failure, finishedAt: now }).where(and(eq(manifests.id, manifestId), inArray(manifests.status, ['QUEUED', 'RUNNING'])));
}

/** Row errors in row order, at most `limit` rows' worth, one line per error. */
export async function manifestErrors(db: Db | Tx, manifestId: string, limit: number): Promise<ManifestRowError[]> {
  const rows = await db
    .select({ row: manifestRows.rowNumber, errors: manifestRows.errors })
    .from(manifestRows)
    .where(and(eq(manifestRows.manifestId, manifestId), eq(manifestRows.status, 'REJECTED')))
    .orderBy(asc(manifestRows.rowNumber))
    .limit(limit);
  return rows.flatMap((row) => (row.errors ?? []).map((error) => ({ row: row.row, ...error }))).slice(0, limit);
}

export async function unfinishedManifests(db: Db | Tx, limit: number): Promise<string[]> {
  const rows = await db.select({ id: manifests.id }).from(manifests).where(inArray(manifests.status, ['QUEUED', 'RUNNING'])).orderBy(asc(manifests.createdAt)).limit(limit);
  return rows.map((row) => row.id);
}

export async function listManifests(db: Db | Tx, conditions: SQL[], after: { createdAt: string; id: string } | undefined, limit: number): Promise<ManifestRow[]> {
  const where = [...conditions];
  if (after) {
    const at = new Date(after.createdAt);
    where.push(or(lt(manifests.createdAt, at), and(eq(manifests.createdAt, at), lt(manifests.id, after.id)))!);
  }
  return db.select().from(manifests).where(and(...where)).orderBy(desc(manifests.createdAt), desc(manifests.id)).limit(limit);
}

