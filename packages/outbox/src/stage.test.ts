import { rowsOf } from '@postal/db';
import { UnknownEventTypeError, parseEvent, type EventEnvelope } from '@postal/events';
import { stageEvents } from '@postal/outbox';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { officeCreated } from './test-support/fixtures.js';
import { createOutboxTestSchema, outboxRows, type OutboxTestSchema } from './test-support/outbox-schema.js';

let testDatabase: TestDatabase;
let schema: OutboxTestSchema;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  schema = await createOutboxTestSchema(testDatabase.database);
});
afterAll(async () => testDatabase?.drop());

const offices = () => sql`${sql.identifier(schema.schema)}.offices`;

async function officeCodes(): Promise<string[]> {
  const rows = rowsOf<{ code: string }>(await testDatabase.database.db.execute(sql`SELECT code FROM ${offices()} ORDER BY code`));
  return rows.map((row) => row.code);
}

/** What a service does: change state and stage the event announcing it, in one transaction. */
async function createOffice(code: string, events: EventEnvelope[], after?: () => Promise<void>): Promise<void> {
  await testDatabase.database.db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO ${offices()} (code, name) VALUES (${code}, ${`Office ${code}`})`);
    await stageEvents(tx, schema.tables, events);
    await after?.();
  });
}

describe('stageEvents', () => {
  it('commits the state change and its event together', async () => {
    const event = officeCreated('S-COMMIT', 'req-1');
    await createOffice('S-COMMIT', [event]);
    expect(await officeCodes()).toContain('S-COMMIT');
    const [row] = (await outboxRows(testDatabase.database, schema.schema)).filter((r) => r.eventId === event.id);
    expect(row).toMatchObject({ type: 'office.created', publishedAt: null, attempts: 0, lastError: null });
    const stored = await testDatabase.database.db
      .select({ envelope: schema.tables.outbox.envelope, payload: schema.tables.outbox.payload })
      .from(schema.tables.outbox);
    const match = stored.find((r) => r.envelope.id === event.id);
    expect(parseEvent(match?.envelope)).toEqual(event);
    expect(match?.payload).toEqual(event.payload);
  });

  it('leaves neither the state change nor the event when the transaction rolls back', async () => {
    const event = officeCreated('S-ROLLBACK');
    await expect(
      createOffice('S-ROLLBACK', [event], async () => {
        throw new Error('the service found a rule broken after staging');
      }),
    ).rejects.toThrow('rule broken');
    expect(await officeCodes()).not.toContain('S-ROLLBACK');
    expect((await outboxRows(testDatabase.database, schema.schema)).map((r) => r.eventId)).not.toContain(event.id);
  });

  it('leaves no event when a later statement of the same transaction fails in the database', async () => {
    await createOffice('S-TWICE', [officeCreated('S-TWICE')]);
    const second = officeCreated('S-TWICE');
    // The office insert violates the primary key after nothing else; a second attempt stages first, then fails.
    await expect(
      testDatabase.database.db.transaction(async (tx) => {
        await stageEvents(tx, schema.tables, [second]);
        await tx.execute(sql`INSERT INTO ${offices()} (code, name) VALUES ('S-TWICE', 'again')`);
      }),
    ).rejects.toThrow();
    expect((await outboxRows(testDatabase.database, schema.schema)).map((r) => r.eventId)).not.toContain(second.id);
  });

  it('refuses an invalid event, failing the producer transaction instead of the relay later', async () => {
    const tampered = { ...officeCreated('S-BAD'), payload: { code: 'S-BAD' } };
    await expect(createOffice('S-BAD', [tampered])).rejects.toThrow(ZodError);
    const unknownType = { ...officeCreated('S-UNKNOWN'), type: 'office.renamed' };
    await expect(createOffice('S-UNKNOWN', [unknownType])).rejects.toThrow(UnknownEventTypeError);
    const badId = { ...officeCreated('S-ID'), id: 'not-a-uuid' };
    await expect(createOffice('S-ID', [badId])).rejects.toThrow(ZodError);
    expect(await officeCodes()).not.toEqual(expect.arrayContaining(['S-BAD', 'S-UNKNOWN', 'S-ID']));
  });

  it('refuses to stage the same event twice', async () => {
    const event = officeCreated('S-DUP');
    await createOffice('S-DUP', [event]);
    await expect(createOffice('S-DUP-2', [event])).rejects.toThrow();
    expect(await officeCodes()).not.toContain('S-DUP-2');
  });

  it('stages several events of one transaction in order and nothing for none', async () => {
    const events = [officeCreated('S-MANY-1'), officeCreated('S-MANY-2'), officeCreated('S-MANY-3')];
    await createOffice('S-MANY', events);
    await createOffice('S-NONE', []);
    const ids = (await outboxRows(testDatabase.database, schema.schema)).map((r) => r.eventId);
    expect(ids.slice(-3)).toEqual(events.map((e) => e.id));
    expect(await officeCodes()).toContain('S-NONE');
  });
});
