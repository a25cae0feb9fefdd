import { Decimal } from '@postal/money';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDIA_COD_FEE_SCHEDULES } from './domain.js';
import { feeSchedulesInForce } from './repository.js';
import { createFeeService } from './service.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
}, 60_000);
afterAll(() => testDatabase?.drop());

const staff = {
  kind: 'staff' as const,
  staffId: 's',
  username: 'finance',
  roles: ['FINANCE_OFFICER'],
  officeCode: 'DL-NDC',
  officePath: 'DL/DL-NDC',
  grants: [{ permission: 'cod.quote', scope: 'SUBTREE' as const }],
};

describe('COD fee schedules from the database', () => {
  it('hold exactly the reference data the code declares', async () => {
    const stored = await feeSchedulesInForce(testDatabase.database.db, '2026-11-22');
    expect(stored.map((s) => ({ ...s, maxCodAmount: new Decimal(s.maxCodAmount).toString() }))).toEqual(
      INDIA_COD_FEE_SCHEDULES.map((s) => ({ ...s, rule: { ...s.rule }, taxes: s.taxes.map((t) => ({ ...t })) })),
    );
  });

  it('quotes the fee and GST in force', async () => {
    const service = createFeeService({ database: testDatabase.database, clock: () => new Date('2026-11-22T06:00:00Z'), timeZone: 'Asia/Kolkata' });
    const quote = await service.quote(staff, new Decimal('6000'));
    expect([quote.fee.toFixed(2), quote.tax.toFixed(2), quote.total.toFixed(2)]).toEqual(['110.00', '19.80', '129.80']);
  });

  it('has no schedule before GST', async () => {
    const service = createFeeService({ database: testDatabase.database, clock: () => new Date('2016-01-01T06:00:00Z'), timeZone: 'Asia/Kolkata' });
    await expect(service.quote(staff, new Decimal('100'))).rejects.toMatchObject({ code: 'FEE_SCHEDULE_NOT_FOUND' });
  });
});
