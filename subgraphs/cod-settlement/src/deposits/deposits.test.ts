import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleService } from '../articles/service.js';
import { collections } from '../articles/tables.js';
import { articleNumber, BILLERS, clerk, financeOfficer, OFFICES, postman, seed, staffAt, testDeps } from '../articles/test-support/seed.js';
import { codExceptions } from '../exceptions/tables.js';
import { ledgerMovements } from '../ledger/tables.js';
import { createDepositService } from './index.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seed(testDatabase.database);
}, 60_000);
afterAll(() => testDatabase?.drop());

let serial = 20_000;
const officer = financeOfficer();
const ram = postman();
const sita = clerk();
const articles = (start = '2026-03-10T05:00:00Z') => createArticleService(testDeps(testDatabase.database, start).deps);
const deposits = (start = '2026-03-10T12:00:00Z') => createDepositService(testDeps(testDatabase.database, start).deps);

/** An article delivered by `postmanId` at the sub office, collected as given. */
async function delivered(postmanId: string, amount: string, mode: 'CASH' | 'UPI' = 'CASH', at = '2026-03-10T05:00:00Z') {
  const number = articleNumber(serial++);
  const service = articles(at);
  await service.register(officer, { articleNumber: number, billerCode: BILLERS.active.code, codAmount: amount, bookingOfficeCode: OFFICES.head.code, deliveryOfficeCode: OFFICES.sub.code, bookedOn: '2026-03-01' });
  await service.markOutForDelivery(ram, number, { postmanId, beat: 'Beat 7' });
  await service.recordDelivery(ram, number, { amount, mode, podReference: `POD-${number}`, ...(mode === 'UPI' ? { paymentReference: '123456789012' } : {}) });
  return (await service.find(officer, number))!;
}

describe('recordPostmanDeposit', () => {
  it('takes the exact cash: the collections marked and due, the DEPOSITED movement, no exception', async () => {
    const a = await delivered('PM-A', '100.00');
    const b = await delivered('PM-A', '250.50');
    await delivered('PM-A', '999.00', 'UPI');
    const deposit = await deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-A', depositedAmount: '350.50' });
    expect(deposit).toMatchObject({ expected: '350.50', deposited: '350.50', shortage: '0.00', excess: '0.00', collectionCount: 2, businessDate: '2026-03-10', depositedBy: 'clerk-sita', reason: null });
    for (const article of [a, b]) {
      const [collection] = await testDatabase.database.db.select().from(collections).where(eq(collections.articleId, article.id));
      expect(collection).toMatchObject({ depositId: deposit.id, dueFrom: '2026-03-10' });
    }
    const [movement] = await testDatabase.database.db.select().from(ledgerMovements).where(eq(ledgerMovements.subjectId, deposit.id));
    expect(movement).toMatchObject({ movement: 'DEPOSITED', subjectType: 'DEPOSIT', officeCode: OFFICES.sub.code, businessDate: '2026-03-10' });
    expect(movement!.payload).toMatchObject({ depositId: deposit.id, officeCode: OFFICES.sub.code, postmanId: 'PM-A', expected: '350.50', deposited: '350.50', shortage: '0.00', excess: '0.00', currency: 'INR' });
    expect(await testDatabase.database.db.select().from(codExceptions).where(eq(codExceptions.depositId, deposit.id))).toHaveLength(0);
    // Everything is deposited now.
    await expect(deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-A', depositedAmount: '1' })).rejects.toMatchObject({ code: 'NOTHING_TO_DEPOSIT' });
  });

  it('needs a reason for a shortage, then raises SHORT_DEPOSIT and stages the shortage', async () => {
    await delivered('PM-B', '500.00');
    await expect(deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-B', depositedAmount: '480' })).rejects.toMatchObject({ code: 'REASON_REQUIRED', details: { shortage: '20.00' } });
    const deposit = await deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-B', depositedAmount: '480', reason: 'a torn note' });
    expect(deposit).toMatchObject({ expected: '500.00', deposited: '480.00', shortage: '20.00', excess: '0.00', reason: 'a torn note' });
    const raised = await testDatabase.database.db.select().from(codExceptions).where(eq(codExceptions.depositId, deposit.id));
    expect(raised).toEqual([expect.objectContaining({ type: 'SHORT_DEPOSIT', amount: '20.00', status: 'OPEN', reason: 'a torn note', officeCode: OFFICES.sub.code })]);
    const [movement] = await testDatabase.database.db.select().from(ledgerMovements).where(eq(ledgerMovements.subjectId, deposit.id));
    expect(movement!.payload).toMatchObject({ expected: '500.00', deposited: '480.00', shortage: '20.00', excess: '0.00' });
  });

  it('raises EXCESS_DEPOSIT for cash over, with its reason', async () => {
    await delivered('PM-C', '100.00');
    await expect(deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-C', depositedAmount: '110.25' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    const deposit = await deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-C', depositedAmount: '110.25', reason: 'change not given back' });
    expect(deposit).toMatchObject({ shortage: '0.00', excess: '10.25' });
    const raised = await testDatabase.database.db.select().from(codExceptions).where(eq(codExceptions.depositId, deposit.id));
    expect(raised.map((row) => [row.type, row.amount])).toEqual([['EXCESS_DEPOSIT', '10.25']]);
  });

  it('lets exactly one of two racing deposits take the cash: the other is NOTHING_TO_DEPOSIT', async () => {
    await delivered('PM-D', '700.00');
    await delivered('PM-D', '300.00');
    const results = await Promise.allSettled([1, 2].map(() => deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-D', depositedAmount: '1000' })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'NOTHING_TO_DEPOSIT' } });
    const rows = await testDatabase.database.db.select().from(collections).where(eq(collections.postmanId, 'PM-D'));
    expect(new Set(rows.map((row) => row.depositId)).size).toBe(1);
  });

  it('counts cash up to the business date only', async () => {
    await delivered('PM-E', '40.00', 'CASH', '2026-03-09T05:00:00Z');
    await delivered('PM-E', '60.00', 'CASH', '2026-03-10T05:00:00Z');
    const first = await deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-E', businessDate: '2026-03-09', depositedAmount: '40' });
    expect(first).toMatchObject({ expected: '40.00', collectionCount: 1, businessDate: '2026-03-09' });
    const second = await deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-E', depositedAmount: '60' });
    expect(second).toMatchObject({ expected: '60.00', collectionCount: 1 });
  });

  it('refuses bad input and callers without cod.deposit at the office', async () => {
    await delivered('PM-F', '10.00');
    const input = { officeCode: OFFICES.sub.code, postmanId: 'PM-F', depositedAmount: '10' };
    await expect(deposits().record(sita, { ...input, depositedAmount: '10.001' })).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    await expect(deposits().record(sita, { ...input, depositedAmount: '-1' })).rejects.toMatchObject({ code: 'INVALID_AMOUNT' });
    await expect(deposits().record(sita, { ...input, businessDate: '2026-03-11' })).rejects.toMatchObject({ code: 'INVALID_DATE' });
    await expect(deposits().record(sita, { ...input, officeCode: 'NOWHERE' })).rejects.toMatchObject({ code: 'OFFICE_NOT_FOUND' });
    await expect(deposits().record(sita, { ...input, officeCode: OFFICES.branch.code })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deposits().record(ram, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deposits().record(staffAt('head', [['cod.deposit', 'OWN_OFFICE']]), input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deposits().record(sita, { ...input, postmanId: 'PM F!' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await deposits().record(sita, input)).expected).toBe('10.00');
  });
});

describe('postmanDaySheet and the lists', () => {
  it('shows the beat: out, delivered, failed, and the cash expected', async () => {
    const service = articles();
    const out = articleNumber(serial++);
    const failed = articleNumber(serial++);
    for (const number of [out, failed]) {
      await service.register(officer, { articleNumber: number, billerCode: BILLERS.active.code, codAmount: '75', bookingOfficeCode: OFFICES.head.code, deliveryOfficeCode: OFFICES.sub.code });
      await service.markOutForDelivery(ram, number, { postmanId: 'PM-G', beat: 'Beat 9' });
    }
    await service.recordDeliveryFailure(ram, failed, 'door locked');
    const cash = await delivered('PM-G', '120.00');
    await delivered('PM-G', '80.00', 'UPI');
    const sheet = await deposits().daySheet(sita, OFFICES.sub.code, 'PM-G', '2026-03-10');
    expect(sheet.outForDelivery.map((article) => article.articleNumber)).toEqual([out]);
    expect(sheet.failed.map((article) => article.articleNumber)).toEqual([failed]);
    expect(sheet.delivered.map((article) => article.articleNumber)).toContain(cash.articleNumber);
    expect(sheet.delivered).toHaveLength(2);
    expect([sheet.cashCollected, sheet.digitalCollected, sheet.cashExpected]).toEqual(['120.00', '80.00', '120.00']);
    await expect(deposits().daySheet(staffAt('other', [['cod.read', 'SUBTREE']]), OFFICES.sub.code, 'PM-G', '2026-03-10')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deposits().daySheet(sita, OFFICES.sub.code, 'PM-G', '10-03-2026')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('lists deposits and exceptions in cod.read scope', async () => {
    const mine = (await deposits().list(officer, { officeCode: OFFICES.sub.code, from: '2026-03-09', to: '2026-03-10' }, 100)).edges.map((edge) => edge.node);
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((deposit) => deposit.officeCode === OFFICES.sub.code)).toBe(true);
    expect((await deposits().list(staffAt('other', [['cod.read', 'SUBTREE']]), null, 100)).edges).toEqual([]);
    await expect(deposits().list(sita, null, 100)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const shortages = await deposits().exceptions(officer, { type: 'SHORT_DEPOSIT', status: 'OPEN' }, 100);
    expect(shortages.edges.map((edge) => edge.node.reason)).toContain('a torn note');
    await expect(deposits().exceptions(officer, { type: 'NOPE' }, 100)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(deposits().exceptions(officer, null, 501)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('codDeposits and codExceptions pages', () => {
  /** Every page of a list, following endCursor; the page size is small so the keyset is crossed. */
  async function allPages<T>(page: (after: string | null) => Promise<{ edges: Array<{ node: T }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>) {
    const nodes: T[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const answer = await page(after);
      nodes.push(...answer.edges.map((edge) => edge.node));
      pages += 1;
      if (!answer.pageInfo.hasNextPage) return { nodes, pages };
      after = answer.pageInfo.endCursor;
    }
  }

  it('pages both lists newest first, every row once, and refuses a cursor it did not issue', async () => {
    const made: string[] = [];
    for (const amount of ['100.00', '200.00', '300.00']) {
      await delivered('PM-PG', amount);
      made.push((await deposits().record(sita, { officeCode: OFFICES.sub.code, postmanId: 'PM-PG', depositedAmount: String(Number(amount) - 1), reason: 'one rupee short' })).id);
    }
    const listed = await allPages((after) => deposits().list(officer, { postmanId: 'PM-PG' }, 2, after));
    expect(listed.pages).toBe(2);
    expect(listed.nodes.map((row) => row.id).sort()).toEqual([...made].sort());
    const times = listed.nodes.map((row) => row.depositedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const short = await allPages((after) => deposits().exceptions(officer, { type: 'SHORT_DEPOSIT' }, 1, after));
    const ids = short.nodes.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    const inDatabase = await testDatabase.database.db.select().from(codExceptions).where(eq(codExceptions.type, 'SHORT_DEPOSIT'));
    expect(ids.sort()).toEqual(inDatabase.map((row) => row.id).sort());
    expect(short.nodes.filter((row) => made.includes(row.depositId ?? ''))).toHaveLength(3);

    const forged = Buffer.from(JSON.stringify(['not a time', '00000000-0000-0000-0000-000000000000'])).toString('base64url');
    await expect(deposits().list(officer, null, 10, forged)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await expect(deposits().exceptions(officer, null, 10, 'garbage')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await expect(deposits().list(officer, null, 501)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    // The page size callers asked for before the lists paged still answers.
    expect((await deposits().list(officer, null, 200)).edges.length).toBeGreaterThanOrEqual(3);
  });
});
