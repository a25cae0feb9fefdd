import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillerService } from '../billers/service.js';
import { as, billerDeps, registration, seedOffices, staff, staged } from '../billers/test-support/fixtures.js';
import { contractInForce } from './repository.js';
import { createContractService } from './service.js';

/** Contract versions on the real database: numbered in order, one per first day, the one in force by date. */
let testDatabase: TestDatabase;
let clockNow = new Date('2026-03-10T06:00:00Z');
const clock = () => clockNow;
const billers = () => createBillerService(billerDeps(testDatabase, clock));
const contracts = () => createContractService(billerDeps(testDatabase, clock));
const manager = staff('manager', 'DL-NDC', 'DL/DL-NDC', [
  { permission: 'cod.biller.manage', scope: 'SUBTREE' },
  { permission: 'cod.read', scope: 'SUBTREE' },
]);
const reader = staff('reader', 'DL-NDC', 'DL/DL-NDC', [{ permission: 'cod.read', scope: 'SUBTREE' }]);
const southManager = staff('southmgr', 'DL-SDC', 'DL/DL-SDC', [{ permission: 'cod.biller.manage', scope: 'SUBTREE' }]);

beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(testDatabase);
}, 60_000);
afterAll(() => testDatabase?.drop());

const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { code?: string }) => error.code ?? String(error));

describe('contract versions', () => {
  it('number 1, 2, 3 and the one in force is the latest started on or before the date', async () => {
    clockNow = new Date('2026-03-10T06:00:00Z');
    const biller = await billers().register(as(manager), registration({ contract: { settlementCycleDays: 10 } }));
    const v2 = await contracts().createVersion(as(manager), biller.id, { effectiveFrom: '2026-04-01', settlementCycleDays: 5, earlySettlement: { days: 1, feePercent: '1.25' } });
    const v3 = await contracts().createVersion(as(manager), biller.id, { effectiveFrom: '2026-05-01', maxArticleAmount: '20000' });
    expect([v2.contract.version, v3.contract.version]).toEqual([2, 3]);
    const inForce = async (date: string) => (await contractInForce(testDatabase.database.db, biller.id, date))?.version;
    expect(await inForce('2026-03-09')).toBeUndefined();
    expect(await inForce('2026-03-10')).toBe(1);
    expect(await inForce('2026-03-31')).toBe(1);
    expect(await inForce('2026-04-01')).toBe(2);
    expect(await inForce('2026-04-30')).toBe(2);
    expect(await inForce('2026-05-01')).toBe(3);
    expect(await inForce('2030-01-01')).toBe(3);
    expect((await contracts().inForce(biller.id, '2026-04-15'))).toMatchObject({ version: 2, settlementCycleDays: 5, earlySettlementEnabled: true, earlySettlementDays: 1 });
    expect((await contracts().inForce(biller.id, null))?.version).toBe(1);
    expect((await contracts().versions(biller.id)).map((contract) => [contract.version, contract.effectiveFrom, contract.settlementCycleDays])).toEqual([
      [1, '2026-03-10', 10],
      [2, '2026-04-01', 5],
      [3, '2026-05-01', 8],
    ]);
    const audit = (await staged(testDatabase, 'audit.recorded')).filter((record) => record.action === 'COD_CONTRACT_VERSION_CREATED' && record.target?.id === biller.code);
    expect(audit.map((record) => record.after.version)).toEqual([2, 3]);
  });

  it('a version from today is allowed; the same first day twice is CONTRACT_VERSION_EXISTS; a past one EFFECTIVE_FROM_IN_PAST', async () => {
    clockNow = new Date('2026-03-10T06:00:00Z');
    const biller = await billers().register(as(manager), registration());
    expect(await codeOf(contracts().createVersion(as(manager), biller.id, { effectiveFrom: '2026-03-10' }))).toBe('CONTRACT_VERSION_EXISTS');
    clockNow = new Date('2026-03-12T06:00:00Z');
    expect(await codeOf(contracts().createVersion(as(manager), biller.id, { effectiveFrom: '2026-03-12' }))).toBe('OK');
    expect(await codeOf(contracts().createVersion(as(manager), biller.id, { effectiveFrom: '2026-03-12' }))).toBe('CONTRACT_VERSION_EXISTS');
    expect(await codeOf(contracts().createVersion(as(manager), biller.id, { effectiveFrom: '2026-03-11' }))).toBe('EFFECTIVE_FROM_IN_PAST');
    expect(await codeOf(contracts().createVersion(as(manager), biller.id, { effectiveFrom: '2026-02-30' }))).toBe('BAD_USER_INPUT');
  });

  it('two versions asked at once get distinct numbers', async () => {
    clockNow = new Date('2026-03-10T06:00:00Z');
    const biller = await billers().register(as(manager), registration());
    const made = await Promise.all(['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01'].map((effectiveFrom) => contracts().createVersion(as(manager), biller.id, { effectiveFrom })));
    expect(made.map((version) => version.contract.version).sort()).toEqual([2, 3, 4, 5]);
  });

  it('needs cod.biller.manage over the settlement office: FORBIDDEN to a reader, BILLER_NOT_FOUND elsewhere', async () => {
    const biller = await billers().register(as(manager), registration());
    expect(await codeOf(contracts().createVersion(as(reader), biller.id, { effectiveFrom: '2026-12-01' }))).toBe('FORBIDDEN');
    expect(await codeOf(contracts().createVersion(as(southManager), biller.id, { effectiveFrom: '2026-12-01' }))).toBe('BILLER_NOT_FOUND');
  });
});
