import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reverseEntryInTx } from './posting.js';
import { createLedgerDatabase, key, post, SERVICE_ORIGIN, sums, TODAY, transfer } from './test-support/ledger.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('posting an entry', () => {
  it('writes the entry and its postings and adds to both accounts', async () => {
    const { entry, replayed } = await post(testDatabase, transfer('HO1:1100', 'HO1:2100', '1050.50'));
    expect(replayed).toBe(false);
    expect(entry.postings).toEqual([
      { line: 1, accountCode: 'HO1:1100', side: 'DEBIT', amount: '1050.50', currency: 'INR' },
      { line: 2, accountCode: 'HO1:2100', side: 'CREDIT', amount: '1050.50', currency: 'INR' },
    ]);
    expect(await sums(testDatabase, 'HO1:1100')).toMatchObject({ debit: '1050.5', credit: '0' });
    expect(await sums(testDatabase, 'HO1:2100')).toMatchObject({ debit: '0', credit: '1050.5' });
  });

  it('answers a replay with the original and a different payload under the same key with IDEMPOTENCY_CONFLICT', async () => {
    const command = transfer('HO1:1100', 'HO1:4100', '10.00');
    const first = await post(testDatabase, command);
    const again = await post(testDatabase, { ...command, postings: command.postings.map((p) => ({ ...p, amount: '10' })) });
    expect(again).toMatchObject({ replayed: true, entry: { id: first.entry.id } });
    await expect(post(testDatabase, { ...command, description: 'other' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('refuses to take cash below zero, naming the account', async () => {
    await expect(post(testDatabase, transfer('HO2:2300', 'HO2:1100', '0.01'))).rejects.toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      details: { accountCode: 'HO2:1100' },
    });
  });

  it('reverses an entry once, dated today, with the sides swapped', async () => {
    const { entry } = await post(testDatabase, transfer('HO2:1100', 'HO2:4100', '99.99', { effectiveDate: '2026-11-19' }));
    const reverse = (idempotencyKey: string) =>
      testDatabase.database.db.transaction((tx) => reverseEntryInTx(tx, { entryId: entry.id, reason: 'keyed twice', idempotencyKey }, { origin: SERVICE_ORIGIN, today: TODAY }));
    const reversalKey = key();
    const { entry: reversal } = await reverse(reversalKey);
    expect(reversal).toMatchObject({ reversesEntryId: entry.id, effectiveDate: TODAY, sourceType: 'REVERSAL' });
    expect(reversal.postings.map((p) => [p.accountCode, p.side])).toEqual([
      ['HO2:1100', 'CREDIT'],
      ['HO2:4100', 'DEBIT'],
    ]);
    expect(await reverse(reversalKey)).toMatchObject({ replayed: true, entry: { id: reversal.id } });
    await expect(reverse(key())).rejects.toMatchObject({ code: 'ALREADY_REVERSED' });
    await expect(
      testDatabase.database.db.transaction((tx) => reverseEntryInTx(tx, { entryId: reversal.id, reason: 'x', idempotencyKey: key() }, { origin: SERVICE_ORIGIN, today: TODAY })),
    ).rejects.toMatchObject({ code: 'REVERSAL_NOT_REVERSIBLE' });
  });

  it('the database refuses to change or delete the journal', async () => {
    const refused = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(testDatabase.database.db.execute(sql`update accounts.postings set amount = 1`)).rejects.toMatchObject(refused);
    await expect(testDatabase.database.db.execute(sql`delete from accounts.journal_entries`)).rejects.toMatchObject(refused);
  });
});
