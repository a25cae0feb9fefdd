import type { Identity } from '@postal/auth';
import { assertPasswordChosen, billerScope, can, scopeCondition } from '@postal/authz';
import type { Db, Tx } from '@postal/db';
import { UnauthenticatedError } from '@postal/errors';
import { eq, or, type SQL } from 'drizzle-orm';
import { BillerNotFoundError } from './errors.js';
import { findBiller, findBillerByCode, type BillerRow } from './repository.js';
import { billers } from './tables.js';

/**
 * Who may see a biller: staff with cod.read (or cod.biller.manage, to change it) over its settlement office's subtree,
 * and the biller's own people (cod.biller.self) their own biller only. Anyone else is told it does not exist.
 */

/** The biller a BILLER-role person is bound to and acts for (@postal/authz billerScope), if any. */
export function ownBillerCode(identity: Identity): string | undefined {
  return billerScope(identity)?.billerCode;
}

export function canSeeBiller(identity: Identity, biller: BillerRow): boolean {
  return (
    can(identity, 'cod.read', biller.settlementOfficePath) ||
    can(identity, 'cod.biller.manage', biller.settlementOfficePath) ||
    ownBillerCode(identity) === biller.code
  );
}

/** The SQL twin of canSeeBiller, for lists. */
export function visibleBillersCondition(identity: Identity): SQL {
  const conditions = [scopeCondition(identity, 'cod.read', billers.settlementOfficePath), scopeCondition(identity, 'cod.biller.manage', billers.settlementOfficePath)];
  const own = ownBillerCode(identity);
  if (own) conditions.push(eq(billers.code, own));
  return or(...conditions)!;
}

export function assertSignedIn(identity: Identity): void {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
}

/** The biller, when the caller may see it; BILLER_NOT_FOUND otherwise (also for an id that is not a uuid). */
export async function visibleBiller(db: Db | Tx, identity: Identity, id: string): Promise<BillerRow> {
  assertSignedIn(identity);
  const biller = UUID.test(id) ? await findBiller(db, id) : undefined;
  if (!biller || !canSeeBiller(identity, biller)) throw new BillerNotFoundError(id, 'id');
  return biller;
}

export async function visibleBillerByCode(db: Db | Tx, identity: Identity, code: string): Promise<BillerRow | null> {
  assertSignedIn(identity);
  const biller = /^BL[0-9]{6}$/.test(code) ? await findBillerByCode(db, code) : undefined;
  return biller && canSeeBiller(identity, biller) ? biller : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
