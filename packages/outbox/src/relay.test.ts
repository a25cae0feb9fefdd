import { newEvent, type EventEnvelope } from '@postal/events';
import {
  InProcessEventQueue,
  NoConsumerError,
  OutboxPublishError,
  consumeIdempotently,
  stageEvents,
  startOutboxRelay,
  type EventQueue,
  type OutboxRelay,
} from '@postal/outbox';
import { createTestDatabase, needs, waitFor, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { officeCreated, swallowOfficeEventsExcept, testLogger } from './test-support/fixtures.js';
import {
  counterValue,
  createOutboxTestSchema,
  deliveries,
  incrementCounter,
  outboxRows,
  recordDelivery,
  type OutboxTestSchema,
} from './test-support/outbox-schema.js';

const OFFICE_QUEUE = 'accounts.office-events';
const AUDIT_QUEUE = 'administration.audit';

let testDatabase: TestDatabase;
let schema: OutboxTestSchema;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  schema = await createOutboxTestSchema(testDatabase.database);
});
afterAll(async () => testDatabase?.drop());
// Every test starts from an empty outbox, so one test's leftovers never reach another's queue.
beforeEach(async () => {
  await testDatabase.database.db.execute(sql`TRUNCATE ${sql.identifier(schema.schema)}.outbox`);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function database() {
  return testDatabase.database;
}

async function stage(...events: EventEnvelope[]): Promise<void> {
  // One transaction per event, as separate service calls would do.
  for (const event of events) await database().db.transaction((tx) => stageEvents(tx, schema.tables, [event]));
}

function relay(queue: EventQueue, options: { poll?: boolean; pollIntervalMs?: number; batchSize?: number } = {}): OutboxRelay {
  const started = startOutboxRelay({ database: database(), tables: schema.tables, queue, logger: testLogger, poll: false, ...options });
  cleanups.push(() => started.stop());
  return started;
}

async function inProcessQueue(options: { attempts?: number } = {}): Promise<InProcessEventQueue> {
  const queue = new InProcessEventQueue({ logger: testLogger, attempts: options.attempts ?? 1, backoffMs: 1 });
  cleanups.push(() => queue.close());
  await swallowOfficeEventsExcept(queue, OFFICE_QUEUE);
  return queue;
}

/** The consumer the relay feeds: adds one to the office's counter, once per event, and logs every delivery. */
function countingConsumer(consumer = OFFICE_QUEUE) {
  const handle = consumeIdempotently({
    database: database(),
    tables: schema.tables,
    consumer,
    logger: testLogger,
    handle: (tx, event) => incrementCounter(tx, schema.schema, event.type === 'office.created' ? event.payload.code : event.type),
  });
  return async (event: EventEnvelope) => {
    await recordDelivery(database(), schema.schema, event.id);
    await handle(event);
  };
}

/** A queue that only publishes, in a way the test decides: standing for a relay process that dies, or an outage. */
function queueWith(publish: EventQueue['publish']): EventQueue {
  return { kind: 'in-process', publish, consume: async () => {}, close: async () => {} };
}

const unpublished = async () => (await outboxRows(database(), schema.schema)).filter((row) => row.publishedAt === null);

describe('the outbox relay', () => {
  it('publishes committed events to every consumer queue of their type, in commit order, and marks them published', async () => {
    const queue = await inProcessQueue();
    const received: Array<[string, string]> = [];
    await queue.consume(OFFICE_QUEUE, async (event) => void received.push([OFFICE_QUEUE, event.id]));
    await queue.consume(AUDIT_QUEUE, async (event) => void received.push([AUDIT_QUEUE, event.id]));
    const audit = newEvent(
      'audit.recorded',
      { actor: { kind: 'staff', username: 'asha' }, action: 'OFFICE_CREATED', outcome: 'SUCCESS' },
      { source: 'administration' },
    );
    const events = [officeCreated('R-1'), audit, officeCreated('R-2'), officeCreated('R-3')];
    await stage(...events);

    expect(await relay(queue, { batchSize: 2 }).drain()).toBe(4);
    expect(received).toEqual([
      [OFFICE_QUEUE, events[0]?.id],
      [AUDIT_QUEUE, audit.id],
      [OFFICE_QUEUE, events[2]?.id],
      [OFFICE_QUEUE, events[3]?.id],
    ]);
    expect(await unpublished()).toEqual([]);
    // Published rows are not published again.
    expect(await relay(queue).drain()).toBe(0);
    expect(received).toHaveLength(4);
  });

  it('keeps a row whose publish failed unpublished with the error, stops the batch there, and publishes it later', async () => {
    const queue = await inProcessQueue();
    let broken = true;
    const seen: string[] = [];
    await queue.consume(OFFICE_QUEUE, async (event) => {
      if (broken) throw new Error('ledger is down');
      seen.push(event.id);
    });
    const [first, second] = [officeCreated('R-F1'), officeCreated('R-F2')];
    await stage(first, second);
    const outboxRelay = relay(queue);

    const failure = await outboxRelay.drain().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OutboxPublishError);
    expect(failure).toMatchObject({ eventId: first.id, published: 0 });
    const rows = await outboxRows(database(), schema.schema);
    expect(rows[0]).toMatchObject({ eventId: first.id, publishedAt: null, attempts: 1 });
    expect(rows[0]?.lastError).toContain('ledger is down');
    // The second event did not overtake the first.
    expect(rows[1]).toMatchObject({ eventId: second.id, publishedAt: null, attempts: 0, lastError: null });

    await expect(outboxRelay.drain()).rejects.toBeInstanceOf(OutboxPublishError);
    expect((await outboxRows(database(), schema.schema))[0]?.attempts).toBe(2);

    broken = false;
    expect(await outboxRelay.drain()).toBe(2);
    expect(seen).toEqual([first.id, second.id]);
    expect(await unpublished()).toEqual([]);
  });

  it('keeps the row unpublished while no consumer is registered, then publishes it to the consumer that comes', async () => {
    const queue = await inProcessQueue();
    const event = officeCreated('R-LATE');
    await stage(event);
    const outboxRelay = relay(queue);
    const failure = await outboxRelay.drain().catch((error: unknown) => error);
    expect((failure as Error).cause).toBeInstanceOf(NoConsumerError);
    expect(await unpublished()).toHaveLength(1);

    await queue.consume(OFFICE_QUEUE, countingConsumer());
    expect(await outboxRelay.drain()).toBe(1);
    expect(await counterValue(database(), schema.schema, 'R-LATE')).toBe(1);
  });

  const deliveriesOf = async (eventId: string) =>
    (await deliveries(database(), schema.schema)).filter((delivery) => delivery.eventId === eventId);

  it('loses no event when the relay dies between commit and publish: a fresh relay publishes it', async () => {
    const consumerQueue = await inProcessQueue();
    await consumerQueue.consume(OFFICE_QUEUE, countingConsumer());
    const event = officeCreated('R-DIE-BEFORE');
    await stage(event);

    const dying = queueWith(async () => {
      throw new Error('process died before publishing');
    });
    await expect(relay(dying).drain()).rejects.toBeInstanceOf(OutboxPublishError);
    expect(await counterValue(database(), schema.schema, 'R-DIE-BEFORE')).toBe(0);
    expect(await unpublished()).toMatchObject([{ eventId: event.id, attempts: 1 }]);

    // After the restart: a fresh relay on the same outbox.
    expect(await relay(consumerQueue).drain()).toBe(1);
    expect(await counterValue(database(), schema.schema, 'R-DIE-BEFORE')).toBe(1);
    expect(await deliveriesOf(event.id)).toHaveLength(1);
    expect(await unpublished()).toEqual([]);
  });

  it('doubles no effect when the relay dies after publishing but before marking the row published', async () => {
    const consumerQueue = await inProcessQueue();
    await consumerQueue.consume(OFFICE_QUEUE, countingConsumer());
    const event = officeCreated('R-DIE-AFTER');
    await stage(event);

    const diesAfterPublishing = queueWith(async (queue, delivered) => {
      await consumerQueue.publish(queue, delivered);
      throw new Error('process died after publishing');
    });
    await expect(relay(diesAfterPublishing).drain()).rejects.toBeInstanceOf(OutboxPublishError);
    expect(await counterValue(database(), schema.schema, 'R-DIE-AFTER')).toBe(1);
    expect(await unpublished()).toMatchObject([{ eventId: event.id }]);

    // The fresh relay publishes it again (at least once); the idempotent consumer skips the second delivery.
    expect(await relay(consumerQueue).drain()).toBe(1);
    expect(await deliveriesOf(event.id)).toHaveLength(2);
    expect(await counterValue(database(), schema.schema, 'R-DIE-AFTER')).toBe(1);
    expect(await unpublished()).toEqual([]);
  });

  it('backs off after failures instead of spinning', async () => {
    let publishes = 0;
    const failing = queueWith(async () => {
      publishes += 1;
      throw new Error('redis is unreachable');
    });
    await stage(officeCreated('R-SPIN'));
    const outboxRelay = relay(failing, { poll: true, pollIntervalMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 700));
    await outboxRelay.stop();
    // Waits of 20, 40, 80, 160, 320 ms fit about six tries in 700 ms; a busy loop would make hundreds.
    expect(publishes).toBeGreaterThanOrEqual(3);
    expect(publishes).toBeLessThanOrEqual(8);
    expect((await outboxRows(database(), schema.schema))[0]?.attempts).toBe(publishes);
  });

  it('polls on its own, runs a cycle soon after nudge(), and stops promptly', async () => {
    const queue = await inProcessQueue();
    await queue.consume(OFFICE_QUEUE, countingConsumer());
    await stage(officeCreated('R-POLL'));
    const outboxRelay = relay(queue, { poll: true, pollIntervalMs: 60_000 });
    await waitFor(async () => ((await counterValue(database(), schema.schema, 'R-POLL')) === 1 ? true : undefined), {
      what: 'the first cycle at start-up',
    });
    // The next poll is a minute away; the nudge brings it forward.
    await stage(officeCreated('R-NUDGE'));
    const nudged = Date.now();
    outboxRelay.nudge();
    await waitFor(async () => ((await counterValue(database(), schema.schema, 'R-NUDGE')) === 1 ? true : undefined), {
      timeoutMs: 5_000,
      what: 'the nudged cycle',
    });
    expect(Date.now() - nudged).toBeLessThan(5_000);
    const stopping = Date.now();
    await outboxRelay.stop();
    expect(Date.now() - stopping).toBeLessThan(1_000);
  });

  it('refuses a batch size or poll interval out of bounds', async () => {
    const queue = await inProcessQueue();
    const base = { database: database(), tables: schema.tables, queue, logger: testLogger, poll: false };
    expect(() => startOutboxRelay({ ...base, batchSize: 0 })).toThrow(RangeError);
    expect(() => startOutboxRelay({ ...base, batchSize: 1_001 })).toThrow(RangeError);
    expect(() => startOutboxRelay({ ...base, pollIntervalMs: 0 })).toThrow(RangeError);
  });
});

describe.runIf(needs('postgres'))('several relays on one outbox [needs PostgreSQL]', () => {
  it('publish each row once between them (FOR UPDATE SKIP LOCKED)', async () => {
    const published = new Map<string, number>();
    const recording = queueWith(async (queue, event) => {
      // A little latency, so the relays' transactions overlap.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
      if (queue === OFFICE_QUEUE) published.set(event.id, (published.get(event.id) ?? 0) + 1);
    });
    const events = Array.from({ length: 200 }, (_, i) => officeCreated(`R-MANY-${i}`));
    await database().db.transaction((tx) => stageEvents(tx, schema.tables, events));
    const relays = Array.from({ length: 4 }, () => relay(recording, { batchSize: 10 }));
    const counts = await Promise.all(relays.map((r) => r.drain()));
    // A relay stops when it sees a part batch (others hold the rest), so one more drain collects any stragglers.
    const stragglers = await relay(recording).drain();
    expect(counts.filter((count) => count > 0).length).toBeGreaterThan(1);
    expect(counts.reduce((sum, count) => sum + count, 0) + stragglers).toBe(200);
    expect(published.size).toBe(200);
    expect([...published.values()].every((times) => times === 1)).toBe(true);
    expect(await unpublished()).toEqual([]);
  });
});
