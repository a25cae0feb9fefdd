import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, can, scopeCondition, withinTree } from '@postal/authz';
import { businessDate, DEFAULT_TIME_ZONE, isCalendarDate } from '@postal/calendar';
import { transaction, type Database, type Tx } from '@postal/db';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { isUuid } from '@postal/validation';
import { and, desc, eq, exists, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { ApprovalsClient } from '../approvals/administration-client.js';
import { postPayload, postSummary, reversePayload, reverseSummary } from '../approvals/payload.js';
import { findKnownOfficePath } from '../ledger-accounts/repository.js';
import { knownOffices } from '../ledger-accounts/tables.js';
import { AccountFactsCache } from './account-facts.js';
import { ledgerActor } from './actor.js';
import { LIMITS } from './domain.js';
import { AlreadyReversedError, EntryNotFoundError, IdempotencyConflictError, OfficeNotFoundError, ReversalNotReversibleError } from './errors.js';
import { captureHoldInTx, placeHoldInTx, voidHoldInTx, type CaptureHoldCommand, type PlaceHoldCommand } from './holds.js';
import type { HoldRecord, JournalEntryRecord, PostEntryCommand, PostingOrigin } from './model.js';
import { checkCommand, postEntriesInTx, postEntryInTx, reverseEntryInTx, type PostResult } from './posting.js';
import { findEntriesByIds, findEntriesByKeys, findEntry, findHold, findReversalOf } from './repository.js';
import { journalEntries, postings } from './tables.js';

/** What posting answered: a service's entry, or a person's manual journal waiting in the approvals inbox. */
export interface PostingOutcome {
  entry: JournalEntryRecord | null;
  approvalRequest: { id: string } | null;
}

export interface JournalEntryFilter {
  officeCode?: string | null;
  accountCode?: string | null;
  sourceType?: string | null;
  sourceReference?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface JournalServiceOptions {
  clock?: () => Date;
  /** The approvals inbox (administration), where a person's manual journal waits for its checker. */
  approvals?: ApprovalsClient;
  /** Told after postings commit, so the sealer chains them soon rather than at its next tick. */
  onPosted?: () => void;
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
  const facts = new AccountFactsCache();

  async function officePath(officeCode: string): Promise<string | undefined> {
    return findKnownOfficePath(database.db, officeCode);
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
    const result = await inPostingTransaction((tx) => postEntryInTx(tx, command, { origin, today: today(), facts }));
    if (!result.replayed) options.onPosted?.();
    return result;
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
      const { checked, accounts } = await inPostingTransaction((tx) => checkCommand(tx, command, { manual: true, today: date }));
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
      const results = await inPostingTransaction((tx) => postEntriesInTx(tx, commands, { origin, today: today() }));
      if (results.some((result) => !result.replayed)) options.onPosted?.();
      return results;
    },

    async reverseJournalEntry(context: SignedRequestContext, input: { id: string; reason: string; idempotencyKey: string }): Promise<PostingOutcome> {
      const { identity } = context;
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const reason = input.reason?.trim() ?? '';
      if (reason.length === 0 || reason.length > LIMITS.reason) throw new BadUserInputError('reason', `a reason is 1 to ${LIMITS.reason} characters`);
      if (identity.kind === 'service') {
        const origin: PostingOrigin = { actor: ledgerActor(identity), manual: false };
        const result = await inPostingTransaction((tx) => reverseEntryInTx(tx, { entryId: input.id, reason, idempotencyKey: input.idempotencyKey }, { origin, today: today() }));
        if (!result.replayed) options.onPosted?.();
        return { entry: result.entry, approvalRequest: null };
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
      return (await inPostingTransaction((tx) => placeHoldInTx(tx, command, origin, clock()))).hold;
    },

    async captureHold(context: SignedRequestContext, command: CaptureHoldCommand): Promise<JournalEntryRecord> {
      requireService(context.identity, 'capturing a hold');
      const origin: PostingOrigin = { actor: ledgerActor(context.identity), manual: false };
      if (command.effectiveDate != null && !isCalendarDate(command.effectiveDate)) throw new BadUserInputError('effectiveDate', 'effectiveDate must be a date, YYYY-MM-DD');
      const result = await inPostingTransaction((tx) => captureHoldInTx(tx, command, { origin, today: today(), now: clock() }));
      if (!result.replayed) options.onPosted?.();
      return result.entry;
    },

    async voidHold(context: SignedRequestContext, id: string, reason: string): Promise<HoldRecord> {
      requireService(context.identity, 'voiding a hold');
      const origin: PostingOrigin = { actor: ledgerActor(context.identity), manual: false };
      return inPostingTransaction((tx) => voidHoldInTx(tx, id, reason, { origin, now: clock() }));
    },

    async getEntry(identity: Identity, id: string): Promise<JournalEntryRecord | null> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (!isUuid(id)) return null;
      return readableEntry(identity, await findEntry(database.db, id));
    },

    /** For resolving many entity references at once (money orders listing their entries). */
    async getEntries(identity: Identity, ids: readonly string[]): Promise<Array<JournalEntryRecord | null>> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const found = new Map((await findEntriesByIds(database.db, ids.filter((id) => isUuid(id)))).map((entry) => [entry.id, entry]));
      return Promise.all(ids.map((id) => readableEntry(identity, found.get(id))));
    },

    async reversalOf(identity: Identity, entryId: string): Promise<JournalEntryRecord | null> {
      const reversal = await findReversalOf(database.db, entryId);
      return reversal ? this.getEntry(identity, reversal.id) : null;
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
      const conditions: SQL[] = [scopeCondition(identity, 'ledger.read', knownOffices.path)];
      if (filter.officeCode) {
        const path = await officePath(filter.officeCode);
        if (path === undefined) return toConnection([], size, () => []);
        conditions.push(withinTree(knownOffices.path, path));
      }
      if (filter.sourceType) conditions.push(eq(journalEntries.sourceType, filter.sourceType));
      if (filter.sourceReference) conditions.push(eq(journalEntries.sourceReference, filter.sourceReference));
      if (filter.from) conditions.push(gte(journalEntries.effectiveDate, filter.from));
      if (filter.to) conditions.push(lte(journalEntries.effectiveDate, filter.to));
      if (filter.accountCode) {
        conditions.push(
          exists(
            database.db
              .select({ one: sql`1` })
              .from(postings)
              .where(and(eq(postings.entryId, journalEntries.id), eq(postings.accountCode, filter.accountCode))),
          ),
        );
      }
      if (cursor) {
        const seq = Number(cursor[0]);
        if (!Number.isSafeInteger(seq)) throw new BadUserInputError('after', 'the cursor is not one this API issued');
        conditions.push(lt(journalEntries.seq, seq));
      }
      const rows = await database.db
        .select({ id: journalEntries.id, seq: journalEntries.seq })
        .from(journalEntries)
        .innerJoin(knownOffices, eq(knownOffices.code, journalEntries.officeCode))
        .where(and(...conditions))
        .orderBy(desc(journalEntries.seq))
        .limit(size + 1);
      const entries = new Map((await findEntriesByIds(database.db, rows.map((row) => row.id))).map((entry) => [entry.id, entry]));
      return toConnection(
        rows.map((row) => entries.get(row.id)!),
        size,
        (entry) => [String(entry.seq)],
      );
    },
  };
}


export type JournalService = ReturnType<typeof createJournalService>;
