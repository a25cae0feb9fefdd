import { rowsOf, type Database, type Db } from '@postal/db';
import { createTestDatabase, needs, waitFor, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { pino } from 'pino';
import { PoisonMessageError } from '@postal/outbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAdministration } from '../seed/demo.js';
import { sealAll, sealBatch, startAuditSealer } from './sealer.js';
import { createAuditService } from './service.js';
import { auditConsumer, chainShape, count, databaseMessage, deliver, sampleEvent } from './test-support/db.js';

/**
 * Storing and sealing against the database (PGlite, or a PostgreSQL database of its own with DATABASE_URL): the
 * append-only guard, exactly-once storing and sealing, out-of-order commits, a sealer dying mid-batch, and a
 * throughput run. Tests here share one database and run in order; each leaves the chain complete and valid.
 */
let testDatabase: TestDatabase;
const auditor = {
  kind: 'staff' as const,
  staffId: '00000000-0000-4000-8000-0000000a0d17',
  username: 'auditor',
  roles: ['AUDITOR'],
  officeCode: 'DL',
  officePath: 'DL',
  grants: [{ permission: 'audit.read', scope: 'SUBTREE' as const }, { permission: 'audit.verify', scope: 'SUBTREE' as const }],
};
const verify = () => createAuditService(testDatabase.database).verifyAuditTrail(auditor, null, null);

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('storing', () => {
  it('stores each event once however often it is delivered, with its office path, and queues it for sealing', async () => {
    const { database } = testDatabase;
    const event = sampleEvent(1);
    await deliver(database, [event, event, event], 3);
    const rows = rowsOf<{ office_path: string | null; queued: boolean }>(
      await database.db.execute(sql`select e.office_path, exists (select 1 from administration.audit_pending p where p.record_id = e.id) as queued
                                    from administration.audit_events e where e.event_id = ${event.id}`),
    );
    expect(rows).toEqual([{ office_path: 'DL/DL-NDC/NDGPO', queued: true }]);
  });

  it('refuses, as a poison message, an event the chain could not hash, and stores nothing of it', async () => {
    const { database } = testDatabase;
    let deep: Record<string, unknown> = { leaf: true };
    for (let level = 0; level < 40; level += 1) deep = { deeper: deep };
    const event = sampleEvent(9, { before: deep });
    await expect(auditConsumer(database)(event)).rejects.toBeInstanceOf(PoisonMessageError);
    const rows = rowsOf(await database.db.execute(sql`select 1 from administration.audit_events where event_id = ${event.id}`));
    expect(rows).toEqual([]);
  });

  it('stores an office it does not know, and no office, with no path', async () => {
    const { database } = testDatabase;
    await deliver(database, [sampleEvent(2, { officeCode: 'NOWHERE' }), sampleEvent(3, { officeCode: undefined })]);
    const rows = rowsOf<{ office_code: string | null; office_path: string | null }>(
      await database.db.execute(sql`select office_code, office_path from administration.audit_events where target_id in ('MO-2', 'MO-3') order by target_id`),
    );
    expect(rows).toEqual([{ office_code: 'NOWHERE', office_path: null }, { office_code: null, office_path: null }]);
  });
});

describe('sealing', () => {
  it('seals every pending record exactly once, at gapless positions, and the chain verifies', async () => {
    const { database } = testDatabase;
    await deliver(database, Array.from({ length: 25 }, (_, i) => sampleEvent(100 + i)));
    const sealed = await sealAll(database, 10);
    expect(sealed).toBe(await count(database, 'audit_events'));
    expect(await count(database, 'audit_pending')).toBe(0);
    expect(await chainShape(database)).toEqual({ seals: sealed, maxPosition: sealed, distinctRecords: sealed });
    expect(await sealBatch(database)).toEqual({ sealed: 0, busy: false, unsealable: [] });
    expect(await verify()).toMatchObject({ ok: true, checked: sealed, firstBrokenRecord: null, unsealed: 0 });
  });

  it('seals a record that committed after a record with a higher id was sealed, at the next position', async () => {
    const { database } = testDatabase;
    // Ids are handed out at insert, not at commit; explicit ids stand in for a slow transaction's earlier id.
    const insert = (id: number, target: string) =>
      database.db.execute(sql`insert into administration.audit_events
        (id, event_id, source, occurred_at, action, outcome, actor_kind, actor)
        values (${id}, gen_random_uuid(), 'accounts', now(), 'JOURNAL_POSTED', 'SUCCESS', 'service', ${JSON.stringify({ kind: 'service', id: target })}::jsonb)`);
    await insert(1_000_002, 'higher');
    await sealAll(database);
    await insert(1_000_001, 'lower, committed later');
    await sealAll(database);
    const rows = rowsOf<{ record_id: string; position: string }>(
      await database.db.execute(sql`select record_id::text, position::text from administration.audit_chain
                                    where record_id in (1000001, 1000002) order by position`),
    );
    expect(rows.map((row) => row.record_id)).toEqual(['1000002', '1000001']);
    expect(Number(rows[1]!.position)).toBe(Number(rows[0]!.position) + 1);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('keeps every record exactly once with several sealers and producers running at once', async () => {
    const { database } = testDatabase;
    const before = await count(database, 'audit_events');
    let busy = 0;
    let producing = true;
    const sealer = async () => {
      while (producing) {
        const outcome = await sealBatch(database, 50);
        if (outcome.busy) busy += 1;
        // An idle sealer pauses a moment, so on PGlite (one connection) it does not starve the producers.
        if (outcome.sealed === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    const sealers = Array.from({ length: 4 }, sealer);
    await deliver(database, Array.from({ length: 400 }, (_, i) => sampleEvent(1_000 + i)), 8);
    producing = false;
    await Promise.all(sealers);
    await sealAll(database);
    const total = await count(database, 'audit_events');
    expect(total).toBe(before + 400);
    expect(await chainShape(database)).toEqual({ seals: total, maxPosition: total, distinctRecords: total });
    expect(await verify()).toMatchObject({ ok: true, checked: total, unsealed: 0 });
    // On PostgreSQL the sealers overlap and all but one give way; PGlite runs transactions one at a time.
    if (database.kind === 'postgres') console.info(`concurrent sealers gave way ${busy} time(s)`);
  });
});

describe('the sealing loop', () => {
  it('seals what is pending when it starts, seals again when nudged, and stops cleanly', async () => {
    const { database } = testDatabase;
    await deliver(database, Array.from({ length: 30 }, (_, i) => sampleEvent(2_000 + i)));
    // An hour between runs: only the start and the nudge can explain sealing within the test.
    const sealer = startAuditSealer({ database, logger: pino({ level: 'silent' }), intervalMs: 3_600_000 });
    try {
      await waitFor(async () => ((await count(database, 'audit_pending')) === 0 ? true : undefined), { what: 'the first run' });
      await deliver(database, Array.from({ length: 5 }, (_, i) => sampleEvent(3_000 + i)));
      expect(await count(database, 'audit_pending')).toBe(5);
      sealer.nudge();
      await waitFor(async () => ((await count(database, 'audit_pending')) === 0 ? true : undefined), { what: 'the nudged run' });
    } finally {
      await sealer.stop();
    }
    const total = await count(database, 'audit_events');
    expect(await chainShape(database)).toEqual({ seals: total, maxPosition: total, distinctRecords: total });
  });
});

describe('append-only', () => {
  const refusals: Array<[string, string]> = [
    ['UPDATE of a record', `update administration.audit_events set reason = 'edited' where id = (select min(id) from administration.audit_events)`],
    ['DELETE of a record', `delete from administration.audit_events where id = (select min(id) from administration.audit_events)`],
    ['TRUNCATE of the records', `truncate administration.audit_events cascade`],
    ['UPDATE of a seal', `update administration.audit_chain set hash = repeat('a', 64) where position = 1`],
    ['DELETE of a seal', `delete from administration.audit_chain where position = 1`],
    ['TRUNCATE of the chain', `truncate administration.audit_chain`],
  ];
  it.each(refusals)('the database refuses %s', async (_name, statement) => {
    const error = await testDatabase.database.db.execute(sql.raw(statement)).then(() => null, (caught: unknown) => caught);
    expect(error).not.toBeNull();
    expect(databaseMessage(error)).toMatch(/append-only/);
  });

  it('refuses a seal that does not follow the one before it, or skips a position', async () => {
    const { database } = testDatabase;
    const [head] = rowsOf<{ position: number; hash: string }>(
      await database.db.execute(sql`select position::int, hash from administration.audit_chain order by position desc limit 1`),
    );
    await database.db.execute(sql`insert into administration.audit_events (event_id, source, occurred_at, action, outcome, actor_kind, actor)
      values (gen_random_uuid(), 'accounts', now(), 'JOURNAL_POSTED', 'SUCCESS', 'service', '{"kind":"service"}'::jsonb)`);
    const forge = (position: number, previousHash: string) =>
      database.db
        .execute(sql`insert into administration.audit_chain (position, record_id, event_id, previous_hash, hash)
          select ${position}, id, event_id, ${previousHash}, repeat('b', 64) from administration.audit_events order by id desc limit 1`)
        .then(() => null, (caught: unknown) => databaseMessage(caught));
    expect(await forge(head!.position + 1, 'c'.repeat(64))).toMatch(/does not follow/);
    expect(await forge(head!.position + 2, head!.hash)).toMatch(/does not follow/);
    await sealAll(database);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe('a sealer that dies mid-batch', () => {
  it('leaves nothing half-sealed, and the next run seals everything from the same head', async () => {
    const { database } = testDatabase;
    await deliver(database, Array.from({ length: 300 }, (_, i) => sampleEvent(5_000 + i)));
    const sealedBefore = (await chainShape(database)).seals;
    const failAt = sealedBefore + 150;
    // The batch fails at its 150th seal: the transaction has written 149 seals and must roll them all back.
    await database.db.execute(sql.raw(`create function administration.test_die() returns trigger language plpgsql as $$
      begin if new.position = ${failAt} then raise exception 'sealer died'; end if; return new; end $$`));
    await database.db.execute(sql`create trigger test_die before insert on administration.audit_chain for each row execute function administration.test_die()`);
    await expect(sealBatch(database, 1_000)).rejects.toSatisfy((error: unknown) => databaseMessage(error).includes('sealer died'));
    expect((await chainShape(database)).seals).toBe(sealedBefore);
    expect(await count(database, 'audit_pending')).toBe(300);
    await database.db.execute(sql`drop trigger test_die on administration.audit_chain`);
    await database.db.execute(sql`drop function administration.test_die()`);
    expect(await sealAll(database)).toBe(300);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe('throughput (a measurement, not a timed assertion)', () => {
  // On the embedded database each store is a slow WASM commit; a fifth of the volume shows the same thing there.
  const volume = process.env.DATABASE_URL ? 5_000 : 1_000;

  it('stores a volume of events through the consumer and seals them all into a valid chain', async () => {
    const { database } = testDatabase;
    const events = Array.from({ length: volume }, (_, i) => sampleEvent(100_000 + i));
    const before = await count(database, 'audit_events');
    const storeStart = performance.now();
    await deliver(database, events, 8);
    const storeMs = performance.now() - storeStart;
    const sealStart = performance.now();
    const sealed = await sealAll(database);
    const sealMs = performance.now() - sealStart;
    expect(sealed).toBe(volume);
    expect(await count(database, 'audit_events')).toBe(before + volume);
    const verifyStart = performance.now();
    const verification = await verify();
    const verifyMs = performance.now() - verifyStart;
    expect(verification).toMatchObject({ ok: true, checked: before + volume, unsealed: 0 });
    const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
    console.info(
      `audit throughput on ${database.kind}: stored ${rate(volume, storeMs)}/s (8 at a time), ` +
        `sealed ${rate(volume, sealMs)}/s (batches of 1,000), verified ${rate(verification.checked, verifyMs)}/s`,
    );
  }, 180_000);
});

describe.runIf(needs('postgres'))('commit order and real crashes [needs PostgreSQL]', () => {
  const insertOn = (client: pg.Client, target: string) =>
    client.query<{ id: string }>(
      `insert into administration.audit_events (event_id, source, occurred_at, action, outcome, actor_kind, actor)
       values (gen_random_uuid(), 'accounts', now(), 'JOURNAL_POSTED', 'SUCCESS', 'service', $1::jsonb) returning id::text`,
      [JSON.stringify({ kind: 'service', id: target })],
    );

  it('seals a record whose transaction took a lower id but committed after a higher one was sealed', async () => {
    const { database, url } = testDatabase;
    const slow = new pg.Client({ connectionString: url });
    const fast = new pg.Client({ connectionString: url });
    await Promise.all([slow.connect(), fast.connect()]);
    try {
      await slow.query('begin');
      const lower = (await insertOn(slow, 'slow')).rows[0]!.id;
      const higher = (await insertOn(fast, 'fast')).rows[0]!.id; // autocommit: committed now
      expect(Number(higher)).toBeGreaterThan(Number(lower));
      await sealAll(database);
      await slow.query('commit');
      await sealAll(database);
      const rows = rowsOf<{ record_id: string }>(
        await database.db.execute(sql`select record_id::text from administration.audit_chain
                                      where record_id in (${Number(lower)}, ${Number(higher)}) order by position`),
      );
      expect(rows.map((row) => row.record_id)).toEqual([higher, lower]);
      expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
    } finally {
      await Promise.all([slow.end(), fast.end()]);
    }
  });

  it('leaves nothing half-sealed when the sealer\'s connection dies mid-batch, and the next run carries on', async () => {
    const { database } = testDatabase;
    await deliver(database, Array.from({ length: 200 }, (_, i) => sampleEvent(900_000 + i)));
    const sealedBefore = (await chainShape(database)).seals;
    // The 100th seal of the batch waits, so the batch is half written when its backend is killed.
    await database.db.execute(sql.raw(`create function administration.test_stall() returns trigger language plpgsql as $$
      begin if new.position = ${sealedBefore + 100} then perform pg_sleep(30); end if; return new; end $$`));
    await database.db.execute(sql`create trigger test_stall before insert on administration.audit_chain for each row execute function administration.test_stall()`);
    // The dying sealer has a connection of its own, listened to, so its death is the test's and not the process's.
    const connection = new pg.Client({ connectionString: testDatabase.url });
    connection.on('error', () => {});
    await connection.connect();
    const sealerDatabase: Database = { db: drizzle(connection) as unknown as Db, kind: 'postgres', description: 'dying sealer', close: () => connection.end() };
    const dying = sealBatch(sealerDatabase, 1_000).then(() => 'finished', (error: unknown) => databaseMessage(error));
    const pid = await waitFor(async () => {
      const [row] = rowsOf<{ pid: number }>(
        await database.db.execute(sql`select pid from pg_stat_activity
          where datname = current_database() and wait_event = 'PgSleep' and pid <> pg_backend_pid()`),
      );
      return row?.pid;
    }, { what: 'the sealer to stall mid-batch' });
    await database.db.execute(sql`select pg_terminate_backend(${pid})`);
    expect(await dying).toMatch(/terminat/i);
    await connection.end().catch(() => undefined);
    await database.db.execute(sql`drop trigger test_stall on administration.audit_chain`);
    await database.db.execute(sql`drop function administration.test_stall()`);
    expect((await chainShape(database)).seals).toBe(sealedBefore);
    expect(await count(database, 'audit_pending')).toBe(200);
    expect(await sealAll(database)).toBe(200);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe('a row written around the consumer that has no canonical form', () => {
  it('is left pending and reported, and does not hold up the records after it', async () => {
    const { database } = testDatabase;
    // 1e400 is a valid jsonb number but no JavaScript number: it has no canonical form.
    await database.db.execute(sql`insert into administration.audit_events (event_id, source, occurred_at, action, outcome, actor_kind, actor, before)
      values (gen_random_uuid(), 'accounts', now(), 'JOURNAL_POSTED', 'SUCCESS', 'service', '{"kind":"service"}'::jsonb, '{"amount": 1e400}'::jsonb)`);
    await deliver(database, [sampleEvent(7_777_777)]);
    const outcome = await sealBatch(database);
    expect(outcome).toMatchObject({ sealed: 1, busy: false, unsealable: [expect.stringMatching(/^\d+$/)] });
    expect(await sealAll(database)).toBe(0);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 1 });
  });
});
