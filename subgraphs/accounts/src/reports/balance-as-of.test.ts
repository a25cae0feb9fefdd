import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase } from '../journal/test-support/ledger.js';
import { balanceAsOf, balancesAsOf } from './repository.js';
import { fixed, modelTotals, play, type ModelPosting, type Step } from './test-support/scenario.js';

let testDatabase: TestDatabase;
let model: ModelPosting[];

/*
 * HO1 closes on the 2nd and the 5th. HO1:1400 moves only before the first close (its latest daily row stays the 2nd's);
 * HO1:1300 moves only after the last close (it has no daily row at all); HO1:1100 and HO1:4100 move in every period.
 */
const STEPS: Step[] = [
  { date: '2026-11-01', debit: 'HO1:1100', credit: 'HO1:4100', amount: '10.00' },
  { date: '2026-11-01', debit: 'HO1:1400', credit: 'HO1:4100', amount: '7.25' },
  { date: '2026-11-02', debit: 'HO1:1100', credit: 'HO1:4100', amount: '20.00' },
  { date: '2026-11-02', debit: 'HO1:1100', credit: 'HO1:4100', amount: '0.50' },
  { close: 'HO1', through: '2026-11-02' },
  { date: '2026-11-03', debit: 'HO1:1100', credit: 'HO1:4100', amount: '3.00' },
  { date: '2026-11-05', debit: 'HO1:4100', credit: 'HO1:1100', amount: '4.00' },
  { close: 'HO1', through: '2026-11-05' },
  { date: '2026-11-06', debit: 'HO1:1300', credit: 'HO1:1100', amount: '1.10' },
  { date: '2026-11-08', debit: 'HO1:1100', credit: 'HO1:4100', amount: '100.00' },
  { date: '2026-11-08', debit: 'HO1:1300', credit: 'HO1:1100', amount: '2.00' },
];
const ACCOUNTS = ['HO1:1100', 'HO1:1300', 'HO1:1400', 'HO1:4100'];

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  model = await play(testDatabase, STEPS);
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('the balance as of a date: the latest daily row on or before it plus the postings after that row', () => {
  it.each([
    { date: '2026-10-31', when: 'before any posting' },
    { date: '2026-11-01', when: 'before the first close, no daily row yet' },
    { date: '2026-11-02', when: 'on the first close (the daily row alone)' },
    { date: '2026-11-03', when: 'between closes (row of the 2nd + postings of the 3rd)' },
    { date: '2026-11-04', when: 'a day without postings between closes' },
    { date: '2026-11-05', when: 'on the second close' },
    { date: '2026-11-06', when: 'after the last close' },
    { date: '2026-11-07', when: 'a day without postings after the last close' },
    { date: '2026-11-08', when: 'the last day posted' },
    { date: '2026-12-31', when: 'far after everything' },
  ])('$date: $when', async ({ date }) => {
    const answered = await balancesAsOf(testDatabase.database.db, ACCOUNTS, { date });
    for (const account of ACCOUNTS) {
      expect([account, fixed(answered.get(account))]).toEqual([account, modelTotals(model, account, date)]);
    }
  });

  it('reads daily rows where they exist (the 2nd and 5th) and an idle account keeps its older row', async () => {
    const rows = rowsOf<{ account_code: string; business_date: string }>(
      await testDatabase.database.db.execute(sql`select account_code, business_date::text from accounts.daily_balances order by 1, 2`),
    );
    expect(rows.map((row) => `${row.account_code}@${row.business_date}`)).toEqual([
      'HO1:1100@2026-11-02',
      'HO1:1100@2026-11-05',
      'HO1:1400@2026-11-02',
      'HO1:4100@2026-11-02',
      'HO1:4100@2026-11-05',
    ]);
  });

  it('stops just after a given posting of the day: earlier days, then that day up to the posting', async () => {
    const ids = rowsOf<{ id: string }>(
      await testDatabase.database.db.execute(
        sql`select id::text from accounts.postings where account_code = 'HO1:1100' and effective_date = '2026-11-02' order by id`,
      ),
    ).map((row) => row.id);
    expect(ids).toHaveLength(2);
    const throughFirst = await balanceAsOf(testDatabase.database.db, 'HO1:1100', { date: '2026-11-02', throughPostingId: ids[0]! });
    expect(fixed(throughFirst)).toEqual({ debitTotal: '30.00', creditTotal: '0.00' });
    const beforeDay = await balanceAsOf(testDatabase.database.db, 'HO1:1100', { date: '2026-11-02', throughPostingId: '0' });
    expect(fixed(beforeDay)).toEqual(modelTotals(model, 'HO1:1100', '2026-11-01'));
    const throughLast = await balanceAsOf(testDatabase.database.db, 'HO1:1100', { date: '2026-11-02', throughPostingId: ids[1]! });
    expect(fixed(throughLast)).toEqual(modelTotals(model, 'HO1:1100', '2026-11-02'));
  });

  it('answers zero for an account that never moved and leaves unknown accounts out', async () => {
    expect(fixed(await balanceAsOf(testDatabase.database.db, 'HO2:1100', { date: '2026-11-08' }))).toEqual({ debitTotal: '0.00', creditTotal: '0.00' });
    expect((await balancesAsOf(testDatabase.database.db, ['NOPE:1100'], { date: '2026-11-08' })).size).toBe(0);
  });
});
