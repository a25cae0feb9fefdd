import type { SignedRequestContext } from '@postal/auth';
import type { Tx } from '@postal/db';
import type { AnyEvent, TypedEvent } from '@postal/events';
import { isExpectedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { auditEvent } from '../audit/events.js';
import { outbox, processedEvents } from '../db-schema.js';
import { PayloadTamperedError } from './errors.js';
import { requestSummary, systemContext } from './events.js';
import type { ApprovalKind } from './kinds.js';
import type { ApprovalRequestRecord } from './model.js';
import { payloadIntact } from './payload.js';
import { findApprovalRequest, markExecuted } from './repository.js';

/** Where administration hears `approval.decided` (it owns ROLE_GRANT) and `approval.executed` (other owners' results). */
export const APPROVALS_QUEUE = 'administration.approvals';
export const APPROVAL_RESULTS_QUEUE = 'administration.approval-results';

export interface ExecutionContext {
  /** The context for audit events: the system, carrying the id of the request that approved the command. */
  context: SignedRequestContext;
  now: Date;
}

/**
 * Executes one approved command of a kind administration owns, in the consumer's transaction, and answers its result.
 * It re-checks the command's rules: an ExpectedError means they no longer hold, and the request is recorded FAILED
 * with that code. Any other error is a fault: it rolls the delivery back and the queue retries it.
 */
export type LocalExecutor = (tx: Tx, request: ApprovalRequestRecord, execution: ExecutionContext) => Promise<Record<string, unknown>>;

const outboxTables = { outbox, processedEvents };

export interface ApprovalConsumerOptions {
  clock: () => Date;
  /** IDENTITY_SECRET: the payload MAC is checked again before anything is executed. */
  identitySecret: string;
  executors: Partial<Record<ApprovalKind, LocalExecutor>>;
}

/**
 * The two consumers of the approvals inbox. Each runs inside consumeIdempotently's transaction (one effect per event
 * id), locks the request row, and moves it APPROVED -> EXECUTED/FAILED with a conditional update; a second event for
 * the same request (a replay under a new event id, a late duplicate) finds it already executed and does nothing.
 */
export function createApprovalConsumers(options: ApprovalConsumerOptions) {
  const { clock, executors } = options;

  async function record(
    tx: Tx,
    request: ApprovalRequestRecord,
    context: SignedRequestContext,
    outcome: { status: 'EXECUTED' | 'FAILED'; result: Record<string, unknown> },
  ): Promise<void> {
    const executed = await markExecuted(tx, request.id, { ...outcome, executedAt: clock() });
    if (!executed) throw new Error(`approval request ${request.id} left APPROVED while locked`);
    const failed = outcome.status === 'FAILED';
    await stageEvents(tx, outboxTables, [
      auditEvent(context, {
        action: failed ? 'APPROVAL_EXECUTION_FAILED' : 'APPROVAL_EXECUTED',
        outcome: failed ? 'FAILURE' : 'SUCCESS',
        target: { type: 'ApprovalRequest', id: request.id },
        officeCode: request.officeCode,
        ...(failed && typeof outcome.result.code === 'string' ? { reason: outcome.result.code } : {}),
        before: requestSummary(request),
        after: { ...requestSummary(executed), result: outcome.result },
      }),
    ]);
  }

  /** Locks the request and says whether there is still something to do; a request in any other state is a fault. */
  async function lockApproved(tx: Tx, requestId: string): Promise<ApprovalRequestRecord | undefined> {
    const request = await findApprovalRequest(tx, requestId, { forUpdate: true });
    if (!request) throw new Error(`approval request ${requestId} does not exist`);
    if (request.status === 'EXECUTED' || request.status === 'FAILED') return undefined;
    if (request.status !== 'APPROVED') throw new Error(`approval request ${requestId} is ${request.status}, not APPROVED`);
    return request;
  }

  async function onDecided(tx: Tx, event: AnyEvent): Promise<void> {
    if (event.type !== 'approval.decided') throw new Error(`${APPROVALS_QUEUE} does not take ${event.type} events`);
    const decided = (event as TypedEvent<'approval.decided'>).payload;
    // Other owners' kinds are theirs to execute; REJECTED and EXPIRED ask nothing of administration's own kinds.
    if (decided.subgraph !== 'administration' || decided.decision !== 'APPROVED') return;
    const executor = executors[decided.kind];
    if (!executor) throw new Error(`administration has no executor for ${decided.kind}`);
    const request = await lockApproved(tx, decided.requestId);
    if (!request) return;
    const context = systemContext(event.requestId ?? event.id);
    // Exactly what was approved, or nothing: the event's MAC and the stored one must agree, and the stored MAC must be
    // the stored payload's (a plain hash recomputed by whoever altered the payload is not).
    if (decided.payloadHash !== request.payloadHash || !payloadIntact(options.identitySecret, request)) {
      const tampered = new PayloadTamperedError();
      await record(tx, request, context, { status: 'FAILED', result: { code: tampered.code, message: tampered.message } });
      return;
    }
    try {
      // A savepoint: a refused execution leaves none of its writes behind, only the FAILED record below.
      const result = await tx.transaction((savepoint) => executor(savepoint, request, { context, now: clock() }));
      await record(tx, request, context, { status: 'EXECUTED', result });
    } catch (error) {
      if (!isExpectedError(error)) throw error;
      await record(tx, request, context, { status: 'FAILED', result: { code: error.code, message: error.message } });
    }
  }

  /**
   * Another owner's report. It must come from the kind's owner and name the hash that was approved; anything else is
   * a fault worth a human's attention, so it is refused loudly (the event ends in the queue's failed set).
   */
  async function onExecuted(tx: Tx, event: AnyEvent): Promise<void> {
    if (event.type !== 'approval.executed') throw new Error(`${APPROVAL_RESULTS_QUEUE} does not take ${event.type} events`);
    const reported = (event as TypedEvent<'approval.executed'>).payload;
    const request = await lockApproved(tx, reported.requestId);
    if (!request) return;
    if (event.source !== request.subgraph || reported.kind !== request.kind) {
      throw new Error(`${event.source} reported on ${request.kind} request ${request.id}, which ${request.subgraph} owns`);
    }
    if (reported.payloadHash !== request.payloadHash) throw new Error(`${event.source} executed a payload other than the approved one for ${request.id}`);
    await record(tx, request, systemContext(event.requestId ?? event.id), {
      status: reported.outcome,
      result: { ...reported.result, reportedExecutedAt: reported.executedAt },
    });
  }

  return { [APPROVALS_QUEUE]: onDecided, [APPROVAL_RESULTS_QUEUE]: onExecuted };
}
