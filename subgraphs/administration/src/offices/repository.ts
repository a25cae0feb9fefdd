import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
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


export async function findOffice(db: Db | Tx, code: string): Promise<OfficeRecord | undefined> {
  const [row] = await db.select(columns).from(offices).where(eq(offices.code, code));
  return row as OfficeRecord | undefined;
}

/** One keyset page of offices within a scope (a SQL condition, see @postal/authz scopeCondition), by code. */
export async function listOffices(
  db: Db | Tx,
  options: { scope: SQL; afterCode: string | undefined; limit: number },
): Promise<OfficeRecord[]> {
  const conditions = [
    options.scope,
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

export async function findOfficePath(db: Db | Tx, code: string): Promise<string | undefined> {
  const [row] = await db.select({ path: offices.path }).from(offices).where(eq(offices.code, code));
  return row?.path;
}

export const officeCount = (db: Db | Tx) => db.select({ count: sql<number>`count(*)::int` }).from(offices);
