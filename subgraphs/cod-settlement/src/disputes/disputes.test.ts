import type { Identity } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSettlementBatches } from '../settlement/build.js';
import { contextOf, financeOfficer, seedBiller, seedCollection, seedOffices, settlementDeps, SETTLEMENT_OFFICE } from '../settlement/test-support/seed.js';
import type { Context } from '../context.js';
import { listCodDisputes } from './queries.js';
import { disputeResolvers } from './resolvers.js';
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

const auditor = {
  kind: 'staff' as const, staffId: 'au-1', username: 'auditor.dlc', roles: ['AUDITOR'], officeCode: 'DLC', officePath: 'DLC',
  grants: [{ permission: 'cod.read', scope: 'SUBTREE' as const }],
};
const mumbaiOfficer = { ...financeOfficer, staffId: 'fo-mb', username: 'finance.mbgpo', officeCode: 'MBGPO', officePath: 'MHC/MBGPO' } as Identity;
const clerkWithoutRead: Identity = {
  kind: 'staff', staffId: 'cl-1', username: 'clerk', roles: ['COUNTER_CLERK'], officeCode: 'NDGPO', officePath: 'DLC/NDGPO',
  grants: [{ permission: 'cod.collect', scope: 'OWN_OFFICE' }],
};

describe('codDisputes', () => {
  /** Two billers settled at NDGPO (three and one disputes) and one at MBGPO (one), raised through the service. */
  async function world() {
    const delhi = await seedBiller(db());
    const delhiOther = await seedBiller(db());
    const mumbai = await seedBiller(db(), {}, 'MBGPO');
    const raised: Record<string, string[]> = { [delhi.id]: [], [delhiOther.id]: [], [mumbai.id]: [] };
    for (const [biller, count] of [[delhi, 3], [delhiOther, 1], [mumbai, 1]] as const) {
      for (let i = 0; i < count; i += 1) {
        const article = await seedCollection(db(), biller.id, { deliveredOn: '2026-12-02' });
        raised[biller.id]!.push((await raiseCodDispute(deps(), contextOf(sellerOf(biller.code)), article.articleNumber, { kind: 'NOT_RECEIVED', note: `dispute ${i}` })).id);
      }
    }
    return { delhi, delhiOther, mumbai, raised };
  }
  const ids = (page: { edges: Array<{ node: { id: string } }> }) => page.edges.map((edge) => edge.node.id);

  it('pages a biller\'s disputes newest first, every one once, and filters by status and raised date', async () => {
    const { delhi, raised } = await world();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listCodDisputes>> = await listCodDisputes(deps(), financeOfficer, { billerId: delhi.id }, 2, after);
      seen.push(...ids(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(2);
    expect([...seen].sort()).toEqual([...raised[delhi.id]!].sort());
    // One clock instant for all three: the id breaks the tie, in descending order.
    expect(seen).toEqual([...seen].sort().reverse());

    await resolveCodDispute(deps(), contextOf(financeOfficer), raised[delhi.id]![0]!, { outcome: 'REJECTED', note: 'POD shows cash' });
    expect(ids(await listCodDisputes(deps(), financeOfficer, { billerId: delhi.id, status: 'OPEN' }, 10, null)).sort()).toEqual(raised[delhi.id]!.slice(1).sort());
    expect(ids(await listCodDisputes(deps(), financeOfficer, { billerId: delhi.id, status: 'REJECTED' }, 10, null))).toEqual([raised[delhi.id]![0]]);

    await db().execute(sql`update cod.disputes set raised_on = '2026-11-20' where id = ${raised[delhi.id]![2]!}`);
    expect(ids(await listCodDisputes(deps(), financeOfficer, { billerId: delhi.id, raisedTo: '2026-11-30' }, 10, null))).toEqual([raised[delhi.id]![2]]);
    expect(ids(await listCodDisputes(deps(), financeOfficer, { billerId: delhi.id, raisedFrom: '2026-12-01', raisedTo: '2026-12-03' }, 10, null)).sort()).toEqual(raised[delhi.id]!.slice(0, 2).sort());
  });

  it('shows officers and auditors their subtree, a biller its own disputes only, and no one else anything', async () => {
    const { delhi, delhiOther, mumbai, raised } = await world();
    const all = async (identity: Parameters<typeof listCodDisputes>[1], filter: Parameters<typeof listCodDisputes>[2] = {}) => ids(await listCodDisputes(deps(), identity, filter, 100, null));
    const delhiIds = [...raised[delhi.id]!, ...raised[delhiOther.id]!];
    const officer = await all(financeOfficer);
    expect(officer).toEqual(expect.arrayContaining(delhiIds));
    expect(officer).not.toContain(raised[mumbai.id]![0]);
    expect(await all(auditor)).toEqual(expect.arrayContaining([...delhiIds]));
    expect(await all(auditor)).not.toContain(raised[mumbai.id]![0]);
    expect(await all(mumbaiOfficer)).toContain(raised[mumbai.id]![0]);
    expect(await all(mumbaiOfficer)).not.toContain(raised[delhi.id]![0]);
    // Another office's filter does not widen the scope.
    expect(await all(financeOfficer, { settlementOfficeCode: 'MBGPO' })).toEqual([]);
    expect((await all(financeOfficer, { settlementOfficeCode: 'DLC' })).length).toBeGreaterThanOrEqual(delhiIds.length);

    // The biller: its own, whatever the filter names.
    expect((await all(sellerOf(delhi.code))).sort()).toEqual([...raised[delhi.id]!].sort());
    expect(await all(sellerOf(delhi.code), { billerId: delhiOther.id })).toEqual([]);
    expect(await all(sellerOf(delhi.code), { settlementOfficeCode: 'MBGPO' })).toEqual([]);
    expect(await all(sellerOf('BL999998'))).toEqual([]);
    // A BILLER session with a temporary password is not bound to its biller yet.
    await expect(listCodDisputes(deps(), { ...sellerOf(delhi.code), passwordChangeRequired: true }, {}, 10, null)).rejects.toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });

    await expect(listCodDisputes(deps(), clerkWithoutRead, {}, 10, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listCodDisputes(deps(), { kind: 'anonymous' }, {}, 10, null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses bad input with a clear code', async () => {
    const problem = (filter: Parameters<typeof listCodDisputes>[2], first: number | null = 10, after: string | null = null) => listCodDisputes(deps(), financeOfficer, filter, first, after);
    await expect(problem({}, 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    await expect(problem({}, 101)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    await expect(problem({}, 10, 'bm90LWEtY3Vyc29y')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await expect(problem({}, 10, Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await expect(problem({ status: 'CLOSED' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.status' });
    await expect(problem({ raisedFrom: '2026-02-30' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.raisedFrom' });
    await expect(problem({ settlementOfficeCode: 'NOWHERE' })).rejects.toMatchObject({ code: 'OFFICE_NOT_FOUND', field: 'filter.settlementOfficeCode' });
    expect((await problem({ billerId: 'not-a-uuid' })).edges).toEqual([]);
  });

  it('answers the API\'s shape through the resolver', async () => {
    const biller = await seedBiller(db());
    const article = await seedCollection(db(), biller.id, { amount: '800.00', codAmount: '1000.00', deliveredOn: '2026-12-02' });
    const raised = await raiseCodDispute(deps(), contextOf(financeOfficer), article.articleNumber, { kind: 'PARTIAL_AMOUNT', claimedAmount: '1000', note: 'buyer paid 1000' });
    const context = { ...contextOf(financeOfficer), services: { settlement: deps() } } as unknown as Context;
    const resolver = (disputeResolvers.Query as Record<string, (parent: unknown, args: unknown, context: Context, info: unknown) => Promise<{ edges: Array<{ cursor: string; node: unknown }> }>>).codDisputes!;
    const page = await resolver({}, { filter: { billerId: biller.id }, first: 5 }, context, {});
    expect(page.edges).toHaveLength(1);
    expect(page.edges[0]!.node).toEqual({
      id: raised.id, articleNumber: article.articleNumber, billerId: biller.id, billerCode: biller.code, settlementOfficeCode: SETTLEMENT_OFFICE,
      kind: 'PARTIAL_AMOUNT', status: 'OPEN', claimedAmount: { amount: '1000.00', currency: 'INR' }, adjustmentAmount: null, note: 'buyer paid 1000', resolutionNote: null,
      raisedOn: '2026-12-03', raisedAt: '2026-12-03T05:30:00.000Z', resolvedOn: null,
    });
  });
});
