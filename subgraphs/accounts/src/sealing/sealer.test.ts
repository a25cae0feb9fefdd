import { rowsOf } from '@postal/db';
import { needs, waitFor, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntryInTx } from '../journal/posting.js';
import { createLedgerDatabase, post, SERVICE_ORIGIN, TODAY, transfer } from '../journal/test-support/ledger.js';
import { SEALER_LOCK_NAME } from './repository.js';
import { sealAllJournal, sealJournalBatch, startJournalSealer } from './sealer.js';
import { chainShape, entryCount, positionsOf, sealEverything, waitUntilSealable } from './test-support/seals.js';
import { verifyLedger } from './verify.js';

/**
 * The sealer against the database (PGlite, or a PostgreSQL database of its own with DATABASE_URL). Tests share one
 * ledger and run in order; each leaves every entry sealed in a chain that verifies.
 */
let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(() => testDatabase?.drop());
/** Room to wait for other transactions on a shared server (test-support/seals.ts). */
const WAITS = { timeout: 150_000 };

const postTransfers = async (count: number, amount = '10.00') => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await post(testDatabase, transfer('HO1:1100', 'HO1:2100', amount))).entry.id);
  return ids;
};

/** The whole chain is gapless, one seal per entry, in (xid, seq) order, and verifies. */
async function expectCompleteChain(): Promise<void> {
  const { database } = testDatabase;
  const entries = await entryCount(database);
  expect(await chainShape(database)).toEqual({ seals: entries, maxPosition: entries, distinctEntries: entries, ordered: true });
  expect(await verifyLedger(database)).toMatchObject({ ok: true, checkedEntries: entries, unsealedEntries: 0, sealedThrough: String(entries) });
}

describe('sealJournalBatch', WAITS, () => {
  it('seals committed entries in (xid, seq) order at gapless positions, a batch at a time, and then nothing more', async () => {
    const { database } = testDatabase;
    const ids = await postTransfers(7);
    await waitUntilSealable(database);
    expect(await sealJournalBatch(database, { limit: 3 })).toBe(3);
    expect(await sealJournalBatch(database, { limit: 3 })).toBe(3);
    expect(await sealJournalBatch(database, { limit: 3 })).toBe(1);
    expect(await sealJournalBatch(database, { limit: 3 })).toBe(0);
    const positions = await positionsOf(database, ids);
    expect(ids.map((id) => positions.get(id))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await expectCompleteChain();
  });

  it('seals the entries of one transaction (one xid) in seq order', async () => {
    const { database } = testDatabase;
    const ids = await database.db.transaction(async (tx) => {
      const written: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        written.push((await postEntryInTx(tx, transfer('HO1:1100', 'HO1:2100', '1.00'), { origin: SERVICE_ORIGIN, today: TODAY })).entry.id);
      }
      return written;
    });
    await waitUntilSealable(database);
    expect(await sealAllJournal(database)).toBe(3);
    const positions = await positionsOf(database, ids);
    expect(ids.map((id) => positions.get(id))).toEqual([8, 9, 10]);
    await expectCompleteChain();
  });

  it('refuses a limit it would not keep', async () => {
    for (const limit of [0, -1, 1.5, 5_001]) await expect(sealJournalBatch(testDatabase.database, { limit })).rejects.toThrow(RangeError);
  });

  it('leaves nothing half-sealed when a batch fails part way, and the next run seals from the same head', async () => {
    const { database } = testDatabase;
    await postTransfers(5);
    await waitUntilSealable(database);
    const before = (await chainShape(database)).seals;
    // The batch fails at its fourth seal, after writing three: all three must roll back.
    await database.db.execute(sql.raw(`create function accounts.test_die() returns trigger language plpgsql as $$
      begin if new.position = ${before + 4} then raise exception 'sealer died'; end if; return new; end $$`));
    await database.db.execute(sql`create trigger test_die before insert on accounts.journal_seals for each row execute function accounts.test_die()`);
    try {
      await expect(sealJournalBatch(database)).rejects.toSatisfy((error: unknown) => String((error as { cause?: unknown }).cause ?? error).includes('sealer died'));
      expect((await chainShape(database)).seals).toBe(before);
    } finally {
      await database.db.execute(sql`drop trigger test_die on accounts.journal_seals`);
      await database.db.execute(sql`drop function accounts.test_die()`);
    }
    expect(await sealAllJournal(database)).toBe(5);
    await expectCompleteChain();
  });
});

describe('the sealing loop', WAITS, () => {
  it('seals what is waiting when it starts, seals again when nudged, and stops cleanly', async () => {
    const { database } = testDatabase;
    await postTransfers(4);
    await waitUntilSealable(database);
    // An hour between runs: only the start and the nudge can explain sealing within the test.
    const sealer = startJournalSealer({ database, logger: pino({ level: 'silent' }), intervalMs: 3_600_000 });
    const allSealed = async () => ((await chainShape(database)).seals === (await entryCount(database)) ? true : undefined);
    try {
      await waitFor(allSealed, { what: 'the first run' });
      await postTransfers(3);
      expect(await allSealed()).toBeUndefined();
      await waitUntilSealable(database);
      sealer.nudge();
      await waitFor(allSealed, { what: 'the nudged run' });
    } finally {
      await sealer.stop();
    }
    await expectCompleteChain();
  });
});

describe.runIf(needs('postgres'))('concurrency [needs PostgreSQL]', WAITS, () => {
  it('holds back entries of transactions still open, seals older committed ones meanwhile, and seals the rest in (xid, seq) order once they commit', async () => {
    const { database } = testDatabase;
    await sealEverything(database);
    const [older] = await postTransfers(1);
    // A transaction that posts (so it has an xid) and stays open until the test lets it commit. It posts to another
    // office's accounts, so it holds no lock the other postings wait for.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let openEntryId: string | undefined;
    const open = database.db.transaction(async (tx) => {
      openEntryId = (await postEntryInTx(tx, transfer('HO2:1100', 'HO2:2100', '5.00'), { origin: SERVICE_ORIGIN, today: TODAY })).entry.id;
      await committed;
    });
    await waitFor(() => openEntryId);
    // Committed after the open transaction took its xid, so its xid is higher: held back too.
    const [newer] = await postTransfers(1);
    try {
      await waitFor(async () => {
        await sealAllJournal(database);
        return (await positionsOf(database, [older!])).has(older!) ? true : undefined;
      }, { timeoutMs: 60_000, what: 'the older committed entry to be sealed' });
      expect(await sealAllJournal(database)).toBe(0);
      expect(await positionsOf(database, [openEntryId!, newer!])).toEqual(new Map());
      expect(await verifyLedger(database)).toMatchObject({ ok: true, unsealedEntries: 1 });
    } finally {
      commit();
      await open;
    }
    await sealEverything(database);
    const positions = await positionsOf(database, [older!, openEntryId!, newer!]);
    // The open transaction's entry comes before the newer one, although the newer one committed first.
    expect([positions.get(openEntryId!), positions.get(newer!)]).toEqual([positions.get(older!)! + 1, positions.get(older!)! + 2]);
    await expectCompleteChain();
  });

  it('gives way at once while another sealer holds the lock, and seals once it is free', async () => {
    const { database } = testDatabase;
    await postTransfers(2);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    const holder = database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${SEALER_LOCK_NAME}, 0))`);
      held = true;
      await released;
    });
    try {
      await waitFor(() => (held ? true : undefined));
      const started = performance.now();
      expect(await sealJournalBatch(database)).toBe(0);
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      release();
      await holder;
    }
    await sealEverything(database);
    await expectCompleteChain();
  });

  it('never seals an entry twice with several sealers running while entries are posted', async () => {
    const { database } = testDatabase;
    let producing = true;
    let sealed = 0;
    const sealer = async () => {
      while (producing) {
        const count = await sealJournalBatch(database, { limit: 7 });
        sealed += count;
        if (count === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    const before = (await chainShape(database)).seals;
    const sealers = Array.from({ length: 4 }, sealer);
    const writers = Array.from({ length: 6 }, () => postTransfers(25, '1.00'));
    await Promise.all(writers);
    producing = false;
    await Promise.all(sealers);
    await sealEverything(database);
    const shape = await chainShape(database);
    expect(shape.seals - before).toBe(150);
    expect(sealed).toBeLessThanOrEqual(150);
    await expectCompleteChain();
  });
});

describe('reading what is hashed', () => {
  it('hashes microseconds and the stored scale of amounts, read as PostgreSQL text', async () => {
    const { database } = testDatabase;
    const [row] = rowsOf<{ posted_at: string; amount: string }>(
      await database.db.execute(sql`select to_char(e.posted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as posted_at, p.amount::text as amount
                                    from accounts.journal_entries e join accounts.postings p on p.entry_id = e.id order by e.seq limit 1`),
    );
    expect(row!.posted_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(row!.amount).toBe('10.00');
  });
});
