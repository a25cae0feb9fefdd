import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../context.js';
import { createSettlementApprovalExecutor } from './approval-executor.js';
import { settlementResolvers } from './resolvers.js';
import { contextOf, decidedEvent, financeOfficer, identitySecret, recordingInbox, seedBiller, seedCollection, seedOffices, settlementDeps, SETTLEMENT_OFFICE } from './test-support/seed.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase.database.db);
}, 60_000);
afterAll(() => testDatabase?.drop());

/* The resolvers as the server calls them (parent, args, context), on the real database: the mapping to the API's shapes. */
type AnyResolver = (parent: unknown, args: unknown, context: Context, info: unknown) => Promise<unknown> | unknown;
const call = (type: string, field: string, parent: unknown, args: unknown, context: Context) =>
  ((settlementResolvers as unknown as Record<string, Record<string, AnyResolver>>)[type]![field]!)(parent, args, context, {});

describe('settlement resolvers', () => {
  it('build, submit, release, then read the batch, its lines, payout, file and the biller and office figures', async () => {
    const inbox = recordingInbox();
    const deps = settlementDeps(testDatabase, () => new Date('2026-12-14T05:30:00Z'), inbox.submitter);
    const context = { ...contextOf(financeOfficer), logger: pino({ level: 'silent' }), services: { fees: undefined as never, settlement: deps } } as unknown as Context;
    const biller = await seedBiller(testDatabase.database.db);
    await seedCollection(testDatabase.database.db, biller.id, { amount: '6000.00', dueFrom: '2026-12-01' });
    const built = (await call('Mutation', 'buildSettlementBatches', {}, { input: { settlementOfficeCode: SETTLEMENT_OFFICE } }, context)) as Array<{ id: string; billerId: string }>;
    const batch = built.find((b) => b.billerId === biller.id)!;
    await call('Mutation', 'submitSettlementBatches', {}, { ids: [batch.id], note: 'weekly' }, context);
    await testDatabase.database.db.transaction((tx) => createSettlementApprovalExecutor(deps, { identitySecret })(tx, decidedEvent(inbox.submissions.at(-1)!)));

    const row = await call('Query', 'settlementBatch', {}, { id: batch.id }, context);
    expect(await call('SettlementBatch', 'net', row, {}, context)).toEqual({ amount: '5870.20', currency: 'INR' }); // 6000 - 110 - 19.80
    expect(await call('SettlementBatch', 'billerCode', row, {}, context)).toBe(biller.code);
    const lines = (await call('SettlementBatch', 'lines', row, { first: 10 }, context)) as { edges: Array<{ node: Record<string, unknown> }> };
    expect(lines.edges[0]!.node).toMatchObject({ kind: 'ARTICLE', gross: { amount: '6000.00', currency: 'INR' }, fee: { amount: '110.00', currency: 'INR' }, tax: { amount: '19.80', currency: 'INR' }, active: true });
    const payout = (await call('SettlementBatch', 'payout', row, {}, context)) as { payoutFileId: string };
    expect(await call('Payout', 'accountNumber', payout, {}, context)).toBe('123456789012');
    const reader = { ...context, identity: { ...financeOfficer, grants: [{ permission: 'cod.read', scope: 'SUBTREE' as const }] } } as Context;
    expect(await call('Payout', 'accountNumber', payout, {}, reader)).toBe('XXXX9012');
    const file = await call('Query', 'payoutFile', {}, { id: payout.payoutFileId }, context);
    expect(await call('PayoutFile', 'fileName', file, {}, context)).toMatch(/^SBI_CMP_NEFT_NDGPO_20261214_\d{4}\.txt$/);
    expect(await call('Query', 'payoutFile', {}, { id: payout.payoutFileId }, reader)).toBeNull();
    expect(await call('Query', 'payoutFile', {}, { id: 'not-a-uuid' }, context)).toBeNull();

    const summary = await call('Biller', 'codSummary', { id: biller.id }, {}, context);
    expect(summary).toMatchObject({ available: { amount: '0.00' }, initiated: { amount: '5870.20', currency: 'INR' }, lastRemitted: null });
    const list = (await call('Query', 'settlementBatches', {}, { filter: { billerCode: biller.code }, first: 5 }, context)) as { edges: unknown[] };
    expect(list.edges).toHaveLength(1);
    const day = await call('Office', 'codSummary', { code: 'LDSO' }, { date: '2026-11-30' }, context);
    expect(day).toMatchObject({ deliveredCount: 1, deliveredAmount: { amount: '6000.00' } });
    await expect(call('Query', 'bankHolidays', {}, { calendar: 'IN', year: 2026 }, context)).resolves.toEqual(expect.arrayContaining([{ date: '2026-12-25', name: 'Christmas Day' }]));
    await expect(call('Query', 'bankHolidays', {}, { calendar: 'IN', year: 1 }, context)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
