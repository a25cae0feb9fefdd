import type { Tx } from '@postal/db';
import type { AnyEvent, TypedEvent } from '@postal/events';
import { PoisonMessageError } from '@postal/outbox';
import { canonicalJson } from '@postal/events';
import { insertAuditRecord } from './repository.js';

export const AUDIT_QUEUE = 'administration.audit';

/**
 * Stores one `audit.recorded` event from any subgraph. It runs inside the idempotent consumer's transaction, so a
 * redelivered event stores nothing more; the unique event id is the database's own second guard. Deliveries are
 * handled several at a time (start.ts): storing needs no order, because the chain's order is the sealer's, not the
 * consumer's (sealer.ts).
 */
export async function storeAuditEvent(tx: Tx, event: AnyEvent): Promise<void> {
  if (event.type !== 'audit.recorded') throw new Error(`${AUDIT_QUEUE} does not take ${event.type} events`);
  const { payload } = event as TypedEvent<'audit.recorded'>;
  try {
    // A record the chain could not hash would hold up sealing; it is refused here, kept in the queue's failed set.
    canonicalJson({ actor: payload.actor, before: payload.before ?? null, after: payload.after ?? null });
  } catch (error) {
    throw new PoisonMessageError(AUDIT_QUEUE, event.id, { cause: error });
  }
  await insertAuditRecord(tx, {
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
  });
}
