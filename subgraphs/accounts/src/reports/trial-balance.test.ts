import { rowsOf } from '@postal/db';
import { Decimal } from '@postal/money';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase } from '../journal/test-support/ledger.js';
import { modelTotals, play, type ModelPosting, type Step } from './test-support/scenario.js';
import { trialBalanceSql } from './repository.js';
import { trialBalance, type TrialBalanceReport } from './trial-balance.js';

let testDatabase: TestDatabase;
let model: ModelPosting[];

/** An equity account of the whole ledger, with no office (the chart's global accounts). */
const GLOBAL = '3100';

/*
 * Three offices (HO1 with its sub office SO1, and HO2) closing on different days, an entry of HO2 that credits an HO1
 * account (through both offices' inter-office clearing accounts, so each office still balances by itself), and one
 * that credits the office-less equity account (which HO1's subtree does not include).
 */
const STEPS: Step[] = [
  { date: '2026-11-01', debit: 'HO1:1100', credit: 'HO1:4100', amount: '100.00' },
  { date: '2026-11-01', debit: 'SO1:1100', credit: 'SO1:4200', amount: '40.00' },
  { date: '2026-11-02', debit: 'HO2:1100', credit: 'HO2:2100', amount: '500.00' },
  { date: '2026-11-02', debit: 'HO1:1500', credit: GLOBAL, amount: '1000.00' },
  { date: '2026-11-03', debit: 'HO1:2300', credit: 'HO1:1100', amount: '12.34' },
  { close: 'HO1', through: '2026-11-03' },
  { date: '2026-11-04', debit: 'SO1:1300', credit: 'SO1:1100', amount: '5.00' },
  { close: 'SO1', through: '2026-11-04' },
  { date: '2026-11-05', debit: 'HO2:1400', credit: 'HO1:4200', amount: '25.50' },
  { date: '2026-11-05', debit: 'HO1:1100', credit: 'HO1:4100', amount: '0.66' },
  { date: '2026-11-06', debit: 'HO2:2100', credit: 'HO2:1100', amount: '200.00' },
  { close: 'HO2', through: '2026-11-06' },
  { close: 'HO1', through: '2026-11-07' },
  { date: '2026-11-08', debit: 'HO1:1100', credit: 'HO1:4100', amount: '9.99' },
  { date: '2026-11-09', debit: 'HO2:1100', credit: 'HO2:4100', amount: '1.01' },
];

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  await testDatabase.database.db.execute(sql`
    insert into accounts.accounts (code, name, type, kind, parent_code, head_code, currency, office_code)
    values (${GLOBAL}, 'Capital', 'EQUITY', 'DETAIL', '3000', '3000', 'INR', null)`);
  model = await play(testDatabase, STEPS);
}, 60_000);
afterAll(() => testDatabase?.drop());

/** The accounts under a path, as the test ledger has them: HO1's subtree is HO1 and SO1. */
function inScope(accountCode: string, officePath: string | null): boolean {
  const office = accountCode.includes(':') ? accountCode.split(':')[0]! : null;
  if (officePath === null) return true;
  const paths: Record<string, string> = { HO1: 'C/D/HO1', SO1: 'C/D/HO1/SO1', HO2: 'C/D/HO2' };
  const path = office === null ? undefined : paths[office];
  return path !== undefined && (path === officePath || path.startsWith(`${officePath}/`));
}

/** What the model says the trial balance is. */
function expected(asOf: string, officePath: string | null) {
  const codes = [...new Set(model.map((posting) => posting.accountCode))].filter((code) => inScope(code, officePath)).sort();
  return codes
    .map((code) => ({ code, ...modelTotals(model, code, asOf) }))
    .filter((row) => row.debitTotal !== '0.00' || row.creditTotal !== '0.00');
}

/** The naive answer: every posting up to the date, summed (what the trial balance must equal without doing it). */
async function summedFromPostings(asOf: string): Promise<Array<{ code: string; debitTotal: string; creditTotal: string }>> {
  const rows = rowsOf<{ code: string; debit: string; credit: string }>(
    await testDatabase.database.db.execute(sql`
      select account_code as code, coalesce(sum(amount) filter (where side = 'DEBIT'), 0)::text as debit,
             coalesce(sum(amount) filter (where side = 'CREDIT'), 0)::text as credit
        from accounts.postings where effective_date <= ${asOf}::date group by account_code order by account_code`),
  );
  return rows.map((row) => ({ code: row.code, debitTotal: new Decimal(row.debit).toFixed(2), creditTotal: new Decimal(row.credit).toFixed(2) }));
}

function linesOf(report: TrialBalanceReport) {
  return report.lines.map((line) => ({ code: line.accountCode, debitTotal: line.debitTotal.amount, creditTotal: line.creditTotal.amount }));
}

const DATES = [
  { asOf: '2026-10-31', when: 'before any posting' },
  { asOf: '2026-11-01', when: 'before every close' },
  { asOf: '2026-11-03', when: "on HO1's first close" },
  { asOf: '2026-11-04', when: "on SO1's close, between HO1's" },
  { asOf: '2026-11-05', when: 'between closes' },
  { asOf: '2026-11-06', when: "on HO2's close" },
  { asOf: '2026-11-07', when: "on HO1's second close" },
  { asOf: '2026-11-08', when: 'after every close' },
  { asOf: '2026-11-30', when: 'far after everything' },
];

describe('trialBalance', () => {
  it.each(DATES)('of the whole ledger as of $asOf ($when): the sums of postings, totals equal', async ({ asOf }) => {
    const report = await trialBalance(testDatabase.database.db, { asOf, officePath: null, currency: 'INR' });
    expect(linesOf(report)).toEqual(expected(asOf, null));
    expect(linesOf(report)).toEqual(await summedFromPostings(asOf));
    expect(report.balanced).toBe(true);
    expect(report.totalDebit).toEqual(report.totalCredit);
    const sum = (pick: (line: TrialBalanceReport['lines'][number]) => string) =>
      report.lines.reduce((total, line) => total.plus(pick(line)), new Decimal(0)).toFixed(2);
    expect(report.totalDebit.amount).toBe(sum((line) => line.debitBalance.amount));
    expect(report.totalCredit.amount).toBe(sum((line) => line.creditBalance.amount));
    for (const line of report.lines) {
      // Net on its side, the other side zero.
      const net = new Decimal(line.debitTotal.amount).minus(line.creditTotal.amount);
      expect([line.debitBalance.amount, line.creditBalance.amount]).toEqual(
        net.isNegative() ? ['0.00', net.negated().toFixed(2)] : [net.toFixed(2), '0.00'],
      );
    }
  });

  it.each(DATES)("of HO1's subtree as of $asOf ($when): its offices' accounts only", async ({ asOf }) => {
    const report = await trialBalance(testDatabase.database.db, { asOf, officePath: 'C/D/HO1', currency: 'INR' });
    expect(linesOf(report)).toEqual(expected(asOf, 'C/D/HO1'));
    // From the 2nd HO1's bank is debited against the office-less capital account: the subtree alone does not balance,
    // and says so. HO2's credit to an HO1 account on the 5th goes through clearing and leaves it as it was.
    expect(report.balanced).toBe(asOf < '2026-11-02');
  });

  it('keeps a subtree to its offices: a sub office alone, and an office with no postings', async () => {
    const so1 = await trialBalance(testDatabase.database.db, { asOf: '2026-11-30', officePath: 'C/D/HO1/SO1', currency: 'INR' });
    expect(so1.lines.map((line) => line.accountCode)).toEqual(['SO1:1100', 'SO1:1300', 'SO1:4200']);
    expect(so1).toMatchObject({ balanced: true, totalDebit: { amount: '40.00' }, totalCredit: { amount: '40.00' } });
    expect(so1.lines[0]!.account).toMatchObject({ code: 'SO1:1100', type: 'ASSET', officeCode: 'SO1', closedThrough: '2026-11-04' });
    const division = await trialBalance(testDatabase.database.db, { asOf: '2026-11-30', officePath: 'C/D', currency: 'INR' });
    expect(division.lines.map((line) => line.accountCode)).not.toContain(GLOBAL);
    const nothing = await trialBalance(testDatabase.database.db, { asOf: '2026-11-30', officePath: 'C/D/HO1', currency: 'USD' });
    expect(nothing).toMatchObject({ lines: [], balanced: true, totalDebit: { amount: '0.00', currency: 'USD' } });
  });

  it('reads the daily account and the postings since the last close through their indexes, never all history', async () => {
    const plan = await testDatabase.database.db.transaction(async (tx) => {
      // The test ledger is tiny, so the planner would rather read whole tables; forbid that to see which indexes the
      // query can use. On a real ledger it picks them by itself.
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = rowsOf<{ 'QUERY PLAN': string }>(
        await tx.execute(sql`explain (costs off) ${trialBalanceSql({ asOf: '2026-11-08', officePath: 'C/D/HO1', currency: 'INR' })}`),
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/known_offices_path_idx/);
    expect(plan).toMatch(/accounts_office_idx/);
    expect(plan).toMatch(/Index Scan Backward using daily_balances_account_code_business_date_pk on daily_balances d\n\s+Index Cond: \(\(account_code = a\.code\) AND \(business_date <= /);
    expect(plan).toMatch(
      /postings_account_date_idx on postings p\n\s+Index Cond: \(\(account_code = a\.code\) AND \(effective_date > COALESCE\(d\.business_date, '-infinity'::date\)\) AND \(effective_date <= /,
    );
  });
});
