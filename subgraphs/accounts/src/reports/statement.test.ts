import { rowsOf } from '@postal/db';
import { Decimal } from '@postal/money';
import { encodeCursor } from '@postal/server';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase } from '../journal/test-support/ledger.js';
import { statementPageSql } from './repository.js';
import { accountStatement, type AccountStatementReport, type StatementLine } from './statement.js';
import { modelTotals, play, type ModelPosting, type Step } from './test-support/scenario.js';

let testDatabase: TestDatabase;
let model: ModelPosting[];

const FROM = '2026-11-03';
const TO = '2026-11-09';

/*
 * HO1:1100 (cash, debit-normal) moves on every day from the 1st to the 10th, several times on some days, in and out;
 * HO1 closes on the 2nd, the 5th and the 8th, so pages start before, between and after closes.
 */
function history(): Step[] {
  const steps: Step[] = [];
  for (let day = 1; day <= 10; day += 1) {
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    for (let n = 0; n < (day % 3) + 2; n += 1) {
      steps.push({ date, debit: 'HO1:1100', credit: 'HO1:4100', amount: `${day * 10 + n}.${String(n * 7).padStart(2, '0')}` });
    }
    steps.push({ date, debit: 'HO1:2300', credit: 'HO1:1100', amount: `${day}.05` });
    if ([2, 5, 8].includes(day)) steps.push({ close: 'HO1', through: date });
  }
  return steps;
}

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  model = await play(testDatabase, history());
}, 60_000);
afterAll(() => testDatabase?.drop());

function statement(accountCode: string, first: number, after?: string | null, from = FROM, to = TO): Promise<AccountStatementReport | undefined> {
  return accountStatement(testDatabase.database.db, { accountCode, from, to, first, after: after ?? null });
}

async function allPages(accountCode: string, first: number): Promise<AccountStatementReport[]> {
  const pages: AccountStatementReport[] = [];
  let after: string | null = null;
  for (;;) {
    const page: AccountStatementReport = (await statement(accountCode, first, after))!;
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
}

/** A line's effect on the balance on the account's normal side. */
function signed(line: StatementLine, debitNormal: boolean): Decimal {
  const amount = new Decimal(line.amount.amount);
  return (line.side === 'DEBIT') === debitNormal ? amount : amount.negated();
}

function balanceOf(totals: { debitTotal: string; creditTotal: string }, debitNormal: boolean): string {
  const net = new Decimal(totals.debitTotal).minus(totals.creditTotal);
  return (debitNormal ? net : net.negated()).toFixed(2);
}

describe('accountStatement', () => {
  it('pages through the lines in posting order, running balances continuous across pages, opening + lines = closing', async () => {
    const pages = await allPages('HO1:1100', 4);
    const lines = pages.flatMap((page) => page.edges.map((edge) => edge.node));
    const expected = model.filter((posting) => posting.accountCode === 'HO1:1100' && posting.date >= FROM && posting.date <= TO);
    expect(lines).toHaveLength(expected.length);
    expect(pages.length).toBe(Math.ceil(expected.length / 4));
    expect(pages.slice(0, -1).every((page) => page.pageInfo.hasNextPage && page.edges.length === 4)).toBe(true);
    expect(lines.map((line) => line.effectiveDate)).toEqual(expected.map((posting) => posting.date));
    expect(lines.map((line) => [line.side, line.amount.amount])).toEqual(expected.map((posting) => [posting.side, posting.amount.toFixed(2)]));
    expect(lines.every((line) => line.description === 'test entry')).toBe(true);

    const [first] = pages;
    expect(first!.openingBalance).toEqual({ amount: balanceOf(modelTotals(model, 'HO1:1100', '2026-11-02'), true), currency: 'INR' });
    expect(first!.closingBalance).toEqual({ amount: balanceOf(modelTotals(model, 'HO1:1100', TO), true), currency: 'INR' });
    // Every page answers the same opening and closing balances.
    expect(new Set(pages.map((page) => `${page.openingBalance.amount}/${page.closingBalance.amount}`)).size).toBe(1);

    let running = new Decimal(first!.openingBalance.amount);
    for (const line of lines) {
      running = running.plus(signed(line, true));
      expect([line.effectiveDate, line.runningBalance.amount]).toEqual([line.effectiveDate, running.toFixed(2)]);
    }
    expect(running.toFixed(2)).toBe(first!.closingBalance.amount);
  });

  it('answers a middle page from its cursor alone, the same as when paged to', async () => {
    const pages = await allPages('HO1:1100', 3);
    const middle = Math.floor(pages.length / 2);
    const direct = (await statement('HO1:1100', 3, pages[middle - 1]!.pageInfo.endCursor))!;
    expect(direct.edges).toEqual(pages[middle]!.edges);
    // The last page, and one page of everything, agree line by line.
    const whole = (await statement('HO1:1100', 500))!;
    expect(whole.pageInfo.hasNextPage).toBe(false);
    expect(whole.edges.map((edge) => edge.node)).toEqual(pages.flatMap((page) => page.edges.map((edge) => edge.node)));
    const last = pages.at(-1)!;
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.edges.at(-1)!.node.runningBalance).toEqual(last.closingBalance);
  });

  it('reads a credit-normal account on the credit side', async () => {
    const report = (await statement('HO1:4100', 500))!;
    const opening = balanceOf(modelTotals(model, 'HO1:4100', '2026-11-02'), false);
    expect(report.openingBalance.amount).toBe(opening);
    let running = new Decimal(opening);
    for (const { node } of report.edges) {
      running = running.plus(signed(node, false));
      expect(node.runningBalance.amount).toBe(running.toFixed(2));
    }
    expect(report.closingBalance.amount).toBe(balanceOf(modelTotals(model, 'HO1:4100', TO), false));
    expect(running.toFixed(2)).toBe(report.closingBalance.amount);
  });

  it('answers an empty statement for a range without postings, its opening balance equal to its closing', async () => {
    const report = (await statement('HO1:1100', 10, null, '2026-12-01', '2026-12-31'))!;
    expect(report.edges).toEqual([]);
    expect(report.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(report.openingBalance).toEqual(report.closingBalance);
    expect(report.closingBalance.amount).toBe(balanceOf(modelTotals(model, 'HO1:1100', '2026-12-31'), true));
  });

  it('refuses what it cannot answer', async () => {
    await expect(statement('HO1:1100', 10, null, TO, FROM)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(statement('HO1:1100', 501)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    await expect(statement('HO1:1100', 10, 'not-a-cursor')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await expect(statement('HO1:1100', 10, encodeCursor(['2026-11-01', '5']))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await expect(statement('HO1:1100', 10, encodeCursor(['2026-11-04', '-1']))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await expect(statement('1000', 10)).rejects.toMatchObject({ code: 'HEADER_ACCOUNT' });
    expect(await statement('NOPE:1100', 10)).toBeUndefined();
  });

  it('costs the same on any page: the page is an index range scan from the cursor, the start balance an index seek', async () => {
    const [deep] = rowsOf<{ date: string; id: string }>(
      await testDatabase.database.db.execute(
        sql`select effective_date::text as date, id::text from accounts.postings where account_code = 'HO1:1100' and effective_date = '2026-11-07' order by id limit 1`,
      ),
    );
    const plan = await testDatabase.database.db.transaction(async (tx) => {
      // The test ledger is tiny, so the planner would rather read whole tables; forbid that to see which indexes the
      // query can use. On a real ledger it picks them by itself (they are the only way to a handful of rows).
      await tx.execute(sql`set local enable_seqscan = off`);
      const query = statementPageSql({ code: 'HO1:1100', type: 'ASSET' }, { date: deep!.date, throughPostingId: deep!.id }, TO, 100);
      const rows = rowsOf<{ 'QUERY PLAN': string }>(await tx.execute(sql`explain (costs off) ${query}`));
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    // The page: from the cursor on, by (account, date, id).
    expect(plan).toMatch(/postings_account_date_idx on postings p\n\s+Index Cond: \(\(account_code = .*\) AND \(ROW\(effective_date, id\) > ROW\(/);
    // The start: the latest daily row before the cursor's day, then that day's postings up to the cursor.
    expect(plan).toMatch(/Index Scan Backward using daily_balances_account_code_business_date_pk/);
    expect(plan).toMatch(/Index Cond: \(\(account_code = .*\) AND \(effective_date > COALESCE\(.*\)\) AND \(ROW\(effective_date, id\) <= ROW\(/);
  });
});
