import { randomUUID } from 'node:crypto';
import { transaction, rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDIA_LIMITS, validateLimits } from './domain.js';
import { limitsInForce, monthlyTotal } from './repository.js';
import { createLimitService, limitChecks } from './service.js';

/** The limits on the real database as the booking uses them: seeded data, per-order refusal, the monthly cap and its race. */
let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['money-orders']);
}, 60_000);
afterAll(() => testDatabase?.drop());

const checks = limitChecks('INR');
const ON = '2026-03-10';
const MONTH = '2026-03';
const inTx = <T>(work: Parameters<typeof transaction<T>>[2]) => transaction(testDatabase.database, 'read committed', work);
const reserve = (senderKey: string, amount: string, product = 'ELECTRONIC', onDate = ON) =>
  inTx((tx) => checks.reserveSenderMonthly(tx, { senderKey, month: onDate.slice(0, 7), product, amount, currency: 'INR', onDate }));
const totalOf = (senderKey: string, month = MONTH) =>
  monthlyTotal(testDatabase.database.db, { senderKey, month, currency: 'INR', capGroup: 'RETAIL' });
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { code?: string; message: string }) => error.code ?? error.message);

describe('limit data', () => {
  it('holds exactly INDIA_LIMITS (the seed migration and the code cannot drift)', async () => {
    validateLimits(INDIA_LIMITS);
    const stored = await limitsInForce(testDatabase.database.db, 'INR', ON);
    const normalise = (limits: readonly { id: string; amount: string }[]) =>
      limits.map((limit) => ({ ...limit, amount: String(Number(limit.amount)) })).sort((a, b) => a.id.localeCompare(b.id));
    expect(normalise(stored)).toEqual(normalise(INDIA_LIMITS));
  });

  it('has no limit before the 2024 regulations, and none for a PKR operator', async () => {
    expect(await limitsInForce(testDatabase.database.db, 'INR', '2024-12-15')).toEqual([]);
    expect(await limitsInForce(testDatabase.database.db, 'PKR', ON)).toEqual([]);
  });

  it('is checked by the database too', async () => {
    const insert = (kind: string, capGroup: string | null, amount: string) =>
      testDatabase.database.db.execute(sql`
        insert into money_orders.limits (id, kind, product, cap_group, currency, amount, effective_from, source)
        values (${randomUUID()}, ${kind}, 'ORDINARY', ${capGroup}, 'INR', ${amount}, '2030-01-01', 'test')`);
    await expect(insert('PER_ORDER', 'RETAIL', '1')).rejects.toThrow();
    await expect(insert('PER_SENDER_MONTH', null, '1')).rejects.toThrow();
    await expect(insert('PER_ORDER', null, '0')).rejects.toThrow();
    await expect(insert('PER_DAY', null, '1')).rejects.toThrow();
  });
});

describe('per-order limit (India 2024: Rs 10,000)', () => {
  it.each([
    ['ORDINARY', '10000', 'OK'],
    ['ORDINARY', '10001', 'LIMIT_EXCEEDED'],
    ['ELECTRONIC', '10000.01', 'LIMIT_EXCEEDED'],
    ['INSTANT', '10001', 'LIMIT_EXCEEDED'],
    // SERVICE has no per-order limit row: its tariff's maximum bounds it.
    ['SERVICE', '50000', 'OK'],
  ])('%s Rs %s -> %s', async (product, amount, expected) => {
    expect(await codeOf(inTx((tx) => checks.assertOrderLimit(tx, product, amount, ON)))).toBe(expected);
  });

  it('does not apply before it came into force', async () => {
    expect(await codeOf(inTx((tx) => checks.assertOrderLimit(tx, 'ORDINARY', '20000', '2024-12-15')))).toBe('OK');
  });

  it('says which limit refused, with the amount for the clerk', async () => {
    const error = await inTx((tx) => checks.assertOrderLimit(tx, 'ORDINARY', '12000', ON)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'amount', details: { kind: 'PER_ORDER', limit: '10000.00', currency: 'INR' } });
  });
});

describe('per sender per calendar month (India 2024: Rs 25,000 for retail)', () => {
  it('adds up over the retail products and refuses what passes the cap, saying what is left', async () => {
    const sender = randomUUID();
    await reserve(sender, '10000', 'ORDINARY');
    await reserve(sender, '10000', 'ELECTRONIC');
    const refused = await reserve(sender, '5001', 'INSTANT').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { kind: 'PER_SENDER_MONTH', limit: '25000.00', remaining: '5000.00', month: MONTH } });
    expect(await totalOf(sender)).toBe('20000');
    await reserve(sender, '5000', 'INSTANT');
    expect(await totalOf(sender)).toBe('25000');
    expect(await codeOf(reserve(sender, '1'))).toBe('LIMIT_EXCEEDED');
  });

  it('refuses a first booking above the cap without writing a row', async () => {
    const sender = randomUUID();
    expect(await codeOf(reserve(sender, '25001'))).toBe('LIMIT_EXCEEDED');
    expect(await totalOf(sender)).toBe('0');
  });

  it('starts again each calendar month, and keeps senders apart', async () => {
    const sender = randomUUID();
    await reserve(sender, '25000', 'ORDINARY', '2026-03-31');
    expect(await codeOf(reserve(sender, '1', 'ORDINARY', '2026-03-31'))).toBe('LIMIT_EXCEEDED');
    expect(await codeOf(reserve(sender, '25000', 'ORDINARY', '2026-04-01'))).toBe('OK');
    expect(await codeOf(reserve(randomUUID(), '25000', 'ORDINARY', '2026-03-31'))).toBe('OK');
  });

  it('does not count SERVICE orders (a department paying many payees has no sender cap)', async () => {
    const sender = randomUUID();
    await reserve(sender, '25000', 'ORDINARY');
    expect(await codeOf(reserve(sender, '100000', 'SERVICE'))).toBe('OK');
    expect(await totalOf(sender)).toBe('25000');
  });

  it('gives nothing back when the booking transaction rolls back', async () => {
    const sender = randomUUID();
    await expect(
      inTx(async (tx) => {
        await checks.reserveSenderMonthly(tx, { senderKey: sender, month: MONTH, product: 'ORDINARY', amount: '20000', currency: 'INR', onDate: ON });
        throw new Error('the booking failed after the reservation');
      }),
    ).rejects.toThrow('the booking failed');
    expect(await totalOf(sender)).toBe('0');
    expect(await codeOf(reserve(sender, '25000'))).toBe('OK');
  });

  it('lets exactly five of ten parallel Rs 5,000 bookings through a Rs 25,000 cap', async () => {
    const sender = randomUUID();
    // Each booking holds its transaction open a little after reserving, so the others really wait on its row.
    const attempts = Array.from({ length: 10 }, () =>
      codeOf(
        inTx(async (tx) => {
          await checks.reserveSenderMonthly(tx, { senderKey: sender, month: MONTH, product: 'ELECTRONIC', amount: '5000', currency: 'INR', onDate: ON });
          await tx.execute(sql`select pg_sleep(0.05)`);
        }),
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((outcome) => outcome === 'OK')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome === 'LIMIT_EXCEEDED')).toHaveLength(5);
    expect(await totalOf(sender)).toBe('25000');
  });

  it('lets exactly one of ten parallel first bookings of Rs 20,000 through (the insert race)', async () => {
    const sender = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => codeOf(reserve(sender, '20000'))));
    expect(outcomes.filter((outcome) => outcome === 'OK')).toHaveLength(1);
    expect(await totalOf(sender)).toBe('20000');
    const rows = rowsOf(await testDatabase.database.db.execute(sql`select 1 from money_orders.sender_monthly_totals where sender_key = ${sender}`));
    expect(rows).toHaveLength(1);
  });
});

describe('moneyOrderLimits (the service)', () => {
  const service = createLimitService({ database: {} as never, clock: () => new Date('2026-03-10T06:00:00Z'), timeZone: 'Asia/Kolkata', currency: 'INR' });
  const clerk = { kind: 'staff' as const, staffId: 's', username: 'clerk', roles: [], officeCode: 'X', officePath: 'X', grants: [{ permission: 'mo.quote' as const, scope: 'OWN_OFFICE' as const }] };

  it('lists the limits in force today to whoever may quote', async () => {
    const real = createLimitService({ database: testDatabase.database, clock: () => new Date('2026-03-10T06:00:00Z'), timeZone: 'Asia/Kolkata', currency: 'INR' });
    expect((await real.inForce(clerk)).map((limit) => limit.id).sort()).toEqual(INDIA_LIMITS.map((limit) => limit.id).sort());
  });

  it('refuses the anonymous and staff without a money-order permission', async () => {
    await expect(service.inForce({ kind: 'anonymous' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(service.inForce({ ...clerk, grants: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
