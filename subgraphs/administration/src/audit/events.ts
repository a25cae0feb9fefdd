import type { SignedRequestContext } from '@postal/auth';
import { newEvent, type AuditActor, type AuditRecordedPayload } from '@postal/events';

/** The actor of an audit event, from the signed identity of the request. */
export function auditActor(context: SignedRequestContext): AuditActor {
  const { identity } = context;
  switch (identity.kind) {
    case 'staff':
      return { kind: 'staff', id: identity.staffId, username: identity.username, roles: identity.roles, officeCode: identity.officeCode };
    case 'service':
      return { kind: 'service', id: identity.service };
    case 'anonymous':
      return { kind: 'anonymous' };
  }
}

/** An `audit.recorded` event from this subgraph, carrying the request's id and client address. */
export function auditEvent(
  context: SignedRequestContext,
  record: Omit<AuditRecordedPayload, 'requestId' | 'clientAddress'> & { actor?: AuditActor },
) {
  return newEvent(
    'audit.recorded',
    {
      ...record,
      actor: record.actor ?? auditActor(context),
      requestId: context.requestId,
      ...(context.clientAddress ? { clientAddress: context.clientAddress } : {}),
    },
    { source: 'administration', requestId: context.requestId },
  );
}
