import type { SignedRequestContext } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAdministration } from '../seed/demo.js';
import { createAuthService } from './service.js';
import { generateKeyPairSync } from 'node:crypto';
import { verifyAccessToken } from '@postal/auth';

const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const context: SignedRequestContext = { identity: { kind: 'anonymous' }, requestId: 'req-test', clientAddress: '10.0.0.7' };
let testDatabase: TestDatabase;
let now = new Date('2026-11-22T10:00:00Z');

function service() {
  return createAuthService({
    database: testDatabase.database,
    jwtPrivateKey: privateKey,
    tokenTtlSeconds: 600,
    lockout: { maxFailures: 3, lockMinutes: 15 },
    clock: () => now,
  });
}

async function outboxActions(): Promise<Array<{ action: string; reason: string | null; username: string | null }>> {
  return rowsOf(
    await testDatabase.database.db.execute(
      sql`select payload->>'action' as action, payload->>'reason' as reason, payload->'actor'->>'username' as username
          from administration.outbox order by id`,
    ),
  );
}

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('login against the database', () => {
  it('issues a token carrying the staff member, office and roles, and stages an audit event in the same commit', async () => {
    const result = await service().login(context, '  Clerk ', 'demo');
    const claims = await verifyAccessToken(result.token, publicKey);
    expect(claims).toMatchObject({ username: 'clerk', roles: ['COUNTER_CLERK'], officeCode: 'NDGPO' });
    expect(result.expiresAt.getTime()).toBe(now.getTime() + 600_000);
    expect((await outboxActions()).at(-1)).toEqual({ action: 'LOGIN_SUCCEEDED', reason: null, username: 'clerk' });
    const [row] = rowsOf<{ last_login_at: Date }>(
      await testDatabase.database.db.execute(sql`select last_login_at from administration.staff where username = 'clerk'`),
    );
    expect(new Date(row!.last_login_at).getTime()).toBe(now.getTime());
  });

  it('counts parallel wrong guesses one by one and locks exactly at the limit', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 6 }, () => service().login(context, 'finance', 'guess')));
    const codes = attempts.map((attempt) => (attempt.status === 'rejected' ? (attempt.reason as { code: string }).code : 'OK'));
    // Three failures reach the limit; whatever came after found the account locked.
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(2);
    expect(codes.filter((code) => code === 'ACCOUNT_LOCKED')).toHaveLength(4);
    await expect(service().login(context, 'finance', 'demo')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    const reasons = (await outboxActions()).filter((event) => event.username === 'finance').map((event) => event.reason);
    expect(reasons.filter((reason) => reason === 'WRONG_PASSWORD_NOW_LOCKED')).toHaveLength(1);
  });

  it('lets the right password in once the lock has run out', async () => {
    now = new Date(now.getTime() + 16 * 60_000);
    await expect(service().login(context, 'finance', 'demo')).resolves.toMatchObject({ staff: { username: 'finance' } });
  });

  it('refuses suspended staff with the same answer as a wrong password', async () => {
    await testDatabase.database.db.execute(sql`update administration.staff set status = 'SUSPENDED' where username = 'auditor'`);
    await expect(service().login(context, 'auditor', 'demo')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('audits an unknown username without creating anything', async () => {
    await expect(service().login(context, 'ghost', 'demo')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((await outboxActions()).at(-1)).toEqual({ action: 'LOGIN_FAILED', reason: 'UNKNOWN_USER', username: 'ghost' });
  });
});

describe('the demo seed', () => {
  it('is idempotent: a second run adds nothing and stages no event', async () => {
    const before = (await outboxActions()).length;
    expect(await seedDemoAdministration(testDatabase.database, 'test')).toEqual({ offices: 0, staff: 0 });
    expect((await outboxActions()).length).toBe(before);
  });

  it('refuses production', async () => {
    await expect(seedDemoAdministration(testDatabase.database, 'production')).rejects.toThrow(/NODE_ENV=production/);
  });

  it('stored no password in clear', async () => {
    const rows = rowsOf<{ password_hash: string }>(
      await testDatabase.database.db.execute(sql`select password_hash from administration.staff`),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$/);
  });
});
