import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSettlementBatches } from './build.js';
import { settlementBatchList } from './queries.js';
import { contextOf, financeOfficer, seedBiller, seedCollection, seedOffices, settlementDeps, SETTLEMENT_OFFICE } from './test-support/seed.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase.database.db);
}, 60_000);
afterAll(() => testDatabase?.drop());

const clock = () => new Date('2026-12-03T05:30:00Z');
const deps = () => settlementDeps(testDatabase, clock);
const mumbai = { ...financeOfficer, staffId: 'fo-mb', username: 'finance.mbgpo', officeCode: 'MBGPO', officePath: 'MHC/MBGPO' };
const reader = (officePath: string, scope: 'SUBTREE' | 'OWN_OFFICE') => ({
  kind: 'staff' as const, staffId: 'reader', username: 'reader', roles: ['AUDITOR'], officeCode: officePath.split('/').at(-1)!, officePath,
  grants: [{ permission: 'cod.read', scope }],
});

describe('settlementBatches', () => {
  it('pages every batch once, and reads a cod.read grant as its scope says', async () => {
    const built: string[] = [];
    for (const [office, officer] of [[SETTLEMENT_OFFICE, financeOfficer], ['MBGPO', mumbai]] as const) {
      for (let i = 0; i < 2; i += 1) {
        const biller = await seedBiller(testDatabase.database.db, { cycleDays: 1 }, office);
        await seedCollection(testDatabase.database.db, biller.id, { dueFrom: '2026-12-01' });
      }
      built.push(...(await buildSettlementBatches(deps(), contextOf(officer), { settlementOfficeCode: office })).map((batch) => batch.id));
    }
    expect(built).toHaveLength(4);

    const both = { kind: 'service' as const, service: 'cod-settlement' };
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: Awaited<ReturnType<typeof settlementBatchList>> = await settlementBatchList(deps(), both, {}, 1, after);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect([...seen].sort()).toEqual([...built].sort());

    // The circle's subtree holds NDGPO's batches, not Mumbai's; an own-office grant at the circle reaches no head office
    // under it, and one at the head office reaches its own.
    const delhi = (await settlementBatchList(deps(), reader('DLC', 'SUBTREE'), {}, 10, null)).edges.map((edge) => edge.node.settlementOfficeCode);
    expect(delhi).toEqual([SETTLEMENT_OFFICE, SETTLEMENT_OFFICE]);
    expect((await settlementBatchList(deps(), reader('DLC', 'OWN_OFFICE'), {}, 10, null)).edges).toEqual([]);
    expect((await settlementBatchList(deps(), reader('DLC/NDGPO', 'OWN_OFFICE'), {}, 10, null)).edges).toHaveLength(2);
    await expect(settlementBatchList(deps(), both, {}, 10, 'not-a-cursor')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'after' });
  });
});
