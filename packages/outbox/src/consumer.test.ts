import { rowsOf } from '@postal/db';
import type { EventEnvelope } from '@postal/events';
import {
  InProcessEventQueue,
  PoisonMessageError,
  consumeIdempotently,
  startEventWorkers,
  type OutboxLogger,
} from '@postal/outbox';
import { createTestDatabase, needs, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeCreated, testLogger } from './test-support/fixtures.js';
import { counterValue, createOutboxTestSchema, incrementCounter, type OutboxTestSchema } from './test-support/outbox-schema.js';

const CONSUMER = 'accounts.office-events';
let testDatabase: TestDatabase;
let schema: OutboxTestSchema;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  schema = await createOutboxTestSchema(testDatabase.database);
});
afterAll(async () => testDatabase?.drop());

/** An idempotent consumer whose effect adds one to the office's counter; `ran` counts how often the effect ran. */
function countingConsumer(options: { consumer?: string; slowMs?: number; failWhile?: () => boolean } = {}) {
  const stats = { ran: 0 };
  const handler = consumeIdempotently({
    database: testDatabase.database,
    tables: schema.tables,
    consumer: options.consumer ?? CONSUMER,
    logger: testLogger,
    handle: async (tx, event) => {
      if (event.type !== 'office.created') throw new Error(`unexpected ${event.type}`);
      stats.ran += 1;
      await incrementCounter(tx, schema.schema, event.payload.code);
      // Holding the transaction open makes concurrent duplicates really meet on the processed_events key.
      if (options.slowMs) await tx.execute(sql`SELECT pg_sleep(${options.slowMs / 1000})`);
      if (options.failWhile?.()) throw new Error('the effect failed');
    },
  });
  return { handler, stats };
}

const counter = (code: string) => counterValue(testDatabase.database, schema.schema, code);

async function processedCount(eventId: string): Promise<number> {
  const rows = rowsOf<{ count: number }>(
    await testDatabase.database.db.execute(
      sql`SELECT count(*)::int AS count FROM ${sql.identifier(schema.schema)}.processed_events WHERE event_id = ${eventId}`,
    ),
  );
  return rows[0]?.count ?? 0;
}

describe('consumeIdempotently', () => {
  it('gives a redelivered event its effect once', async () => {
    const { handler, stats } = countingConsumer();
    const event = officeCreated('C-REDELIVERED');
    await handler(event);
    await handler(structuredClone(event));
    await handler(JSON.parse(JSON.stringify(event)) as EventEnvelope);
    expect(await counter('C-REDELIVERED')).toBe(1);
    expect(stats.ran).toBe(1);
    expect(await processedCount(event.id)).toBe(1);
  });

  it('gives each consumer of an event its own effect once', async () => {
    const accounts = countingConsumer({ consumer: 'accounts.office-events' });
    const other = countingConsumer({ consumer: 'reporting.office-events' });
    const event = officeCreated('C-TWO-CONSUMERS');
    await Promise.all([accounts.handler(event), other.handler(event), accounts.handler(event), other.handler(event)]);
    expect(await counter('C-TWO-CONSUMERS')).toBe(2);
    expect([accounts.stats.ran, other.stats.ran]).toEqual([1, 1]);
  });

  it('records nothing when the effect fails, so the retry applies it', async () => {
    let failing = true;
    const { handler } = countingConsumer({ failWhile: () => failing });
    const event = officeCreated('C-RETRY');
    await expect(handler(event)).rejects.toThrow('the effect failed');
    expect(await counter('C-RETRY')).toBe(0);
    expect(await processedCount(event.id)).toBe(0);
    failing = false;
    await handler(event);
    await handler(event);
    expect(await counter('C-RETRY')).toBe(1);
  });

  it('refuses a poison message: logs it, throws, runs no effect and does not mark it processed', async () => {
    const logged: unknown[] = [];
    const logger: OutboxLogger = { debug() {}, info() {}, warn() {}, error: (fields: unknown) => void logged.push(fields) };
    let ran = 0;
    const handler = consumeIdempotently({
      database: testDatabase.database,
      tables: schema.tables,
      consumer: CONSUMER,
      logger,
      handle: async () => void (ran += 1),
    });
    const event = officeCreated('C-POISON');
    const poisoned = { ...event, payload: { ...event.payload, type: 'KIOSK' } };
    const failure = await handler(poisoned).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PoisonMessageError);
    expect(failure).toMatchObject({ consumer: CONSUMER, eventId: event.id });
    await expect(handler({ ...event, type: 'office.renamed' })).rejects.toBeInstanceOf(PoisonMessageError);
    await expect(handler({ ...event, id: 'not-a-uuid' })).rejects.toBeInstanceOf(PoisonMessageError);
    await expect(handler(null as unknown as EventEnvelope)).rejects.toBeInstanceOf(PoisonMessageError);
    expect(ran).toBe(0);
    expect(await processedCount(event.id)).toBe(0);
    expect(logged).toHaveLength(4);
    expect(logged[0]).toMatchObject({ consumer: CONSUMER, eventId: event.id, type: 'office.created' });
  });

  it('matches a model of "once per event" over random deliveries with duplicates and failures', async () => {
    // The model: an event's effect is applied iff at least one of its deliveries succeeded, and then exactly once.
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ event: fc.integer({ min: 0, max: 4 }), fails: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        async (deliveries) => {
          run += 1;
          const events = Array.from({ length: 5 }, (_, i) => officeCreated(`C-MODEL-${run}-${i}`));
          let failNext = false;
          const { handler } = countingConsumer({ failWhile: () => failNext });
          const succeeded = new Set<number>();
          for (const delivery of deliveries) {
            failNext = delivery.fails;
            const event = events[delivery.event];
            if (!event) throw new Error('no such event');
            const outcome = await handler(event).then(
              () => 'ok',
              () => 'failed',
            );
            // A failed delivery of an event already handled is skipped before the effect, so it succeeds.
            if (outcome === 'ok') succeeded.add(delivery.event);
            else expect(delivery.fails && !succeeded.has(delivery.event)).toBe(true);
          }
          for (const [i, event] of events.entries()) {
            expect(await counter(event.payload.code)).toBe(succeeded.has(i) ? 1 : 0);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('wires handlers to their queues with startEventWorkers', async () => {
    const queue = new InProcessEventQueue({ logger: testLogger, attempts: 1 });
    try {
      await startEventWorkers({
        database: testDatabase.database,
        tables: schema.tables,
        queue,
        logger: testLogger,
        handlers: {
          [CONSUMER]: async (tx, event) => {
            if (event.type === 'office.created') await incrementCounter(tx, schema.schema, event.payload.code);
          },
        },
      });
      const event = officeCreated('C-WORKERS');
      await queue.publish(CONSUMER, event);
      await queue.publish(CONSUMER, event);
      expect(await counter('C-WORKERS')).toBe(1);
    } finally {
      await queue.close();
    }
  });
});

describe.runIf(needs('postgres'))('consumeIdempotently under concurrency [needs PostgreSQL]', () => {
  it('gives an event delivered 10 times at once its effect once', async () => {
    const { handler, stats } = countingConsumer({ slowMs: 50 });
    const event = officeCreated('C-CONCURRENT');
    const copies = Array.from({ length: 10 }, () => JSON.parse(JSON.stringify(event)) as EventEnvelope);
    const started = Date.now();
    await Promise.all(copies.map((copy) => handler(copy)));
    expect(await counter('C-CONCURRENT')).toBe(1);
    expect(stats.ran).toBe(1);
    expect(await processedCount(event.id)).toBe(1);
    // The nine duplicates waited on the first one's uncommitted key rather than running beside it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
