import type { Database, Tx } from '@postal/db';
import { parseEvent, type AnyEvent, type EventEnvelope } from '@postal/events';
import { describeError, type OutboxLogger } from './logger.js';
import type { EventHandler } from './queue.js';
import type { OutboxTables } from './tables.js';

export interface ConsumeIdempotentlyOptions {
  database: Database;
  /** The consumer's own outbox tables (its processed_events is the one used). */
  tables: OutboxTables;
  /** The consumer's stable name, by convention its queue name, e.g. 'accounts.office-events'. */
  consumer: string;
  /** The effect; it runs in the same transaction that records the event as processed. Switch on event.type. */
  handle: (tx: Tx, event: AnyEvent) => Promise<void>;
  logger?: OutboxLogger;
}

/** An event that can never be handled as it is; retrying cannot help, so it ends in the queue's failed set. */
export class PoisonMessageError extends Error {
  constructor(
    readonly consumer: string,
    readonly eventId: unknown,
    options: { cause: unknown },
  ) {
    super(`consumer '${consumer}': event ${String(eventId)} is invalid: ${describeError(options.cause)}`, options);
    this.name = 'PoisonMessageError';
  }
}

/**
 * A queue handler that gives each event its effect exactly once however often it is delivered. In one transaction it
 * records (consumer, event id) in processed_events and runs `handle`; a delivery that finds the row already there
 * skips. A concurrent duplicate's insert waits on the first one's uncommitted row and then finds it, so the two never
 * both run the effect. If `handle` throws, the transaction rolls back, the event is not recorded, and the throw makes
 * the queue retry it. The transaction uses the database's default isolation (READ COMMITTED); a handler that needs
 * more sets it itself.
 */
export function consumeIdempotently(options: ConsumeIdempotentlyOptions): EventHandler {
  const { database, tables, consumer, handle, logger } = options;
  const { processedEvents } = tables;
  return async (delivered: EventEnvelope) => {
    let event: AnyEvent;
    try {
      event = parseEvent(delivered);
    } catch (error) {
      const poison = new PoisonMessageError(consumer, (delivered as Partial<EventEnvelope> | null)?.id, { cause: error });
      logger?.error({ consumer, eventId: poison.eventId, type: delivered?.type, err: error }, 'poison message: not handled');
      throw poison;
    }
    const handled = await database.db.transaction(async (tx) => {
      const recorded = await tx
        .insert(processedEvents)
        .values({ consumer, eventId: event.id })
        .onConflictDoNothing()
        .returning({ eventId: processedEvents.eventId });
      if (recorded.length === 0) return false;
      await handle(tx, event);
      return true;
    });
    if (handled) logger?.debug({ consumer, eventId: event.id, type: event.type }, 'event handled');
    else logger?.info({ consumer, eventId: event.id, type: event.type }, 'event already handled; skipped');
  };
}
