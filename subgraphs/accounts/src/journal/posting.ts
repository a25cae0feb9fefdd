import { randomUUID } from 'node:crypto';
import type { Tx } from '@postal/db';
import { BadUserInputError, isExpectedError } from '@postal/errors';
import { currencyOf, Decimal } from '@postal/money';
import type { AccountFactsCache } from './account-facts.js';
import {
  assertDayOpen,
  assertPostable,
  assertWithinLedgerDates,
  checkEntry,
  contentHashOf,
  LIMITS,
  reversalPostings,
  withinConstraint,
  type AccountDelta,
  type CheckedEntry,
  type PostableAccount,
} from './domain.js';
import {
  AlreadyReversedError,
  EntryNotFoundError,
  IdempotencyConflictError,
  InsufficientFundsError,
  OfficeNotFoundError,
  ReversalNotReversibleError,
} from './errors.js';
import type { JournalEntryRecord, PostEntryCommand, PostingOrigin } from './model.js';
import {
  applyAccountChanges,
  findEntry,
  findEntriesByKeys,
  findReversalOf,
  insertEntriesWithPostings,
  readAccountsNow,
  readBatchContext,
  readPostingContext,
  type AccountChange,
  type NewEntryRow,
  type NewPostingRow,
  writeEntry,
} from './repository.js';

/*
 * The posting path. Every way an entry reaches the journal (a service's posting, an approved manual journal, a
 * reversal, a hold's capture, a batch) ends here, inside the caller's transaction:
 *   1. read the office and the accounts, without locks, and check the entry (pure domain rules);
 *   2. insert the entry unless its idempotency key is taken (then answer the original, or IDEMPOTENCY_CONFLICT);
 *   3. insert the postings;
 *   4. lock the accounts in code order and add to their sums in one statement that re-checks, under the locks, what
 *      may have changed since step 1 (status, closed day, balance constraint); anything left out is explained by a
 *      re-read and refused, which rolls the whole transaction back.
 * After every insert of postings the database checks them all at once (the statement-level postings_statement_check,
 * migration 0009_1: entry and account exist, detail, currency, balanced within each office; postings have no row-level
 * foreign keys). A batch does steps 2 and 3 in one statement and step 4 in the next (postEntriesInTx).
 * A single entry does steps 2 to 4 in one statement (repository.ts writeEntry), and a service's posting skips the read
 * of step 1 once the accounts' fixed facts are cached (account-facts.ts): BEGIN, one statement, COMMIT. The account
 * locks are held only from that statement to the commit. A refused command that is the retry of a posted entry is
 * answered with that entry (replayOfRefused).
 */

export interface PostOptions {
  origin: PostingOrigin;
  /** The office's business date now (Asia/Kolkata): the default effective date and the latest allowed. */
  today: string;
  /** A service's postings may check against the accounts' fixed facts instead of reading them (account-facts.ts). */
  facts?: AccountFactsCache;
  /** The configured first business date of the ledger (LEDGER_START_DATE): nothing is dated before it. */
  ledgerStartDate?: string | null | undefined;
}

export interface PostResult {
  entry: JournalEntryRecord;
  /** True when the idempotency key had already posted this entry: nothing was written. */
  replayed: boolean;
}

function changeOf(delta: AccountDelta): AccountChange {
  return { accountCode: delta.accountCode, debit: delta.debit.toFixed(), credit: delta.credit.toFixed(), pendingDebit: '0', pendingCredit: '0' };
}

function entryRow(checked: CheckedEntry, origin: PostingOrigin): NewEntryRow {
  return {
    id: randomUUID(),
    officeCode: checked.officeCode,
    effectiveDate: checked.effectiveDate,
    description: checked.description,
    sourceType: checked.sourceType,
    sourceReference: checked.sourceReference,
    actor: origin.actor,
    approvedBy: origin.approvedBy ?? null,
    approvalRequestId: origin.approvalRequestId ?? null,
    idempotencyKey: checked.idempotencyKey,
    requestHash: checked.requestHash,
    reversesEntryId: origin.reversesEntryId ?? null,
    holdId: origin.holdId ?? null,
  };
}

function postingRows(entryId: string, checked: CheckedEntry): NewPostingRow[] {
  return checked.postings.map((posting) => ({
    entryId,
    line: posting.line,
    accountCode: posting.accountCode,
    side: posting.side,
    // Stored at the currency's precision (1050.50, not 1050.5): the text the seal hashes is the text shown.
    amount: posting.amount.toFixed(currencyOf(posting.currency).minorUnits),
    currency: posting.currency,
    effectiveDate: checked.effectiveDate,
  }));
}

/** The original entry for a replayed key, or IDEMPOTENCY_CONFLICT when the key was used for something else. */
function replayOf(existing: JournalEntryRecord | undefined, checked: CheckedEntry): PostResult {
  if (!existing) throw new Error(`idempotency key ${checked.idempotencyKey} was taken but its entry is not visible`);
  if (existing.requestHash !== checked.requestHash) throw new IdempotencyConflictError(checked.idempotencyKey);
  return { entry: existing, replayed: true };
}

/** What step 1 needs to know besides the command. */
export interface CheckOptions {
  manual: boolean;
  today: string;
  facts?: AccountFactsCache | undefined;
  ledgerStartDate?: string | null | undefined;
  /** The mirror of a posted entry: it may name an account on both sides, as the original did. */
  reversal?: boolean;
}

/** Step 1 for one command: read, then check. Exported so a person's manual journal is checked before it is submitted. */
export async function checkCommand(tx: Tx, command: PostEntryCommand, options: CheckOptions): Promise<{ checked: CheckedEntry; accounts: Map<string, PostableAccount> }> {
  if (!Array.isArray(command.postings)) throw new BadUserInputError('postings', 'postings must be a list');
  const codes = command.postings.map((posting) => posting.accountCode);
  const known = options.manual ? undefined : options.facts?.lookup(command.officeCode, codes);
  if (known) {
    // The office's closed day and opening are checked by the posting statement (writeEntry), the accounts' state under
    // their locks.
    const checked = checkEntry(command, known, { ...rules(options), manual: false, officeClosedThrough: null });
    return { checked, accounts: known };
  }
  const context = await readPostingContext(
    tx,
    command.officeCode,
    command.postings.map((posting) => posting.accountCode),
  );
  if (!context.officeKnown) throw new OfficeNotFoundError(command.officeCode);
  options.facts?.remember(command.officeCode, context);
  const checked = checkEntry(command, context.accounts, { ...rules(options), officeClosedThrough: context.officeClosedThrough, officeOpenedOn: context.officeOpenedOn });
  return { checked, accounts: context.accounts };
}

function rules(options: CheckOptions) {
  return { manual: options.manual, today: options.today, ledgerStartDate: options.ledgerStartDate ?? null, reversal: options.reversal ?? false };
}

/**
 * Step 4's refusal: the guarded update left some accounts out. It judged them locked, and they are still locked (or do
 * not exist), so a re-read sees what it judged and says why, in the same order of rules as the domain check.
 */
export async function explainRefusal(tx: Tx, changes: readonly AccountChange[], updated: Set<string>, effectiveDate: string | null, manual: boolean): Promise<never> {
  const missing = changes.filter((change) => !updated.has(change.accountCode));
  const now = await readAccountsNow(
    tx,
    missing.map((change) => change.accountCode),
  );
  for (const change of missing) {
    const account = assertPostable(now.get(change.accountCode), change.accountCode, { manual });
    if (effectiveDate !== null) assertDayOpen(account.officeCode ?? '', effectiveDate, account.closedThrough);
    const fits = withinConstraint(account, {
      debit: new Decimal(change.debit),
      credit: new Decimal(change.credit),
      pendingDebit: new Decimal(change.pendingDebit),
      pendingCredit: new Decimal(change.pendingCredit),
    });
    if (!fits) throw new InsufficientFundsError(account.code, account.balanceConstraint);
  }
  throw new Error(`accounts ${missing.map((change) => change.accountCode).join(', ')} were not updated and no rule says why`);
}

/** Applies account changes, or refuses with the rule that stopped one. */
export async function applyOrRefuse(tx: Tx, changes: readonly AccountChange[], effectiveDate: string | null, manual: boolean): Promise<void> {
  const updated = await applyAccountChanges(tx, changes, effectiveDate);
  if (updated.size !== changes.length) await explainRefusal(tx, changes, updated, effectiveDate, manual);
}

/**
 * When a command breaks a rule, it may still be the retry of an entry that posted before the rule applied (its day
 * closed since, its balance was spent since): the key is looked up only then, so the common path pays nothing for it.
 * Answers the original for the same content, IDEMPOTENCY_CONFLICT for other content, undefined for a key not taken.
 */
async function replayOfRefused(tx: Tx, command: PostEntryCommand, today: string): Promise<PostResult | undefined> {
  if (typeof command.idempotencyKey !== 'string' || !Array.isArray(command.postings)) return undefined;
  const [existing] = await findEntriesByKeys(tx, [command.idempotencyKey.trim()]);
  if (!existing) return undefined;
  const context = await readPostingContext(
    tx,
    command.officeCode,
    command.postings.map((posting) => posting.accountCode),
  );
  const currencies = new Map([...context.accounts].map(([code, account]) => [code, account.currency]));
  if (contentHashOf(command, currencies, today) !== existing.requestHash) throw new IdempotencyConflictError(existing.idempotencyKey);
  return { entry: existing, replayed: true };
}

/** Step 1, or the original entry when the command is a retry that today's rules would refuse. */
async function checkOrReplay(tx: Tx, command: PostEntryCommand, options: CheckOptions): Promise<{ checked: CheckedEntry } | { replay: PostResult }> {
  try {
    return await checkCommand(tx, command, options);
  } catch (error) {
    if (isExpectedError(error)) {
      const replay = await replayOfRefused(tx, command, options.today);
      if (replay) return { replay };
    }
    throw error;
  }
}

/** The entry was not written and its key is free: the office had not opened by its date or has closed the day. */
async function explainOfficeDay(tx: Tx, checked: CheckedEntry): Promise<never> {
  const context = await readPostingContext(tx, checked.officeCode, []);
  if (!context.officeKnown) throw new OfficeNotFoundError(checked.officeCode);
  assertWithinLedgerDates(checked.officeCode, checked.effectiveDate, { officeOpenedOn: context.officeOpenedOn });
  assertDayOpen(checked.officeCode, checked.effectiveDate, context.officeClosedThrough);
  throw new Error(`entry ${checked.idempotencyKey} was not written and no rule says why`);
}

/** Posts one entry in the caller's transaction (see the steps above). */
export async function postEntryInTx(tx: Tx, command: PostEntryCommand, options: PostOptions): Promise<PostResult> {
  const { origin } = options;
  const outcome = await checkOrReplay(tx, command, {
    manual: origin.manual,
    today: options.today,
    facts: options.facts,
    ledgerStartDate: options.ledgerStartDate,
    reversal: origin.reversesEntryId != null,
  });
  if ('replay' in outcome) return outcome.replay;
  const { checked } = outcome;
  const row = entryRow(checked, origin);
  const lines = postingRows(row.id, checked);
  const changes = checked.deltas.map(changeOf);
  const written = await writeEntry(tx, row, lines, changes);
  if (!written.written) {
    // Its key was taken (a replay, or a conflict), or the entry's office closed the day.
    const [existing] = await findEntriesByKeys(tx, [checked.idempotencyKey]);
    if (!existing) await explainOfficeDay(tx, checked);
    return replayOf(existing, checked);
  }
  if (written.updated.size !== changes.length) await explainRefusal(tx, changes, written.updated, checked.effectiveDate, origin.manual);
  return {
    replayed: false,
    entry: {
      ...row,
      seq: written.seq,
      postedAt: written.postedAt,
      postings: lines.map(({ line, accountCode, side, amount, currency }) => ({ line, accountCode, side, amount, currency })),
    },
  };
}

/** The most entries one batch posts: one transaction, bounded so it holds its locks for a bounded time. */
export const MAX_BATCH_ENTRIES = 1_000;

/**
 * Posts many entries in one transaction (imports, settlement runs): all or none. The same steps, each done once for
 * the whole batch, in two writing statements: the read, one INSERT of every entry and its postings, and one ordered,
 * guarded UPDATE of every account's summed change. An entry whose key already posted the same request is answered as
 * replayed; one whose key posted something else fails the batch with IDEMPOTENCY_CONFLICT. Balance constraints are
 * checked on each account's net change for the batch (the entries' order within one transaction is not observable by
 * anyone else): an account that would go beyond its bound fails the batch with INSUFFICIENT_FUNDS, as one entry would.
 */
export async function postEntriesInTx(tx: Tx, commands: readonly PostEntryCommand[], options: PostOptions): Promise<PostResult[]> {
  if (commands.length === 0) return [];
  if (commands.length > MAX_BATCH_ENTRIES) throw new BadUserInputError('entries', `a batch holds at most ${MAX_BATCH_ENTRIES} entries`);
  const { origin } = options;
  const keys = new Set<string>();
  const offices = new Set<string>();
  const checkedByKey = new Map<string, CheckedEntry>();
  // Retries of entries that posted before, which today's rules would refuse: answered with the originals.
  const refusedReplays = new Map<string, PostResult>();
  for (const command of commands) {
    if (keys.has(command.idempotencyKey)) throw new BadUserInputError('entries', `idempotency key ${command.idempotencyKey} appears twice in the batch`);
    keys.add(command.idempotencyKey);
    offices.add(command.officeCode);
  }
  // Step 1 for the whole batch: one read of the offices and the accounts named, then each entry's own rules.
  const context = await readBatchContext(
    tx,
    [...offices],
    commands.flatMap((command) => (Array.isArray(command.postings) ? command.postings.map((posting) => posting.accountCode) : [])),
  );
  // Constraints are judged on the batch's net change below, not entry by entry against the starting balance.
  const unconstrained = new Map([...context.accounts].map(([code, account]) => [code, { ...account, balanceConstraint: 'NONE' as const }]));
  for (const command of commands) {
    try {
      const office = context.offices.get(command.officeCode);
      if (!office) throw new OfficeNotFoundError(command.officeCode);
      checkedByKey.set(
        command.idempotencyKey,
        checkEntry(command, unconstrained, {
          manual: origin.manual,
          today: options.today,
          officeClosedThrough: office.closedThrough,
          officeOpenedOn: office.openedOn,
          ledgerStartDate: options.ledgerStartDate ?? null,
        }),
      );
    } catch (error) {
      const replay = isExpectedError(error) ? await replayOfRefused(tx, command, options.today) : undefined;
      if (!replay) throw error;
      refusedReplays.set(command.idempotencyKey, replay);
    }
  }
  const checked = commands.filter((command) => checkedByKey.has(command.idempotencyKey)).map((command) => checkedByKey.get(command.idempotencyKey)!);
  const rows = checked.map((entry) => entryRow(entry, origin));
  const lines = new Map<string, NewPostingRow[]>();
  rows.forEach((row, i) => lines.set(row.id, postingRows(row.id, checked[i]!)));
  // Statement 1: every entry and the postings of those whose key was free, checked as a whole by the postings'
  // statement-level trigger (entries and accounts exist, detail, currency, balanced within each office).
  const shared = {
    actor: origin.actor,
    approvedBy: origin.approvedBy ?? null,
    approvalRequestId: origin.approvalRequestId ?? null,
    reversesEntryId: origin.reversesEntryId ?? null,
    holdId: origin.holdId ?? null,
  };
  const inserted = await insertEntriesWithPostings(tx, shared, rows, [...lines.values()].flat());
  const insertedIds = new Map(inserted.map((row) => [row.id, row]));
  const fresh = rows.filter((row) => insertedIds.has(row.id));
  const replayedKeys = rows.filter((row) => !insertedIds.has(row.id)).map((row) => row.idempotencyKey);
  const originals = new Map((await findEntriesByKeys(tx, replayedKeys)).map((entry) => [entry.idempotencyKey, entry]));

  const net = new Map<string, { debit: Decimal; credit: Decimal }>();
  for (const row of fresh) {
    for (const delta of checkedByKey.get(row.idempotencyKey)!.deltas) {
      const sum = net.get(delta.accountCode);
      if (sum) {
        sum.debit = sum.debit.plus(delta.debit);
        sum.credit = sum.credit.plus(delta.credit);
      } else net.set(delta.accountCode, { debit: delta.debit, credit: delta.credit });
    }
  }
  // Each entry's own date was checked against the closed days it read; under the locks the earliest date of the batch
  // is re-checked against every account (conservative: a close racing the batch refuses the whole batch).
  const earliestDate = fresh.map((row) => row.effectiveDate).sort()[0] ?? null;
  const changes = [...net.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([accountCode, sum]) => changeOf({ accountCode, ...sum }));
  // Statement 2: the guarded update of every account's summed change, its rows locked in code order (two batches
  // never deadlock). An account it leaves out fails the whole batch with the rule it broke (INSUFFICIENT_FUNDS, ...).
  await applyOrRefuse(tx, changes, earliestDate, origin.manual);

  const results = new Map<string, PostResult>(refusedReplays);
  for (const row of rows) {
    const stored = insertedIds.get(row.id);
    if (!stored) {
      results.set(row.idempotencyKey, replayOf(originals.get(row.idempotencyKey), checkedByKey.get(row.idempotencyKey)!));
      continue;
    }
    results.set(row.idempotencyKey, {
      replayed: false,
      entry: {
        ...row,
        seq: stored.seq,
        postedAt: stored.postedAt,
        postings: lines.get(row.id)!.map(({ line, accountCode, side, amount, currency }) => ({ line, accountCode, side, amount, currency })),
      },
    });
  }
  return commands.map((command) => results.get(command.idempotencyKey)!);
}

export interface ReverseCommand {
  entryId: string;
  reason: string;
  idempotencyKey: string;
}

/**
 * Posts the mirror of an entry, dated the office's business date today (corrections go to an open day), linked to
 * it by `reverses_entry_id`, which is unique: of two racing reversals the second waits on the index and then fails,
 * answered as ALREADY_REVERSED. A reversal posts even to accounts closed to manual journals (it undoes a subsystem's
 * own entry) but not to frozen or closed accounts.
 */
export async function reverseEntryInTx(tx: Tx, command: ReverseCommand, options: PostOptions): Promise<PostResult> {
  const reason = command.reason?.trim() ?? '';
  if (reason.length === 0 || reason.length > LIMITS.reason) throw new BadUserInputError('reason', `a reason is 1 to ${LIMITS.reason} characters`);
  const original = await findEntry(tx, command.entryId);
  if (!original) throw new EntryNotFoundError(command.entryId);
  if (original.reversesEntryId !== null) throw new ReversalNotReversibleError(original.id);
  const reversalCommand: PostEntryCommand = {
    idempotencyKey: command.idempotencyKey,
    officeCode: original.officeCode,
    effectiveDate: options.today,
    description: `Reversal of ${original.id}: ${reason}`.slice(0, LIMITS.description),
    source: { type: 'REVERSAL', reference: original.id },
    postings: reversalPostings(original.postings),
  };
  const existingReversal = await findReversalOf(tx, original.id);
  if (existingReversal) {
    const [byKey] = await findEntriesByKeys(tx, [command.idempotencyKey]);
    // A retry of the reversal that won answers it; anyone else is told it is done.
    if (byKey && byKey.id === existingReversal.id) return { entry: byKey, replayed: true };
    throw new AlreadyReversedError(original.id, existingReversal.id);
  }
  try {
    return await tx.transaction((savepoint) =>
      postEntryInTx(savepoint, reversalCommand, { ...options, origin: { ...options.origin, manual: false, reversesEntryId: original.id } }),
    );
  } catch (error) {
    if (isUniqueViolation(error, 'journal_entries_reverses_entry_id_unique')) {
      const winner = await findReversalOf(tx, original.id);
      throw new AlreadyReversedError(original.id, winner?.id);
    }
    throw error;
  }
}

/** Whether an error is PostgreSQL's unique violation (23505) on the named constraint, on either driver. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown };
    if (candidate.code === '23505' && (candidate.constraint === constraint || (typeof candidate.message === 'string' && candidate.message.includes(constraint)))) {
      return true;
    }
  }
  return false;
}

