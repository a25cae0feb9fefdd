import type { Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { accountCode, chartFor } from './chart.js';
import { findKnownOfficePath, lockKnownOffice, openAccountsIfAbsent, rewriteSubtreePaths, upsertKnownOffice, type KnownOffice } from './repository.js';

export const OFFICE_EVENTS_QUEUE = 'accounts.office-events';

/** The ledger's currency. One operator, one currency for now; international money orders bring a second. */
export const LEDGER_CURRENCY = 'INR';

/**
 * Keeps this subgraph's copy of the office tree (known_offices: name, path for scope, status, opening date) and opens each new
 * office's standard chart. It runs in the idempotent consumer's transaction, so a redelivered event changes nothing;
 * and it does not rely on events arriving in order (the outbox promises at-least-once, not order):
 * - `office.updated` carries the office's version; an older version than the one kept changes nothing;
 * - an office's path is its known parent's path and its code, so an office heard of after its parent moved still lands
 *   in the right place;
 * - offices kept under a path the office no longer has (before a move, or as an event still said) are re-hung under
 *   its path now, by prefix, in one UPDATE each. A move is one event however large the subtree.
 */
export async function handleOfficeEvent(tx: Tx, event: AnyEvent): Promise<void> {
  switch (event.type) {
    case 'office.created': {
      const office = event.payload;
      await applyOffice(tx, { ...facts(office), status: 'ACTIVE', version: 1 }, []);
      await openAccountsIfAbsent(
        tx,
        chartFor(office.type).map((head) => ({
          code: accountCode(office.code, head.headCode),
          name: `${head.name}, ${office.name}`,
          type: head.type,
          headCode: head.headCode,
          parentCode: head.headCode,
          balanceConstraint: head.balanceConstraint,
          allowManualEntries: head.allowManualEntries,
          currency: LEDGER_CURRENCY,
          officeCode: office.code,
        })),
      );
      return;
    }
    case 'office.updated': {
      const office = event.payload;
      await applyOffice(tx, { ...facts(office), status: office.status, version: office.version }, [office.previousPath]);
      return;
    }
    default:
      throw new Error(`${OFFICE_EVENTS_QUEUE} does not take ${event.type} events`);
  }
}

function facts(office: {
  code: string;
  name: string;
  type: string;
  path: string;
  parentCode: string | null;
  accountOfficeCode?: string | null | undefined;
  openedOn?: string | null | undefined;
}) {
  return {
    code: office.code,
    name: office.name,
    type: office.type,
    path: office.path,
    parentCode: office.parentCode,
    accountOfficeCode: office.accountOfficeCode ?? null,
    openedOn: office.openedOn ?? null,
  };
}

async function applyOffice(tx: Tx, incoming: KnownOffice, earlierPaths: string[]): Promise<void> {
  const kept = await lockKnownOffice(tx, incoming.code);
  let path: string;
  if (kept && kept.version >= incoming.version) {
    // Older news than what is kept: the row stays as it is.
    path = kept.path;
  } else {
    const parentPath = incoming.parentCode === null ? undefined : await findKnownOfficePath(tx, incoming.parentCode);
    path = parentPath === undefined ? incoming.path : `${parentPath}/${incoming.code}`;
    // An event from an older producer has no opening date: the one kept stays (an office's opening does not move).
    await upsertKnownOffice(tx, { ...incoming, path, openedOn: incoming.openedOn ?? kept?.openedOn ?? null });
  }
  const stale = new Set([incoming.path, ...earlierPaths, ...(kept ? [kept.path] : [])]);
  stale.delete(path);
  for (const from of stale) await rewriteSubtreePaths(tx, from, path);
}
