import type { Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { findOffice, lockOffice, rewriteSubtreePaths, upsertOffice, type KnownOffice } from './repository.js';

export const OFFICE_EVENTS_QUEUE = 'money-orders.office-events';

/**
 * Keeps known_offices from office.created / office.updated, in the idempotent consumer's transaction. Events may come
 * twice or out of order: an older version than the one kept changes nothing, and an office's path is taken from its
 * parent as known now, so a late event still lands where the office is (the accounts subgraph keeps its copy the same
 * way: ledger-accounts/office-events.ts).
 */
export async function handleOfficeEvent(tx: Tx, event: AnyEvent): Promise<void> {
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
      throw new Error(`${OFFICE_EVENTS_QUEUE} does not take ${event.type} events`);
  }
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
