import type { Tx } from '@postal/db';
import type { AnyEvent, TypedEvent } from '@postal/events';
import { auditEvents } from './tables.js';

export const AUDIT_QUEUE = 'administration.audit';

/**
 * Stores one `audit.recorded` event from any subgraph. It runs inside the idempotent consumer's transaction, so a
 * redelivered event stores nothing more; the unique event id is the database's own second guard.
 */
export async function storeAuditEvent(tx: Tx, event: AnyEvent): Promise<void> {
  if (event.type !== 'audit.recorded') throw new Error(`${AUDIT_QUEUE} does not take ${event.type} events`);
  const { payload } = event as TypedEvent<'audit.recorded'>;
  await tx
    .insert(auditEvents)
    .values({
      eventId: event.id,
      source: event.source,
      occurredAt: new Date(event.occurredAt),
      action: payload.action,
      outcome: payload.outcome,
      actorKind: payload.actor.kind,
      actorUsername: payload.actor.username ?? null,
      actor: payload.actor,
      officeCode: payload.officeCode ?? null,
      targetType: payload.target?.type ?? null,
      targetId: payload.target?.id ?? null,
      reason: payload.reason ?? null,
      before: payload.before ?? null,
      after: payload.after ?? null,
      requestId: payload.requestId ?? null,
      clientAddress: payload.clientAddress ?? null,
    })
    .onConflictDoNothing({ target: auditEvents.eventId });
}
