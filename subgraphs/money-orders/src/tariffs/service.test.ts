import { Decimal } from '@postal/money';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDIA_TARIFFS, PAKISTAN_TARIFFS } from './domain.js';
import { tariffsInForce } from './repository.js';
import { createTariffService } from './service.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['money-orders']);
}, 60_000);
afterAll(() => testDatabase?.drop());

const staff = {
  kind: 'staff' as const,
  staffId: 's',
  username: 'clerk',
  roles: ['COUNTER_CLERK'],
  officeCode: 'NDGPO',
  officePath: 'DL/DL-NDC/NDGPO',
  grants: [{ permission: 'mo.quote', scope: 'OWN_OFFICE' as const }],
};
const serviceAt = (instant: string) =>
  createTariffService({ database: testDatabase.database, clock: () => new Date(instant), timeZone: 'Asia/Kolkata', currency: 'INR' });

describe('tariffs from the database', () => {
  it.each([
    ['INR', INDIA_TARIFFS],
    ['PKR', PAKISTAN_TARIFFS],
  ] as const)('holds exactly the %s reference data the code declares (the migrations and the data cannot drift)', async (currency, data) => {
    const stored = [];
    for (const product of ['ORDINARY', 'ELECTRONIC', 'INSTANT', 'SERVICE'] as const) {
      for (const date of ['2009-01-01', '2020-06-01', '2026-11-22']) stored.push(...(await tariffsInForce(testDatabase.database.db, product, date, currency)));
    }
    const unique = [...new Map(stored.map((tariff) => [tariff.id, tariff])).values()].sort((a, b) => a.id.localeCompare(b.id));
    const expected = [...data].sort((a, b) => a.id.localeCompare(b.id));
    expect(unique.map((t) => ({ ...t, minAmount: new Decimal(t.minAmount).toString(), maxAmount: new Decimal(t.maxAmount).toString() }))).toEqual(
      expected.map((t) => ({ ...t, rule: { ...t.rule } })),
    );
  });

  it('quotes under the version in force on the business date', async () => {
    const before = await serviceAt('2024-06-01T06:00:00Z').quote(staff, new Decimal('8000'), 'ORDINARY').catch((error: { code: string }) => error.code);
    expect(before).toBe('AMOUNT_OUT_OF_RANGE');
    const after = await serviceAt('2025-01-10T06:00:00Z').quote(staff, new Decimal('8000'), 'ORDINARY');
    expect(after).toMatchObject({ tariffVersionId: 'IN-MO-ORDINARY-2024-12-16' });
    expect(after.commission.toFixed(2)).toBe('400.00');
  });

  it('uses the operator date, not UTC, at the changeover', async () => {
    // 2024-12-15T19:00Z is 00:30 on 16 December in India: the new tariff is already in force there.
    const quote = await serviceAt('2024-12-15T19:00:00Z').quote(staff, new Decimal('100'), 'ORDINARY');
    expect(quote.tariffVersionId).toBe('IN-MO-ORDINARY-2024-12-16');
  });

  it('has no instant money-order tariff to invent', async () => {
    await expect(serviceAt('2026-11-22T06:00:00Z').quote(staff, new Decimal('2000'), 'INSTANT')).rejects.toMatchObject({
      code: 'TARIFF_NOT_FOUND',
    });
  });

  it('refuses staff without mo.quote', async () => {
    await expect(serviceAt('2026-11-22T06:00:00Z').quote({ ...staff, grants: [] }, new Decimal('1'), 'ELECTRONIC')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses an anonymous caller', async () => {
    await expect(serviceAt('2026-11-22T06:00:00Z').quote({ kind: 'anonymous' }, new Decimal('1'), 'ELECTRONIC')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
