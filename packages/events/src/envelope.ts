import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * What travels through the outbox and the queue. The payload is the event's own data; everything else is the same for
 * every event, so relays, queues and consumers can handle an event without knowing its type.
 */
export interface EventEnvelope<T = unknown> {
  /** A v4 UUID from crypto.randomUUID; consumers use it to handle each event once. */
  id: string;
  type: string;
  /** ISO 8601 instant at which the producer created the event (its transaction may commit a little later). */
  occurredAt: string;
  /** The subgraph that produced the event, e.g. 'administration'. */
  source: string;
  /** The request that caused the event, to follow one action across subgraphs in the logs. */
  requestId?: string;
  payload: T;
}

/** Limits on the envelope's strings, so a malformed event is refused rather than stored. */
const MAX_TYPE_LENGTH = 100;
const MAX_SOURCE_LENGTH = 100;
const MAX_REQUEST_ID_LENGTH = 200;

/** The envelope's shape with the payload left unchecked; the payload is checked against its type's schema. */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1).max(MAX_TYPE_LENGTH),
  occurredAt: z.iso.datetime({ offset: true }),
  source: z.string().min(1).max(MAX_SOURCE_LENGTH),
  requestId: z.string().min(1).max(MAX_REQUEST_ID_LENGTH).optional(),
  payload: z.unknown(),
});

export interface EnvelopeOptions {
  source: string;
  requestId?: string | undefined;
  /** For tests and replays; defaults to now. */
  occurredAt?: Date;
}

/** Builds an envelope around an already validated payload. */
export function envelope<T>(type: string, payload: T, options: EnvelopeOptions): EventEnvelope<T> {
  const built: EventEnvelope<T> = {
    id: randomUUID(),
    type,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    source: options.source,
    payload,
  };
  // Absent rather than undefined, so the envelope reads the same after a JSON round trip through the database.
  if (options.requestId !== undefined) built.requestId = options.requestId;
  return built;
}
