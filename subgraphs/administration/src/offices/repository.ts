import { and, asc, eq, gt, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@postal/db';
import type { OfficeRecord } from './model.js';
import { offices } from './tables.js';

const columns = {
  code: offices.code,
  name: offices.name,
  type: offices.type,
  status: offices.status,
  parentCode: offices.parentCode,
  path: offices.path,
};

/** Escapes LIKE's wildcards so an office code is matched literally. */
function likePrefix(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
}

/** The office at `path` and everything under it, as an index-backed prefix match on the materialised path. */
export function inSubtree(path: string): SQL {
  return or(eq(offices.path, path), like(offices.path, likePrefix(path))) as SQL;
}

export async function findOffice(db: Db | Tx, code: string): Promise<OfficeRecord | undefined> {
  const [row] = await db.select(columns).from(offices).where(eq(offices.code, code));
  return row as OfficeRecord | undefined;
}

/** One keyset page of offices within a scope (a path), ordered by code; fetches `limit` rows. */
export async function listOffices(
  db: Db | Tx,
  options: { scopePath: string | undefined; afterCode: string | undefined; limit: number },
): Promise<OfficeRecord[]> {
  const conditions = [
    options.scopePath === undefined ? undefined : inSubtree(options.scopePath),
    options.afterCode === undefined ? undefined : gt(offices.code, options.afterCode),
  ].filter((condition): condition is SQL => condition !== undefined);
  const rows = await db
    .select(columns)
    .from(offices)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(offices.code))
    .limit(options.limit);
  return rows as OfficeRecord[];
}

/** Inserts offices that are not there yet and answers the ones it inserted (the seed stages events only for those). */
export async function insertOfficesIfAbsent(tx: Tx, rows: OfficeRecord[]): Promise<OfficeRecord[]> {
  if (rows.length === 0) return [];
  const inserted = await tx.insert(offices).values(rows).onConflictDoNothing({ target: offices.code }).returning(columns);
  return inserted as OfficeRecord[];
}

export async function officePath(db: Db | Tx, code: string): Promise<string | undefined> {
  const [row] = await db.select({ path: offices.path }).from(offices).where(eq(offices.code, code));
  return row?.path;
}

export const officeCount = (db: Db | Tx) => db.select({ count: sql<number>`count(*)::int` }).from(offices);
