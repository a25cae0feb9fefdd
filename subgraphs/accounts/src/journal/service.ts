import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, can } from '@postal/authz';
import { businessDate, DEFAULT_TIME_ZONE, isCalendarDate } from '@postal/calendar';
import { transaction, type Database, type Tx } from '@postal/db';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { isUuid } from '@postal/validation';
import type { ApprovalsClient } from '../approvals/administration-client.js';
import { postPayload, postSummary, reversePayload, reverseSummary } from '../approvals/payload.js';
import { createLoaders, type Loaders } from '../loaders.js';
import { AccountFactsCache } from './account-facts.js';
import { ledgerActor } from './actor.js';
import { LIMITS } from './domain.js';
import { OfficeNotFoundError } from '../ledger-accounts/errors.js';
import { AlreadyReversedError, EntryNotFoundError, HoldNotFoundError, IdempotencyConflictError, ReversalNotReversibleError } from './errors.js';
import { captureHoldInTx, placeHoldInTx, voidHoldInTx, type CaptureHoldCommand, type PlaceHoldCommand } from './holds.js';
import type { HoldRecord, JournalEntryRecord, PostEntryCommand, PostingOrigin } from './model.js';
import { checkCommand, postEntriesInTx, postEntryInTx, reverseEntryInTx, type PostResult } from './posting.js';
import { findHold } from './holds-repository.js';
import { findEntriesByIds, findEntriesByKeys, findEntry, findReversalOf, listEntryIds, type JournalEntryFilter } from './repository.js';

/** What posting answered: a service's entry, or a person's manual journal waiting in the approvals inbox. */
export interface PostingOutcome {
  entry: JournalEntryRecord | null;
  approvalRequest: { id: string } | null;
}

export type { JournalEntryFilter } from './repository.js';

export interface JournalServiceOptions {
  clock?: () => Date;
  /** The approvals inbox (administration), where a person's manual journal waits for its checker. */
  approvals?: ApprovalsClient;
  /** Told after postings commit, so the sealer chains them soon rather than at its next tick. */
  onPosted?: () => void;
  /** The accounts' fixed facts, shared by every request's service (one per process); a new cache when absent. */
  facts?: AccountFactsCache;
  /** The request's loaders (context.ts); a service without them batches its reads but remembers nothing. */
  loaders?: Loaders;
  /** LEDGER_START_DATE: no entry is dated before it. */
  ledgerStartDate?: string | undefined;
}

/**
 * Journal commands and reads, with the shared authorization rules. Services (money orders, COD) post directly;
 * people post manual journals, which are checked here as far as they can be (everything the posting path checks, at
 * the moment of asking), then wait in the approvals inbox and are posted by the approval executor, which checks them
 * again (approvals/executor.ts).
 */
export function createJournalService(database: Database, options: JournalServiceOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const today = () => businessDate(clock(), DEFAULT_TIME_ZONE);
  // Services' postings check against the accounts' fixed facts once they have been read (account-facts.ts).
  const facts = options.facts ?? new AccountFactsCache();
  const loaders = options.loaders ?? createLoaders(database.db, { cache: false });
  const ledgerStartDate = options.ledgerStartDate ?? null;

  async function officePath(officeCode: string): Promise<string | undefined> {
    return (await loaders.officePaths.load(officeCode)) ?? undefined;
  }

  /** After a command commits: the request's later fields read what it wrote. */
  function committed<T>(result: T): T {
    loaders.clearAll();
    return result;
  }

  /**
   * Postings, reversals and holds check and act on account rows locked FOR UPDATE in code order. That is right at
   * READ COMMITTED: a writer that queued on a lock reads the row as the one before it committed it and decides on
   * that. At REPEATABLE READ it would fail with a serialization error instead (a 500 for a posting that fits).
   */
  const inPostingTransaction = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => transaction(database, 'read committed', work);

  async function readableEntry(identity: Identity, entry: JournalEntryRecord | undefined): Promise<JournalEntryRecord | null> {
    if (!entry) return null;
    if (identity.kind === 'service') return entry;
    const path = await officePath(entry.officeCode);
    return path !== undefined && can(identity, 'ledger.read', path) ? entry : null;
  }

  function requireService(identity: Identity, what: string): void {
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    if (identity.kind !== 'service') throw new ForbiddenError(`${what} is for services (money orders, COD), not for staff`);
  }

  /** A maker needs journal.manual.submit over the entry's office and over every account's office. */
  async function assertMaker(identity: Identity, officeCode: string, accountOffices: Iterable<string | null>): Promise<void> {
    const offices = new Set([officeCode, ...[...accountOffices].filter((code): code is string => code !== null)]);
    for (const code of offices) {
      const path = await officePath(code);
      if (path === undefined) throw new OfficeNotFoundError(code);
      assertCan(identity, 'journal.manual.submit', { code, path });
    }
  }

  function approvalsClient(): ApprovalsClient {
    if (!options.approvals) throw new Error('the accounts subgraph was started without an approvals client');
    return options.approvals;
  }

  async function post(context: SignedRequestContext, command: PostEntryCommand): Promise<PostResult> {
    const origin: PostingOrigin = { actor: ledgerActor(context.identity), manual: false };
    const result = await inPostingTransaction((tx) => postEntryInTx(tx, command, { origin, today: today(), facts, ledgerStartDate }));
    if (!result.replayed) options.onPosted?.();
    return committed(result);
  }

  return {
    today,

    async postJournalEntry(context: SignedRequestContext, command: PostEntryCommand): Promise<PostingOutcome> {
      const { identity } = context;
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (identity.kind === 'service') return { entry: (await post(context, command)).entry, approvalRequest: null };

      // A person: a manual journal. Check it now as the posting path would, so the checker only sees entries that
      // would post; an entry already posted under this key is answered as posted.
      // Authorised over the entry's office before anything about its accounts is told.
      await assertMaker(identity, command.officeCode, []);
      const date = today();
      const { checked, accounts } = await inPostingTransaction((tx) => checkCommand(tx, command, { manual: true, today: date, ledgerStartDate }));
      await assertMaker(identity, checked.officeCode, [...accounts.values()].map((account) => account.officeCode));
      const [existing] = await findEntriesByKeys(database.db, [checked.idempotencyKey]);
      if (existing) {
        if (existing.requestHash !== checked.requestHash) throw new IdempotencyConflictError(checked.idempotencyKey);
        return { entry: existing, approvalRequest: null };
      }
      const payload = postPayload({ ...command, effectiveDate: checked.effectiveDate }, date);
      const summary = postSummary(payload.command, (code) => accounts.get(code)?.currency ?? '');
      const request = await approvalsClient().submit({ summary, payload, officeCode: checked.officeCode, makerId: identity.staffId }, context.requestId);
      return { entry: null, approvalRequest: { id: request.id } };
    },

    /** Services only: many entries in one transaction, all or none (imports, settlement runs). */
    async postJournalEntries(context: SignedRequestContext, commands: PostEntryCommand[]): Promise<PostResult[]> {
      requireService(context.identity, 'posting a batch');
      const origin: PostingOrigin = { actor: ledgerActor(context.identity), manual: false };
      const results = await inPostingTransaction((tx) => postEntriesInTx(tx, commands, { origin, today: today(), ledgerStartDate }));
      if (results.some((result) => !result.replayed)) options.onPosted?.();
      return committed(results);
    },

    async reverseJournalEntry(context: SignedRequestContext, input: { id: string; reason: string; idempotencyKey: string }): Promise<PostingOutcome> {
      const { identity } = context;
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const reason = input.reason?.trim() ?? '';
      if (reason.length === 0 || reason.length > LIMITS.reason) throw new BadUserInputError('reason', `a reason is 1 to ${LIMITS.reason} characters`);
      // Entry ids are UUIDs: anything else names no entry, answered as such rather than as a failed uuid cast.
      if (!isUuid(input.id)) throw new EntryNotFoundError(shownId(input.id));
      if (identity.kind === 'service') {
        const origin: PostingOrigin = { actor: ledgerActor(identity), manual: false };
        const result = await inPostingTransaction((tx) => reverseEntryInTx(tx, { entryId: input.id, reason, idempotencyKey: input.idempotencyKey }, { origin, today: today(), ledgerStartDate }));
        if (!result.replayed) options.onPosted?.();
        return committed({ entry: result.entry, approvalRequest: null });
      }
      const original = await readableEntry(identity, await findEntry(database.db, input.id));
      if (!original) throw new EntryNotFoundError(input.id);
      await assertMaker(identity, original.officeCode, []);
      if (original.reversesEntryId !== null) throw new ReversalNotReversibleError(original.id);
      const reversal = await findReversalOf(database.db, original.id);
      if (reversal) throw new AlreadyReversedError(original.id, reversal.id);
      const payload = reversePayload({ entryId: original.id, reason, idempotencyKey: input.idempotencyKey });
      const summary = reverseSummary({ entryId: original.id, officeCode: original.officeCode, description: original.description, reason });
      const request = await approvalsClient().submit({ summary, payload, officeCode: original.officeCode, makerId: identity.staffId }, context.requestId);
      return { entry: null, approvalRequest: { id: request.id } };
    },

    async placeHold(context: SignedRequestContext, command: PlaceHoldCommand): Promise<HoldRecord> {
      requireService(context.identity, 'placing a hold');
      const origin: PostingOrigin = { actor: ledgerActor(context.identity), manual: false };
      return committed((await inPostingTransaction((tx) => placeHoldInTx(tx, command, origin, clock()))).hold);
    },

    async captureHold(context: SignedRequestContext, command: CaptureHoldCommand): Promise<JournalEntryRecord> {
      requireService(context.identity, 'capturing a hold');
      if (!isUuid(command.holdId)) throw new HoldNotFoundError(shownId(command.holdId));
      const origin: PostingOrigin = { actor: ledgerActor(context.identity), manual: false };
      if (command.effectiveDate != null && !isCalendarDate(command.effectiveDate)) throw new BadUserInputError('effectiveDate', 'effectiveDate must be a date, YYYY-MM-DD');
      const result = await inPostingTransaction((tx) => captureHoldInTx(tx, command, { origin, today: today(), ledgerStartDate, now: clock() }));
      if (!result.replayed) options.onPosted?.();
      return committed(result.entry);
    },

    async voidHold(context: SignedRequestContext, id: string, reason: string): Promise<HoldRecord> {
      requireService(context.identity, 'voiding a hold');
      if (!isUuid(id)) throw new HoldNotFoundError(shownId(id));
      const origin: PostingOrigin = { actor: ledgerActor(context.identity), manual: false };
      return committed(await inPostingTransaction((tx) => voidHoldInTx(tx, id, reason, { origin, now: clock() })));
    },

    async getEntry(identity: Identity, id: string): Promise<JournalEntryRecord | null> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (!isUuid(id)) return null;
      return readableEntry(identity, (await loaders.entries.load(id)) ?? undefined);
    },

    /** For resolving many entity references at once (money orders listing their entries). */
    async getEntries(identity: Identity, ids: readonly string[]): Promise<Array<JournalEntryRecord | null>> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const found = await Promise.all(ids.filter((id) => isUuid(id)).map((id) => loaders.entries.load(id)));
      const byId = new Map(found.filter((entry) => entry !== null).map((entry) => [entry.id, entry]));
      return Promise.all(ids.map((id) => readableEntry(identity, byId.get(id))));
    },

    async reversalOf(identity: Identity, entryId: string): Promise<JournalEntryRecord | null> {
      const reversalId = await loaders.reversals.load(entryId);
      return reversalId ? this.getEntry(identity, reversalId) : null;
    },

    async getHold(identity: Identity, id: string): Promise<HoldRecord | null> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (!isUuid(id)) return null;
      const hold = await findHold(database.db, id);
      if (!hold) return null;
      if (identity.kind !== 'service') {
        const path = await officePath(hold.officeCode);
        if (path === undefined || !can(identity, 'ledger.read', path)) return null;
      }
      const { requestHash: _hash, ...record } = hold;
      return record;
    },

    /**
     * Entries newest first, in the caller's ledger.read scope, filtered in SQL; keyset pages on the journal sequence.
     * An office filter takes the office's subtree.
     */
    async listEntries(identity: Identity, filter: JournalEntryFilter, first?: number | null, after?: string | null): Promise<Connection<JournalEntryRecord>> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const size = pageSize(first);
      const cursor = decodeCursor(after, 1);
      for (const field of ['from', 'to'] as const) {
        const value = filter[field];
        if (value != null && !isCalendarDate(value)) throw new BadUserInputError(field, `${field} must be a date, YYYY-MM-DD`);
      }
      let underPath: string | undefined;
      if (filter.officeCode) {
        underPath = await officePath(filter.officeCode);
        if (underPath === undefined) return toConnection([], size, () => []);
      }
      let beforeSeq: number | undefined;
      if (cursor) {
        beforeSeq = Number(cursor[0]);
        if (!Number.isSafeInteger(beforeSeq)) throw new BadUserInputError('after', 'the cursor is not one this API issued');
      }
      const rows = await listEntryIds(database.db, { reader: identity, filter, underPath, beforeSeq, limit: size + 1 });
      const entries = new Map((await findEntriesByIds(database.db, rows.map((row) => row.id))).map((entry) => [entry.id, entry]));
      for (const entry of entries.values()) loaders.entries.prime(entry.id, entry);
      return toConnection(
        rows.map((row) => entries.get(row.id)!),
        size,
        (entry) => [String(entry.seq)],
      );
    },
  };
}

/** An id that is not a UUID, as the not-found error repeats it: cut short, so a 100 kB id is not echoed back. */
const shownId = (id: string) => (id.length > 40 ? `${id.slice(0, 40)}...` : id);

export type JournalService = ReturnType<typeof createJournalService>;
