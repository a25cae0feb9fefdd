import type { SignedRequestContext } from '@postal/auth';
import type { TestDatabase } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHold } from '../journal/holds-repository.js';
import { createLedgerDatabase, sums, TODAY } from '../journal/test-support/ledger.js';
import { createLoaders } from '../loaders.js';
import type { CashReservation } from './model.js';
import { createMoneyOrderLedgerService } from './service.js';
import { answersFor, deliverer, movement, movementEvent, next, NOW, postingsFor } from './test-support/movements.js';

/*
 * The service-only side: money-orders reserves the counter's cash before paying out, the reservation is captured by
 * the posting, and the reconciliation reads the control balance over a subtree.
 */
let testDatabase: TestDatabase;
const moneyOrders: SignedRequestContext = { identity: { kind: 'service', service: 'money-orders' }, requestId: 'r1', clientAddress: undefined };
const YESTERDAY = '2026-11-19';

const service = () => createMoneyOrderLedgerService(testDatabase.database, { clock: () => NOW, loaders: createLoaders(testDatabase.database.db) });
const reservation = (overrides: Partial<CashReservation>): CashReservation => ({
  reference: '261120000000000001',
  movement: 'PAID',
  officeCode: 'HO2',
  bookingOfficeCode: 'HO1',
  amount: '1000.00',
  currency: 'INR',
  fromExpired: false,
  ...overrides,
});

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  const deliver = deliverer(testDatabase);
  // HO2's counter holds 3,000.00 in cash (a booking there), SO1's 500.00; HO1 books orders to be paid elsewhere.
  await deliver(movementEvent(movement({ bookingOfficeCode: 'HO2', officeCode: 'HO2', amount: '3000.00' })));
  await deliver(movementEvent(movement({ bookingOfficeCode: 'SO1', officeCode: 'SO1', amount: '500.00', businessDate: YESTERDAY })));
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('reserveMoneyOrderCash', () => {
  it('holds the counter\'s cash against clearing for an order booked elsewhere, once per (reference, movement)', async () => {
    const booked = movement({ amount: '1200.00' });
    await deliverer(testDatabase)(movementEvent(booked));
    const hold = await service().reserveMoneyOrderCash(moneyOrders, reservation({ reference: booked.reference, amount: '1200.00' }));
    expect(hold).toMatchObject({ officeCode: 'HO2', debitAccountCode: 'HO2:1600', creditAccountCode: 'HO2:1100', amount: '1200.00', status: 'PENDING' });
    expect(hold.expiresAt!.getTime()).toBeGreaterThan(NOW.getTime());
    const again = await service().reserveMoneyOrderCash(moneyOrders, reservation({ reference: booked.reference, amount: '1200.00' }));
    expect(again.id).toBe(hold.id);
    expect((await sums(testDatabase, 'HO2:1100')).pendingCredit).toMatch(/^1200(\.0+)?$/);

    // The payout's movement captures it: the cash leg is the hold's entry, and the reservation is gone.
    await deliverer(testDatabase)(movementEvent(next(booked, { movement: 'PAID', officeCode: 'HO2', holdId: hold.id })));
    const captured = await findHold(testDatabase.database.db, hold.id);
    expect(captured).toMatchObject({ status: 'CAPTURED' });
    const [answer] = (await answersFor(testDatabase, booked.reference)).filter((posted) => posted.movement === 'PAID');
    expect(answer!.entryIds[1]).toBe(captured!.captureEntryId);
    expect((await postingsFor(testDatabase, booked.reference)).slice(2)).toEqual([
      ['HO1', 'HO1:2100', 'DEBIT', '1200.00', TODAY],
      ['HO1', 'HO1:1600', 'CREDIT', '1200.00', TODAY],
      ['HO2', 'HO2:1600', 'DEBIT', '1200.00', TODAY],
      ['HO2', 'HO2:1100', 'CREDIT', '1200.00', TODAY],
    ]);
    expect(Number((await sums(testDatabase, 'HO2:1100')).pendingCredit)).toBe(0);
  });

  it('holds against MO payable (or expired MO payable) when the counter is the booking office', async () => {
    const paid = await service().reserveMoneyOrderCash(moneyOrders, reservation({ reference: '261120000000000002', officeCode: 'HO2', bookingOfficeCode: 'HO2', amount: '100.00' }));
    expect(paid).toMatchObject({ debitAccountCode: 'HO2:2100', creditAccountCode: 'HO2:1100' });
    const order = movement({ bookingOfficeCode: 'SO1', officeCode: 'SO1', amount: '50.00' });
    const deliver = deliverer(testDatabase);
    await deliver(movementEvent(order));
    await deliver(movementEvent(next(order, { movement: 'EXPIRED' })));
    const refund = await service().reserveMoneyOrderCash(
      moneyOrders,
      reservation({ reference: order.reference, movement: 'REFUNDED', officeCode: 'SO1', bookingOfficeCode: 'SO1', amount: '50.00', fromExpired: true }),
    );
    expect(refund).toMatchObject({ debitAccountCode: 'SO1:2110', creditAccountCode: 'SO1:1100' });
  });

  it('refuses with INSUFFICIENT_FUNDS when the cash less other holds is short, and to anyone but money-orders', async () => {
    // SO1 has 550.00 in cash (two bookings) and 50.00 of it reserved (the case above).
    await expect(service().reserveMoneyOrderCash(moneyOrders, reservation({ reference: '261120000000000003', officeCode: 'SO1', amount: '500.01' }))).rejects.toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      details: { accountCode: 'SO1:1100' },
    });
    await expect(service().reserveMoneyOrderCash(moneyOrders, reservation({ reference: '261120000000000003', officeCode: 'SO1', amount: '500.00' }))).resolves.toMatchObject({ status: 'PENDING' });
    const staff: SignedRequestContext = { ...moneyOrders, identity: { kind: 'staff', staffId: 's1', username: 'clerk', officeCode: 'SO1', roles: [], assignments: [] } as never };
    await expect(service().reserveMoneyOrderCash(staff, reservation({}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().reserveMoneyOrderCash({ ...moneyOrders, identity: { kind: 'service', service: 'cod-settlement' } }, reservation({}))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().reserveMoneyOrderCash(moneyOrders, reservation({ officeCode: 'NOWHERE' }))).rejects.toMatchObject({ code: 'OFFICE_NOT_FOUND' });
    await expect(service().reserveMoneyOrderCash(moneyOrders, reservation({ reference: 'MO-1' }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service().reserveMoneyOrderCash(moneyOrders, reservation({ reference: '261120000000000004', currency: 'PKR' }))).rejects.toMatchObject({ code: 'CURRENCY_MISMATCH' });
  });
});

describe('moneyOrderControlBalance', () => {
  it('is the credit balance of MO payable and expired MO payable over the office and everything under it, as of a date', async () => {
    const balance = (asOf: string, office: string) => service().moneyOrderControlBalance(moneyOrders.identity, asOf, office);
    // Outstanding: HO2 3,000.00 (holds are not postings); SO1 500.00 (yesterday) and 50.00 expired; HO1's 1,200.00 paid.
    expect(await balance(TODAY, 'HO2')).toEqual({ amount: '3000.00', currency: 'INR' });
    expect(await balance(TODAY, 'SO1')).toEqual({ amount: '550.00', currency: 'INR' });
    expect(await balance(TODAY, 'HO1')).toEqual({ amount: '550.00', currency: 'INR' });
    expect(await balance(TODAY, 'D')).toEqual({ amount: '3550.00', currency: 'INR' });
    expect(await balance(YESTERDAY, 'D')).toEqual({ amount: '500.00', currency: 'INR' });
    await expect(balance(TODAY, 'NOWHERE')).rejects.toMatchObject({ code: 'OFFICE_NOT_FOUND' });
    await expect(balance('2026-02-30', 'D')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service().moneyOrderControlBalance({ kind: 'service', service: 'administration' }, TODAY, 'D')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('MoneyOrder.ledgerEntries', () => {
  it('lists an order\'s entries in posting order, within the reader\'s ledger.read scope', async () => {
    const booked = movement({ amount: '80.00' });
    const deliver = deliverer(testDatabase);
    await deliver(movementEvent(booked));
    await deliver(movementEvent(next(booked, { movement: 'PAID', officeCode: 'HO2' })));
    const all = await service().ledgerEntriesOf(moneyOrders.identity, booked.reference);
    expect(all.map((entry) => entry.officeCode)).toEqual(['HO1', 'HO1', 'HO2']);
    expect(await service().ledgerEntriesOf(moneyOrders.identity, '999999999999999999')).toEqual([]);
    await expect(service().ledgerEntriesOf({ kind: 'anonymous' }, booked.reference)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
