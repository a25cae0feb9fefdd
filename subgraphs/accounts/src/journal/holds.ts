import { createHash, randomUUID } from 'node:crypto';
import type { Db, Tx } from '@postal/db';
import { BadUserInputError, isExpectedError } from '@postal/errors';
import { currencyOf, Decimal } from '@postal/money';
import { assertPostable, checkAmount, LIMITS } from './domain.js';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import { CaptureExceedsHoldError, CurrencyMismatchError, HoldNotFoundError, HoldNotPendingError, IdempotencyConflictError, UnbalancedOfficeError } from './errors.js';
import type { HoldRecord, JournalEntryRecord, PostingOrigin } from './model.js';
import { applyOrRefuse, explainRefusal, postEntryInTx, type PostOptions } from './posting.js';
import { findHold, findHoldByKey, lockDueHolds, markHoldCaptured, markHoldsExpired, markHoldVoided } from './holds-repository.js';
import { findEntriesByKeys, insertHoldAndReserve, readPostingContext, type AccountChange } from './repository.js';

/*
 * Two-phase transfers. A hold reserves its amount as pending debit on one account and pending credit on the other
 * (balance constraints count pending amounts, so a hold on cash cannot be spent twice). It resolves exactly once, from
 * PENDING, under a row lock on the hold: captured (the captured part posted as a journal entry, the rest released),
 * voided, or expired by the sweep.
 */

export interface PlaceHoldCommand {
  idempotencyKey: string;
  officeCode: string;
  description: string;
  source: { type: string; reference?: string | null };
  debitAccountCode: string;
  creditAccountCode: string;
  amount: string;
  expiresAt?: Date | null;
}

export interface CaptureHoldCommand {
  holdId: string;
  /** At most the held amount; all of it when absent. */
  amount?: string | null;
  idempotencyKey: string;
  effectiveDate?: string | null;
}

function holdHash(command: PlaceHoldCommand, amount: Decimal, currency: string): string {
  const normalised = [
    'hold/1',
    command.idempotencyKey,
    command.officeCode,
    command.description.trim(),
    command.source.type,
    command.source.reference ?? null,
    command.debitAccountCode,
    command.creditAccountCode,
    amount.toFixed(currencyOf(currency).minorUnits),
    command.expiresAt ? command.expiresAt.toISOString() : null,
  ];
  return createHash('sha256').update(JSON.stringify(normalised), 'utf8').digest('hex');
}

function release(hold: Pick<HoldRecord, 'debitAccountCode' | 'creditAccountCode' | 'amount'>): AccountChange[] {
  const changes: AccountChange[] = [
    { accountCode: hold.debitAccountCode, debit: '0', credit: '0', pendingDebit: `-${hold.amount}`, pendingCredit: '0' },
    { accountCode: hold.creditAccountCode, debit: '0', credit: '0', pendingDebit: '0', pendingCredit: `-${hold.amount}` },
  ];
  return changes.sort((a, b) => (a.accountCode < b.accountCode ? -1 : 1));
}

/**
 * Places a hold. A retry with the same key and content answers the original hold, even when today's rules would
 * refuse it (its expiry has passed since, the balance it reserved has been spent since); other content under the key
 * is IDEMPOTENCY_CONFLICT.
 */
export async function placeHoldInTx(tx: Tx, command: PlaceHoldCommand, origin: PostingOrigin, now: Date): Promise<{ hold: HoldRecord; replayed: boolean }> {
  let checked: Awaited<ReturnType<typeof checkHold>>;
  try {
    checked = await checkHold(tx, command, origin, now);
  } catch (error) {
    if (isExpectedError(error)) {
      const replay = await replayOfRefusedHold(tx, command);
      if (replay) return replay;
    }
    throw error;
  }
  const { row } = checked;
  const reserve: AccountChange[] = [
    { accountCode: row.debitAccountCode, debit: '0', credit: '0', pendingDebit: row.amount, pendingCredit: '0' },
    { accountCode: row.creditAccountCode, debit: '0', credit: '0', pendingDebit: '0', pendingCredit: row.amount },
  ].sort((a, b) => (a.accountCode < b.accountCode ? -1 : 1));
  // One statement inserts the hold and reserves under the locks (its foreign keys must not lock the accounts first).
  const written = await insertHoldAndReserve(tx, row, reserve);
  if (!written.inserted) {
    const existing = await findHoldByKey(tx, row.idempotencyKey);
    if (!existing || existing.requestHash !== row.requestHash) throw new IdempotencyConflictError(row.idempotencyKey);
    return { hold: withoutHash(existing), replayed: true };
  }
  if (written.updated.size !== reserve.length) await explainRefusal(tx, reserve, written.updated, null, origin.manual);
  const hold = await findHold(tx, row.id);
  return { hold: withoutHash(hold!), replayed: false };
}

function trimmedKey(command: PlaceHoldCommand): string {
  const idempotencyKey = typeof command.idempotencyKey === 'string' ? command.idempotencyKey.trim() : '';
  if (idempotencyKey.length === 0 || idempotencyKey.length > LIMITS.idempotencyKey) throw new BadUserInputError('idempotencyKey', `an idempotency key is 1 to ${LIMITS.idempotencyKey} characters`);
  return idempotencyKey;
}

/** The hold's rules, against the accounts as they are now; answers the row to insert. */
async function checkHold(tx: Tx, command: PlaceHoldCommand, origin: PostingOrigin, now: Date) {
  const idempotencyKey = trimmedKey(command);
  const description = command.description?.trim() ?? '';
  if (description.length === 0 || description.length > LIMITS.description) throw new BadUserInputError('description', `a description is 1 to ${LIMITS.description} characters`);
  if (!/^[A-Z][A-Z_]{0,39}$/.test(command.source?.type ?? '')) throw new BadUserInputError('source.type', 'a source type is upper case letters and underscores');
  if (command.debitAccountCode === command.creditAccountCode) throw new BadUserInputError('creditAccountCode', 'a hold moves money between two different accounts');
  if (command.expiresAt && command.expiresAt.getTime() <= now.getTime()) throw new BadUserInputError('expiresAt', 'a hold cannot expire in the past');

  const context = await readPostingContext(tx, command.officeCode, [command.debitAccountCode, command.creditAccountCode]);
  if (!context.officeKnown) throw new OfficeNotFoundError(command.officeCode);
  const debit = assertPostable(context.accounts.get(command.debitAccountCode), command.debitAccountCode, { manual: origin.manual });
  const credit = assertPostable(context.accounts.get(command.creditAccountCode), command.creditAccountCode, { manual: origin.manual });
  if (debit.currency !== credit.currency) throw new CurrencyMismatchError(credit.code, debit.currency!, credit.currency!);
  const amount = checkAmount('amount', command.amount, debit.currency!);
  // Its capture is a two-line entry, which must balance within each office: both accounts in one office.
  const debitOffice = debit.officeCode ?? command.officeCode;
  const creditOffice = credit.officeCode ?? command.officeCode;
  if (debitOffice !== creditOffice) throw new UnbalancedOfficeError(debitOffice, debit.currency!, amount.toFixed(), '0');
  const row = {
    id: randomUUID(),
    officeCode: command.officeCode,
    description,
    sourceType: command.source.type,
    sourceReference: command.source.reference ?? null,
    debitAccountCode: debit.code,
    creditAccountCode: credit.code,
    amount: amount.toFixed(currencyOf(debit.currency!).minorUnits),
    currency: debit.currency!,
    expiresAt: command.expiresAt ?? null,
    actor: origin.actor,
    idempotencyKey,
    requestHash: holdHash({ ...command, idempotencyKey, description }, amount, debit.currency!),
  };
  return { row };
}

/** A refused command that is the retry of a hold placed before: the original, or IDEMPOTENCY_CONFLICT. */
async function replayOfRefusedHold(tx: Tx, command: PlaceHoldCommand): Promise<{ hold: HoldRecord; replayed: true } | undefined> {
  let key: string;
  try {
    key = trimmedKey(command);
  } catch {
    return undefined;
  }
  const existing = await findHoldByKey(tx, key);
  if (!existing) return undefined;
  let hash: string | undefined;
  try {
    const description = command.description?.trim() ?? '';
    hash = holdHash({ ...command, idempotencyKey: key, description }, checkAmount('amount', command.amount, existing.currency), existing.currency);
  } catch {
    hash = undefined;
  }
  if (hash !== existing.requestHash) throw new IdempotencyConflictError(key);
  return { hold: withoutHash(existing), replayed: true };
}

function withoutHash(hold: HoldRecord & { requestHash?: string }): HoldRecord {
  const { requestHash: _hash, ...record } = hold;
  return record;
}

/** Locks a hold that must still be pending (and not past its expiry, which the sweep will record). */
async function lockPending(tx: Tx, holdId: string, now: Date): Promise<HoldRecord> {
  const hold = await findHold(tx, holdId, { forUpdate: true });
  if (!hold) throw new HoldNotFoundError(holdId);
  if (hold.status !== 'PENDING') throw new HoldNotPendingError(holdId, hold.status);
  if (hold.expiresAt && hold.expiresAt.getTime() <= now.getTime()) throw new HoldNotPendingError(holdId, 'EXPIRED');
  return withoutHash(hold);
}

/**
 * Captures a hold: releases all of it and posts the captured part (debit account debited, credit account credited)
 * as one journal entry linked to the hold. A retry with the same idempotency key answers the same entry.
 */
export async function captureHoldInTx(tx: Tx, command: CaptureHoldCommand, options: PostOptions & { now: Date }): Promise<{ entry: JournalEntryRecord; replayed: boolean }> {
  const [previous] = await findEntriesByKeys(tx, [command.idempotencyKey]);
  if (previous) {
    if (previous.holdId !== command.holdId) throw new IdempotencyConflictError(command.idempotencyKey);
    return { entry: previous, replayed: true };
  }
  const hold = await lockPending(tx, command.holdId, options.now);
  const amount = command.amount === undefined || command.amount === null ? new Decimal(hold.amount) : checkAmount('amount', command.amount, hold.currency);
  if (amount.greaterThan(hold.amount)) throw new CaptureExceedsHoldError(hold.id, hold.amount, amount.toFixed());
  await applyOrRefuse(tx, release(hold), null, options.origin.manual);
  const captured = amount.toFixed(currencyOf(hold.currency).minorUnits);
  const result = await postEntryInTx(
    tx,
    {
      idempotencyKey: command.idempotencyKey,
      officeCode: hold.officeCode,
      effectiveDate: command.effectiveDate ?? null,
      description: hold.description,
      source: { type: hold.sourceType, reference: hold.sourceReference },
      postings: [
        { accountCode: hold.debitAccountCode, side: 'DEBIT', amount: captured },
        { accountCode: hold.creditAccountCode, side: 'CREDIT', amount: captured },
      ],
    },
    { ...options, origin: { ...options.origin, holdId: hold.id } },
  );
  await markHoldCaptured(tx, hold.id, { capturedAmount: captured, captureEntryId: result.entry.id, resolvedAt: options.now });
  return result;
}

export async function voidHoldInTx(tx: Tx, holdId: string, reason: string, options: { origin: PostingOrigin; now: Date }): Promise<HoldRecord> {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length === 0 || trimmed.length > LIMITS.reason) throw new BadUserInputError('reason', `a reason is 1 to ${LIMITS.reason} characters`);
  const hold = await lockPending(tx, holdId, options.now);
  await applyOrRefuse(tx, release(hold), null, options.origin.manual);
  await markHoldVoided(tx, hold.id, { resolvedAt: options.now, resolutionReason: trimmed });
  return withoutHash((await findHold(tx, holdId))!);
}

/**
 * The expiry sweep: releases holds past their expiry, a batch at a time, skipping holds another transaction holds
 * (a capture in progress decides those). Answers how many it expired.
 */
export async function expireHolds(db: Db, now: Date, limit = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await lockDueHolds(tx, now, limit);
    if (due.length === 0) return 0;
    const net = new Map<string, AccountChange>();
    for (const hold of due) {
      for (const change of release(hold)) {
        const sum = net.get(change.accountCode) ?? { accountCode: change.accountCode, debit: '0', credit: '0', pendingDebit: '0', pendingCredit: '0' };
        sum.pendingDebit = new Decimal(sum.pendingDebit).plus(change.pendingDebit).toFixed();
        sum.pendingCredit = new Decimal(sum.pendingCredit).plus(change.pendingCredit).toFixed();
        net.set(change.accountCode, sum);
      }
    }
    await applyOrRefuse(
      tx,
      [...net.values()].sort((a, b) => (a.accountCode < b.accountCode ? -1 : 1)),
      null,
      false,
    );
    await markHoldsExpired(
      tx,
      due.map((hold) => hold.id),
      now,
    );
    return due.length;
  });
}

/**
 * Releases one hold now if it is pending and past its expiry, as the sweep would at its next run (a posting that finds
 * its own hold lapsed must not be refused for cash the lapsed hold still reserves). Answers whether it released it.
 */
export async function expireHoldInTx(tx: Tx, holdId: string, now: Date): Promise<boolean> {
  const hold = await findHold(tx, holdId, { forUpdate: true });
  if (!hold || hold.status !== 'PENDING' || !hold.expiresAt || hold.expiresAt.getTime() > now.getTime()) return false;
  await applyOrRefuse(tx, release(hold), null, false);
  await markHoldsExpired(tx, [hold.id], now);
  return true;
}
