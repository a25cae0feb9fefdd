import type { SignedRequestContext } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { createTestDatabase, needs, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAdministration } from '../seed/demo.js';
import { identityOf, requestAs } from '../test-support/identities.js';
import { createSessionService, endAllSessionsInTx } from './service.js';

let testDatabase: TestDatabase;
const gateway: SignedRequestContext = requestAs({ kind: 'service', service: 'gateway' });
const service = () => createSessionService({ database: testDatabase.database, tokenTtlSeconds: 600 });
let staffId = '';

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
  staffId = (await identityOf(testDatabase.database.db, 'clerk')).staffId;
}, 60_000);
afterAll(() => testDatabase?.drop());

/** Rows already read: the feed may offer a row again while an older transaction (any test's) is still running. */
const known = new Set<string>();

/** Every page from a cursor on, as the gateway reads them: the rows not read before, in feed order. */
async function readAll(after: string | undefined) {
  const seen: Array<{ minVersion: number | null; sessionId: string | null }> = [];
  let cursor = after;
  for (let page = 0; page < 10; page += 1) {
    const answer = await service().revocations(gateway, cursor, 100);
    for (const { id, minVersion, sessionId } of answer.revocations) {
      if (!known.has(id)) seen.push({ minVersion, sessionId });
      known.add(id);
    }
    const moved = answer.cursor !== cursor;
    cursor = answer.cursor;
    if (!answer.hasMore || !moved) break;
  }
  return { seen, cursor: cursor! };
}

describe('the session feed', () => {
  it('is for the gateway only', async () => {
    await expect(service().revocations(requestAs({ kind: 'service', service: 'accounts' }), null, 10)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().revocations(requestAs(await identityOf(testDatabase.database.db, 'admin')), null, 10)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().revocations(gateway, 'not a cursor', 10)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('offers only unexpired rows to a gateway that starts, then every row after its cursor, page by page', async () => {
    await testDatabase.database.db.transaction(async (tx) => {
      await endAllSessionsInTx(tx, staffId, 'SUSPENDED', 600);
    });
    // A row that no longer refuses anything: a starting gateway is not given it.
    await testDatabase.database.db.execute(
      sql`insert into administration.session_revocations (staff_id, min_version, reason, revoked_at, expires_at)
          values (${staffId}, 1, 'ASSIGNED', now() - interval '2 hours', now() - interval '1 hour')`,
    );
    const start = await readAll(undefined);
    expect(start.seen).toEqual([{ minVersion: 1, sessionId: null }]);
    const clerk = { ...(await identityOf(testDatabase.database.db, 'clerk')), sessionId: 'session-a' };
    for (const sessionId of ['session-a', 'session-b', 'session-c']) expect(await service().logout(requestAs({ ...clerk, sessionId }))).toBe(true);
    await testDatabase.database.db.transaction((tx) => endAllSessionsInTx(tx, staffId, 'PASSWORD_RESET', 600));
    const next = await readAll(start.cursor);
    expect(next.seen).toEqual([
      { minVersion: null, sessionId: 'session-a' },
      { minVersion: null, sessionId: 'session-b' },
      { minVersion: null, sessionId: 'session-c' },
      { minVersion: 2, sessionId: null },
    ]);
    expect((await readAll(next.cursor)).seen).toEqual([]);
    const [version] = rowsOf<{ session_version: number }>(
      await testDatabase.database.db.execute(sql`select session_version from administration.staff where id = ${staffId}`),
    );
    expect(version!.session_version).toBe(2);
  });

  it("tells each row's remaining life by the database's clock, so a reader with another clock forgets it neither early nor late", async () => {
    // Another person than the clerk the other tests count versions of.
    const auditorId = (await identityOf(testDatabase.database.db, 'auditor')).staffId;
    await testDatabase.database.db.transaction((tx) => endAllSessionsInTx(tx, auditorId, 'ROLE_REVOKED', 600));
    const { revocations } = await service().revocations(gateway, undefined, 1_000);
    const newest = revocations.filter((row) => row.staffId === auditorId).at(-1)!;
    // 600 s of token life plus the allowed skew, counted from the database's now(), whatever this process's clock says.
    expect(newest.expiresInMs).toBeGreaterThan(600_000);
    expect(newest.expiresInMs).toBeLessThanOrEqual(660_000 + 1_000);
  });

  it('refuses to change or remove a revocation that can still refuse a token', async () => {
    const refusal = (statement: ReturnType<typeof sql>) =>
      testDatabase.database.db.execute(statement).then(
        () => 'done',
        (error: { cause?: { message?: string } }) => error.cause?.message ?? 'refused without a cause',
      );
    expect(await refusal(sql`update administration.session_revocations set min_version = 1`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from administration.session_revocations where expires_at > now()`)).toMatch(/append-only/);
    await testDatabase.database.db.execute(sql`delete from administration.session_revocations where expires_at < now()`);
  });

  it.runIf(needs('postgres'))('[needs PostgreSQL] still delivers a revocation whose transaction commits after a later one', async () => {
    const { cursor } = await readAll(undefined);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let written: () => void = () => {};
    const wroteFirst = new Promise<void>((resolve) => (written = resolve));
    // The slow transaction takes its id (and its xid) first, and commits last.
    const slow = testDatabase.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_current_xact_id()`);
      await endAllSessionsInTx(tx, staffId, 'ROLE_REVOKED', 600);
      written();
      await held;
    });
    await wroteFirst;
    const clerk = { ...(await identityOf(testDatabase.database.db, 'clerk')), sessionId: 'session-late' };
    await service().logout(requestAs(clerk));
    let whileRunning: Awaited<ReturnType<typeof readAll>>;
    try {
      whileRunning = await readAll(cursor);
      expect(whileRunning.seen).toEqual([{ minVersion: null, sessionId: 'session-late' }]);
    } finally {
      release();
      await slow;
    }
    // A cursor on ids alone would now stand past the slow row's id, and never offer it.
    expect((await readAll(whileRunning.cursor)).seen).toContainEqual({ minVersion: 3, sessionId: null });
  });
});
