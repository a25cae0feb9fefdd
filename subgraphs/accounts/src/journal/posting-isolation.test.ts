import type { SignedRequestContext } from '@postal/auth';
import { openDatabase, type Database } from '@postal/db';
import { Decimal } from '@postal/money';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournalService } from './service.js';
import { createLedgerDatabase, sums, transfer } from './test-support/ledger.js';

/*
 * Postings decide on account rows locked FOR UPDATE, which is right at READ COMMITTED only: at REPEATABLE READ a
 * posting that queued behind another on the same account fails with a serialization error (a 500). The posting
 * transaction names its level, so a server whose default an operator set to repeatable read changes nothing.
 */
let testDatabase: TestDatabase;
let database: Database;
const NOW = new Date('2026-11-20T06:00:00Z'); // business date 2026-11-20 in Asia/Kolkata
const service: SignedRequestContext = { identity: { kind: 'service', service: 'money-orders' }, requestId: 'r-isolation', clientAddress: undefined };

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  if (!testDatabase.url) throw new Error('this test needs a real PostgreSQL: set DATABASE_URL');
  const name = new URL(testDatabase.url).pathname.slice(1);
  await testDatabase.database.db.execute(sql.raw(`alter database ${name} set default_transaction_isolation = 'repeatable read'`));
  // A new pool: the setting applies to connections opened after it.
  database = await openDatabase({ url: testDatabase.url, poolSize: 8 });
}, 60_000);
afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

describe('postings whatever the server default isolation', () => {
  it('twenty parallel postings onto one account all post', async () => {
    const ledger = createJournalService(database, { clock: () => NOW });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        ledger.postJournalEntry(service, transfer('HO1:1100', 'HO1:2100', '5.00')).then(
          () => 'POSTED',
          (error: { code?: string; message: string }) => error.code ?? error.message.slice(0, 80),
        ),
      ),
    );
    expect(answers).toEqual(Array(20).fill('POSTED'));
    expect(new Decimal((await sums(testDatabase, 'HO1:1100')).debit).equals('100')).toBe(true);
  });
});
