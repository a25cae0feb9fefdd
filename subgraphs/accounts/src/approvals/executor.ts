import type { SignedRequestContext } from '@postal/auth';
import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import type { Tx } from '@postal/db';
import { newEvent, type AnyEvent, type ApprovalDecidedPayload, type TypedEvent } from '@postal/events';
import { isExpectedError, type ExpectedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { auditEvent } from '@postal/server';
import { outbox, processedEvents } from '../db-schema.js';
import type { JournalEntryRecord, LedgerActor, PostingOrigin } from '../journal/model.js';
import { postEntryInTx, reverseEntryInTx, type PostResult } from '../journal/posting.js';
import { PayloadInvalidError, PayloadTamperedError } from './errors.js';
import { commandOf, parseManualJournalPayload, payloadIntact, type ManualJournalPayload } from './payload.js';

/** Where accounts hears `approval.decided` (the event catalogue routes it here as well as to administration). */
export const APPROVALS_QUEUE = 'accounts.approvals';

/**
 * The processed_events key space for approval requests (not events): a request id recorded here has been acted on.
 * consumeIdempotently makes each event id count once; this makes each request count once, whatever event carries it,
 * so a request that FAILED (say, the account was frozen) is not posted by a later copy of its event once the account
 * reopens, behind the inbox's back.
 */
export const APPROVAL_REQUESTS_KEY = 'accounts.approvals/requests';

const outboxTables = { outbox, processedEvents };

export interface ApprovalExecutorOptions {
  /** IDENTITY_SECRET: the key of the payload MAC checked before execution. */
  identitySecret: string;
  clock?: () => Date;
  /** The operator's time zone: the business date an approved entry is checked against. */
  timeZone?: string;
  /** LEDGER_START_DATE: no entry is dated before it. */
  ledgerStartDate?: string | undefined;
}

type Outcome =
  | { status: 'EXECUTED'; entry: JournalEntryRecord; replayed: boolean; operation: ManualJournalPayload['operation'] }
  | { status: 'FAILED'; error: ExpectedError; operation?: ManualJournalPayload['operation'] };

/**
 * Executes approved manual journals (kind MANUAL_JOURNAL, owned by accounts), inside consumeIdempotently's
 * transaction, and reports each one back to the inbox with `approval.executed`.
 * - Other owners' requests, and REJECTED or EXPIRED ones, ask nothing of accounts: ignored.
 * - Exactly what was approved or nothing: the payload's MAC (keyed from IDENTITY_SECRET) is checked against the
 *   approved one (PAYLOAD_TAMPERED), and must be a manual journal this code can execute (PAYLOAD_INVALID).
 * - The ledger's rules are checked again as the entry is posted: a rule that no longer holds (the account was frozen
 *   meanwhile, the day was closed) is an ExpectedError, rolled back to a savepoint, and reported FAILED with its code.
 * - Any other error is a fault: it rolls the delivery back and the queue retries it.
 */
export function createApprovalExecutor(options: ApprovalExecutorOptions) {
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;

  async function execute(tx: Tx, payload: ManualJournalPayload, origin: PostingOrigin, today: string): Promise<PostResult> {
    switch (payload.operation) {
      case 'POST':
        return postEntryInTx(tx, commandOf(payload), { origin, today, ledgerStartDate: options.ledgerStartDate });
      case 'REVERSE':
        return reverseEntryInTx(tx, { entryId: payload.entryId, reason: payload.reason, idempotencyKey: payload.idempotencyKey }, { origin, today });
    }
  }

  async function attempt(tx: Tx, decided: ApprovalDecidedPayload, checker: LedgerActor): Promise<Outcome> {
    if (!payloadIntact(options.identitySecret, decided.kind, decided.payload, decided.payloadHash)) {
      return { status: 'FAILED', error: new PayloadTamperedError() };
    }
    const parsed = parseManualJournalPayload(decided.payload);
    if (!parsed.ok) return { status: 'FAILED', error: new PayloadInvalidError(parsed.problem) };
    const { payload } = parsed;
    const origin: PostingOrigin = {
      actor: { kind: 'staff', id: decided.maker.id, username: decided.maker.username },
      manual: true,
      approvedBy: checker,
      approvalRequestId: decided.requestId,
    };
    try {
      // A savepoint: a refused execution leaves none of its writes behind, only the FAILED report below.
      const { entry, replayed } = await tx.transaction((savepoint) => execute(savepoint, payload, origin, businessDate(clock(), timeZone)));
      return { status: 'EXECUTED', entry, replayed, operation: payload.operation };
    } catch (error) {
      if (!isExpectedError(error)) throw error;
      return { status: 'FAILED', error, operation: payload.operation };
    }
  }

  return async function onApprovalDecided(tx: Tx, event: AnyEvent): Promise<void> {
    if (event.type !== 'approval.decided') throw new Error(`${APPROVALS_QUEUE} does not take ${event.type} events`);
    const decided = (event as TypedEvent<'approval.decided'>).payload;
    if (decided.subgraph !== 'accounts' || decided.kind !== 'MANUAL_JOURNAL' || decided.decision !== 'APPROVED') return;
    // The inbox never approves without a checker; an event that says otherwise is a fault for a human to look at.
    if (!decided.checker) throw new Error(`approval request ${decided.requestId} is APPROVED but names no checker`);
    if (!(await claimRequest(tx, decided.requestId))) return;
    const checker: LedgerActor = { kind: 'staff', id: decided.checker.id, username: decided.checker.username };
    const outcome = await attempt(tx, decided, checker);
    const context: SignedRequestContext = {
      identity: { kind: 'service', service: 'accounts' },
      requestId: event.requestId ?? event.id,
      clientAddress: undefined,
    };
    const parties = { approvalRequestId: decided.requestId, maker: decided.maker.username, checker: decided.checker.username };
    const executedAt = clock().toISOString();
    if (outcome.status === 'EXECUTED') {
      const { entry } = outcome;
      const result = { entryId: entry.id, ...(entry.reversesEntryId ? { reversesEntryId: entry.reversesEntryId } : {}) };
      await stageEvents(tx, outboxTables, [
        newEvent(
          'approval.executed',
          { requestId: decided.requestId, kind: decided.kind, payloadHash: decided.payloadHash, outcome: 'EXECUTED', result, executedAt },
          { source: 'accounts', requestId: context.requestId },
        ),
        auditEvent('accounts', context, {
          action: 'MANUAL_JOURNAL_POSTED',
          outcome: 'SUCCESS',
          target: { type: 'JournalEntry', id: entry.id },
          officeCode: entry.officeCode,
          after: {
            ...parties,
            operation: outcome.operation,
            entryId: entry.id,
            effectiveDate: entry.effectiveDate,
            ...(entry.reversesEntryId ? { reversesEntryId: entry.reversesEntryId } : {}),
            // The idempotency key had already posted this entry (the maker reused a key): nothing new was written.
            ...(outcome.replayed ? { replayed: true } : {}),
          },
        }),
      ]);
      return;
    }
    const { code, message } = outcome.error;
    await stageEvents(tx, outboxTables, [
      newEvent(
        'approval.executed',
        { requestId: decided.requestId, kind: decided.kind, payloadHash: decided.payloadHash, outcome: 'FAILED', result: { code, message }, executedAt },
        { source: 'accounts', requestId: context.requestId },
      ),
      auditEvent('accounts', context, {
        action: 'MANUAL_JOURNAL_FAILED',
        outcome: 'FAILURE',
        target: { type: 'ApprovalRequest', id: decided.requestId },
        officeCode: decided.officeCode,
        reason: code,
        after: { ...parties, ...(outcome.operation ? { operation: outcome.operation } : {}), code, message },
      }),
    ]);
  };
}

/**
 * Records that this request is being acted on; false when it already was (under any event id). A concurrent delivery
 * of another copy waits on the uncommitted row and then finds it, as consumeIdempotently's own insert does.
 */
async function claimRequest(tx: Tx, requestId: string): Promise<boolean> {
  const claimed = await tx
    .insert(processedEvents)
    .values({ consumer: APPROVAL_REQUESTS_KEY, eventId: requestId })
    .onConflictDoNothing()
    .returning({ eventId: processedEvents.eventId });
  return claimed.length > 0;
}
