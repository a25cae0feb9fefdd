import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase, TODAY } from '../journal/test-support/ledger.js';
import { answersFor, balancedEverywhere, billerCode, collected, deliverer, net } from './test-support/movements.js';

/*
 * Movements delivered at once, as the queue's concurrency delivers them (each in its own transaction, through the
 * pool): a biller's account opened exactly once by its first collections, and movements crossing two offices in
 * opposite directions queueing on each other's accounts rather than deadlocking.
 */
let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(() => testDatabase?.drop());

const outcomes = async (movementIds: string[]) => (await Promise.all(movementIds.map((id) => answersFor(testDatabase, id)))).map((answers) => answers.map((answer) => answer.outcome).join());

describe('COD movements at once', () => {
  it('opens a biller\'s COD payable once under 20 parallel first collections, and posts every one', async () => {
    const biller = billerCode();
    const offices = ['HO1', 'SO1', 'HO2', 'HO1'];
    const collections = Array.from({ length: 20 }, (_, index) =>
      collected({ billerCode: biller, settlementOfficeCode: 'HO1', officeCode: offices[index % offices.length]!, mode: index % 5 === 4 ? 'UPI' : 'CASH', amount: `${index + 1}.25` }),
    );
    const results = await Promise.allSettled(collections.map((collection) => deliverer(testDatabase)(collection)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await outcomes(collections.map((collection) => collection.movementId))).toEqual(collections.map(() => 'POSTED'));
    const accounts = rowsOf<{ code: string }>(
      await testDatabase.database.db.execute(sql`select code from accounts.accounts where code like ${`%:2200:${biller}`}`),
    );
    expect(accounts).toEqual([{ code: `HO1:2200:${biller}` }]);
    // 1.25 + 2.25 + ... + 20.25
    expect(await net(testDatabase, `HO1:2200:${biller}`)).toBe('-215.00');
    expect((await balancedEverywhere(testDatabase, TODAY)).filter((report) => !report.balanced)).toEqual([]);
  }, 60_000);

  it('posts cash collections crossing HO1 and HO2 both ways at once without a deadlock', async () => {
    const [toHo1, toHo2] = [billerCode(), billerCode()];
    const crossing = Array.from({ length: 24 }, (_, index) =>
      index % 2 === 0
        ? collected({ billerCode: toHo1, officeCode: 'HO2', settlementOfficeCode: 'HO1', amount: '10.00' })
        : collected({ billerCode: toHo2, officeCode: 'HO1', settlementOfficeCode: 'HO2', amount: '10.00' }),
    );
    const results = await Promise.allSettled(crossing.map((collection) => deliverer(testDatabase)(collection)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await net(testDatabase, `HO1:2200:${toHo1}`)).toBe('-120.00');
    expect(await net(testDatabase, `HO2:2200:${toHo2}`)).toBe('-120.00');
    expect((await balancedEverywhere(testDatabase, TODAY)).filter((report) => !report.balanced)).toEqual([]);
  }, 60_000);
});
