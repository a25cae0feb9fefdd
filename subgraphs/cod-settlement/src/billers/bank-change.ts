/**
 * A biller's payout account changes only through the approvals inbox (COD_BANK_CHANGE): the maker's request is
 * recorded PENDING and submitted; once a checker approves, the executor (approvals/executor.ts) makes it the ACTIVE
 * account and the old one SUPERSEDED; a rejection or expiry makes it REJECTED. One pending change per biller.
 */
import { randomUUID } from 'node:crypto';
import type { SignedRequestContext } from '@postal/auth';
import { assertCan } from '@postal/authz';
import { transaction, type Tx } from '@postal/db';
import { ForbiddenError } from '@postal/errors';
import { visibleBiller } from './access.js';
import type { BillerDeps } from './deps.js';
import { checkBankAccount, checkText, LIMITS, maskAccountNumber, type BankAccountInput } from './domain.js';
import { assertNotClosed, BillerError, BillerNotFoundError } from './errors.js';
import { activeBankAccount, bankAccountByRequest, findBankAccount, insertBankAccount, lockBiller, pendingBankAccount, updateBankAccount, type BankAccountRow, type BillerRow } from './repository.js';
import { actorName, stageBillerAudit } from './audit.js';

/** What a COD_BANK_CHANGE request carries: the new details exactly as they will become active. */
export interface BankChangePayload {
  billerId: string;
  billerCode: string;
  bankAccountId: string;
  holderName: string;
  accountNumber: string;
  ifsc: string;
  reason: string;
}

function pendingRefusal(biller: BillerRow, pending: BankAccountRow): BillerError {
  return new BillerError('BANK_CHANGE_PENDING', `biller ${biller.code} already has a bank-detail change waiting for approval`, {
    details: { bankAccountId: pending.id, approvalRequestId: pending.approvalRequestId },
  });
}

export async function requestBankChange(
  deps: BillerDeps,
  context: SignedRequestContext,
  billerId: string,
  input: BankAccountInput,
  reasonText: string,
): Promise<{ bankAccount: BankAccountRow; biller: BillerRow; approvalRequestId: string }> {
  const { identity } = context;
  const biller = await visibleBiller(deps.database.db, identity, billerId);
  assertCan(identity, 'cod.biller.manage', biller.settlementOfficePath);
  if (identity.kind !== 'staff') throw new ForbiddenError('only a member of staff can submit a request for approval');
  assertNotClosed(biller);
  const account = checkBankAccount(input);
  const reason = checkText(reasonText, 'reason', LIMITS.reason);
  // Checked before submitting, so the inbox is not given a request that could only fail; checked again under the lock.
  const pending = await pendingBankAccount(deps.database.db, biller.id);
  if (pending) throw pendingRefusal(biller, pending);
  const active = await activeBankAccount(deps.database.db, biller.id);
  if (active && active.accountNumber === account.accountNumber && active.ifsc === account.ifsc && active.accountHolderName === account.holderName) {
    throw new BillerError('BANK_DETAILS_UNCHANGED', 'these are the details already active', { field: 'bankAccount' });
  }
  if (!deps.approvals) throw new Error('bank-detail changes need the approvals inbox, which is not configured');
  const payload: BankChangePayload = { billerId: biller.id, billerCode: biller.code, bankAccountId: randomUUID(), holderName: account.holderName, accountNumber: account.accountNumber, ifsc: account.ifsc, reason };
  // Submitted first, then recorded with the request's id: a crash in between leaves a request whose approval finds
  // no pending change (BANK_CHANGE_NOT_PENDING), never a pending change no request will ever decide.
  const submitted = await deps.approvals.submit(
    {
      kind: 'COD_BANK_CHANGE',
      officeCode: biller.settlementOfficeCode,
      summary: `Change the payout account of biller ${biller.code} (${biller.name}) to ${maskAccountNumber(account.accountNumber)} at ${account.ifsc}: ${reason}`.slice(0, 500),
      payload: payload as unknown as Record<string, unknown>,
      makerId: identity.staffId,
    },
    context.requestId,
  );
  return transaction(deps.database, 'read committed', async (tx) => {
    const locked = (await lockBiller(tx, biller.id))!;
    const raced = await pendingBankAccount(tx, biller.id);
    if (raced) throw pendingRefusal(locked, raced);
    const bankAccount = await insertBankAccount(tx, {
      id: payload.bankAccountId,
      billerId: biller.id,
      accountHolderName: account.holderName,
      accountNumber: account.accountNumber,
      ifsc: account.ifsc,
      status: 'PENDING',
      approvalRequestId: submitted.id,
      requestedBy: actorName(identity),
      requestedAt: deps.clock(),
      changeReason: reason,
    });
    await stageBillerAudit(tx, context, locked, {
      action: 'COD_BILLER_BANK_CHANGE_REQUESTED',
      reason,
      after: { bankAccountId: bankAccount.id, accountNumber: maskAccountNumber(account.accountNumber), ifsc: account.ifsc, holderName: account.holderName, approvalRequestId: submitted.id },
    });
    return { bankAccount, biller: locked, approvalRequestId: submitted.id };
  });
}

/**
 * The approved change made the payout account, from `today`: the pending row must still be this request's, for this
 * biller, with exactly the approved details (BANK_CHANGE_NOT_PENDING otherwise). Biller row first, then its accounts.
 */
export async function applyBankChangeInTx(
  tx: Tx,
  payload: BankChangePayload,
  change: { approvalRequestId: string; today: string; now: Date },
): Promise<{ biller: BillerRow; activated: BankAccountRow; superseded: BankAccountRow | null }> {
  const biller = await lockBiller(tx, payload.billerId);
  if (!biller) throw new BillerNotFoundError(payload.billerId);
  const row = await findBankAccount(tx, payload.bankAccountId);
  const asApproved = row && row.billerId === biller.id && row.approvalRequestId === change.approvalRequestId && row.accountNumber === payload.accountNumber && row.ifsc === payload.ifsc && row.accountHolderName === payload.holderName;
  if (!row || row.status !== 'PENDING' || !asApproved) {
    throw new BillerError('BANK_CHANGE_NOT_PENDING', `the approved bank-detail change of ${biller.code} is not its pending change as approved; nothing was changed`, {
      details: { bankAccountId: payload.bankAccountId, status: row?.status ?? null },
    });
  }
  const old = await activeBankAccount(tx, biller.id);
  // The old one steps down first: at most one ACTIVE row per biller (a unique index).
  const superseded = old ? await updateBankAccount(tx, old.id, { status: 'SUPERSEDED' }) : null;
  const activated = await updateBankAccount(tx, row.id, { status: 'ACTIVE', activatedOn: change.today, decidedAt: change.now });
  return { biller, activated, superseded };
}

/** A rejected or expired request's pending change, REJECTED; nothing (null) when it was already decided or never recorded. */
export async function rejectBankChangeInTx(tx: Tx, approvalRequestId: string, now: Date): Promise<{ biller: BillerRow; rejected: BankAccountRow } | null> {
  const row = await bankAccountByRequest(tx, approvalRequestId);
  if (!row) return null;
  const biller = (await lockBiller(tx, row.billerId))!;
  const current = await findBankAccount(tx, row.id);
  if (current?.status !== 'PENDING') return null;
  return { biller, rejected: await updateBankAccount(tx, row.id, { status: 'REJECTED', decidedAt: now }) };
}
