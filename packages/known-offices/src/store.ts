import { likePrefixOf } from '@postal/authz';
import type { Db, Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { eq, inArray, sql } from 'drizzle-orm';
import type { KnownOfficesTable } from './tables.js';

export interface KnownOffice {
  code: string;
  name: string;
  type: string;
  path: string;
  parentCode: string | null;
  status: string;
  version: number;
}

/** The queries on one subgraph's known_offices, and the consumer that keeps it from the office events. */
export function knownOfficeStore(knownOffices: KnownOfficesTable) {
  const columns = {
    code: knownOffices.code,
    name: knownOffices.name,
    type: knownOffices.type,
    path: knownOffices.path,
    parentCode: knownOffices.parentCode,
    status: knownOffices.status,
    version: knownOffices.version,
  };

  async function findOffice(db: Db | Tx, code: string): Promise<KnownOffice | undefined> {
    const [row] = await db.select(columns).from(knownOffices).where(eq(knownOffices.code, code));
    return row;
  }

  async function findOffices(db: Db | Tx, codes: readonly string[]): Promise<Map<string, KnownOffice>> {
    if (codes.length === 0) return new Map();
    const rows = await db.select(columns).from(knownOffices).where(inArray(knownOffices.code, [...new Set(codes)]));
    return new Map(rows.map((row) => [row.code, row]));
  }

  async function lockOffice(tx: Tx, code: string): Promise<KnownOffice | undefined> {
    const [row] = await tx.select(columns).from(knownOffices).where(eq(knownOffices.code, code)).for('update');
    return row;
  }

  async function upsertOffice(tx: Tx, office: KnownOffice): Promise<void> {
    const { code: _code, ...changes } = office;
    await tx.insert(knownOffices).values(office).onConflictDoUpdate({ target: knownOffices.code, set: changes });
  }

  /** Re-hangs every office strictly under `fromPath` under `toPath` (a subtree moved); doing it again changes nothing. */
  async function rewriteSubtreePaths(tx: Tx, fromPath: string, toPath: string): Promise<void> {
    await tx
      .update(knownOffices)
      .set({ path: sql`${toPath} || substr(${knownOffices.path}, ${fromPath.length + 1})` })
      .where(sql`${knownOffices.path} like ${likePrefixOf(fromPath)}`);
  }

  /**
   * The top of the office tree (the one open office without a parent; the shortest path if data ever held more): where
   * network-wide decisions such as a tariff are proposed and approved. Undefined before any office is known.
   */
  async function findRootOffice(db: Db | Tx): Promise<KnownOffice | undefined> {
    const [row] = await db
      .select(columns)
      .from(knownOffices)
      .where(sql`${knownOffices.parentCode} is null and ${knownOffices.status} = 'ACTIVE'`)
      .orderBy(sql`length(${knownOffices.path})`, knownOffices.code)
      .limit(1);
    return row;
  }

  async function apply(tx: Tx, incoming: KnownOffice, earlierPaths: string[]): Promise<void> {
    const kept = await lockOffice(tx, incoming.code);
    let path: string;
    if (kept && kept.version >= incoming.version) {
      path = kept.path;
    } else {
      const parent = incoming.parentCode === null ? undefined : await findOffice(tx, incoming.parentCode);
      path = parent === undefined ? incoming.path : `${parent.path}/${incoming.code}`;
      await upsertOffice(tx, { ...incoming, path });
    }
    const stale = new Set([incoming.path, ...earlierPaths, ...(kept ? [kept.path] : [])]);
    stale.delete(path);
    for (const from of stale) await rewriteSubtreePaths(tx, from, path);
  }

  /**
   * Keeps known_offices from office.created / office.updated, in the idempotent consumer's transaction. Events may come
   * twice or out of order: an older version than the one kept changes nothing, and an office's path is taken from its
   * parent as known now, so a late event still lands where the office is (the accounts subgraph keeps its copy the
   * same way: ledger-accounts/office-events.ts).
   */
  async function handleOfficeEvent(tx: Tx, event: AnyEvent): Promise<void> {
    switch (event.type) {
      case 'office.created': {
        const { code, name, type, path, parentCode } = event.payload;
        await apply(tx, { code, name, type, path, parentCode, status: 'ACTIVE', version: 1 }, []);
        return;
      }
      case 'office.updated': {
        const { code, name, type, path, parentCode, status, version, previousPath } = event.payload;
        await apply(tx, { code, name, type, path, parentCode, status, version }, [previousPath]);
        return;
      }
      default:
        throw new Error(`the office-events consumer does not take ${event.type} events`);
    }
  }

  return { findOffice, findOffices, lockOffice, upsertOffice, rewriteSubtreePaths, findRootOffice, handleOfficeEvent };
}
