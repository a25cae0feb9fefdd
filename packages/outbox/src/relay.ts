import type { Database, Db } from '@postal/db';
import { consumersOf } from '@postal/events';
import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { describeError, type OutboxLogger } from './logger.js';
import type { EventQueue } from './queue.js';
import type { OutboxTables } from './tables.js';

export interface OutboxRelayOptions {
  database: Database;
  tables: OutboxTables;
  queue: EventQueue;
  logger: OutboxLogger;
  /** Wait between cycles when the outbox was empty; default 1000 ms, at least 10 ms. */
  pollIntervalMs?: number;
  /** Rows per cycle (one transaction); default 100, at most 1000. */
  batchSize?: number;
  /** Longest wait after repeated failures (the wait doubles from pollIntervalMs); default 30 s. */
  maxBackoffMs?: number;
  /** false: no polling loop, cycles run only on drain() (tests, one-off tools). Default true. */
  poll?: boolean;
}

export interface OutboxRelay {
  /** Ends the loop after the running cycle; does not close the queue, which the caller owns. */
  stop(): Promise<void>;
  /** Publishes everything pending now and answers how many rows it published; rejects if a publish failed. */
  drain(): Promise<number>;
  /** Asks for a cycle soon (call after a commit that staged events); ignored while backing off after failures. */
  nudge(): void;
}

export class OutboxPublishError extends Error {
  constructor(
    readonly eventId: string,
    readonly published: number,
    options: { cause: unknown },
  ) {
    super(`outbox: publishing event ${eventId} failed after ${published} row(s) were published: ${describeError(options.cause)}`, options);
    this.name = 'OutboxPublishError';
  }
}

const MAX_BATCH_SIZE = 1_000;
/** Cycles one drain() runs at most, so a producer that never stops cannot keep it going forever. */
const MAX_DRAIN_CYCLES = 10_000;

interface CycleResult {
  published: number;
  /** The batch was full, so more rows may be waiting. */
  full: boolean;
  failure?: { eventId: string; error: unknown };
}

/**
 * Moves committed events from the outbox to the queue, oldest first, at least once.
 *
 * On PostgreSQL a cycle is one transaction: it locks a batch of unpublished rows with FOR UPDATE SKIP LOCKED (so
 * several relay processes never publish the same row at the same time), publishes each row to every consumer queue
 * the catalogue names, and marks the published rows. If a publish fails, the row gets attempts + 1 and last_error and
 * stays unpublished, and the batch stops there so later events do not overtake it. With several relays, order holds
 * only within each relay's batch: consumers must not depend on order across events.
 *
 * On PGlite there is one connection, and a transaction held open while publishing would block the in-process queue's
 * handlers that write to the same database; there is also only ever one process. So there the rows are read and
 * marked without a surrounding transaction, and the relays of one database take turns in this process.
 *
 * Either way a crash between publishing and marking leaves the row unpublished, so it is published again: consumers
 * see at least once, and consumeIdempotently makes the effect happen once.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 100;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  if (!(pollIntervalMs >= 10)) throw new RangeError('pollIntervalMs must be at least 10');
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}`);
  }
  const { logger } = options;
  const turns = turnsFor(options.database);
  const cycle = (): Promise<CycleResult> => turns(() => relayCycle(options, batchSize));

  let stopped = false;
  let failures = 0;
  let nudged = false;
  const alarm = createAlarm();

  async function loop(): Promise<void> {
    while (!stopped) {
      let delayMs = pollIntervalMs;
      nudged = false;
      try {
        const result = await cycle();
        if (result.failure) {
          failures += 1;
          logger.warn({ eventId: result.failure.eventId, failures, err: result.failure.error }, 'outbox publish failed');
        } else {
          failures = 0;
          if (result.full) delayMs = 0;
        }
      } catch (error) {
        failures += 1;
        logger.error({ failures, err: error }, 'outbox relay cycle failed');
      }
      // Failures back off exponentially, so a queue or database outage costs a few tries a minute, not a busy loop.
      if (failures > 0) delayMs = Math.min(pollIntervalMs * 2 ** Math.min(failures - 1, 20), maxBackoffMs);
      else if (nudged) delayMs = 0;
      if (delayMs > 0 && !stopped) await alarm.sleep(delayMs);
    }
  }

  const running = options.poll === false ? Promise.resolve() : loop();

  return {
    async stop() {
      stopped = true;
      alarm.wake();
      await running;
    },
    async drain() {
      let published = 0;
      for (let cycles = 0; cycles < MAX_DRAIN_CYCLES; cycles += 1) {
        const result = await cycle();
        published += result.published;
        if (result.failure) throw new OutboxPublishError(result.failure.eventId, published, { cause: result.failure.error });
        if (!result.full) break;
      }
      return published;
    },
    nudge() {
      if (failures > 0) return;
      nudged = true;
      alarm.wake();
    },
  };
}

async function relayCycle(options: OutboxRelayOptions, batchSize: number): Promise<CycleResult> {
  const { database } = options;
  if (database.kind === 'postgres') return database.db.transaction((tx) => publishBatch(tx, options, batchSize));
  return publishBatch(database.db, options, batchSize);
}

async function publishBatch(executor: Db, options: OutboxRelayOptions, batchSize: number): Promise<CycleResult> {
  const { outbox } = options.tables;
  const rows = await executor
    .select({ id: outbox.id, eventId: outbox.eventId, type: outbox.type, envelope: outbox.envelope })
    .from(outbox)
    .where(isNull(outbox.publishedAt))
    .orderBy(asc(outbox.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const publishedIds: number[] = [];
  let failure: CycleResult['failure'];
  for (const row of rows) {
    try {
      // An unknown type throws here: the row waits for a relay that knows it rather than being dropped.
      for (const queue of consumersOf(row.type)) await options.queue.publish(queue, row.envelope);
      publishedIds.push(row.id);
    } catch (error) {
      failure = { eventId: row.eventId, error };
      await executor
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, lastError: describeError(error) })
        .where(eq(outbox.id, row.id));
      break;
    }
  }
  if (publishedIds.length > 0) {
    await executor.update(outbox).set({ publishedAt: sql`now()` }).where(inArray(outbox.id, publishedIds));
  }
  return { published: publishedIds.length, full: rows.length === batchSize, ...(failure && { failure }) };
}

/** A sleep that wake() ends early (a nudge, or stop). */
function createAlarm(): { sleep(ms: number): Promise<void>; wake(): void } {
  let wake: (() => void) | undefined;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        wake = done;
        function done(): void {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
      }),
    wake: () => wake?.(),
  };
}

/**
 * Serialises the cycles that must not overlap: on PGlite all relays of one database (one connection, no row locks to
 * share the work), on PostgreSQL only one relay's own cycles (the loop and drain()), since row locks keep relays apart.
 */
const pgliteTurns = new WeakMap<Database, <T>(task: () => Promise<T>) => Promise<T>>();
function turnsFor(database: Database): <T>(task: () => Promise<T>) => Promise<T> {
  if (database.kind === 'pglite') {
    const existing = pgliteTurns.get(database);
    if (existing) return existing;
    const turns = createTurns();
    pgliteTurns.set(database, turns);
    return turns;
  }
  return createTurns();
}

function createTurns(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = last.then(() => task());
    last = next.catch(() => undefined);
    return next;
  };
}
