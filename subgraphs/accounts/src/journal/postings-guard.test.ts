import { randomUUID } from 'node:crypto';
import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEntriesWithPostings, writeEntry, type NewEntryRow, type NewPostingRow } from './repository.js';
import { createLedgerDatabase, post, SERVICE_ORIGIN, TODAY, transfer } from './test-support/ledger.js';

/*
 * What the database itself proves about postings, whatever writes them (migration 0009_1): postings have no row-level
 * foreign keys; one statement-level trigger (postings_statement_check) checks every row an INSERT wrote, and
 * accounts_keep_posted keeps the accounts they name from being deleted or re-keyed.
 */
let testDatabase: TestDatabase;
let postedEntryId: string;
let headerCode: string;

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  postedEntryId = (await post(testDatabase, transfer('HO1:1100', 'HO1:2100', '100.00'))).entry.id;
  const [header] = rowsOf<{ code: string }>(await testDatabase.database.db.execute(sql`select code from accounts.accounts where kind = 'HEADER' order by code limit 1`));
  headerCode = header!.code;
}, 60_000);
afterAll(() => testDatabase?.drop());

function entryRow(): NewEntryRow {
  const id = randomUUID();
  return {
    id,
    officeCode: 'HO1',
    effectiveDate: TODAY,
    description: 'written around the domain check',
    sourceType: 'TEST',
    sourceReference: null,
    actor: SERVICE_ORIGIN.actor,
    approvedBy: null,
    approvalRequestId: null,
    idempotencyKey: `guard-${id}`,
    requestHash: 'x',
    reversesEntryId: null,
    holdId: null,
  };
}

function pair(entryId: string, debit: string, credit: string, amount = '5.00', currency = 'INR'): NewPostingRow[] {
  return [
    { entryId, line: 1, accountCode: debit, side: 'DEBIT', amount, currency, effectiveDate: TODAY },
    { entryId, line: 2, accountCode: credit, side: 'CREDIT', amount, currency, effectiveDate: TODAY },
  ];
}

const shared = { actor: SERVICE_ORIGIN.actor, approvedBy: null, approvalRequestId: null, reversesEntryId: null, holdId: null };

/** Inserts entries and postings as the batch does (one statement), in a transaction that is rolled back on success. */
async function insertBatch(entries: Array<{ row: NewEntryRow; lines: NewPostingRow[] }>): Promise<number> {
  let inserted = 0;
  const rollback = new Error('rollback');
  await testDatabase.database.db
    .transaction(async (tx) => {
      const written = await insertEntriesWithPostings(
        tx,
        shared,
        entries.map(({ row }) => row),
        entries.flatMap(({ lines }) => lines),
      );
      inserted = written.length;
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return inserted;
}

/** The PostgreSQL error under drizzle's wrapper. */
async function refusal(work: Promise<unknown>): Promise<{ code?: string; constraint?: string; message?: string }> {
  const error = (await work.then(
    () => undefined,
    (caught: unknown) => caught,
  )) as { cause?: { code?: string; constraint?: string; message?: string }; code?: string; constraint?: string; message?: string } | undefined;
  expect(error, 'the statement was refused').toBeDefined();
  return error!.cause?.code ? error!.cause : error!;
}

describe('postings_statement_check', () => {
  it('lets a batch of balanced entries on existing detail accounts in their currency through', async () => {
    const one = entryRow();
    const two = entryRow();
    expect(await insertBatch([
      { row: one, lines: pair(one.id, 'HO1:1100', 'HO1:4100') },
      { row: two, lines: pair(two.id, 'HO2:1100', 'HO2:4100') },
    ])).toBe(2);
  });

  it('refuses the whole statement when one posting names an account that does not exist', async () => {
    const good = entryRow();
    const bad = entryRow();
    const error = await refusal(insertBatch([
      { row: good, lines: pair(good.id, 'HO1:1100', 'HO1:4100') },
      { row: bad, lines: pair(bad.id, 'HO1:1100', 'HO1:9999') },
    ]));
    expect(error).toMatchObject({ code: '23503', constraint: 'postings_account_exists' });
    expect(error.message).toMatch(/HO1:9999/);
  });

  it('refuses a posting whose entry does not exist', async () => {
    const error = await refusal(
      testDatabase.database.db.execute(sql`
        insert into accounts.postings (entry_id, line, account_code, side, amount, currency, effective_date)
        values (${randomUUID()}::uuid, 1, 'HO1:1100', 'DEBIT', 1, 'INR', ${TODAY}::date),
               (${randomUUID()}::uuid, 2, 'HO1:4100', 'CREDIT', 1, 'INR', ${TODAY}::date)`),
    );
    expect(error).toMatchObject({ code: '23503', constraint: 'postings_entry_exists' });
  });

  it('refuses a posting to a header account, or in a currency other than its account’s', async () => {
    const header = entryRow();
    expect(await refusal(insertBatch([{ row: header, lines: pair(header.id, headerCode, 'HO1:4100') }]))).toMatchObject({
      code: '23514',
      constraint: 'postings_account_postable',
      message: expect.stringMatching(/^HEADER_ACCOUNT/),
    });
    const dollars = entryRow();
    expect(await refusal(insertBatch([{ row: dollars, lines: pair(dollars.id, 'HO1:1100', 'HO1:4100', '5.00', 'USD') }]))).toMatchObject({
      code: '23514',
      constraint: 'postings_account_postable',
      message: expect.stringMatching(/^CURRENCY_MISMATCH/),
    });
  });

  it('refuses a batch in which one entry does not balance within an office, naming that entry', async () => {
    const good = entryRow();
    const crossing = entryRow();
    const error = await refusal(insertBatch([
      { row: good, lines: pair(good.id, 'HO1:1100', 'HO1:4100') },
      { row: crossing, lines: pair(crossing.id, 'HO1:1100', 'HO2:4100') },
    ]));
    expect(error).toMatchObject({ code: '23514', constraint: 'postings_balance_per_office' });
    expect(error.message).toMatch(new RegExp(`^UNBALANCED_OFFICE: entry ${crossing.id} does not balance within office HO1 in INR`));
  });

  it('fires for the single-entry statement too', async () => {
    const row = entryRow();
    const lines = pair(row.id, 'HO1:1100', 'HO1:9999');
    const changes = lines.map((line) => ({ accountCode: line.accountCode, debit: line.side === 'DEBIT' ? line.amount : '0', credit: line.side === 'CREDIT' ? line.amount : '0', pendingDebit: '0', pendingCredit: '0' }));
    expect(await refusal(testDatabase.database.db.transaction((tx) => writeEntry(tx, row, lines, changes)))).toMatchObject({ code: '23503', constraint: 'postings_account_exists' });
  });
});

describe('accounts_keep_posted', () => {
  const inRolledBack = async (statement: SQL) => {
    const rollback = new Error('rollback');
    await testDatabase.database.db
      .transaction(async (tx) => {
        await tx.execute(statement);
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
  };

  it('refuses to delete or re-key an account that postings name, and to truncate the accounts', async () => {
    expect(await refusal(testDatabase.database.db.execute(sql`delete from accounts.accounts where code = 'HO1:2100'`))).toMatchObject({
      code: '23503',
      constraint: 'postings_account_exists',
    });
    expect(await refusal(testDatabase.database.db.execute(sql`update accounts.accounts set code = 'HO1:2100X' where code = 'HO1:2100'`))).toMatchObject({
      code: '23503',
      constraint: 'postings_account_exists',
    });
    expect(await refusal(inRolledBack(sql`truncate accounts.accounts cascade`))).toMatchObject({ message: expect.stringMatching(/^TRUNCATE of accounts.accounts is not allowed: postings name its accounts/) });
    const [still] = rowsOf<{ n: number }>(await testDatabase.database.db.execute(sql`select count(*)::int as n from accounts.postings where entry_id = ${postedEntryId}::uuid`));
    expect(still!.n).toBe(2);
  });

  it('lets an account without postings go, and any other column of a posted one change', async () => {
    await inRolledBack(sql`delete from accounts.accounts where code = 'HO2:2300'`);
    await inRolledBack(sql`update accounts.accounts set code = 'HO2:2300X' where code = 'HO2:2300'`);
    await inRolledBack(sql`update accounts.accounts set name = 'Renamed' where code = 'HO1:2100'`);
  });
});
