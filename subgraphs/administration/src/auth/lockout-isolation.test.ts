import type { SignedRequestContext } from '@postal/auth';
import { openDatabase, rowsOf, type Database } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAdministration } from '../seed/demo.js';
import { createAuthService } from './service.js';

/*
 * The lockout counts parallel wrong guesses on the staff row locked FOR UPDATE. That is right at READ COMMITTED only
 * (the second guess reads the row the first one committed); at REPEATABLE READ the second one fails with a
 * serialization error, a 500 instead of a counted failure. So the login transaction names its level, and this test
 * runs it on a database whose default an operator has set to repeatable read.
 */
let testDatabase: TestDatabase;
let database: Database;
const context: SignedRequestContext = { identity: { kind: 'anonymous' }, requestId: 'req-isolation', clientAddress: '10.0.0.7' };

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  if (!testDatabase.url) throw new Error('this test needs a real PostgreSQL: set DATABASE_URL');
  await seedDemoAdministration(testDatabase.database, 'test');
  const name = new URL(testDatabase.url).pathname.slice(1);
  await testDatabase.database.db.execute(sql.raw(`alter database ${name} set default_transaction_isolation = 'repeatable read'`));
  // A new pool: the setting applies to connections opened after it.
  database = await openDatabase({ url: testDatabase.url, poolSize: 8 });
}, 60_000);
afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

describe('login lockout whatever the server default isolation', () => {
  it('counts every one of eight parallel wrong guesses and answers each with a rule code, never a fault', async () => {
    const [{ level }] = rowsOf<{ level: string }>(await database.db.execute(sql`select current_setting('transaction_isolation') as level`)) as [{ level: string }];
    expect(level).toBe('repeatable read');
    const service = createAuthService({
      database,
      jwtPrivateKey: 'unused: every guess is wrong',
      tokenTtlSeconds: 60,
      lockout: { maxFailures: 20, lockMinutes: 15 },
      clock: () => new Date('2026-11-22T10:00:00Z'),
    });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => service.login(context, 'clerk', 'wrong').then(() => 'OK', (error: { code?: string; message: string }) => error.code ?? error.message)),
    );
    expect(answers).toEqual(Array(8).fill('INVALID_CREDENTIALS'));
    const [row] = rowsOf<{ failed: number }>(await database.db.execute(sql`select failed_login_count as failed from administration.staff where username = 'clerk'`));
    expect(row!.failed).toBe(8);
  });
});
