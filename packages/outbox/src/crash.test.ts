import { rowsOf } from '@postal/db';
import { InProcessEventQueue, consumeIdempotently, startOutboxRelay, type EventQueue } from '@postal/outbox';
import { createTestDatabase, needs, waitFor, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transpileForChild, type ChildModules } from './test-support/child-modules.js';
import { swallowOfficeEventsExcept, testLogger } from './test-support/fixtures.js';
import {
  counterValue,
  createOutboxTestSchema,
  deliveries,
  incrementCounter,
  outboxRows,
  recordDelivery,
  type OutboxTestSchema,
} from './test-support/outbox-schema.js';
import { runChild } from './test-support/spawn.js';

const QUEUE = 'accounts.office-events';

describe.runIf(needs('postgres'))('a process killed between commit and publish [needs PostgreSQL]', () => {
  let testDatabase: TestDatabase;
  let schema: OutboxTestSchema;
  let modules: ChildModules;

  beforeAll(async () => {
    [testDatabase, modules] = await Promise.all([createTestDatabase(), transpileForChild()]);
    schema = await createOutboxTestSchema(testDatabase.database);
  });
  afterAll(async () => {
    await Promise.all([testDatabase?.drop(), modules?.remove()]);
  });

  it('loses no event: a relay started afterwards delivers it, exactly once', async () => {
    const database = testDatabase.database;
    const child = await runChild('commit-then-die.child.mjs', {
      ...modules.env,
      DATABASE_URL: testDatabase.url ?? '',
      OUTBOX_SCHEMA: schema.schema,
      OFFICE_CODE: 'K-1',
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const { committed } = JSON.parse(child.stdout) as { committed: string };

    // The child's transaction committed the office and its event; nothing published it.
    const offices = rowsOf<{ code: string }>(await database.db.execute(sql`SELECT code FROM ${sql.identifier(schema.schema)}.offices`));
    expect(offices).toEqual([{ code: 'K-1' }]);
    expect(await outboxRows(database, schema.schema)).toMatchObject([{ eventId: committed, publishedAt: null, attempts: 0 }]);

    const queue: EventQueue = new InProcessEventQueue({ logger: testLogger });
    await swallowOfficeEventsExcept(queue, QUEUE);
    const handler = consumeIdempotently({
      database,
      tables: schema.tables,
      consumer: QUEUE,
      logger: testLogger,
      handle: (tx, event) => incrementCounter(tx, schema.schema, event.type === 'office.created' ? event.payload.code : ''),
    });
    await queue.consume(QUEUE, async (event) => {
      await recordDelivery(database, schema.schema, event.id);
      await handler(event);
    });
    // Two relays, as after a restart with more than one replica; the polling one finds the event by itself.
    const relay = startOutboxRelay({ database, tables: schema.tables, queue, logger: testLogger, pollIntervalMs: 50 });
    const second = startOutboxRelay({ database, tables: schema.tables, queue, logger: testLogger, pollIntervalMs: 50 });
    try {
      await waitFor(async () => ((await counterValue(database, schema.schema, 'K-1')) === 1 ? true : undefined), {
        what: 'the relay to deliver the dead process\'s event',
      });
      await waitFor(async () => ((await outboxRows(database, schema.schema))[0]?.publishedAt ? true : undefined), {
        what: 'the row to be marked published',
      });
      expect(await relay.drain()).toBe(0);
      expect(await second.drain()).toBe(0);
    } finally {
      await Promise.all([relay.stop(), second.stop()]);
      await queue.close();
    }
    expect(await counterValue(database, schema.schema, 'K-1')).toBe(1);
    expect(await deliveries(database, schema.schema)).toEqual([{ eventId: committed, pid: process.pid }]);
  });
});
