import { verifyApprovalPayloadMac, type SignedRequestContext } from '@postal/auth';
import type { Tx } from '@postal/db';
import { newEvent, type AnyEvent, type ApprovalDecidedPayload, type ApprovalKind, type TypedEvent } from '@postal/events';
import { ExpectedError, isExpectedError } from '@postal/errors';
import { stageEvents, type OutboxTables } from '@postal/outbox';
import { auditEvent, type AuditRecordInput } from './audit.js';

/*
 * The owner's side of maker-checker, shared by every subgraph that executes approval requests (accounts' manual
 * journals, money-orders' refunds and tariff changes): hear `approval.decided`, act on each APPROVED request of its
 * own kinds exactly once and exactly as approved, and report `approval.executed` with an audit record. What a kind
 * does is the subgraph's (an ApprovalKindHandler); the rules around it are here so they cannot drift apart.
 */

/** The approved payload no longer carries the MAC the checker approved: nothing is executed. */
export class ApprovalPayloadTamperedError extends ExpectedError {
  constructor() {
    super('PAYLOAD_TAMPERED', 'the approved payload does not match its hash; nothing was executed');
  }
}

/** The approved payload is not one this release can execute. */
export class ApprovalPayloadInvalidError extends ExpectedError {
  constructor(kindDescription: string, problem: string) {
    super('PAYLOAD_INVALID', `the approved payload is not ${kindDescription}: ${problem}`);
  }
}

export type ApprovalPayloadParse<Payload> = { ok: true; payload: Payload } | { ok: false; problem: string };

/** The request as the owner acts on it: approved, so it names its checker. */
export type ApprovedRequest = ApprovalDecidedPayload & { checker: NonNullable<ApprovalDecidedPayload['checker']> };

/** Maker, checker and request: in every audit record of an execution, success or failure. */
export interface ApprovalParties {
  approvalRequestId: string;
  maker: string;
  checker: string;
}

export interface ApprovalExecution {
  /** approval.executed's result (e.g. the entry or version it produced). */
  result: Record<string, unknown>;
  /** The audit record of the success; its `after` gets the parties added. */
  audit: Omit<AuditRecordInput, 'outcome'>;
}

/** What one kind means to its owner. */
export interface ApprovalKindHandler<Payload> {
  /** 'a manual journal', 'a tariff change': the PAYLOAD_INVALID message names it. */
  description: string;
  /** Reads the approved payload back; the problem names the first offending field. */
  parse(payload: Record<string, unknown>): ApprovalPayloadParse<Payload>;
  /**
   * Does it, inside a savepoint of the delivery's transaction. An ExpectedError (a rule that no longer holds) undoes
   * the savepoint and is reported FAILED with its code; any other error is a fault, and the delivery is retried.
   */
  execute(tx: Tx, payload: Payload, request: ApprovedRequest, context: { requestId: string }): Promise<ApprovalExecution>;
  /** The audit action of a FAILED execution, and what else its `after` says (the payload when it was readable). */
  failure: { action: string; target?: { type: string; id: string }; after?(payload: Payload | undefined): Record<string, unknown> };
}

export interface ApprovalExecutorOptions {
  /** The owning subgraph ('accounts', 'money-orders'): requests of other owners are ignored. */
  subgraph: string;
  /** The queue it consumes, for the fault message when another event type arrives. */
  queue: string;
  /**
   * The processed_events consumer name that records requests (not events) acted on. consumeIdempotently makes each
   * event id count once; this makes each request count once whatever event carries it, so a request that FAILED is
   * not executed by a later copy of its event behind the inbox's back.
   */
  requestsKey: string;
  /** IDENTITY_SECRET: the key of the payload MAC checked before anything is executed. */
  identitySecret: string;
  outboxTables: OutboxTables;
  clock: () => Date;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own payload type
  kinds: Partial<Record<ApprovalKind, ApprovalKindHandler<any>>>;
  /**
   * Codes of ExpectedErrors that are not a rule saying no but a dependency not answering now (default
   * DEPENDENCY_UNAVAILABLE): rethrown, so the delivery is retried instead of failing an approved request for good.
   */
  retryCodes?: readonly string[];
}

type Outcome<Payload> = { status: 'EXECUTED'; execution: ApprovalExecution } | { status: 'FAILED'; error: ExpectedError; payload?: Payload };

/**
 * The approval.decided consumer of one owning subgraph, run inside consumeIdempotently's transaction:
 * - other owners' requests, other kinds, and REJECTED or EXPIRED ones: ignored;
 * - each request acted on once (requestsKey), whatever event carries it;
 * - exactly what was approved: the payload's MAC is checked (PAYLOAD_TAMPERED) and the payload read by the kind
 *   (PAYLOAD_INVALID) before anything runs;
 * - the result, EXECUTED or FAILED with the code, goes back to the inbox as approval.executed, with an audit record,
 *   in the same transaction.
 */
export function createApprovalExecutor(options: ApprovalExecutorOptions) {
  const retryCodes = new Set(options.retryCodes ?? ['DEPENDENCY_UNAVAILABLE']);

  async function attempt<Payload>(tx: Tx, handler: ApprovalKindHandler<Payload>, request: ApprovedRequest, requestId: string): Promise<Outcome<Payload>> {
    if (!verifyApprovalPayloadMac(options.identitySecret, request.kind, request.payload, request.payloadHash)) {
      return { status: 'FAILED', error: new ApprovalPayloadTamperedError() };
    }
    const parsed = handler.parse(request.payload);
    if (!parsed.ok) return { status: 'FAILED', error: new ApprovalPayloadInvalidError(handler.description, parsed.problem) };
    try {
      // A savepoint: a refused execution leaves none of its writes behind, only the FAILED report.
      const execution = await tx.transaction((savepoint) => handler.execute(savepoint, parsed.payload, request, { requestId }));
      return { status: 'EXECUTED', execution };
    } catch (error) {
      if (!isExpectedError(error) || retryCodes.has(error.code)) throw error;
      return { status: 'FAILED', error, payload: parsed.payload };
    }
  }

  return async function onApprovalDecided(tx: Tx, event: AnyEvent): Promise<void> {
    if (event.type !== 'approval.decided') throw new Error(`${options.queue} does not take ${event.type} events`);
    const decided = (event as TypedEvent<'approval.decided'>).payload;
    const handler = options.kinds[decided.kind];
    if (decided.subgraph !== options.subgraph || !handler || decided.decision !== 'APPROVED') return;
    // The inbox never approves without a checker; an event that says otherwise is a fault for a human to look at.
    if (!decided.checker) throw new Error(`approval request ${decided.requestId} is APPROVED but names no checker`);
    if (!(await claimRequest(tx, options, decided.requestId))) return;
    const request = decided as ApprovedRequest;
    const context: SignedRequestContext = {
      identity: { kind: 'service', service: options.subgraph },
      requestId: event.requestId ?? event.id,
      clientAddress: undefined,
    };
    const outcome = await attempt(tx, handler, request, context.requestId);
    const parties: ApprovalParties = { approvalRequestId: request.requestId, maker: request.maker.username, checker: request.checker.username };
    const executed = (outcome: 'EXECUTED' | 'FAILED', result: Record<string, unknown>) =>
      newEvent(
        'approval.executed',
        { requestId: request.requestId, kind: request.kind, payloadHash: request.payloadHash, outcome, result, executedAt: options.clock().toISOString() },
        { source: options.subgraph, requestId: context.requestId },
      );
    if (outcome.status === 'EXECUTED') {
      const { result, audit } = outcome.execution;
      await stageEvents(tx, options.outboxTables, [
        executed('EXECUTED', result),
        auditEvent(options.subgraph, context, { ...audit, outcome: 'SUCCESS', after: { ...parties, ...audit.after } } as AuditRecordInput),
      ]);
      return;
    }
    const { code, message } = outcome.error;
    await stageEvents(tx, options.outboxTables, [
      executed('FAILED', { code, message }),
      auditEvent(options.subgraph, context, {
        action: handler.failure.action,
        outcome: 'FAILURE',
        target: handler.failure.target ?? { type: 'ApprovalRequest', id: request.requestId },
        officeCode: request.officeCode,
        reason: code,
        after: { ...parties, ...handler.failure.after?.(outcome.payload), code, message },
      }),
    ]);
  };
}

/**
 * Records that this request is being acted on; false when it already was (under any event id). A concurrent delivery
 * of another copy waits on the uncommitted row and then finds it, as consumeIdempotently's own insert does.
 */
async function claimRequest(tx: Tx, options: ApprovalExecutorOptions, requestId: string): Promise<boolean> {
  const { processedEvents } = options.outboxTables;
  const claimed = await tx
    .insert(processedEvents)
    .values({ consumer: options.requestsKey, eventId: requestId })
    .onConflictDoNothing()
    .returning({ eventId: processedEvents.eventId });
  return claimed.length > 0;
}
