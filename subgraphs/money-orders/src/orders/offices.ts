import type { Db, Tx } from '@postal/db';
import { findOffice, type KnownOffice } from '../offices/repository.js';
import { OfficeNotEligibleError, OfficeNotFoundError } from './errors.js';

/** Counter offices that keep money-order accounts in the ledger (accounts' chart: head and sub offices). */
const COUNTER_OFFICE_TYPES = new Set(['HEAD_OFFICE', 'SUB_OFFICE']);

/** An open counter office, or OFFICE_NOT_FOUND / OFFICE_NOT_ELIGIBLE naming the field. */
export async function counterOffice(db: Db | Tx, code: unknown, field: string): Promise<KnownOffice> {
  return eligibleCounterOffice(code, typeof code === 'string' && code.length > 0 && code.length <= 64 ? await findOffice(db, code) : undefined, field);
}

/** counterOffice's rule on an office already looked up (a bulk upload looks its offices up many at a time). */
export function eligibleCounterOffice(code: unknown, office: KnownOffice | undefined, field: string): KnownOffice {
  if (typeof code !== 'string' || code.length === 0 || code.length > 64) throw new OfficeNotFoundError(String(code).slice(0, 64), field);
  if (!office || office.status !== 'ACTIVE') throw new OfficeNotFoundError(code, field);
  if (!COUNTER_OFFICE_TYPES.has(office.type)) throw new OfficeNotEligibleError(code, field);
  return office;
}
