import { rowsOf } from '@postal/db';
import { Decimal } from '@postal/money';
import { needs, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostEntryCommand } from '../journal/model.js';
import { createLedgerDatabase, post, TODAY, transfer } from '../journal/test-support/ledger.js';
import { closeBusinessDay } from './close.js';
import type { BusinessDayCloseRecord } from './model.js';

/*
 * A close of day D racing postings dated D, on a real server with a pool of connections (PGlite has one connection,
 * so nothing can race there). Every posting must either commit before the close (and be in its closing balances) or
 * fail with DAY_CLOSED: none may commit after the close has summed the day, and none may be lost.
 */
describe.runIf(needs('postgres'))('closing a day while postings dated that day are in flight (real PostgreSQL)', () => {
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await createLedgerDatabase();
  }, 60_000);
  afterAll(() => testDatabase?.drop());

  const WORKERS = 12;
  /** Postings (over all workers) before the close starts, and postings each worker makes after it has finished. */
  const BEFORE_CLOSE = 60;
  const AFTER_CLOSE_PER_WORKER = 3;
  const MAX_PER_WORKER = 400;

  /** Entries of HO1 over several of its accounts, and entries of HO2 that touch an HO1 account (closed by HO1's close). */
  function command(i: number): PostEntryCommand {
    const amount = `${(i % 97) + 1}.${String(i % 100).padStart(2, '0')}`;
    switch (i % 4) {
      case 0:
        return transfer('HO1:1100', 'HO1:4100', amount);
      case 1:
        return transfer('HO1:1300', 'HO1:2300', amount);
      case 2:
        return transfer('HO1:1400', 'HO1:4100', amount);
      default:
        return transfer('HO2:1400', 'HO1:4200', amount);
    }
  }

  it('counts every posting that committed before the close and refuses every other with DAY_CLOSED', async () => {
    type Outcome = { committed: true; entryId: string } | { committed: false; code: unknown; closedWhenStarted: boolean };
    const outcomes: Outcome[] = [];
    let issued = 0;
    let closing: Promise<BusinessDayCloseRecord> | undefined;
    let closed = false;

    async function worker(): Promise<void> {
      let afterClose = 0;
      for (let n = 0; n < MAX_PER_WORKER && afterClose < AFTER_CLOSE_PER_WORKER; n += 1) {
        const closedWhenStarted = closed;
        const i = issued++;
        if (i === BEFORE_CLOSE) {
          closing = testDatabase.database.db
            .transaction((tx) => closeBusinessDay(tx, { officeCode: 'HO1', date: TODAY, actor: { kind: 'service', id: 'test' }, today: TODAY }))
            .then((close) => {
              closed = true;
              return close;
            });
        }
        try {
          const { entry } = await post(testDatabase, command(i));
          outcomes.push({ committed: true, entryId: entry.id });
        } catch (error) {
          outcomes.push({ committed: false, code: (error as { code?: unknown }).code, closedWhenStarted });
        }
        if (closedWhenStarted) afterClose += 1;
      }
    }
    await Promise.all(Array.from({ length: WORKERS }, worker));
    const close = await closing!;

    // Every failure is DAY_CLOSED; postings both before and after the close happened.
    const failures = outcomes.filter((outcome) => !outcome.committed);
    expect(failures.map((outcome) => outcome.code)).toEqual(failures.map(() => 'DAY_CLOSED'));
    expect(failures.filter((outcome) => !outcome.committed && outcome.closedWhenStarted).length).toBeGreaterThanOrEqual(WORKERS * AFTER_CLOSE_PER_WORKER);
    const committed = outcomes.filter((outcome) => outcome.committed);
    expect(committed.length).toBeGreaterThanOrEqual(BEFORE_CLOSE - WORKERS);

    // Exactly the entries that reported success are in the journal.
    const stored = rowsOf<{ id: string }>(await testDatabase.database.db.execute(sql`select id from accounts.journal_entries`)).map((row) => row.id);
    expect(new Set(stored)).toEqual(new Set(committed.map((outcome) => outcome.committed && outcome.entryId)));

    // The closing balances are the sums of every posting dated on or before the day, to the cent, and the maintained
    // totals agree (no posting slipped in after the close).
    const truth = rowsOf<{ code: string; debit: string; credit: string; stored_debit: string; stored_credit: string }>(
      await testDatabase.database.db.execute(sql`
        select a.code, coalesce(sum(p.amount) filter (where p.side = 'DEBIT'), 0)::text as debit,
               coalesce(sum(p.amount) filter (where p.side = 'CREDIT'), 0)::text as credit,
               a.debit_total::text as stored_debit, a.credit_total::text as stored_credit
          from accounts.accounts a join accounts.postings p on p.account_code = a.code and p.effective_date <= ${TODAY}::date
         where a.office_code = 'HO1'
         group by a.code order by a.code`),
    );
    expect(truth.length).toBeGreaterThan(0);
    expect(close.balances.map((row) => [row.accountCode, new Decimal(row.debitTotal).toFixed(2), new Decimal(row.creditTotal).toFixed(2)])).toEqual(
      truth.map((row) => [row.code, new Decimal(row.debit).toFixed(2), new Decimal(row.credit).toFixed(2)]),
    );
    for (const row of truth) {
      expect([row.code, new Decimal(row.stored_debit).toFixed(2), new Decimal(row.stored_credit).toFixed(2)]).toEqual([
        row.code,
        new Decimal(row.debit).toFixed(2),
        new Decimal(row.credit).toFixed(2),
      ]);
    }
  }, 120_000);
});
