// A service process that commits a state change with its event and dies (SIGKILL) before any relay publishes it.
// It uses the real openDatabase, newEvent, outboxTables and stageEvents, transpiled by child-modules.ts.
import { writeSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';

const { DATABASE_URL, OUTBOX_SCHEMA, OFFICE_CODE } = process.env;
const { openDatabase } = await import(process.env.POSTAL_DB_MODULE);
const { newEvent } = await import(process.env.POSTAL_EVENTS_MODULE);
const { outboxTables, stageEvents } = await import(process.env.POSTAL_OUTBOX_MODULE);

const database = await openDatabase({ url: DATABASE_URL, poolSize: 1 });
const tables = outboxTables(pgSchema(OUTBOX_SCHEMA));
const event = newEvent(
  'office.created',
  { code: OFFICE_CODE, name: `Office ${OFFICE_CODE}`, type: 'SUB_OFFICE', parentCode: 'BLR-HO', path: `KA/BLR/BLR-HO/${OFFICE_CODE}` },
  { source: 'administration', requestId: 'commit-then-die' },
);
await database.db.transaction(async (tx) => {
  await tx.execute(sql`INSERT INTO ${sql.identifier(OUTBOX_SCHEMA)}.offices (code, name) VALUES (${OFFICE_CODE}, 'Office')`);
  await stageEvents(tx, tables, [event]);
});
// Committed. Say so synchronously (an async stdout write could be lost), then die the hardest way there is.
writeSync(1, `${JSON.stringify({ committed: event.id })}\n`);
process.kill(process.pid, 'SIGKILL');
