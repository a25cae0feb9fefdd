import type { Tx } from '@postal/db';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import type { LedgerActor } from '../journal/model.js';
import { checkClosable } from './domain.js';
import type { BusinessDayCloseRecord } from './model.js';
import {
  advanceBusinessDay,
  closeAccountsOfOffice,
  insertDailyBalances,
  insertDayClose,
  lockBusinessDay,
  officeIsKnown,
} from './repository.js';

export interface CloseBusinessDayInput {
  officeCode: string;
  /** The last day to close (YYYY-MM-DD); every open day up to it closes with it. */
  date: string;
  actor: LedgerActor;
  /** The office's business date now (Asia/Kolkata): no day after it may close. */
  today: string;
}

/**
 * Closes an office's business days through `date`, in the caller's transaction (so a caller can stage its audit event
 * with it). In order:
 * 1. the office's business-day row, locked (inserted at the first close): closes of one office are serialised;
 * 2. the rules (checkClosable) against the day it last closed;
 * 3. closed_through copied onto every account of the office, which waits for postings in flight on them;
 * 4. the daily account: one row per account that moved since the previous close, with its totals as of `date`;
 * 5. the close itself, in day_closes (append-only).
 * Steps 3 and 4 are two statements on purpose: 4 must see what committed while 3 waited.
 */
export async function closeBusinessDay(tx: Tx, input: CloseBusinessDayInput): Promise<BusinessDayCloseRecord> {
  const { officeCode, date, actor, today } = input;
  if (!(await officeIsKnown(tx, officeCode))) throw new OfficeNotFoundError(officeCode);
  // The rules that need no row first, so a date in the future never creates the office's business-day row.
  checkClosable({ officeCode, date, closedThrough: null, today });
  const { previous } = await lockBusinessDay(tx, officeCode, date, actor);
  checkClosable({ officeCode, date, closedThrough: previous, today });
  if (previous !== null) await advanceBusinessDay(tx, officeCode, date, actor);
  await closeAccountsOfOffice(tx, officeCode, date);
  const balances = await insertDailyBalances(tx, officeCode, date);
  const { closedAt } = await insertDayClose(tx, { officeCode, businessDate: date, previousDate: previous, closedBy: actor, accountsMoved: balances.length });
  return { officeCode, businessDate: date, previousDate: previous, closedAt, closedBy: actor, accountsMoved: balances.length, balances };
}
