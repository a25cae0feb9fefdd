import type { Database, Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { consumeIdempotently } from './consumer.js';
import type { OutboxLogger } from './logger.js';
import type { EventQueue } from './queue.js';
import type { OutboxTables } from './tables.js';

export interface EventWorkersOptions {
  database: Database;
  tables: OutboxTables;
  queue: EventQueue;
  logger: OutboxLogger;
  /** Consumer queue name -> its effect; each queue name is also the consumer's key in processed_events. */
  handlers: Record<string, (tx: Tx, event: AnyEvent) => Promise<void>>;
  /** Per queue; default 1. */
  concurrency?: number;
}

/** Subscribes one idempotent handler per consumer queue: what a subgraph's jobs/ module calls at start-up. */
export async function startEventWorkers(options: EventWorkersOptions): Promise<void> {
  for (const [consumer, handle] of Object.entries(options.handlers)) {
    const handler = consumeIdempotently({ database: options.database, tables: options.tables, consumer, handle, logger: options.logger });
    await options.queue.consume(consumer, handler, { concurrency: options.concurrency ?? 1 });
  }
}
