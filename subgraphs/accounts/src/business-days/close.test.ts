import { rowsOf } from '@postal/db';
import { Decimal } from '@postal/money';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase, post, TODAY, transfer } from '../journal/test-support/ledger.js';
import { closeBusinessDay } from './close.js';
import type { DailyBalanceRecord } from './model.js';
import { closedThroughOf } from './repository.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(() => testDatabase?.drop());

const CLERK = { kind: 'staff' as const, id: 'staff-1', username: 'clerk' };

function close(officeCode: string, date: string, today = TODAY) {
  return testDatabase.database.db.transaction((tx) => closeBusinessDay(tx, { officeCode, date, actor: CLERK, today }));
}

function postOn(date: string, debit: string, credit: string, amount: string) {
  return post(testDatabase, transfer(debit, credit, amount, { effectiveDate: date }));
}

/** Each account's sums of postings dated on or before `date`, straight from the postings: what a close must record. */
async function postedThrough(officeCode: string, date: string): Promise<Map<string, { debit: string; credit: string }>> {
  const rows = rowsOf<{ code: string; debit: string; credit: string }>(
    await testDatabase.database.db.execute(sql`
      select p.account_code as code,
             coalesce(sum(p.amount) filter (where p.side = 'DEBIT'), 0)::text as debit,
             coalesce(sum(p.amount) filter (where p.side = 'CREDIT'), 0)::text as credit
        from accounts.postings p join accounts.accounts a on a.code = p.account_code
       where a.office_code = ${officeCode} and p.effective_date <= ${date}::date
       group by p.account_code`),
  );
  return new Map(rows.map((row) => [row.code, { debit: new Decimal(row.debit).toFixed(2), credit: new Decimal(row.credit).toFixed(2) }]));
}

function totalsOf(balances: DailyBalanceRecord[]) {
  return new Map(balances.map((row) => [row.accountCode, { debit: new Decimal(row.debitTotal).toFixed(2), credit: new Decimal(row.creditTotal).toFixed(2) }]));
}

async function accountsClosedThrough(officeCode: string): Promise<Array<string | null>> {
  const rows = rowsOf<{ closed_through: string | null }>(
    await testDatabase.database.db.execute(sql`select closed_through::text from accounts.accounts where office_code = ${officeCode} order by code`),
  );
  return [...new Set(rows.map((row) => row.closed_through))];
}

describe('closeBusinessDay', () => {
  it('refuses postings dated on or before the closed day with DAY_CLOSED; the next day stays open', async () => {
    await postOn('2026-11-09', 'HO1:1100', 'HO1:4100', '100.00');
    await postOn('2026-11-10', 'HO1:1100', 'HO1:2100', '50.00');
    const closed = await close('HO1', '2026-11-10');
    expect(closed).toMatchObject({ officeCode: 'HO1', businessDate: '2026-11-10', previousDate: null, closedBy: CLERK, accountsMoved: 3 });

    for (const date of ['2026-11-10', '2026-11-09', '2026-01-01']) {
      await expect(postOn(date, 'HO1:1100', 'HO1:4100', '1.00')).rejects.toMatchObject({
        code: 'DAY_CLOSED',
        details: { officeCode: 'HO1', effectiveDate: date, closedThrough: '2026-11-10' },
      });
    }
    await expect(postOn('2026-11-11', 'HO1:1100', 'HO1:4100', '1.00')).resolves.toMatchObject({ replayed: false });
    // Only this office closed: its sub office and the other head office still take that day.
    await expect(postOn('2026-11-10', 'SO1:1100', 'SO1:4100', '1.00')).resolves.toMatchObject({ replayed: false });
    await expect(postOn('2026-11-10', 'HO2:1100', 'HO2:4100', '1.00')).resolves.toMatchObject({ replayed: false });
    expect(await accountsClosedThrough('HO1')).toEqual(['2026-11-10']);
    expect(await accountsClosedThrough('SO1')).toEqual([null]);
    expect(await closedThroughOf(testDatabase.database.db, 'HO1')).toBe('2026-11-10');
    expect(await closedThroughOf(testDatabase.database.db, 'HO2')).toBeNull();
  });

  it('records closing balances equal to the postings, cumulative across closes, only for accounts that moved', async () => {
    const first = await testDatabase.database.db.execute(
      sql`select account_code, period_debit::text, period_credit::text from accounts.daily_balances where business_date = '2026-11-10' order by account_code`,
    );
    expect(rowsOf(first)).toEqual([
      { account_code: 'HO1:1100', period_debit: '150.00', period_credit: '0' },
      { account_code: 'HO1:2100', period_debit: '0', period_credit: '50.00' },
      { account_code: 'HO1:4100', period_debit: '0', period_credit: '100.00' },
    ]);

    await postOn('2026-11-12', 'HO1:2100', 'HO1:1100', '20.00');
    await postOn('2026-11-13', 'HO1:1300', 'HO1:1100', '5.25');
    // Closing the 14th closes the 11th to the 14th: the period is everything after the last close.
    const second = await close('HO1', '2026-11-14');
    expect(second).toMatchObject({ previousDate: '2026-11-10', accountsMoved: 4 });
    expect(second.balances.map((row) => row.accountCode)).toEqual(['HO1:1100', 'HO1:1300', 'HO1:2100', 'HO1:4100']);
    expect(totalsOf(second.balances)).toEqual(await postedThrough('HO1', '2026-11-14'));
    expect(second.balances.find((row) => row.accountCode === 'HO1:1100')).toMatchObject({
      debitTotal: '151.00',
      creditTotal: '25.25',
      periodDebit: '1.00',
      periodCredit: '25.25',
      type: 'ASSET',
      currency: 'INR',
    });

    // A close with no movement still closes the days, and records no balances.
    const idle = await close('HO1', '2026-11-15');
    expect(idle).toMatchObject({ previousDate: '2026-11-14', accountsMoved: 0, balances: [] });
    const dayCloses = rowsOf(
      await testDatabase.database.db.execute(
        sql`select business_date::text, previous_date::text, accounts_moved from accounts.day_closes where office_code = 'HO1' order by business_date`,
      ),
    );
    expect(dayCloses).toEqual([
      { business_date: '2026-11-10', previous_date: null, accounts_moved: 3 },
      { business_date: '2026-11-14', previous_date: '2026-11-10', accounts_moved: 4 },
      { business_date: '2026-11-15', previous_date: '2026-11-14', accounts_moved: 0 },
    ]);
  });

  it('closes days in order, never twice, never in the future, only for offices it knows', async () => {
    await expect(close('HO1', '2026-11-15')).rejects.toMatchObject({ code: 'DATE_NOT_CLOSABLE', message: expect.stringMatching(/already closed/) });
    await expect(close('HO1', '2026-11-12')).rejects.toMatchObject({ code: 'DATE_NOT_CLOSABLE' });
    await expect(close('HO2', '2026-11-21')).rejects.toMatchObject({ code: 'DATE_NOT_CLOSABLE', message: expect.stringMatching(/in the future/) });
    // A refused first close leaves no trace.
    expect(await closedThroughOf(testDatabase.database.db, 'HO2')).toBeNull();
    await expect(close('NOWHERE', '2026-11-10')).rejects.toMatchObject({ code: 'OFFICE_NOT_FOUND' });
    // The office's business date today may close.
    await expect(close('HO2', TODAY)).resolves.toMatchObject({ businessDate: TODAY, accountsMoved: 2 });
  });

  it('keeps cumulative totals right for an account that missed a close (opened after it, posted to back-dated)', async () => {
    // Two accounts opened without the office's closed day, then posted to, dated inside HO1's closed days (through
    // the 15th), by an entry of SO1 (whose own day is open): the next close of HO1 still counts those postings. (Both
    // in HO1: an entry balances within each office it touches.)
    await testDatabase.database.db.execute(sql`
      insert into accounts.accounts (code, name, type, kind, parent_code, head_code, currency, office_code)
      values ('HO1:1700', 'Late account', 'ASSET', 'DETAIL', '1000', '1700', 'INR', 'HO1'),
             ('HO1:1800', 'Late account too', 'ASSET', 'DETAIL', '1000', '1800', 'INR', 'HO1')`);
    await post(testDatabase, transfer('HO1:1700', 'HO1:1800', '9.00', { officeCode: 'SO1', effectiveDate: '2026-11-12' }));
    await post(testDatabase, transfer('HO1:1700', 'HO1:1800', '1.00', { officeCode: 'SO1', effectiveDate: TODAY }));
    const closed = await close('HO1', TODAY);
    expect(closed.balances.find((row) => row.accountCode === 'HO1:1700')).toMatchObject({ debitTotal: '10.00', periodDebit: '10.00' });
    expect(closed.balances.find((row) => row.accountCode === 'HO1:1800')).toMatchObject({ creditTotal: '10.00', periodCredit: '10.00' });
    expect(closed.accountsMoved).toBe(2);
    expect(totalsOf(closed.balances).get('HO1:1700')).toEqual((await postedThrough('HO1', TODAY)).get('HO1:1700'));
  });

  it('gives an office never posted to a close with no balances, and its accounts the closed day', async () => {
    const closed = await close('D', '2026-11-01');
    expect(closed).toMatchObject({ accountsMoved: 0, balances: [] });
    expect(await closedThroughOf(testDatabase.database.db, 'D')).toBe('2026-11-01');
    const fresh = await close('SO1', '2026-11-01');
    expect(fresh.accountsMoved).toBe(0);
    expect(await accountsClosedThrough('SO1')).toEqual(['2026-11-01']);
    // SO1 posted on the 10th (above), which is after this close: the next close picks it up.
    const next = await close('SO1', '2026-11-10');
    expect(totalsOf(next.balances)).toEqual(await postedThrough('SO1', '2026-11-10'));
  });
});
