import type { SignedRequestContext } from '@postal/auth';
import { newEvent } from '@postal/events';
import type { ApprovalRequestRecord } from './model.js';

/** The context of work the system does on its own (the expiry sweep, executing an approved command). */
export function systemContext(requestId: string): SignedRequestContext {
  return { identity: { kind: 'service', service: 'administration' }, requestId, clientAddress: undefined };
}

/** `approval.decided` for a request just decided (or expired): the owning subgraph acts on APPROVED. */
export function approvalDecidedEvent(request: ApprovalRequestRecord, decision: 'APPROVED' | 'REJECTED' | 'EXPIRED', requestId: string) {
  if (!request.decidedAt) throw new Error(`approval request ${request.id} has no decision time`);
  return newEvent(
    'approval.decided',
    {
      requestId: request.id,
      kind: request.kind,
      subgraph: request.subgraph,
      decision,
      payload: request.payload,
      payloadHash: request.payloadHash,
      officeCode: request.officeCode,
      maker: request.maker,
      ...(request.checker ? { checker: request.checker } : {}),
      decidedAt: request.decidedAt.toISOString(),
    },
    { source: 'administration', requestId },
  );
}

/** The audit summary of a request's state, for before/after. */
export function requestSummary(request: ApprovalRequestRecord): Record<string, unknown> {
  return {
    status: request.status,
    kind: request.kind,
    payloadHash: request.payloadHash,
    maker: request.maker.username,
    ...(request.checker ? { checker: request.checker.username } : {}),
  };
}
