import { Decimal } from '@postal/money';
import { needs, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@postal/db';
import { placeHoldInTx } from './holds.js';
import { reverseEntryInTx } from './posting.js';
import { createLedgerDatabase, key, post, SERVICE_ORIGIN, sums, TODAY, transfer } from './test-support/ledger.js';

/*
 * The posting path under real concurrency (PostgreSQL; PGlite has one connection, so nothing runs concurrently there).
 * Each case starts many transactions at once through the pool and checks what committed against the rules.
 */
describe.runIf(needs('postgres'))('[needs PostgreSQL] concurrent postings', () => {
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await createLedgerDatabase();
    // Cash to move around: HO1 and HO2 receive money-order bookings.
    await post(testDatabase, transfer('HO1:1100', 'HO1:2100', '100000.00'));
    await post(testDatabase, transfer('HO2:1100', 'HO2:2100', '100000.00'));
  }, 60_000);
  afterAll(() => testDatabase?.drop());

  const settled = (promises: Array<Promise<unknown>>) => Promise.allSettled(promises);
  const codeOf = (result: PromiseSettledResult<unknown>) => (result.status === 'rejected' ? (result.reason as { code?: string }).code ?? String(result.reason) : 'OK');

  it('opposite transfers between the same accounts neither deadlock nor lose an update', async () => {
    const before = [await sums(testDatabase, 'HO1:1100'), await sums(testDatabase, 'HO2:1100')];
    const results = await settled(
      Array.from({ length: 60 }, (_, i) =>
        i % 2 === 0
          ? post(testDatabase, transfer('HO1:1100', 'HO2:1100', '1.00', { officeCode: 'HO1' }))
          : post(testDatabase, transfer('HO2:1100', 'HO1:1100', '2.00', { officeCode: 'HO2' })),
      ),
    );
    expect(results.map(codeOf).filter((code) => code !== 'OK')).toEqual([]);
    const [ho1, ho2] = [await sums(testDatabase, 'HO1:1100'), await sums(testDatabase, 'HO2:1100')];
    // 30 transfers each way: HO1 debited 30 x 1.00 and credited 30 x 2.00; HO2 the mirror.
    expect(new Decimal(ho1.debit).minus(before[0]!.debit).toFixed(2)).toBe('30.00');
    expect(new Decimal(ho1.credit).minus(before[0]!.credit).toFixed(2)).toBe('60.00');
    expect(new Decimal(ho2.debit).minus(before[1]!.debit).toFixed(2)).toBe('60.00');
    expect(new Decimal(ho2.credit).minus(before[1]!.credit).toFixed(2)).toBe('30.00');
  });

  it('parallel debits against a constrained balance never take it beyond its bound, and what fits is accepted', async () => {
    // SO1's cash holds exactly 100.00; 40 payouts of 7.00 race for it: 14 fit (98.00), 26 are refused.
    await post(testDatabase, transfer('SO1:1100', 'SO1:2100', '100.00'));
    const results = await settled(Array.from({ length: 40 }, () => post(testDatabase, transfer('SO1:2100', 'SO1:1100', '7.00'))));
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(14);
    expect(codes.filter((code) => code !== 'OK').every((code) => code === 'INSUFFICIENT_FUNDS')).toBe(true);
    const cash = await sums(testDatabase, 'SO1:1100');
    expect(new Decimal(cash.debit).minus(cash.credit).toFixed(2)).toBe('2.00');
  });

  it('a hold counts against the bound while pending: holds and postings racing for one balance never overdraw it', async () => {
    await post(testDatabase, transfer('HO2:1200', 'HO2:2200', '50.00'));
    const results = await settled(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 === 0
          ? testDatabase.database.db.transaction((tx) =>
              placeHoldInTx(
                tx,
                { idempotencyKey: key('hold'), officeCode: 'HO2', description: 'payout', source: { type: 'TEST' }, debitAccountCode: 'HO2:2200', creditAccountCode: 'HO2:1200', amount: '5.00' },
                SERVICE_ORIGIN,
                new Date(),
              ),
            )
          : post(testDatabase, transfer('HO2:2200', 'HO2:1200', '5.00')),
      ),
    );
    expect(results.map(codeOf).filter((code) => code === 'OK')).toHaveLength(10);
    const cash = await sums(testDatabase, 'HO2:1200');
    expect(new Decimal(cash.debit).minus(cash.credit).minus(cash.pendingCredit).toFixed(2)).toBe('0.00');
  });

  it('parallel replays of one idempotency key write one entry and answer it to everyone', async () => {
    const command = transfer('HO1:1100', 'HO1:4100', '3.00');
    const results = await Promise.all(Array.from({ length: 20 }, () => post(testDatabase, command)));
    expect(new Set(results.map((result) => result.entry.id)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    const [row] = rowsOf<{ count: string }>(
      await testDatabase.database.db.execute(sql`select count(*)::text as count from accounts.journal_entries where idempotency_key = ${command.idempotencyKey}`),
    );
    expect(row!.count).toBe('1');
  });

  it('racing reversals of one entry: one reversal, the others ALREADY_REVERSED', async () => {
    const { entry } = await post(testDatabase, transfer('HO1:1100', 'HO1:4100', '11.00'));
    const results = await settled(
      Array.from({ length: 12 }, () =>
        testDatabase.database.db.transaction((tx) =>
          reverseEntryInTx(tx, { entryId: entry.id, reason: 'duplicate', idempotencyKey: key('rev') }, { origin: SERVICE_ORIGIN, today: TODAY }),
        ),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'ALREADY_REVERSED')).toHaveLength(11);
    const [row] = rowsOf<{ count: string }>(
      await testDatabase.database.db.execute(sql`select count(*)::text as count from accounts.journal_entries where reverses_entry_id = ${entry.id}`),
    );
    expect(row!.count).toBe('1');
  });

  it('leaves every account equal to the sum of its postings', async () => {
    const mismatches = rowsOf<{ code: string }>(
      await testDatabase.database.db.execute(sql`
        select a.code from accounts.accounts a
        left join (select account_code,
                          coalesce(sum(amount) filter (where side = 'DEBIT'), 0) as debit,
                          coalesce(sum(amount) filter (where side = 'CREDIT'), 0) as credit
                     from accounts.postings group by account_code) p on p.account_code = a.code
        where a.debit_total <> coalesce(p.debit, 0) or a.credit_total <> coalesce(p.credit, 0)`),
    );
    expect(mismatches).toEqual([]);
  });
});
