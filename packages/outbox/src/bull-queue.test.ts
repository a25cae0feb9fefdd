import { rowsOf } from '@postal/db';
import type { EventEnvelope } from '@postal/events';
import { BullEventQueue, consumeIdempotently, stageEvents, startOutboxRelay, type BullEventQueueOptions } from '@postal/outbox';
import { createTestDatabase, needs, waitFor, type TestDatabase } from '@postal/testkit';
import Bull from 'bull';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { transpileForChild, type ChildModules } from './test-support/child-modules.js';
import { officeCreated, randomPrefix, testLogger } from './test-support/fixtures.js';
import {
  counterValue,
  createOutboxTestSchema,
  deliveries,
  incrementCounter,
  recordDelivery,
  type OutboxTestSchema,
} from './test-support/outbox-schema.js';
import { runChild } from './test-support/spawn.js';

const QUEUE = 'accounts.office-events';
const redisUrl = process.env.REDIS_URL ?? '';

let testDatabase: TestDatabase;
let schema: OutboxTestSchema;
/** Queues opened by a test, and Bull prefixes whose keys it wrote; all closed and deleted after each test. */
const openQueues: Array<{ close(): Promise<void> }> = [];
const usedPrefixes: string[] = [];

function bullQueue(options: Partial<BullEventQueueOptions> & { prefix: string }): BullEventQueue {
  const queue = new BullEventQueue({ redisUrl, logger: testLogger, ...options });
  openQueues.push(queue);
  return queue;
}
function newPrefix(): string {
  const prefix = randomPrefix();
  usedPrefixes.push(prefix);
  return prefix;
}
/** Bull's own view of a queue, to look at jobs the way an operator would. */
function inspect(prefix: string, name = QUEUE): Bull.Queue<EventEnvelope> {
  const queue = new Bull<EventEnvelope>(name, redisUrl, { prefix });
  openQueues.push(queue);
  return queue;
}

afterEach(async () => {
  await Promise.all(openQueues.splice(0).map((queue) => queue.close()));
  for (const prefix of usedPrefixes.splice(0)) {
    const queue = new Bull(QUEUE, redisUrl, { prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

/** Each describe opens its own database: hooks of a skipped describe do not run, so a run without servers opens none. */
function withDatabase(): void {
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    schema = await createOutboxTestSchema(testDatabase.database);
  });
  afterAll(async () => testDatabase?.drop());
}

describe.runIf(needs('redis'))('BullEventQueue [needs Redis]', () => {
  withDatabase();

  it('adds each job with explicit options, and one job per event id however often it is published', async () => {
    const prefix = newPrefix();
    const queue = bullQueue({ prefix });
    const event = officeCreated('B-DEDUPE');
    await queue.publish(QUEUE, event);
    await queue.publish(QUEUE, event);
    const bull = inspect(prefix);
    expect(await bull.getJobCounts()).toMatchObject({ waiting: 1, active: 0 });
    const job = await bull.getJob(event.id);
    expect(job?.data).toEqual(event);
    expect(job?.opts).toMatchObject({
      jobId: event.id,
      attempts: 8,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: 1000,
      removeOnFail: false,
    });
  });

  it('retries a poison message, then keeps it as failed, never marked processed', async () => {
    const prefix = newPrefix();
    const queue = bullQueue({ prefix, jobs: { attempts: 2, backoffMs: 10 } });
    let ran = 0;
    await queue.consume(
      QUEUE,
      consumeIdempotently({
        database: testDatabase.database,
        tables: schema.tables,
        consumer: QUEUE,
        logger: testLogger,
        handle: async () => void (ran += 1),
      }),
    );
    const event = officeCreated('B-POISON');
    await queue.publish(QUEUE, { ...event, payload: { ...event.payload, path: 'elsewhere' } });
    const bull = inspect(prefix);
    const job = await waitFor(async () => {
      const found = await bull.getJob(event.id);
      return (await found?.getState()) === 'failed' ? found : undefined;
    }, { what: 'the poison job to fail' });
    expect(job?.attemptsMade).toBe(2);
    expect(job?.failedReason).toContain('is invalid');
    expect(ran).toBe(0);
    const processed = rowsOf(
      await testDatabase.database.db.execute(sql`SELECT 1 FROM ${sql.identifier(schema.schema)}.processed_events WHERE event_id = ${event.id}`),
    );
    expect(processed).toEqual([]);
  });
});

describe.runIf(needs('postgres', 'redis'))("Bull's at-least-once delivery [needs PostgreSQL and Redis]", () => {
  withDatabase();
  let modules: ChildModules;
  beforeAll(async () => {
    modules = await transpileForChild();
  });
  afterAll(async () => modules?.remove());

  it('cannot double an effect: a worker killed after committing is redelivered the job, and the effect stays single', async () => {
    const database = testDatabase.database;
    const prefix = newPrefix();
    const counter = 'B-STALLED';
    const stall = { lockDurationMs: 1_000, stalledIntervalMs: 200 };

    // The relay moves a committed event into Bull, as in production.
    const event = officeCreated(counter);
    await database.db.transaction((tx) => stageEvents(tx, schema.tables, [event]));
    const publisher = bullQueue({ prefix, stall });
    const relay = startOutboxRelay({ database, tables: schema.tables, queue: publisher, logger: testLogger, poll: false });
    expect(await relay.drain()).toBe(1);
    await relay.stop();

    // A worker process takes the job, applies the effect, commits, and is SIGKILLed before acknowledging it.
    const child = await runChild('apply-then-die.child.mjs', {
      ...modules.env,
      DATABASE_URL: testDatabase.url ?? '',
      REDIS_URL: redisUrl,
      BULL_PREFIX: prefix,
      OUTBOX_SCHEMA: schema.schema,
      CONSUMER_QUEUE: QUEUE,
      COUNTER: counter,
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const said = child.stdout.trim().split('\n').map((line) => JSON.parse(line) as { applied?: string; pid?: number });
    const applied = said.find((line) => line.applied !== undefined);
    expect(applied?.applied).toBe(event.id);
    expect(await counterValue(database, schema.schema, counter)).toBe(1);
    const bull = inspect(prefix);
    expect(await (await bull.getJob(event.id))?.getState()).toBe('active');

    // A worker here sees the dead worker's lock expire, gets the stalled job again, and the consumer skips it.
    const worker = bullQueue({ prefix, stall });
    const handler = consumeIdempotently({
      database,
      tables: schema.tables,
      consumer: QUEUE,
      logger: testLogger,
      handle: (tx) => incrementCounter(tx, schema.schema, counter),
    });
    await worker.consume(QUEUE, async (delivered) => {
      await recordDelivery(database, schema.schema, delivered.id);
      await handler(delivered);
    });
    await waitFor(async () => ((await (await bull.getJob(event.id))?.getState()) === 'completed' ? true : undefined), {
      what: 'the stalled job to be redelivered and completed',
    });

    // The handler ran twice, in two processes (the redelivery really happened); the effect happened once.
    expect(await deliveries(database, schema.schema)).toEqual([
      { eventId: event.id, pid: applied?.pid },
      { eventId: event.id, pid: process.pid },
    ]);
    expect(applied?.pid).not.toBe(process.pid);
    expect(await counterValue(database, schema.schema, counter)).toBe(1);
  });
});
