import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettlementApprovalExecutor } from '../settlement/approval-executor.js';
import { buildSettlementBatches } from '../settlement/build.js';
import { markPayoutFailed, markPayoutPaid } from '../settlement/payouts.js';
import { settlementBatchList } from '../settlement/queries.js';
import { payoutOfBatch } from '../settlement/repository.js';
import { submitSettlementBatches } from '../settlement/submit.js';
import { contextOf, decidedEvent, financeOfficer, identitySecret, recordingInbox, seedBiller, seedCollection, seedOffices, settlementDeps, SETTLEMENT_OFFICE } from '../settlement/test-support/seed.js';
import type { CodLedgerClient } from './ledger-client.js';
import { billerCodSummary, billerRemittances, billerRemittancesCsv, codAging, codReconciliation, officeCodSummary } from './service.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase.database.db);
}, 60_000);
afterAll(() => testDatabase?.drop());

// Monday 14 December 2026.
const clock = () => new Date('2026-12-14T05:30:00Z');
const db = () => testDatabase.database.db;
const inbox = recordingInbox();
const deps = () => settlementDeps(testDatabase, clock, inbox.submitter);
const ctx = contextOf(financeOfficer);

async function release(billerId: string, cycleDate = '2026-12-14') {
  const batches = (await buildSettlementBatches(deps(), ctx, { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate })).filter((b) => b.billerId === billerId);
  await submitSettlementBatches(deps(), ctx, batches.map((b) => b.id), 'cycle');
  await db().transaction((tx) => createSettlementApprovalExecutor(deps(), { identitySecret })(tx, decidedEvent(inbox.submissions.at(-1)!)));
  return (await payoutOfBatch(db(), batches[0]!.id))!;
}

/** The ledger as the COD movements staged so far would post them: COLLECTED is the articles module's, so counted here. */
function ledgerFromMovements(collectedPerBiller: Map<string, string>): CodLedgerClient {
  return {
    async codPayableBalances({ billerCodes }) {
      const rows = rowsOf<{ code: string; settled: string; failed: string; adjusted: string }>(await db().execute(sql`
        select b.code,
          coalesce(sum((m.payload->>'gross')::numeric) filter (where m.movement = 'SETTLED'), 0)::text as settled,
          coalesce(sum((s.payload->>'gross')::numeric) filter (where m.movement = 'PAYOUT_FAILED'), 0)::text as failed,
          coalesce(sum((m.payload->>'amount')::numeric) filter (where m.movement = 'ADJUSTED'), 0)::text as adjusted
        from cod.billers b left join cod.ledger_movements m on m.biller_id = b.id
        left join cod.ledger_movements s on s.movement_id = (m.payload->>'settledMovementId')::uuid
        where b.code = any(${sql.raw(`array[${billerCodes.map((c) => `'${c}'`).join(',')}]`)}) group by b.code`));
      return rows.map((r) => ({ billerCode: r.code, currency: 'INR', amount: (Number(collectedPerBiller.get(r.code) ?? 0) - Number(r.settled) + Number(r.failed) + Number(r.adjusted)).toFixed(2) }));
    },
  };
}

describe("what sellers and officers see", () => {
  it('codSummary: available, pending, initiated, last remitted, 30 days, reversals, days to remittance', async () => {
    const biller = await seedBiller(db(), { cycleDays: 8 });
    await seedCollection(db(), biller.id, { amount: '1000.00', deliveredOn: '2026-11-30', dueFrom: '2026-12-01' });
    await seedCollection(db(), biller.id, { amount: '2000.00', deliveredOn: '2026-11-28', dueFrom: '2026-12-01' });
    const paid = await release(biller.id);
    await markPayoutPaid(deps(), ctx, paid.id, 'HDFCN52026121412345678'.slice(0, 16));
    await seedCollection(db(), biller.id, { amount: '500.00', deliveredOn: '2026-12-01', dueFrom: '2026-12-02' });
    const failed = await release(biller.id, '2026-12-15');
    await markPayoutFailed(deps(), ctx, failed.id, { reason: 'account frozen', status: 'FAILED' });
    await seedCollection(db(), biller.id, { amount: '300.00', deliveredOn: '2026-12-10', dueFrom: null });
    const summary = await billerCodSummary(deps(), financeOfficer, biller.id);
    expect(summary).toMatchObject({
      available: '500.00', // the failed payout's article, due again
      pending: '300.00',
      initiated: '0.00',
      lastRemitted: { date: '2026-12-14', amount: '2882.00', utr: 'HDFCN52026121412' },
      remittedLast30Days: '2882.00',
      reversals: '441.00',
      reversalCount: 1,
      averageDaysToRemittance: '15.00', // 14 and 16 days
    });
    expect(Number(summary.p95DaysToRemittance)).toBeCloseTo(15.9, 5);

    const page = await billerRemittances(deps(), financeOfficer, biller.id, 1);
    expect(page.edges).toHaveLength(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await billerRemittances(deps(), financeOfficer, biller.id, 1, page.pageInfo.endCursor);
    // Both were released on the same (fixed) day: the order between them is the id's, so look them up by status.
    const both = [...page.edges, ...next.edges].map((e) => e.node);
    expect(both.map((n) => n.status).sort()).toEqual(['FAILED', 'PAID']);
    const paidOne = both.find((n) => n.status === 'PAID')!;
    expect(paidOne).toMatchObject({ utr: 'HDFCN52026121412', article_count: 2 });
    expect(paidOne.articleNumbers).toHaveLength(2);

    const csv = await billerRemittancesCsv(deps(), financeOfficer, biller.id);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('released_on,paid_on,batch,utr,status,article_number,delivered_on,gross,fee,tax,early_fee,net');
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.includes(',HDFCN52026121412,PAID,'))).toHaveLength(2);
  });

  it('a seller sees its own figures only; an anonymous caller none', async () => {
    const biller = await seedBiller(db());
    const seller = { ...financeOfficer, grants: [{ permission: 'cod.biller.self', scope: 'SUBTREE' as const }], billerCode: biller.code };
    await expect(billerCodSummary(deps(), seller, biller.id)).resolves.toMatchObject({ available: '0.00' });
    const other = await seedBiller(db());
    await expect(billerCodSummary(deps(), seller, other.id)).rejects.toMatchObject({ code: 'SETTLEMENT_BATCH_NOT_FOUND' });
    await expect(billerCodSummary(deps(), { kind: 'anonymous' }, biller.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('aging buckets delivered-not-settled articles per biller and office', async () => {
    const biller = await seedBiller(db());
    for (const deliveredOn of ['2026-12-13', '2026-12-09', '2026-12-01', '2026-11-20', '2026-10-01', '2026-10-02']) await seedCollection(db(), biller.id, { deliveredOn, dueFrom: null });
    const rows = await codAging(deps(), financeOfficer, { billerCode: biller.code });
    expect(rows.map((r) => [r.bucket, r.count, r.amount, r.office_code])).toEqual([
      ['D0_2', '1', '1000.00', 'LDSO'],
      ['D16_30', '1', '1000.00', 'LDSO'],
      ['D31_PLUS', '2', '2000.00', 'LDSO'],
      ['D3_7', '1', '1000.00', 'LDSO'],
      ['D8_15', '1', '1000.00', 'LDSO'],
    ]);
  });

  it("the office's COD day: delivered, collected by mode, deposited", async () => {
    const biller = await seedBiller(db());
    await seedCollection(db(), biller.id, { deliveredOn: '2026-12-11', amount: '100.00' });
    await seedCollection(db(), biller.id, { deliveredOn: '2026-12-11', amount: '250.00', mode: 'UPI' });
    const day = await officeCodSummary(deps(), financeOfficer, 'LDSO', '2026-12-11');
    expect(day.delivered).toEqual({ count: '2', amount: '350.00' });
    expect(day.modes.map((r) => [r.mode, r.count, r.amount])).toEqual([['CASH', '1', '100.00'], ['UPI', '1', '250.00']]);
    await expect(officeCodSummary(deps(), financeOfficer, 'MBGPO', '2026-12-11')).rejects.toMatchObject({ code: 'OFFICE_NOT_FOUND' });
  });

  it('codReconciliation is zero when the ledger holds what the COD records say is owed', async () => {
    const biller = await seedBiller(db(), { cycleDays: 1 });
    await seedCollection(db(), biller.id, { amount: '700.00', deliveredOn: '2026-12-10', dueFrom: '2026-12-10' });
    await seedCollection(db(), biller.id, { amount: '900.00', deliveredOn: '2026-12-10', dueFrom: '2026-12-10' });
    await seedCollection(db(), biller.id, { amount: '50.00', deliveredOn: '2026-12-13', dueFrom: null });
    const collected = new Map([[biller.code, '1650.00']]);
    const payout = await release(biller.id);
    const reconcile = () => codReconciliation({ ...deps(), ledger: ledgerFromMovements(collected) }, ctx, '2026-12-14', biller.id);
    expect(await reconcile()).toEqual([expect.objectContaining({ billerCode: biller.code, ledgerPayable: '50.00', unsettled: '50.00', difference: '0.00' })]);
    await markPayoutFailed(deps(), ctx, payout.id, { reason: 'returned', status: 'FAILED' });
    expect(await reconcile()).toEqual([expect.objectContaining({ ledgerPayable: '1650.00', unsettled: '1650.00', difference: '0.00' })]);
    // A collection the ledger never heard of is a difference.
    collected.set(biller.code, '1600.00');
    expect((await reconcile())[0]!.difference).toBe('-50.00');
  });
});

describe('an own-office cod.read (a counter clerk, a postman)', () => {
  it('reaches the settlement office alone: not the aging, reconciliation or batches of a biller settled under it', async () => {
    const here = await seedBiller(db());
    const below = await seedBiller(db());
    await db().execute(sql`update cod.billers set settlement_office_code = 'LDSO', settlement_office_path = 'DLC/NDGPO/LDSO' where id = ${below.id}`);
    for (const biller of [here, below]) await seedCollection(db(), biller.id, { amount: '400.00', deliveredOn: '2026-12-01', dueFrom: '2026-12-01' });
    const built = [
      ...(await buildSettlementBatches(deps(), ctx, { settlementOfficeCode: SETTLEMENT_OFFICE, cycleDate: '2026-12-14' })),
      ...(await buildSettlementBatches(deps(), ctx, { settlementOfficeCode: 'LDSO', cycleDate: '2026-12-14' })),
    ];
    const batchOf = (billerId: string) => built.find((b) => b.billerId === billerId)!.id;
    const clerk = { ...financeOfficer, staffId: 'clerk-1', grants: [{ permission: 'cod.read', scope: 'OWN_OFFICE' as const }] };
    const ledger: CodLedgerClient = { codPayableBalances: async ({ billerCodes }) => billerCodes.map((billerCode) => ({ billerCode, amount: '0.00', currency: 'INR' })) };
    const seen = async (identity: typeof financeOfficer) => ({
      aging: await Promise.all([here, below].map(async (b) => (await codAging(deps(), identity, { billerCode: b.code })).length > 0)),
      reconciliation: await Promise.all([here, below].map(async (b) => (await codReconciliation({ ...deps(), ledger }, contextOf(identity), '2026-12-14', b.id)).length > 0)),
      batches: await Promise.all([here, below].map(async (b) => (await settlementBatchList(deps(), identity, { billerCode: b.code }, 10)).edges.some((e) => e.node.id === batchOf(b.id)))),
    });
    expect(await seen(clerk)).toEqual({ aging: [true, false], reconciliation: [true, false], batches: [true, false] });
    // The divisional officer's subtree grant reaches both.
    expect(await seen(financeOfficer)).toEqual({ aging: [true, true], reconciliation: [true, true], batches: [true, true] });
  });
});

describe("accounts' codPayableBalances answer", () => {
  it('is read as { billerCode, balance { amount, currency } }, and anything else is no answer', async () => {
    const { readBalances } = await import('./ledger-client.js');
    expect(readBalances({ codPayableBalances: [{ billerCode: 'BL000001', balance: { amount: '10.00', currency: 'INR' } }] })).toEqual([{ billerCode: 'BL000001', amount: '10.00', currency: 'INR' }]);
    expect(readBalances({ codPayableBalances: [{ billerCode: 'BL000001', amount: '10.00' }] })).toBeUndefined();
    expect(readBalances(null)).toBeUndefined();
  });
});
