import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSettlementBatches } from '../settlement/build.js';
import { contextOf, financeOfficer, seedBiller, seedCollection, seedOffices, settlementDeps, SETTLEMENT_OFFICE } from '../settlement/test-support/seed.js';
import { raiseCodDispute, resolveCodDispute } from './service.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase.database.db);
}, 60_000);
afterAll(() => testDatabase?.drop());

// Thursday 3 December 2026.
const clock = () => new Date('2026-12-03T05:30:00Z');
const db = () => testDatabase.database.db;
const deps = () => settlementDeps(testDatabase, clock);
const sellerOf = (billerCode: string) => ({
  kind: 'staff' as const, staffId: `seller-${billerCode}`, username: `seller.${billerCode}`, roles: ['BILLER'], officeCode: 'NDGPO', officePath: 'DLC/NDGPO',
  grants: [{ permission: 'cod.biller.self', scope: 'SUBTREE' as const }], billerCode,
});

async function linesFor(articleId: string) {
  return rowsOf<{ kind: string; gross: string }>(await db().execute(sql`select kind, gross::text from cod.batch_lines where (article_id = ${articleId} or dispute_id in (select id from cod.disputes where article_id = ${articleId})) and active`));
}

describe('disputes', () => {
  it('the biller raises one within the window; it holds the article out of settlement until rejected', async () => {
    const biller = await seedBiller(db(), { cycleDays: 1, disputeWindowDays: 3 });
    const article = await seedCollection(db(), biller.id, { deliveredOn: '2026-12-01', dueFrom: '2026-12-01' });
    const dispute = await raiseCodDispute(deps(), contextOf(sellerOf(biller.code)), article.articleNumber, { kind: 'NOT_RECEIVED', note: 'buyer says paid by UPI' });
    expect(dispute.status).toBe('OPEN');
    await expect(raiseCodDispute(deps(), contextOf(financeOfficer), article.articleNumber, { kind: 'NOT_RECEIVED', note: 'again' })).rejects.toMatchObject({ code: 'DISPUTE_ALREADY_OPEN' });
    await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE });
    expect(await linesFor(article.articleId)).toEqual([]);
    await expect(resolveCodDispute(deps(), contextOf(sellerOf(biller.code)), dispute.id, { outcome: 'REJECTED', note: 'no' })).rejects.toMatchObject({ code: 'DISPUTE_NOT_FOUND' });
    await resolveCodDispute(deps(), contextOf(financeOfficer), dispute.id, { outcome: 'REJECTED', note: 'POD shows cash collected' });
    await expect(resolveCodDispute(deps(), contextOf(financeOfficer), dispute.id, { outcome: 'UPHELD', note: 'x' })).rejects.toMatchObject({ code: 'DISPUTE_ALREADY_RESOLVED' });
    await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-04' });
    expect(await linesFor(article.articleId)).toEqual([{ kind: 'ARTICLE', gross: '1000.00' }]);
    const timeline = rowsOf<{ type: string }>(await db().execute(sql`select type from cod.dispute_events where dispute_id = ${dispute.id} order by id`));
    expect(timeline.map((e) => e.type)).toEqual(['RAISED', 'REJECTED']);
  });

  it('upheld with an amount stages ADJUSTED and pays the adjustment in the next batch', async () => {
    const biller = await seedBiller(db(), { cycleDays: 1 });
    const article = await seedCollection(db(), biller.id, { amount: '800.00', codAmount: '1000.00', deliveredOn: '2026-12-02', dueFrom: '2026-12-02' });
    const dispute = await raiseCodDispute(deps(), contextOf(financeOfficer), article.articleNumber, { kind: 'PARTIAL_AMOUNT', claimedAmount: '1000', note: 'buyer paid 1000' });
    const upheld = await resolveCodDispute(deps(), contextOf(financeOfficer), dispute.id, { outcome: 'UPHELD', adjustmentAmount: '200.00', note: 'postman receipt shows 1000' });
    expect(upheld).toMatchObject({ status: 'UPHELD', adjustmentAmount: '200.00' });
    const [movement] = rowsOf<{ movement: string; payload: Record<string, string> }>(await db().execute(sql`select movement, payload from cod.ledger_movements where subject_id = ${dispute.id}`));
    expect(movement).toMatchObject({ movement: 'ADJUSTED', payload: { amount: '200.00', billerCode: biller.code, articleNumber: article.articleNumber } });
    const [batch] = (await buildSettlementBatches(deps(), contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-04' })).filter((b) => b.billerId === biller.id);
    expect(batch).toMatchObject({ adjustments: '200.00', gross: '800.00', net: '941.00' }); // 800 - 50 - 9 + 200
    expect((await linesFor(article.articleId)).map((l) => l.kind).sort()).toEqual(['ADJUSTMENT', 'ARTICLE']);
  });

  it('refuses a closed window, another biller, an undelivered article and bad input', async () => {
    const biller = await seedBiller(db(), { disputeWindowDays: 2 });
    const old = await seedCollection(db(), biller.id, { deliveredOn: '2026-11-30' });
    await expect(raiseCodDispute(deps(), contextOf(sellerOf(biller.code)), old.articleNumber, { kind: 'NOT_RECEIVED', note: 'late' })).rejects.toMatchObject({ code: 'DISPUTE_WINDOW_CLOSED' });
    const recent = await seedCollection(db(), biller.id, { deliveredOn: '2026-12-02' });
    await expect(raiseCodDispute(deps(), contextOf(sellerOf('BL999999')), recent.articleNumber, { kind: 'NOT_RECEIVED', note: 'not mine' })).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    await expect(raiseCodDispute(deps(), contextOf(financeOfficer), recent.articleNumber, { kind: 'PARTIAL_AMOUNT', note: 'x' })).rejects.toMatchObject({ code: 'INVALID_DISPUTE' });
    await expect(raiseCodDispute(deps(), contextOf(financeOfficer), recent.articleNumber, { kind: 'PARTIAL_AMOUNT', claimedAmount: '10.001', note: 'x' })).rejects.toMatchObject({ code: 'INVALID_DISPUTE' });
    await expect(raiseCodDispute(deps(), contextOf(financeOfficer), recent.articleNumber, { kind: 'NOT_RECEIVED', note: '  ' })).rejects.toMatchObject({ code: 'INVALID_DISPUTE' });
    await db().execute(sql`update cod.articles set status = 'RTO' where id = ${recent.articleId}`);
    await expect(raiseCodDispute(deps(), contextOf(financeOfficer), recent.articleNumber, { kind: 'NOT_RECEIVED', note: 'x' })).rejects.toMatchObject({ code: 'DISPUTE_NOT_ALLOWED' });
  });
});
