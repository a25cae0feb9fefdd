import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import type { Tx } from '@postal/db';
import { createApprovalExecutor as createOwnerExecutor, type ApprovalKindHandler, type ApprovedRequest } from '@postal/server';
import { outbox, processedEvents } from '../db-schema.js';
import type { LedgerActor, PostingOrigin } from '../journal/model.js';
import { postEntryInTx, reverseEntryInTx, type PostResult } from '../journal/posting.js';
import { commandOf, parseManualJournalPayload, type ManualJournalPayload } from './payload.js';

/** Where accounts hears `approval.decided` (the event catalogue routes it here as well as to administration). */
export const APPROVALS_QUEUE = 'accounts.approvals';

/**
 * The processed_events key space for approval requests (not events): a request id recorded here has been acted on.
 * consumeIdempotently makes each event id count once; this makes each request count once, whatever event carries it,
 * so a request that FAILED (say, the account was frozen) is not posted by a later copy of its event once the account
 * reopens, behind the inbox's back.
 */
export const APPROVAL_REQUESTS_KEY = 'accounts.approvals/requests';

export interface ApprovalExecutorOptions {
  /** IDENTITY_SECRET: the key of the payload MAC checked before execution. */
  identitySecret: string;
  clock?: () => Date;
  /** The operator's time zone: the business date an approved entry is checked against. */
  timeZone?: string;
  /** LEDGER_START_DATE: no entry is dated before it. */
  ledgerStartDate?: string | undefined;
}

/**
 * Executes approved manual journals (kind MANUAL_JOURNAL, owned by accounts), inside consumeIdempotently's
 * transaction, and reports each one back to the inbox with `approval.executed`. The owner's rules (other owners' and
 * undecided requests ignored, each request once, the payload's MAC checked as PAYLOAD_TAMPERED and its shape as
 * PAYLOAD_INVALID, a refusal rolled back to a savepoint and reported FAILED, any other error retried) are the shared
 * ones of @postal/server createApprovalExecutor; this says what a manual journal is.
 * - The ledger's rules are checked again as the entry is posted: a rule that no longer holds (the account was frozen
 *   meanwhile, the day was closed) is an ExpectedError, reported FAILED with its code.
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

  const manualJournal: ApprovalKindHandler<ManualJournalPayload> = {
    description: 'a manual journal',
    parse: parseManualJournalPayload,
    async execute(tx, payload, request: ApprovedRequest) {
      const checker: LedgerActor = { kind: 'staff', id: request.checker.id, username: request.checker.username };
      const origin: PostingOrigin = {
        actor: { kind: 'staff', id: request.maker.id, username: request.maker.username },
        manual: true,
        approvedBy: checker,
        approvalRequestId: request.requestId,
      };
      const { entry, replayed } = await execute(tx, payload, origin, businessDate(clock(), timeZone));
      const reverses = entry.reversesEntryId ? { reversesEntryId: entry.reversesEntryId } : {};
      return {
        result: { entryId: entry.id, ...reverses },
        audit: {
          action: 'MANUAL_JOURNAL_POSTED',
          target: { type: 'JournalEntry', id: entry.id },
          officeCode: entry.officeCode,
          after: {
            operation: payload.operation,
            entryId: entry.id,
            effectiveDate: entry.effectiveDate,
            ...reverses,
            // The idempotency key had already posted this entry (the maker reused a key): nothing new was written.
            ...(replayed ? { replayed: true } : {}),
          },
        },
      };
    },
    failure: { action: 'MANUAL_JOURNAL_FAILED', after: (payload) => (payload ? { operation: payload.operation } : {}) },
  };

  return createOwnerExecutor({
    subgraph: 'accounts',
    queue: APPROVALS_QUEUE,
    requestsKey: APPROVAL_REQUESTS_KEY,
    identitySecret: options.identitySecret,
    outboxTables: { outbox, processedEvents },
    clock,
    kinds: { MANUAL_JOURNAL: manualJournal },
  });
}
