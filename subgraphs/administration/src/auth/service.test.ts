import type { SignedRequestContext } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryNotifier } from '@postal/notify';
import { seedDemoAdministration } from '../seed/demo.js';
import { createStaffService } from '../staff/service.js';
import { identityOf, requestAs } from '../test-support/identities.js';
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
    expect(claims).toMatchObject({ username: 'clerk', roles: ['COUNTER_CLERK'], officeCode: 'NDGPO', sessionVersion: 0, passwordChangeRequired: false });
    // Each sign-in is a session of its own, which logout can end alone.
    const second = await verifyAccessToken((await service().login(context, 'clerk', 'demo')).token, publicKey);
    expect(claims.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.sessionId).not.toBe(claims.sessionId);
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
    await testDatabase.database.db.execute(
      sql`update administration.staff set status = 'SUSPENDED', suspended_at = now(), suspension_reason = 'test' where username = 'auditor'`,
    );
    await expect(service().login(context, 'auditor', 'demo')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('audits an unknown username without creating any staff', async () => {
    await expect(service().login(context, 'ghost', 'demo')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((await outboxActions()).at(-1)).toEqual({ action: 'LOGIN_FAILED', reason: 'UNKNOWN_USER', username: 'ghost' });
  });
});

describe('temporary passwords and changePassword', () => {
  const notifier = createMemoryNotifier();
  const staffService = () => createStaffService({ database: testDatabase.database, clock: () => now, timeZone: 'Asia/Kolkata', notifier });
  /** The temporary password as its owner received it (the notifier), never from the command's answer. */
  const passwordSentTo = (username: string) => /password is ([A-Z0-9]+)/.exec(notifier.latest(username, 'TEMPORARY_PASSWORD')?.body ?? '')![1]!;
  const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { code?: string }) => error.code ?? 'THROWN');

  async function newcomer(username: string, employeeId: string) {
    const admin = await identityOf(testDatabase.database.db, 'admin');
    await staffService().createStaff(requestAs(admin), { employeeId, username, name: 'New Comer', officeCode: 'NDGPO-KB' });
    return { temporaryPassword: passwordSentTo(username) };
  }

  it('signs in once with a temporary password, which then must be changed, and then works no more', async () => {
    const { temporaryPassword } = await newcomer('newcomer', '30000001');
    const first = await service().login(context, 'newcomer', temporaryPassword);
    expect(first.staff).toMatchObject({ username: 'newcomer', mustChangePassword: true, roles: [] });
    const firstClaims = await verifyAccessToken(first.token, publicKey);
    expect(firstClaims).toMatchObject({ grants: [], passwordChangeRequired: true });
    await expect(service().login(context, 'newcomer', temporaryPassword)).rejects.toMatchObject({ code: 'TEMPORARY_PASSWORD_USED' });
    expect((await outboxActions()).at(-1)).toMatchObject({ action: 'LOGIN_FAILED', reason: 'TEMPORARY_PASSWORD_USED' });

    const me = { ...(await identityOf(testDatabase.database.db, 'newcomer')), ...firstClaims };
    const changed = await service().changePassword(requestAs(me), temporaryPassword, 'a long new passphrase');
    expect(changed.staff.mustChangePassword).toBe(false);
    // A fresh token for the same session, past the version every earlier token of theirs is now refused below.
    expect(await verifyAccessToken(changed.token, publicKey)).toMatchObject({
      sessionId: firstClaims.sessionId,
      sessionVersion: firstClaims.sessionVersion + 1,
      passwordChangeRequired: false,
    });
    const revocations = rowsOf<{ min_version: number; reason: string }>(
      await testDatabase.database.db.execute(
        sql`select r.min_version, r.reason from administration.session_revocations r join administration.staff s on s.id = r.staff_id where s.username = 'newcomer'`,
      ),
    );
    expect(revocations).toEqual([{ min_version: firstClaims.sessionVersion + 1, reason: 'PASSWORD_CHANGED' }]);
    expect((await outboxActions()).at(-1)).toMatchObject({ action: 'PASSWORD_CHANGED' });
    await expect(service().login(context, 'newcomer', temporaryPassword)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const again = await service().login(context, 'newcomer', 'a long new passphrase');
    expect(again.staff.mustChangePassword).toBe(false);
    // Their own password signs in as often as they like.
    await expect(service().login(context, 'newcomer', 'a long new passphrase')).resolves.toBeDefined();
  });

  it('checks the password rules before the current password, and never says which rule to a wrong current password', async () => {
    await newcomer('rules', '30000002');
    const me = await identityOf(testDatabase.database.db, 'rules');
    const weak = async (current: string, next: string) => {
      try {
        await service().changePassword(requestAs(me), current, next);
        return 'OK';
      } catch (error) {
        const { code, details } = error as { code: string; details?: { problems?: string[] } };
        return code === 'WEAK_PASSWORD' ? details!.problems!.join(',') : code;
      }
    };
    expect(await weak('anything', 'short')).toBe('TOO_SHORT');
    expect(await weak('anything', 'RULES')).toBe('TOO_SHORT,SAME_AS_USERNAME');
    expect(await weak('same as before!', 'same as before!')).toBe('SAME_AS_CURRENT');
    expect(await weak('not the current one', 'a perfectly good one')).toBe('WRONG_PASSWORD');
  });

  it('counts wrong current passwords towards the lockout, which an administrator reset lifts', async () => {
    await newcomer('guesser', '30000003');
    const me = await identityOf(testDatabase.database.db, 'guesser');
    const codes: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) codes.push(await codeOf(service().changePassword(requestAs(me), `guess ${attempt}`, 'a perfectly good one')));
    expect(codes).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    expect((await outboxActions()).filter((event) => event.action === 'PASSWORD_CHANGE_FAILED').length).toBeGreaterThanOrEqual(3);

    const admin = await identityOf(testDatabase.database.db, 'admin');
    await staffService().resetPassword(requestAs(admin), me.staffId);
    const temporaryPassword = passwordSentTo('guesser');
    await expect(service().login(context, 'guesser', temporaryPassword)).resolves.toMatchObject({ staff: { mustChangePassword: true } });
    // The reset ended the sessions from before it: a token of version 0 does not get to choose the password.
    await expect(service().changePassword(requestAs({ ...me, sessionVersion: 0 }), temporaryPassword, 'a perfectly good one')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'the session has ended; sign in again',
    });
    await expect(service().changePassword(requestAs(me), temporaryPassword, 'a perfectly good one')).resolves.toMatchObject({ staff: { mustChangePassword: false } });
  });

  it('refuses anyone not signed in as staff, and suspended staff', async () => {
    await expect(service().changePassword(context, 'x', 'a perfectly good one')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const auditor = await identityOf(testDatabase.database.db, 'auditor');
    await expect(service().changePassword(requestAs(auditor), 'demo', 'a perfectly good one')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
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
