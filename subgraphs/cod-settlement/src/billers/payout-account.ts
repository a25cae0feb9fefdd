import type { Tx } from '@postal/db';
import { CONTRACT_DEFAULTS } from '../contracts/domain.js';
import { contractInForce } from '../contracts/repository.js';
import { activeBankAccount, findBiller, firstBankAccount, type BankAccountRow } from './repository.js';

export type PayoutAccount =
  | { ok: true; account: BankAccountRow }
  | { ok: false; code: 'NO_BANK_ACCOUNT' | 'BANK_DETAILS_ON_HOLD' | 'BILLER_NOT_ACTIVE'; message: string };

/** Whole calendar days from one 'YYYY-MM-DD' to another. */
function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Where a payout to the biller may go on `today`, asked by settlement inside its transaction. A payout never goes to
 * details that became active fewer than the contract's bankDetailsHoldDays (calendar days) ago without an approval:
 * approved changes (approvalRequestId set) and the details given at registration are trusted at once; an ACTIVE row
 * with neither (written behind the service's back, or by a path that skipped the inbox) waits out the hold, and one
 * that does not say when it became active waits for ever. An in-place edit of an approved row's number is not seen
 * here; the database's history (audit) is where that shows.
 */
export async function payoutBankAccount(tx: Tx, billerId: string, today: string): Promise<PayoutAccount> {
  const biller = await findBiller(tx, billerId);
  if (!biller || biller.status !== 'ACTIVE') {
    return { ok: false, code: 'BILLER_NOT_ACTIVE', message: `biller ${biller?.code ?? billerId} is ${biller?.status ?? 'unknown'}: no payout` };
  }
  const account = await activeBankAccount(tx, billerId);
  if (!account) return { ok: false, code: 'NO_BANK_ACCOUNT', message: `biller ${biller.code} has no active bank account` };
  if (account.approvalRequestId !== null) return { ok: true, account };
  const first = await firstBankAccount(tx, billerId);
  const registration =
    first?.id === account.id && account.requestedAt.getTime() === biller.createdAt.getTime() && account.changeReason === null;
  if (registration) return { ok: true, account };
  const holdDays = (await contractInForce(tx, billerId, today))?.bankDetailsHoldDays ?? CONTRACT_DEFAULTS.bankDetailsHoldDays;
  if (account.activatedOn === null || !/^\d{4}-\d{2}-\d{2}$/.test(account.activatedOn) || daysFrom(account.activatedOn, today) < holdDays) {
    return {
      ok: false,
      code: 'BANK_DETAILS_ON_HOLD',
      message: `biller ${biller.code}'s bank details became active on ${account.activatedOn ?? 'an unknown day'} without an approval: payouts wait ${holdDays} days`,
    };
  }
  return { ok: true, account };
}
