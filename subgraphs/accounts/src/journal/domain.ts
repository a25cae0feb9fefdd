import { createHash } from 'node:crypto';
import { isCalendarDate } from '@postal/calendar';
import { BadUserInputError } from '@postal/errors';
import { currencyOf, Decimal, isMoneyError, parseAmount } from '@postal/money';
import type { AccountStatus, BalanceConstraint } from '../ledger-accounts/model.js';
import {
  AccountClosedError,
  AccountFrozenError,
  AccountNotFoundError,
  BeforeLedgerStartError,
  BeforeOfficeOpenedError,
  CurrencyMismatchError,
  DayClosedError,
  HeaderAccountError,
  InsufficientFundsError,
  InvalidAmountError,
  ManualEntryNotAllowedError,
  SameAccountBothSidesError,
  UnbalancedEntryError,
  UnbalancedOfficeError,
  UnbalancedShapeError,
} from './errors.js';
import type { PostEntryCommand, PostingSide } from './model.js';

/*
 * The rules of a journal entry, as pure functions: the posting path reads the accounts once, asks these, and writes.
 * The database checks the parts that can change between the read and the write (status, closed day, balance bound)
 * again under the accounts' row locks.
 */

export const LIMITS = {
  idempotencyKey: 200,
  description: 500,
  sourceReference: 200,
  postings: 100,
  reason: 500,
} as const;

const SOURCE_TYPE = /^[A-Z][A-Z_]{0,39}$/;

/** What the posting path needs to know of an account (read without a lock; re-checked under it). */
export interface PostableAccount {
  code: string;
  kind: 'HEADER' | 'DETAIL';
  status: AccountStatus;
  currency: string | null;
  officeCode: string | null;
  balanceConstraint: BalanceConstraint;
  allowManualEntries: boolean;
  closedThrough: string | null;
  debitTotal: string;
  creditTotal: string;
  pendingDebit: string;
  pendingCredit: string;
}

/** A posting once checked: its amount exact and in its account's currency precision. */
export interface CheckedPosting {
  line: number;
  accountCode: string;
  side: PostingSide;
  amount: Decimal;
  currency: string;
}

/** What one entry does to one account: the sums it adds to the account's totals. */
export interface AccountDelta {
  accountCode: string;
  debit: Decimal;
  credit: Decimal;
}

export interface CheckedEntry {
  idempotencyKey: string;
  officeCode: string;
  effectiveDate: string;
  description: string;
  sourceType: string;
  sourceReference: string | null;
  postings: CheckedPosting[];
  deltas: AccountDelta[];
  /** SHA-256 of the normalised request: the same key with another request is IDEMPOTENCY_CONFLICT. */
  requestHash: string;
}

function text(field: string, value: unknown, max: number, { optional = false } = {}): string | null {
  if (value === undefined || value === null) {
    if (optional) return null;
    throw new BadUserInputError(field, `${field} is required`);
  }
  if (typeof value !== 'string') throw new BadUserInputError(field, `${field} must be text`);
  const trimmed = value.trim();
  if (trimmed.length === 0) {
    if (optional) return null;
    throw new BadUserInputError(field, `${field} must not be blank`);
  }
  if (trimmed.length > max) throw new BadUserInputError(field, `${field} is at most ${max} characters`, { max });
  return trimmed;
}

/** The shape of a command, before any account is read: what the GraphQL edge and an approval payload both need. */
export function checkCommandShape(command: PostEntryCommand, today: string): Omit<CheckedEntry, 'postings' | 'deltas' | 'requestHash'> {
  const idempotencyKey = text('idempotencyKey', command.idempotencyKey, LIMITS.idempotencyKey)!;
  const officeCode = text('officeCode', command.officeCode, 64)!;
  const description = text('description', command.description, LIMITS.description)!;
  const sourceType = text('source.type', command.source?.type, 40)!;
  if (!SOURCE_TYPE.test(sourceType)) throw new BadUserInputError('source.type', 'a source type is upper case letters and underscores, e.g. MONEY_ORDER');
  const sourceReference = text('source.reference', command.source?.reference, LIMITS.sourceReference, { optional: true });
  const effectiveDate = command.effectiveDate ?? today;
  if (!isCalendarDate(effectiveDate)) throw new BadUserInputError('effectiveDate', 'effectiveDate must be a date, YYYY-MM-DD');
  if (effectiveDate > today) {
    throw new BadUserInputError('effectiveDate', `an entry cannot be dated after the office's business date today (${today})`, { today });
  }
  if (!Array.isArray(command.postings) || command.postings.length < 2) throw new UnbalancedShapeError('an entry has at least two postings');
  if (command.postings.length > LIMITS.postings) throw new BadUserInputError('postings', `an entry has at most ${LIMITS.postings} postings`);
  return { idempotencyKey, officeCode, effectiveDate, description, sourceType, sourceReference };
}

/** An amount for an account: a plain decimal, greater than zero, with no more places than the currency has. */
export function checkAmount(field: string, value: string, currency: string): Decimal {
  let amount: Decimal;
  try {
    amount = parseAmount(value, field);
  } catch (error) {
    if (isMoneyError(error)) throw new InvalidAmountError(field, error.message);
    throw error;
  }
  if (!amount.isPositive() || amount.isZero()) throw new InvalidAmountError(field, `${field} must be greater than zero`);
  const { minorUnits } = currencyOf(currency);
  if (amount.decimalPlaces() > minorUnits) {
    throw new InvalidAmountError(field, `${field} has more decimal places than ${currency} has (${minorUnits})`, { minorUnits });
  }
  if (amount.precision(true) - amount.decimalPlaces() > 15) throw new InvalidAmountError(field, `${field} is too large`);
  return amount;
}

/** Whether an account takes postings at all, and for a person's manual journal whether it takes those. */
export function assertPostable(account: PostableAccount | undefined, accountCode: string, options: { manual: boolean }): PostableAccount {
  if (!account) throw new AccountNotFoundError(accountCode);
  if (account.kind === 'HEADER') throw new HeaderAccountError(accountCode);
  if (account.status === 'CLOSED') throw new AccountClosedError(accountCode);
  if (account.status === 'FROZEN') throw new AccountFrozenError(accountCode);
  if (options.manual && !account.allowManualEntries) throw new ManualEntryNotAllowedError(accountCode);
  return account;
}

/** A day the account's office has closed takes no postings. */
export function assertDayOpen(officeCode: string, effectiveDate: string, closedThrough: string | null): void {
  if (closedThrough !== null && effectiveDate <= closedThrough) throw new DayClosedError(officeCode, effectiveDate, closedThrough);
}

/**
 * The ledger's first day and the office's: an entry dated before the configured ledger start (the day the books moved
 * here) or before its office opened has nothing to belong to. Null means no such bound is known (no start configured;
 * an office heard of before events carried its opening date).
 */
export function assertWithinLedgerDates(officeCode: string, effectiveDate: string, bounds: { ledgerStartDate?: string | null; officeOpenedOn?: string | null }): void {
  if (bounds.ledgerStartDate && effectiveDate < bounds.ledgerStartDate) throw new BeforeLedgerStartError(effectiveDate, bounds.ledgerStartDate);
  if (bounds.officeOpenedOn && effectiveDate < bounds.officeOpenedOn) throw new BeforeOfficeOpenedError(officeCode, effectiveDate, bounds.officeOpenedOn);
}

/**
 * An entry moves value between accounts: one that debits and credits the same account moves nothing there and only
 * inflates its turnover (or hides a transfer inside a larger entry), so it is refused. Two lines on the same side of
 * one account are fine (a fee and a principal credited separately): they add up. A reversal mirrors what was posted
 * and is let through (an entry posted before this rule stays reversible).
 */
export function assertNoAccountOnBothSides(postings: readonly Pick<CheckedPosting, 'accountCode' | 'side'>[]): void {
  const sides = new Map<string, PostingSide>();
  for (const posting of postings) {
    const seen = sides.get(posting.accountCode);
    if (seen !== undefined && seen !== posting.side) throw new SameAccountBothSidesError(posting.accountCode);
    sides.set(posting.accountCode, posting.side);
  }
}

/** What checkEntry needs besides the command and its accounts. */
export interface EntryCheckOptions {
  manual: boolean;
  today: string;
  officeClosedThrough: string | null;
  /** The entry's office's opening date, when known. */
  officeOpenedOn?: string | null;
  /** The configured first business date of the ledger (LEDGER_START_DATE), if any. */
  ledgerStartDate?: string | null;
  /** The mirror of a posted entry (see assertNoAccountOnBothSides). */
  reversal?: boolean;
}

/**
 * Checks a command against the accounts it names and answers the entry to write. The rules, in the order a caller
 * meets them: shape, the ledger's and the office's first days, the office's closed day, accounts (exist, detail, open,
 * manual allowed), currencies, amounts, the accounts' closed days, no account on both sides, balance per currency,
 * balance within each office, balance constraints. `accounts` maps code to account for every code the command names that exists.
 */
export function checkEntry(command: PostEntryCommand, accounts: ReadonlyMap<string, PostableAccount>, options: EntryCheckOptions): CheckedEntry {
  const shape = checkCommandShape(command, options.today);
  assertWithinLedgerDates(shape.officeCode, shape.effectiveDate, options);
  assertDayOpen(shape.officeCode, shape.effectiveDate, options.officeClosedThrough);
  const postings = command.postings.map((posting, index): CheckedPosting => {
    const field = `postings[${index}]`;
    const account = assertPostable(accounts.get(posting.accountCode), posting.accountCode, options);
    const currency = account.currency!;
    if (posting.currency !== undefined && posting.currency !== null && posting.currency !== currency) {
      throw new CurrencyMismatchError(account.code, currency, posting.currency);
    }
    if (posting.side !== 'DEBIT' && posting.side !== 'CREDIT') throw new BadUserInputError(`${field}.side`, 'side is DEBIT or CREDIT');
    const amount = checkAmount(`${field}.amount`, posting.amount, currency);
    assertDayOpen(account.officeCode ?? shape.officeCode, shape.effectiveDate, account.closedThrough);
    return { line: index + 1, accountCode: account.code, side: posting.side, amount, currency };
  });
  if (!options.reversal) assertNoAccountOnBothSides(postings);
  assertBalanced(postings);
  // A reversal mirrors an entry that posted, which balanced per office unless it was posted before this rule.
  if (!options.reversal) assertBalancedWithinOffices(postings, (code) => accounts.get(code)!.officeCode ?? shape.officeCode);
  const deltas = deltasOf(postings);
  for (const delta of deltas) assertWithinConstraint(accounts.get(delta.accountCode)!, delta);
  return { ...shape, postings, deltas, requestHash: requestHashOf(shape, postings) };
}

/**
 * The request hash of a command judged by its content alone, none of the rules that depend on the ledger's state
 * (closed days, balances, account status): what a retry is compared with. A retry of an entry that posted must be
 * answered with that entry even if, since then, its day closed or its balance was spent. Undefined when the command
 * cannot be the one that posted (an unknown account, an amount no entry could have had).
 */
export function contentHashOf(command: PostEntryCommand, currencies: ReadonlyMap<string, string | null>, today: string): string | undefined {
  try {
    const shape = checkCommandShape(command, today);
    const postings = command.postings.map((posting, index): CheckedPosting => {
      const currency = currencies.get(posting.accountCode);
      if (!currency) throw new AccountNotFoundError(posting.accountCode);
      return { line: index + 1, accountCode: posting.accountCode, side: posting.side, amount: checkAmount('amount', posting.amount, currency), currency };
    });
    return requestHashOf(shape, postings);
  } catch {
    return undefined;
  }
}

/** Debits equal credits in every currency the entry touches. */
export function assertBalanced(postings: readonly CheckedPosting[]): void {
  const sums = new Map<string, { debit: Decimal; credit: Decimal }>();
  for (const posting of postings) {
    const sum = sums.get(posting.currency) ?? { debit: new Decimal(0), credit: new Decimal(0) };
    if (posting.side === 'DEBIT') sum.debit = sum.debit.plus(posting.amount);
    else sum.credit = sum.credit.plus(posting.amount);
    sums.set(posting.currency, sum);
  }
  for (const [currency, { debit, credit }] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
    if (!debit.equals(credit)) throw new UnbalancedEntryError(currency, debit.toFixed(), credit.toFixed());
  }
}

/**
 * Debits equal credits per currency within each office the entry touches (an account's office; the entry's own office
 * for an account that belongs to none). DOMAIN.md: a flow that crosses offices goes through inter-office clearing, so
 * any office's and any subtree's trial balance balances by itself. The database checks it again (the postings' statement-level
 * trigger, migration 0009_1).
 */
export function assertBalancedWithinOffices(postings: readonly CheckedPosting[], officeOf: (accountCode: string) => string): void {
  const sums = new Map<string, { officeCode: string; currency: string; debit: Decimal; credit: Decimal }>();
  for (const posting of postings) {
    const officeCode = officeOf(posting.accountCode);
    const key = `${officeCode}\u0000${posting.currency}`;
    const sum = sums.get(key) ?? { officeCode, currency: posting.currency, debit: new Decimal(0), credit: new Decimal(0) };
    if (posting.side === 'DEBIT') sum.debit = sum.debit.plus(posting.amount);
    else sum.credit = sum.credit.plus(posting.amount);
    sums.set(key, sum);
  }
  for (const [, sum] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
    if (!sum.debit.equals(sum.credit)) throw new UnbalancedOfficeError(sum.officeCode, sum.currency, sum.debit.toFixed(), sum.credit.toFixed());
  }
}

/** The entry's effect per account, one delta per account however many lines name it, in code order (lock order). */
export function deltasOf(postings: readonly Pick<CheckedPosting, 'accountCode' | 'side' | 'amount'>[]): AccountDelta[] {
  const byAccount = new Map<string, AccountDelta>();
  for (const posting of postings) {
    const delta = byAccount.get(posting.accountCode) ?? { accountCode: posting.accountCode, debit: new Decimal(0), credit: new Decimal(0) };
    if (posting.side === 'DEBIT') delta.debit = delta.debit.plus(posting.amount);
    else delta.credit = delta.credit.plus(posting.amount);
    byAccount.set(posting.accountCode, delta);
  }
  return [...byAccount.values()].sort((a, b) => (a.accountCode < b.accountCode ? -1 : a.accountCode > b.accountCode ? 1 : 0));
}

/**
 * Whether an account stays within its bound after a change of its posted and pending sums. Pending amounts count
 * against the bound (a hold reserves), as in TigerBeetle: debits posted + pending <= credits posted, or the reverse.
 */
export function withinConstraint(
  account: Pick<PostableAccount, 'balanceConstraint' | 'debitTotal' | 'creditTotal' | 'pendingDebit' | 'pendingCredit'>,
  change: { debit?: Decimal; credit?: Decimal; pendingDebit?: Decimal; pendingCredit?: Decimal },
): boolean {
  // No bound, nothing to compute (the batch path checks every entry so, its bounds judged on the net change).
  if (account.balanceConstraint === 'NONE') return true;
  const zero = new Decimal(0);
  const debit = new Decimal(account.debitTotal).plus(change.debit ?? zero);
  const credit = new Decimal(account.creditTotal).plus(change.credit ?? zero);
  const pendingDebit = new Decimal(account.pendingDebit).plus(change.pendingDebit ?? zero);
  const pendingCredit = new Decimal(account.pendingCredit).plus(change.pendingCredit ?? zero);
  switch (account.balanceConstraint) {
    case 'DEBITS_NOT_EXCEED_CREDITS':
      return debit.plus(pendingDebit).lessThanOrEqualTo(credit);
    case 'CREDITS_NOT_EXCEED_DEBITS':
      return credit.plus(pendingCredit).lessThanOrEqualTo(debit);
  }
}

export function assertWithinConstraint(account: PostableAccount, delta: AccountDelta): void {
  if (!withinConstraint(account, { debit: delta.debit, credit: delta.credit })) throw new InsufficientFundsError(account.code, account.balanceConstraint);
}

/**
 * The request's fingerprint: the normalised command (amounts at their currency's precision, blanks trimmed, the
 * effective date as resolved). A retry that leaves the date out on the next day resolves another date, so it is a
 * different request: callers that retry across midnight send the date.
 */
export function requestHashOf(
  shape: Pick<CheckedEntry, 'idempotencyKey' | 'officeCode' | 'effectiveDate' | 'description' | 'sourceType' | 'sourceReference'>,
  postings: readonly CheckedPosting[],
): string {
  const normalised = [
    'entry/1',
    shape.idempotencyKey,
    shape.officeCode,
    shape.effectiveDate,
    shape.description,
    shape.sourceType,
    shape.sourceReference,
    postings.map((posting) => [posting.accountCode, posting.side, posting.amount.toFixed(currencyOf(posting.currency).minorUnits), posting.currency]),
  ];
  return createHash('sha256').update(JSON.stringify(normalised), 'utf8').digest('hex');
}

/** The postings that undo an entry: the same lines with the sides swapped. */
export function reversalPostings<T extends { accountCode: string; side: PostingSide; amount: string }>(postings: readonly T[]) {
  return postings.map((posting) => ({
    accountCode: posting.accountCode,
    side: (posting.side === 'DEBIT' ? 'CREDIT' : 'DEBIT') as PostingSide,
    amount: posting.amount,
  }));
}
