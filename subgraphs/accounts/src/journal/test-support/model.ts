import { Decimal } from '@postal/money';
import type { BalanceConstraint } from '../../ledger-accounts/model.js';
import type { PostingSide } from '../model.js';

/*
 * A small in-memory ledger: what the property test (ledger.property.test.ts) expects the real one to do. It knows
 * only a handful of accounts, keeps plain lists, and says for each command either "posted" (new, or a replay of an
 * earlier one) or which refusal codes the ledger may answer. It is written from the contract (schema/accounts.graphql,
 * the issue), not from the code under test: where the contract leaves the choice of refusal open it allows each
 * acceptable code, and where it is clear (a replay of the same request returns the original) it insists.
 *
 * Money is Decimal throughout. Entries and holds are named by their index in `entries` and `holds`; the test maps
 * indices to the ids the database gave them.
 */

export interface ModelAccount {
  code: string;
  officeCode: string;
  constraint: BalanceConstraint;
  debit: Decimal;
  credit: Decimal;
  pendingDebit: Decimal;
  pendingCredit: Decimal;
}

export interface ModelLine {
  accountCode: string;
  side: PostingSide;
  amount: Decimal;
}

export interface ModelEntry {
  index: number;
  key: string;
  /** The request as normalised for idempotency: the same key with another fingerprint is another request. */
  fingerprint: string;
  officeCode: string;
  date: string;
  lines: ModelLine[];
  holdIndex: number | null;
  reverses: number | null;
  reversedBy: number | null;
}

export type ModelHoldStatus = 'PENDING' | 'CAPTURED' | 'VOIDED' | 'EXPIRED';

export interface ModelHold {
  index: number;
  key: string;
  fingerprint: string;
  officeCode: string;
  debitAccountCode: string;
  creditAccountCode: string;
  amount: Decimal;
  expiresAt: Date | null;
  status: ModelHoldStatus;
}

/** What the model expects of a command. */
export type Outcome<T> = { ok: true; replayed: boolean; value: T } | { ok: false; codes: readonly string[] };

export interface PostInput {
  key: string;
  officeCode: string;
  date: string;
  description: string;
  lines: ModelLine[];
}

export interface HoldInput {
  key: string;
  officeCode: string;
  description: string;
  debitAccountCode: string;
  creditAccountCode: string;
  amount: Decimal;
  expiresAt: Date | null;
}

export interface CaptureInput {
  holdIndex: number;
  key: string;
  /** Null: all of it. */
  amount: Decimal | null;
  /** Null: the business date today. */
  date: string | null;
}

/** A row the day close is expected to record in the daily account. */
export interface ExpectedDailyBalance {
  accountCode: string;
  debitTotal: Decimal;
  creditTotal: Decimal;
  periodDebit: Decimal;
  periodCredit: Decimal;
}

/** Where the model starts: new accounts (no postings, no holds), offices that have never closed a day. */
export interface ModelStart {
  today: string;
  now: Date;
  accounts: Array<Pick<ModelAccount, 'code' | 'officeCode' | 'constraint'>>;
}

const ZERO = new Decimal(0);

const refused = (...codes: string[]): { ok: false; codes: string[] } => ({ ok: false, codes });

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whether an account's posted and pending sums stay within its balance constraint (pending counts, as a hold reserves). */
export function withinBound(account: Pick<ModelAccount, 'constraint' | 'debit' | 'credit' | 'pendingDebit' | 'pendingCredit'>): boolean {
  switch (account.constraint) {
    case 'DEBITS_NOT_EXCEED_CREDITS':
      return account.debit.plus(account.pendingDebit).lessThanOrEqualTo(account.credit);
    case 'CREDITS_NOT_EXCEED_DEBITS':
      return account.credit.plus(account.pendingCredit).lessThanOrEqualTo(account.debit);
    case 'NONE':
      return true;
  }
}

interface Change {
  accountCode: string;
  debit: Decimal;
  credit: Decimal;
  pendingDebit: Decimal;
  pendingCredit: Decimal;
}

/** An entry's lines summed per account, in account-code order. */
function changesOf(lines: readonly ModelLine[]): Change[] {
  const byAccount = new Map<string, Change>();
  for (const line of lines) {
    const change = byAccount.get(line.accountCode) ?? { accountCode: line.accountCode, debit: ZERO, credit: ZERO, pendingDebit: ZERO, pendingCredit: ZERO };
    if (line.side === 'DEBIT') change.debit = change.debit.plus(line.amount);
    else change.credit = change.credit.plus(line.amount);
    byAccount.set(line.accountCode, change);
  }
  return [...byAccount.values()].sort((a, b) => (a.accountCode < b.accountCode ? -1 : a.accountCode > b.accountCode ? 1 : 0));
}

function fingerprintOf(input: PostInput): string {
  return JSON.stringify([
    'post',
    input.officeCode,
    input.date,
    input.description,
    input.lines.map((line) => [line.accountCode, line.side, line.amount.toFixed(2)]),
  ]);
}

function holdFingerprintOf(input: HoldInput): string {
  return JSON.stringify([
    'hold',
    input.officeCode,
    input.description,
    input.debitAccountCode,
    input.creditAccountCode,
    input.amount.toFixed(2),
    input.expiresAt?.toISOString() ?? null,
  ]);
}

export class LedgerModel {
  today: string;
  now: Date;
  readonly accounts = new Map<string, ModelAccount>();
  /** Per office, the last day closed (absent: never). */
  readonly closedThrough: Record<string, string> = {};
  readonly entries: ModelEntry[] = [];
  readonly holds: ModelHold[] = [];
  /** Every posting the model made, with its date (for the daily account a close records). */
  private readonly postings: Array<{ accountCode: string; date: string; debit: Decimal; credit: Decimal }> = [];

  constructor(start: ModelStart) {
    this.today = start.today;
    this.now = start.now;
    for (const account of start.accounts) {
      this.accounts.set(account.code, { ...account, debit: ZERO, credit: ZERO, pendingDebit: ZERO, pendingCredit: ZERO });
    }
  }

  private account(code: string): ModelAccount {
    const account = this.accounts.get(code);
    if (!account) throw new Error(`the model knows no account ${code}`);
    return account;
  }

  private dayClosed(officeCode: string, date: string): boolean {
    const closed = this.closedThrough[officeCode] ?? null;
    return closed !== null && date <= closed;
  }

  /**
   * The first rule a set of changes breaks (closed day, an account on both sides of an entry's `lines` unless it is a
   * reversal, then balance constraint in code order), or null.
   */
  private refusalOf(officeCode: string, date: string | null, changes: readonly Change[], lines: readonly ModelLine[] = []): string | null {
    if (date !== null) {
      if (this.dayClosed(officeCode, date)) return 'DAY_CLOSED';
      for (const change of changes) if (this.dayClosed(this.account(change.accountCode).officeCode, date)) return 'DAY_CLOSED';
    }
    const sides = new Map<string, string>();
    for (const line of lines) {
      if ((sides.get(line.accountCode) ?? line.side) !== line.side) return 'SAME_ACCOUNT_BOTH_SIDES';
      sides.set(line.accountCode, line.side);
    }
    // Every entry balances within each office it touches (DOMAIN.md): value crosses offices only through clearing.
    const net = new Map<string, Decimal>();
    for (const line of lines) {
      const office = this.account(line.accountCode).officeCode;
      net.set(office, (net.get(office) ?? new Decimal(0)).plus(line.side === 'DEBIT' ? line.amount : line.amount.negated()));
    }
    if ([...net.values()].some((sum) => !sum.isZero())) return 'UNBALANCED_OFFICE';
    for (const change of changes) {
      const account = this.account(change.accountCode);
      const after = {
        constraint: account.constraint,
        debit: account.debit.plus(change.debit),
        credit: account.credit.plus(change.credit),
        pendingDebit: account.pendingDebit.plus(change.pendingDebit),
        pendingCredit: account.pendingCredit.plus(change.pendingCredit),
      };
      if (!withinBound(after)) return 'INSUFFICIENT_FUNDS';
    }
    return null;
  }

  private apply(changes: readonly Change[], date: string | null): void {
    for (const change of changes) {
      const account = this.account(change.accountCode);
      account.debit = account.debit.plus(change.debit);
      account.credit = account.credit.plus(change.credit);
      account.pendingDebit = account.pendingDebit.plus(change.pendingDebit);
      account.pendingCredit = account.pendingCredit.plus(change.pendingCredit);
      if (date !== null && (!change.debit.isZero() || !change.credit.isZero())) {
        this.postings.push({ accountCode: change.accountCode, date, debit: change.debit, credit: change.credit });
      }
    }
  }

  private entryByKey(key: string): ModelEntry | undefined {
    return this.entries.find((entry) => entry.key === key);
  }

  /**
   * Posts an entry. A key already used answers the original when the request is the same, whatever happened since
   * (the day closed, the balance moved): the contract is that a retry of a posted request returns it. A key used for
   * another request is IDEMPOTENCY_CONFLICT; the ledger may also refuse it for a rule the new request breaks first.
   */
  private postLines(input: PostInput, fingerprint: string, links: Pick<ModelEntry, 'holdIndex' | 'reverses'>): Outcome<ModelEntry> {
    const changes = changesOf(input.lines);
    const refusal = this.refusalOf(input.officeCode, input.date, changes, links.reverses === null ? input.lines : []);
    const previous = this.entryByKey(input.key);
    if (previous) {
      if (previous.fingerprint === fingerprint) return { ok: true, replayed: true, value: previous };
      return refused('IDEMPOTENCY_CONFLICT', ...(refusal ? [refusal] : []));
    }
    if (refusal) return refused(refusal);
    this.apply(changes, input.date);
    const entry: ModelEntry = {
      index: this.entries.length,
      key: input.key,
      fingerprint,
      officeCode: input.officeCode,
      date: input.date,
      lines: input.lines,
      reversedBy: null,
      ...links,
    };
    this.entries.push(entry);
    return { ok: true, replayed: false, value: entry };
  }

  post(input: PostInput): Outcome<ModelEntry> {
    return this.postLines(input, fingerprintOf(input), { holdIndex: null, reverses: null });
  }

  /** Reverses an entry: its mirror, dated today, at most once; a reversal is not itself reversible. */
  reverse(entryIndex: number, key: string): Outcome<ModelEntry> {
    const original = this.entries[entryIndex]!;
    if (original.reverses !== null) return refused('REVERSAL_NOT_REVERSIBLE');
    if (original.reversedBy !== null) {
      const reversal = this.entries[original.reversedBy]!;
      return reversal.key === key ? { ok: true, replayed: true, value: reversal } : refused('ALREADY_REVERSED');
    }
    const lines = original.lines.map((line): ModelLine => ({ ...line, side: line.side === 'DEBIT' ? 'CREDIT' : 'DEBIT' }));
    const outcome = this.postLines(
      { key, officeCode: original.officeCode, date: this.today, description: `reversal of ${entryIndex}`, lines },
      JSON.stringify(['reversal', entryIndex, this.today]),
      { holdIndex: null, reverses: entryIndex },
    );
    if (outcome.ok && !outcome.replayed) original.reversedBy = outcome.value.index;
    return outcome;
  }

  /** Whether a hold can still be resolved: pending and not past its expiry (which the sweep records later). */
  private resolvable(hold: ModelHold): boolean {
    return hold.status === 'PENDING' && (hold.expiresAt === null || hold.expiresAt.getTime() > this.now.getTime());
  }

  private reserve(hold: Pick<ModelHold, 'debitAccountCode' | 'creditAccountCode' | 'amount'>, sign: 1 | -1): Change[] {
    const amount = hold.amount.times(sign);
    const changes: Change[] = [
      { accountCode: hold.debitAccountCode, debit: ZERO, credit: ZERO, pendingDebit: amount, pendingCredit: ZERO },
      { accountCode: hold.creditAccountCode, debit: ZERO, credit: ZERO, pendingDebit: ZERO, pendingCredit: amount },
    ];
    return changes.sort((a, b) => (a.accountCode < b.accountCode ? -1 : 1));
  }

  /**
   * Places a hold. The same key and request answer the original hold (in whatever state it is now); another request
   * under the key is IDEMPOTENCY_CONFLICT, or refused for an expiry already past.
   */
  placeHold(input: HoldInput): Outcome<ModelHold> {
    const fingerprint = holdFingerprintOf(input);
    const previous = this.holds.find((hold) => hold.key === input.key);
    const expired = input.expiresAt !== null && input.expiresAt.getTime() <= this.now.getTime();
    if (previous) {
      if (previous.fingerprint === fingerprint) return { ok: true, replayed: true, value: previous };
      return refused('IDEMPOTENCY_CONFLICT', ...(expired ? ['BAD_USER_INPUT'] : []));
    }
    if (expired) return refused('BAD_USER_INPUT');
    // A hold is a two-line entry waiting: between offices its capture could never balance within each office.
    if (this.account(input.debitAccountCode).officeCode !== this.account(input.creditAccountCode).officeCode) return refused('UNBALANCED_OFFICE');
    const changes = this.reserve(input, 1);
    const refusal = this.refusalOf(input.officeCode, null, changes);
    if (refusal) return refused(refusal);
    this.apply(changes, null);
    const hold: ModelHold = {
      index: this.holds.length,
      key: input.key,
      fingerprint,
      officeCode: input.officeCode,
      debitAccountCode: input.debitAccountCode,
      creditAccountCode: input.creditAccountCode,
      amount: input.amount,
      expiresAt: input.expiresAt,
      status: 'PENDING',
    };
    this.holds.push(hold);
    return { ok: true, replayed: false, value: hold };
  }

  /**
   * Captures a hold in full or in part: all of it released, the captured part posted (dated today unless given).
   * A capture's key answers its entry again for the same hold, IDEMPOTENCY_CONFLICT for another.
   */
  capture(input: CaptureInput): Outcome<ModelEntry> {
    const hold = this.holds[input.holdIndex]!;
    const previous = this.entryByKey(input.key);
    if (previous) return previous.holdIndex === hold.index ? { ok: true, replayed: true, value: previous } : refused('IDEMPOTENCY_CONFLICT');
    if (!this.resolvable(hold)) return refused('HOLD_NOT_PENDING');
    const amount = input.amount ?? hold.amount;
    if (amount.greaterThan(hold.amount)) return refused('CAPTURE_EXCEEDS_HOLD');
    const date = input.date ?? this.today;
    const release = this.reserve(hold, -1);
    const lines: ModelLine[] = [
      { accountCode: hold.debitAccountCode, side: 'DEBIT', amount },
      { accountCode: hold.creditAccountCode, side: 'CREDIT', amount },
    ];
    // The release comes first, so the captured part is judged against the balance without the hold.
    this.apply(release, null);
    const refusal = this.refusalOf(hold.officeCode, date, changesOf(lines));
    if (refusal) {
      this.apply(this.reserve(hold, 1), null);
      return refused(refusal);
    }
    const outcome = this.postLines(
      { key: input.key, officeCode: hold.officeCode, date, description: hold.key, lines },
      JSON.stringify(['capture', hold.index]),
      { holdIndex: hold.index, reverses: null },
    );
    if (!outcome.ok || outcome.replayed) throw new Error('a capture under a fresh key either posts or is refused before');
    hold.status = 'CAPTURED';
    return outcome;
  }

  voidHold(holdIndex: number): Outcome<ModelHold> {
    const hold = this.holds[holdIndex]!;
    if (!this.resolvable(hold)) return refused('HOLD_NOT_PENDING');
    this.apply(this.reserve(hold, -1), null);
    hold.status = 'VOIDED';
    // The answer is the existing hold, now voided (compared like a replay: by its id).
    return { ok: true, replayed: true, value: hold };
  }

  /** The expiry sweep: every pending hold past its expiry is released. Answers how many. */
  expireHolds(): number {
    let expired = 0;
    for (const hold of this.holds) {
      if (hold.status !== 'PENDING' || hold.expiresAt === null || hold.expiresAt.getTime() > this.now.getTime()) continue;
      this.apply(this.reserve(hold, -1), null);
      hold.status = 'EXPIRED';
      expired += 1;
    }
    return expired;
  }

  /**
   * Closes an office's days through `date` (after its last close, not after today). Answers the daily account it
   * should record: for each of the office's accounts that moved since the last close, its totals as of `date`.
   */
  closeDay(officeCode: string, date: string): Outcome<ExpectedDailyBalance[]> {
    const previous = this.closedThrough[officeCode] ?? null;
    if (date > this.today || (previous !== null && date <= previous)) return refused('DATE_NOT_CLOSABLE');
    const sum = (list: typeof this.postings, side: 'debit' | 'credit') => list.reduce((total, posting) => total.plus(posting[side]), ZERO);
    const rows: ExpectedDailyBalance[] = [];
    for (const account of this.accounts.values()) {
      if (account.officeCode !== officeCode) continue;
      const upToDate = this.postings.filter((posting) => posting.accountCode === account.code && posting.date <= date);
      const period = upToDate.filter((posting) => previous === null || posting.date > previous);
      if (period.length === 0) continue;
      rows.push({
        accountCode: account.code,
        debitTotal: sum(upToDate, 'debit'),
        creditTotal: sum(upToDate, 'credit'),
        periodDebit: sum(period, 'debit'),
        periodCredit: sum(period, 'credit'),
      });
    }
    this.closedThrough[officeCode] = date;
    return { ok: true, replayed: false, value: rows.sort((a, b) => (a.accountCode < b.accountCode ? -1 : 1)) };
  }

  advance(days: number): void {
    this.today = addDays(this.today, days);
    this.now = new Date(this.now.getTime() + days * 86_400_000);
  }
}
