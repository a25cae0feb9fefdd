import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBusinessDay } from '../business-days/close.js';
import { createLedgerDatabase, TODAY } from '../journal/test-support/ledger.js';
import { trialBalance } from '../reports/trial-balance.js';
import { createMoneyOrderConsumer } from './consumer.js';
import { answersFor, deliverer, movement, movementEvent, net, next, NOW, postingsFor } from './test-support/movements.js';

/*
 * The posting rules against a real ledger: circle C > division D > HO1 (with its sub office SO1) and HO2. Each case
 * books its own orders, so the cases read their own entries; balances are checked per office and over the network.
 */
let testDatabase: TestDatabase;
const TOMORROW = '2026-11-21';

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  // Every office's counter has cash to pay out with: a cash booking each, 50,000.00.
  const deliver = deliverer(testDatabase);
  for (const office of ['HO1', 'SO1', 'HO2']) {
    await deliver(movementEvent(movement({ bookingOfficeCode: office, officeCode: office, amount: '50000.00' })));
  }
}, 60_000);
afterAll(() => testDatabase?.drop());

async function balancedEverywhere(asOf = TOMORROW): Promise<void> {
  for (const officePath of ['C/D/HO1/SO1', 'C/D/HO1', 'C/D/HO2', 'C', null]) {
    const report = await trialBalance(testDatabase.database.db, { asOf, officePath, currency: 'INR' });
    expect({ officePath, balanced: report.balanced }).toEqual({ officePath, balanced: true });
  }
  const [clearing] = rowsOf<{ net: string }>(
    await testDatabase.database.db.execute(sql`select coalesce(sum(debit_total - credit_total), 0)::text as net from accounts.accounts where head_code = '1600'`),
  );
  expect(Number(clearing!.net)).toBe(0);
}

describe('the money-order posting rules', () => {
  it('books in cash: Dr cash total / Cr MO payable / Cr commission / Cr tax, and answers POSTED', async () => {
    const booked = movement({ amount: '1000.00', commission: '50.00', tax: '9.00' });
    await deliverer(testDatabase)(movementEvent(booked));
    expect(await postingsFor(testDatabase, booked.reference)).toEqual([
      ['HO1', 'HO1:1100', 'DEBIT', '1059.00', TODAY],
      ['HO1', 'HO1:2100', 'CREDIT', '1000.00', TODAY],
      ['HO1', 'HO1:4100', 'CREDIT', '50.00', TODAY],
      ['HO1', 'HO1:2300', 'CREDIT', '9.00', TODAY],
    ]);
    const [answer] = await answersFor(testDatabase, booked.reference);
    expect(answer).toMatchObject({ movement: 'BOOKED', moneyOrderId: booked.moneyOrderId, outcome: 'POSTED' });
    expect(answer!.entryIds).toHaveLength(1);
    expect(answer!.error).toBeUndefined();
  });

  it('books by UPI or card into digital clearing, leaving out the zero legs', async () => {
    const upi = movement({ bookingOfficeCode: 'HO2', officeCode: 'HO2', amount: '500.00', commission: '25.00', paymentMode: 'UPI' });
    const service = movement({ bookingOfficeCode: 'HO2', officeCode: 'HO2', amount: '300.00', product: 'SERVICE', paymentMode: 'CARD' });
    await deliverer(testDatabase)(movementEvent(upi));
    await deliverer(testDatabase)(movementEvent(service));
    expect(await postingsFor(testDatabase, upi.reference)).toEqual([
      ['HO2', 'HO2:1400', 'DEBIT', '525.00', TODAY],
      ['HO2', 'HO2:2100', 'CREDIT', '500.00', TODAY],
      ['HO2', 'HO2:4100', 'CREDIT', '25.00', TODAY],
    ]);
    expect(await postingsFor(testDatabase, service.reference)).toEqual([
      ['HO2', 'HO2:1400', 'DEBIT', '300.00', TODAY],
      ['HO2', 'HO2:2100', 'CREDIT', '300.00', TODAY],
    ]);
  });

  it('pays at the booking office in one entry: Dr MO payable / Cr cash', async () => {
    const booked = movement({ amount: '700.00', commission: '35.00' });
    const deliver = deliverer(testDatabase);
    await deliver(movementEvent(booked));
    await deliver(movementEvent(next(booked, { movement: 'PAID', officeCode: 'HO1' })));
    expect((await postingsFor(testDatabase, booked.reference)).slice(3)).toEqual([
      ['HO1', 'HO1:2100', 'DEBIT', '700.00', TODAY],
      ['HO1', 'HO1:1100', 'CREDIT', '700.00', TODAY],
    ]);
    const answers = await answersFor(testDatabase, booked.reference);
    expect(answers.map((answer) => [answer.movement, answer.outcome, answer.entryIds.length])).toEqual([
      ['BOOKED', 'POSTED', 1],
      ['PAID', 'POSTED', 1],
    ]);
    await balancedEverywhere();
  });

  it('pays at another office through clearing: two single-office entries, every office balanced, 1600 nets to zero', async () => {
    const booked = movement({ amount: '2000.00', commission: '100.00' });
    const deliver = deliverer(testDatabase);
    await deliver(movementEvent(booked));
    const [ho1Clearing, ho2Clearing, ho2Cash] = [await net(testDatabase, 'HO1:1600'), await net(testDatabase, 'HO2:1600'), await net(testDatabase, 'HO2:1100')];
    await deliver(movementEvent(next(booked, { movement: 'PAID', officeCode: 'HO2' })));
    expect((await postingsFor(testDatabase, booked.reference)).slice(3)).toEqual([
      ['HO1', 'HO1:2100', 'DEBIT', '2000.00', TODAY],
      ['HO1', 'HO1:1600', 'CREDIT', '2000.00', TODAY],
      ['HO2', 'HO2:1600', 'DEBIT', '2000.00', TODAY],
      ['HO2', 'HO2:1100', 'CREDIT', '2000.00', TODAY],
    ]);
    expect(Number(await net(testDatabase, 'HO1:1600')) - Number(ho1Clearing)).toBe(-2000);
    expect(Number(await net(testDatabase, 'HO2:1600')) - Number(ho2Clearing)).toBe(2000);
    expect(Number(await net(testDatabase, 'HO2:1100')) - Number(ho2Cash)).toBe(-2000);
    const paid = (await answersFor(testDatabase, booked.reference)).find((answer) => answer.movement === 'PAID')!;
    expect(paid).toMatchObject({ outcome: 'POSTED' });
    expect(paid.entryIds).toHaveLength(2);
    await balancedEverywhere();
  });

  it('expires into expired MO payable, refunds from it at another office, and voids an unclaimed one into income', async () => {
    const deliver = deliverer(testDatabase);
    const refunded = movement({ amount: '400.00', commission: '20.00' });
    await deliver(movementEvent(refunded));
    await deliver(movementEvent(next(refunded, { movement: 'EXPIRED', officeCode: 'HO1' })));
    await deliver(movementEvent(next(refunded, { movement: 'REFUNDED', officeCode: 'SO1', fromExpired: true })));
    expect((await postingsFor(testDatabase, refunded.reference)).slice(3)).toEqual([
      ['HO1', 'HO1:2100', 'DEBIT', '400.00', TODAY],
      ['HO1', 'HO1:2110', 'CREDIT', '400.00', TODAY],
      ['HO1', 'HO1:2110', 'DEBIT', '400.00', TODAY],
      ['HO1', 'HO1:1600', 'CREDIT', '400.00', TODAY],
      ['SO1', 'SO1:1600', 'DEBIT', '400.00', TODAY],
      ['SO1', 'SO1:1100', 'CREDIT', '400.00', TODAY],
    ]);

    const stopped = movement({ amount: '150.00' });
    await deliver(movementEvent(stopped));
    await deliver(movementEvent(next(stopped, { movement: 'REFUNDED', officeCode: 'HO1' })));
    expect((await postingsFor(testDatabase, stopped.reference)).slice(2)).toEqual([
      ['HO1', 'HO1:2100', 'DEBIT', '150.00', TODAY],
      ['HO1', 'HO1:1100', 'CREDIT', '150.00', TODAY],
    ]);

    const unclaimed = movement({ amount: '250.00' });
    await deliver(movementEvent(unclaimed));
    await deliver(movementEvent(next(unclaimed, { movement: 'EXPIRED' })));
    await deliver(movementEvent(next(unclaimed, { movement: 'VOIDED', fromExpired: true })));
    expect((await postingsFor(testDatabase, unclaimed.reference)).slice(4)).toEqual([
      ['HO1', 'HO1:2110', 'DEBIT', '250.00', TODAY],
      ['HO1', 'HO1:4300', 'CREDIT', '250.00', TODAY],
    ]);
    expect((await answersFor(testDatabase, unclaimed.reference)).map((answer) => `${answer.movement} ${answer.outcome}`)).toEqual(['BOOKED POSTED', 'EXPIRED POSTED', 'VOIDED POSTED']);
    await balancedEverywhere();
  });
});

describe('redelivery and refusals', () => {
  it('posts a redelivered movement once, and answers a copy under another event id again the same', async () => {
    const deliver = deliverer(testDatabase);
    const booked = movement({ amount: '900.00', commission: '45.00' });
    const event = movementEvent(booked);
    await deliver(event);
    await deliver(event);
    const copy = movementEvent(booked);
    await deliver(copy);
    await testDatabase.database.db.transaction((tx) => createMoneyOrderConsumerForTest()(tx, copy));
    expect(await postingsFor(testDatabase, booked.reference)).toHaveLength(3);
    const answers = await answersFor(testDatabase, booked.reference);
    // The same event id is skipped by the idempotent consumer; each other copy is answered, with the same entries.
    expect(answers).toHaveLength(3);
    expect(new Set(answers.map((answer) => JSON.stringify([answer.outcome, answer.entryIds])))).toEqual(new Set([JSON.stringify(['POSTED', answers[0]!.entryIds])]));
  });

  it('answers a business refusal REJECTED with its code, records it, never throws, and answers a copy the same', async () => {
    const deliver = deliverer(testDatabase);
    const nowhere = movement({ bookingOfficeCode: 'NOWHERE', officeCode: 'NOWHERE' });
    await expect(deliver(movementEvent(nowhere))).resolves.toBeUndefined();
    await deliver(movementEvent(nowhere));
    const answers = await answersFor(testDatabase, nowhere.reference);
    expect(answers.map((answer) => [answer.outcome, answer.entryIds, answer.error?.code])).toEqual([
      ['REJECTED', [], 'OFFICE_NOT_FOUND'],
      ['REJECTED', [], 'OFFICE_NOT_FOUND'],
    ]);
    const [recorded] = rowsOf<{ outcome: string; error_code: string; error_message: string }>(
      await testDatabase.database.db.execute(sql`select outcome, error_code, error_message from accounts.money_order_movements where reference = ${nowhere.reference}`),
    );
    expect(recorded).toMatchObject({ outcome: 'REJECTED', error_code: 'OFFICE_NOT_FOUND' });

    // A payout beyond what HO1 holds payable is refused whole: the cross-office pair posts neither leg.
    const neverBooked = movement({ movement: 'PAID', officeCode: 'HO2', amount: '9999999.00' });
    await deliver(movementEvent(neverBooked));
    expect((await answersFor(testDatabase, neverBooked.reference)).map((answer) => answer.error?.code)).toEqual(['INSUFFICIENT_FUNDS']);
    expect(await postingsFor(testDatabase, neverBooked.reference)).toEqual([]);

    // A frozen account, an amount finer than the currency: the ledger's own rules, as codes.
    await testDatabase.database.db.execute(sql`update accounts.accounts set status = 'FROZEN' where code = 'SO1:4100'`);
    const frozen = movement({ bookingOfficeCode: 'SO1', officeCode: 'SO1', commission: '5.00' });
    await deliver(movementEvent(frozen));
    await testDatabase.database.db.execute(sql`update accounts.accounts set status = 'OPEN' where code = 'SO1:4100'`);
    const finer = movement({ amount: '10.005' });
    await deliver(movementEvent(finer));
    expect((await answersFor(testDatabase, frozen.reference)).map((answer) => answer.error?.code)).toEqual(['ACCOUNT_FROZEN']);
    expect((await answersFor(testDatabase, finer.reference)).map((answer) => answer.error?.code)).toEqual(['INVALID_AMOUNT']);
  });

  it('throws (for the queue to retry) only what is not a business rule', async () => {
    const handler = createMoneyOrderConsumerForTest();
    await expect(testDatabase.database.db.transaction((tx) => handler(tx, { ...movementEvent(movement()), type: 'office.created' } as never))).rejects.toThrow(/does not take/);
  });
});

describe('late movements', () => {
  it('posts into the office\'s open day when the movement\'s day has closed there since', async () => {
    const deliver = deliverer(testDatabase);
    const booked = movement({ bookingOfficeCode: 'HO2', officeCode: 'HO2', amount: '100.00' });
    await deliver(movementEvent(booked));
    await testDatabase.database.db.transaction((tx) => closeBusinessDay(tx, { officeCode: 'HO2', date: TODAY, actor: { kind: 'service', id: 'test' }, today: TODAY }));
    await deliver(movementEvent(next(booked, { movement: 'EXPIRED', businessDate: TODAY })));
    expect((await postingsFor(testDatabase, booked.reference)).map((line) => line[4])).toEqual([TODAY, TODAY, TOMORROW, TOMORROW]);
    expect((await answersFor(testDatabase, booked.reference)).map((answer) => answer.outcome)).toEqual(['POSTED', 'POSTED']);
    await balancedEverywhere();
  });
});

function createMoneyOrderConsumerForTest() {
  return createMoneyOrderConsumer({ clock: () => NOW });
}
