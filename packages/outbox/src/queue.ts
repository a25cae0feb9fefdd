import type { EventEnvelope } from '@postal/events';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface ConsumeOptions {
  /** Events of this queue handled at once by this process; default 1. */
  concurrency?: number;
}

/**
 * Delivers events to named consumer queues. Delivery is at least once: a consumer may see an event again (a relay
 * retry, a stalled Bull job), so handlers are wrapped in consumeIdempotently.
 */
export interface EventQueue {
  readonly kind: 'bull' | 'in-process';
  /** Resolves once the queue has taken responsibility for the event; rejects if it has not. */
  publish(queue: string, event: EventEnvelope): Promise<void>;
  /** Registers this process's handler for a queue; one handler per queue per EventQueue. */
  consume(queue: string, handler: EventHandler, options?: ConsumeOptions): Promise<void>;
  /** Stops taking events, waits for the handlers that are running, and releases connections. */
  close(): Promise<void>;
}

export class QueueClosedError extends Error {
  constructor(queue: string) {
    super(`the event queue is closed; cannot use '${queue}'`);
    this.name = 'QueueClosedError';
  }
}

/** Bounds a concurrency option: at least one, at most a number a single process can sensibly run. */
export const MAX_CONCURRENCY = 64;
export function checkedConcurrency(concurrency: number | undefined): number {
  const value = concurrency ?? 1;
  if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) {
    throw new RangeError(`concurrency must be an integer from 1 to ${MAX_CONCURRENCY}, not ${value}`);
  }
  return value;
}
