// A Bull worker that takes a job, lets consumeIdempotently apply the effect and commit, and dies (SIGKILL) before Bull
// hears the job is done, so the job stalls and Bull hands it out again. It uses the real createEventQueue
// (BullEventQueue) and consumeIdempotently, transpiled by child-modules.ts; only the test's effect is written here.
import { writeSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';

const { DATABASE_URL, REDIS_URL, BULL_PREFIX, OUTBOX_SCHEMA, CONSUMER_QUEUE, COUNTER } = process.env;
const { openDatabase } = await import(process.env.POSTAL_DB_MODULE);
const { outboxTables, createEventQueue, consumeIdempotently } = await import(process.env.POSTAL_OUTBOX_MODULE);

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const schema = sql.identifier(OUTBOX_SCHEMA);
const database = await openDatabase({ url: DATABASE_URL, poolSize: 2 });
const queue = createEventQueue({
  redisUrl: REDIS_URL,
  prefix: BULL_PREFIX,
  logger: silent,
  // A short lock, so the job this process dies holding is seen as stalled about a second later.
  bull: { stall: { lockDurationMs: 1_000, stalledIntervalMs: 200 } },
});
const handler = consumeIdempotently({
  database,
  tables: outboxTables(pgSchema(OUTBOX_SCHEMA)),
  consumer: CONSUMER_QUEUE,
  logger: silent,
  handle: async (tx) => {
    await tx.execute(sql`INSERT INTO ${schema}.counters (name, value) VALUES (${COUNTER}, 1)
                         ON CONFLICT (name) DO UPDATE SET value = counters.value + 1`);
  },
});
await queue.consume(CONSUMER_QUEUE, async (event) => {
  await database.db.execute(sql`INSERT INTO ${schema}.deliveries (event_id, pid) VALUES (${event.id}, ${process.pid})`);
  await handler(event);
  // The effect is committed and Bull has not been told; die now.
  writeSync(1, `${JSON.stringify({ applied: event.id, pid: process.pid })}\n`);
  process.kill(process.pid, 'SIGKILL');
});
writeSync(1, `${JSON.stringify({ consuming: CONSUMER_QUEUE })}\n`);
