import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingInbox, seedOffices, staff } from '../approvals/test-support.js';
import { parseTariffChangePayload, planTariffChange, proposedVersion, type TariffProposalInput } from './change.js';
import { INDIA_TARIFFS } from './domain.js';
import { createTariffService } from './service.js';

/** proposeMoneyOrderTariff: every refusal before anything reaches the inbox, on the real database. */
let testDatabase: TestDatabase;
const inbox = recordingInbox();
const now = new Date('2026-03-10T06:00:00Z'); // 11:30 on 10 March 2026 in New Delhi
const service = () => createTariffService({ database: testDatabase.database, clock: () => now, timeZone: 'Asia/Kolkata', currency: 'INR', approvals: inbox.submitter });
const rootOfficer = staff('finance', 'DLC', 'DLC', [{ permission: 'mo.tariff.manage', scope: 'SUBTREE' }]);
const divisionOfficer = staff('division', 'NDGPO', 'DLC/NDGPO', [{ permission: 'mo.tariff.manage', scope: 'SUBTREE' }]);

const input = (overrides: Partial<TariffProposalInput> = {}): TariffProposalInput => ({
  product: 'ORDINARY',
  currency: 'INR',
  effectiveFrom: '2026-04-01',
  minAmount: '1',
  maxAmount: '10000',
  wholeUnitsOnly: true,
  rule: '{"kind":"PER_UNIT_OR_PART","unit":"20","chargePerUnit":"1"}',
  taxRatePercent: '18',
  ...overrides,
});

const refusal = async (identity: Parameters<ReturnType<typeof service>['propose']>[0], overrides: Partial<TariffProposalInput> = {}) => {
  const before = inbox.submissions.length;
  const error = await service()
    .propose(identity, input(overrides), `req-${randomUUID()}`)
    .then(() => undefined, (e: { code: string; field?: string }) => e);
  expect(inbox.submissions.length).toBe(before);
  return error && { code: error.code, field: error.field };
};

beforeAll(async () => {
  testDatabase = await createTestDatabase(['money-orders']);
  await seedOffices(testDatabase);
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('proposeMoneyOrderTariff', () => {
  it('submits a valid proposal from the root office', async () => {
    const { id } = await service().propose(rootOfficer, input(), 'req-1');
    expect(inbox.submissions.at(-1)).toMatchObject({ id, kind: 'MO_TARIFF_CHANGE', officeCode: 'DLC', payload: { tariff: { id: 'IN-MO-ORDINARY-2026-04-01', taxRatePercent: '18' } } });
  });

  it('refuses whoever may not manage tariffs over the whole network', async () => {
    expect(await refusal({ kind: 'anonymous' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal({ ...rootOfficer, grants: [] })).toMatchObject({ code: 'FORBIDDEN' });
    // A tariff is the network's: mo.tariff.manage over a division is not enough.
    expect(await refusal(divisionOfficer)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    ['today', { effectiveFrom: '2026-03-10' }, 'EFFECTIVE_FROM_NOT_FUTURE', 'effectiveFrom'],
    ['a past day', { effectiveFrom: '2025-01-01' }, 'EFFECTIVE_FROM_NOT_FUTURE', 'effectiveFrom'],
    ['not a date', { effectiveFrom: '2026-02-30' }, 'BAD_USER_INPUT', 'effectiveFrom'],
    ['another currency', { currency: 'PKR' }, 'BAD_USER_INPUT', 'currency'],
    ['an unknown product', { product: 'EXPRESS' }, 'BAD_USER_INPUT', 'product'],
    ['a rule that is not JSON', { rule: '{kind: FREE' }, 'BAD_USER_INPUT', 'rule'],
    ['an unknown rule kind', { rule: '{"kind":"PERCENT","percent":"5"}' }, 'BAD_USER_INPUT', 'rule'],
    ['a rule amount as a float', { rule: '{"kind":"PER_UNIT_OR_PART","unit":20,"chargePerUnit":"1"}' }, 'BAD_USER_INPUT', 'rule.unit'],
    ['minimum above maximum', { minAmount: '20000' }, 'INVALID_TARIFF', undefined],
    ['paise with whole units only', { maxAmount: '10000.50' }, 'INVALID_TARIFF', undefined],
    ['slabs short of the maximum', { rule: '{"kind":"SLABS","slabs":[{"upTo":"5000","charge":"75"}]}' }, 'INVALID_TARIFF', undefined],
    ['a tax rate above 100%', { taxRatePercent: '118' }, 'INVALID_TARIFF', undefined],
    ['a negative tax rate', { taxRatePercent: '-1' }, 'INVALID_TARIFF', undefined],
  ])('refuses %s', async (_what, overrides, code, field) => {
    expect(await refusal(rootOfficer, overrides)).toEqual({ code, field });
  });

  it('refuses a change where a later version is already scheduled (TARIFF_CONFLICT)', async () => {
    await testDatabase.database.db.execute(sql`
      insert into money_orders.tariffs (id, product, currency, effective_from, min_amount, max_amount, whole_units_only, rule, source)
      values ('IN-MO-SERVICE-2026-06-01', 'SERVICE', 'INR', '2026-06-01', '1', '5000', true, '{"kind":"FREE"}', 'test')`);
    expect(await refusal(rootOfficer, { product: 'SERVICE', effectiveFrom: '2026-05-01', rule: '{"kind":"FREE"}' })).toEqual({ code: 'TARIFF_CONFLICT', field: 'effectiveFrom' });
    expect(await refusal(rootOfficer, { product: 'SERVICE', effectiveFrom: '2026-06-01', rule: '{"kind":"FREE"}' })).toEqual({ code: 'TARIFF_CONFLICT', field: 'effectiveFrom' });
  });

  it('refuses before any office is known (no root to propose at)', async () => {
    const empty = await createTestDatabase(['money-orders']);
    try {
      const bare = createTariffService({ database: empty.database, clock: () => now, timeZone: 'Asia/Kolkata', currency: 'INR', approvals: inbox.submitter });
      await expect(bare.propose(rootOfficer, input(), 'req')).rejects.toMatchObject({ code: 'OFFICE_NOT_FOUND' });
    } finally {
      await empty.drop();
    }
  }, 60_000);
});

describe('the MO_TARIFF_CHANGE payload and plan (pure)', () => {
  const tariff = proposedVersion(input(), 'INR', '2026-03-10');

  it('normalises amounts and keeps only the rule keys of its kind', () => {
    const version = proposedVersion(input({ minAmount: '1.00', rule: '{"kind":"PER_UNIT_OR_PART","unit":"20.0","chargePerUnit":"1","note":"x"}' }), 'INR', '2026-03-10');
    expect(version).toMatchObject({ minAmount: '1', rule: { kind: 'PER_UNIT_OR_PART', unit: '20', chargePerUnit: '1' } });
    expect(Object.keys(version.rule)).toEqual(['kind', 'unit', 'chargePerUnit']);
  });

  it('reads its own payload back, whatever key order jsonb gives', () => {
    const reordered = JSON.parse(JSON.stringify({ tariff: { ...tariff, rule: { chargePerUnit: '1', unit: '20', kind: 'PER_UNIT_OR_PART' } } }));
    expect(parseTariffChangePayload(reordered)).toEqual({ ok: true, payload: { tariff: reordered.tariff } });
  });

  it.each([
    ['an extra top-level key', { tariff, note: 'x' }],
    ['an extra tariff key', { tariff: { ...tariff, effectiveTo: null } }],
    ['an extra rule key', { tariff: { ...tariff, rule: { ...tariff.rule, cap: '5' } } }],
    ['an id that does not name it', { tariff: { ...tariff, id: 'SOMETHING-ELSE' } }],
    ['inconsistent amounts', { tariff: { ...tariff, minAmount: '99999' } }],
    ['a string for wholeUnitsOnly', { tariff: { ...tariff, wholeUnitsOnly: 'true' } }],
  ])('refuses %s', (_what, payload) => {
    expect(parseTariffChangePayload(payload as never)).toMatchObject({ ok: false });
  });

  it('ends the open version at the new first day, and refuses a change before a scheduled one', () => {
    expect(planTariffChange(INDIA_TARIFFS.filter((v) => v.product === 'ORDINARY'), tariff)).toEqual({ close: { id: 'IN-MO-ORDINARY-2024-12-16', effectiveTo: '2026-04-01' } });
    const ended = INDIA_TARIFFS.filter((v) => v.product === 'ORDINARY').map((v) => ({ ...v, effectiveTo: v.effectiveTo ?? '2025-01-01' }));
    expect(planTariffChange(ended, tariff)).toEqual({ close: null });
    expect(() => planTariffChange([{ ...INDIA_TARIFFS[1]!, effectiveFrom: '2026-04-01' }], tariff)).toThrow(expect.objectContaining({ code: 'TARIFF_CONFLICT' }));
  });
});
