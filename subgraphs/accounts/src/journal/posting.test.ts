import { Decimal } from '@postal/money';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntriesInTx, reverseEntryInTx } from './posting.js';
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

  it('posts a batch all or nothing, answering replays with their originals', async () => {
    const batch = (commands: Parameters<typeof postEntriesInTx>[1]) =>
      testDatabase.database.db.transaction((tx) => postEntriesInTx(tx, commands, { origin: SERVICE_ORIGIN, today: TODAY }));
    const before = await sums(testDatabase, 'SO1:1100');
    // Net per account is what the constraint judges: 50 in, then 30 out, leaves cash at 20 whatever the order.
    const first = transfer('SO1:1100', 'SO1:2100', '50.00');
    const second = transfer('SO1:2100', 'SO1:1100', '30.00');
    const results = await batch([second, first]);
    expect(results.map((result) => result.replayed)).toEqual([false, false]);
    expect(new Decimal((await sums(testDatabase, 'SO1:1100')).debit).minus(before.debit).toFixed(2)).toBe('50.00');
    // A replayed key in a later batch is answered with its entry; the new entry beside it posts.
    const third = transfer('SO1:1100', 'SO1:4100', '1.00');
    const again = await batch([first, third]);
    expect(again.map((result) => [result.replayed, result.entry.id === results[1]!.entry.id])).toEqual([
      [true, true],
      [false, false],
    ]);
    // One bad entry fails the whole batch: nothing of it is written.
    const good = transfer('SO1:1100', 'SO1:4100', '2.00');
    await expect(batch([good, transfer('SO1:2100', 'SO1:1100', '10000.00')])).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await expect(batch([good, { ...third, description: 'changed' }])).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    await expect(batch([good, transfer('SO1:1100', 'NOPE:1100', '1.00')])).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    const [row] = (
      (await testDatabase.database.db.execute(sql`select count(*)::int as n from accounts.journal_entries where idempotency_key = ${good.idempotencyKey}`)) as unknown as {
        rows: Array<{ n: number }>;
      }
    ).rows;
    expect(row!.n).toBe(0);
  });

  it('the database refuses to change or delete the journal', async () => {
    const refused = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(testDatabase.database.db.execute(sql`update accounts.postings set amount = 1`)).rejects.toMatchObject(refused);
    await expect(testDatabase.database.db.execute(sql`delete from accounts.journal_entries`)).rejects.toMatchObject(refused);
  });
});
