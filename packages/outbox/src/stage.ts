import type { Tx } from '@postal/db';
import { envelopeSchema, parsePayload, type EventEnvelope } from '@postal/events';
import type { OutboxTables } from './tables.js';

/** Events staged by one transaction; a service that stages more is doing a batch job and should split it. */
export const MAX_EVENTS_PER_STAGE = 1_000;

/**
 * Writes events into the outbox inside the caller's transaction, so the state change and its events commit or roll
 * back together; the relay publishes them after commit. Each event is checked again here (type known, envelope and
 * payload valid), so a bad event fails the producer's transaction instead of blocking the relay later.
 */
export async function stageEvents(tx: Tx, tables: OutboxTables, events: readonly EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  if (events.length > MAX_EVENTS_PER_STAGE) {
    throw new RangeError(`at most ${MAX_EVENTS_PER_STAGE} events per stageEvents call, not ${events.length}`);
  }
  const rows = events.map((event) => {
    envelopeSchema.parse(event);
    parsePayload(event.type, event.payload);
    return { eventId: event.id, type: event.type, payload: event.payload, envelope: event };
  });
  await tx.insert(tables.outbox).values(rows);
}
