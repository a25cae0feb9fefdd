import { likePrefixOf } from '@postal/authz';
import type { Db, Tx } from '@postal/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { knownOffices } from './tables.js';

export interface KnownOffice {
  code: string;
  name: string;
  type: string;
  path: string;
  parentCode: string | null;
  status: string;
  version: number;
}

const columns = {
  code: knownOffices.code,
  name: knownOffices.name,
  type: knownOffices.type,
  path: knownOffices.path,
  parentCode: knownOffices.parentCode,
  status: knownOffices.status,
  version: knownOffices.version,
};

export async function findOffice(db: Db | Tx, code: string): Promise<KnownOffice | undefined> {
  const [row] = await db.select(columns).from(knownOffices).where(eq(knownOffices.code, code));
  return row;
}

export async function findOffices(db: Db | Tx, codes: readonly string[]): Promise<Map<string, KnownOffice>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select(columns).from(knownOffices).where(inArray(knownOffices.code, [...new Set(codes)]));
  return new Map(rows.map((row) => [row.code, row]));
}

export async function lockOffice(tx: Tx, code: string): Promise<KnownOffice | undefined> {
  const [row] = await tx.select(columns).from(knownOffices).where(eq(knownOffices.code, code)).for('update');
  return row;
}

export async function upsertOffice(tx: Tx, office: KnownOffice): Promise<void> {
  const { code: _code, ...changes } = office;
  await tx.insert(knownOffices).values(office).onConflictDoUpdate({ target: knownOffices.code, set: changes });
}

/** Re-hangs every office strictly under `fromPath` under `toPath` (a subtree moved); doing it again changes nothing. */
export async function rewriteSubtreePaths(tx: Tx, fromPath: string, toPath: string): Promise<void> {
  await tx
    .update(knownOffices)
    .set({ path: sql`${toPath} || substr(${knownOffices.path}, ${fromPath.length + 1})` })
    .where(sql`${knownOffices.path} like ${likePrefixOf(fromPath)}`);
}

/**
 * The top of the office tree (the one open office without a parent; the shortest path if data ever held more): where
 * network-wide decisions such as a tariff are proposed and approved. Undefined before any office is known.
 */
export async function findRootOffice(db: Db | Tx): Promise<KnownOffice | undefined> {
  const [row] = await db
    .select(columns)
    .from(knownOffices)
    .where(sql`${knownOffices.parentCode} is null and ${knownOffices.status} = 'ACTIVE'`)
    .orderBy(sql`length(${knownOffices.path})`, knownOffices.code)
    .limit(1);
  return row;
}
