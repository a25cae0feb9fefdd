import { openDatabase, migrateSubgraph, type Database } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingInput, clerkAt, codeSentTo, harness, seedOffices, settleLedger } from '../test-support/orders.js';

/**
 * On the embedded default every subgraph shares one PGlite, which runs one transaction at a time: a payout or refund
 * that kept its transaction open while it asked the ledger (another subgraph, on that same database) would wait for
 * itself until the call timed out. Here the played ledger answers only after a query of its own on the database, as
 * accounts does, so an open transaction around the call would hang the test.
 */
let database: Database;
let testDatabase: TestDatabase;

beforeAll(async () => {
  database = await openDatabase({});
  await migrateSubgraph(database, 'money-orders');
  testDatabase = { database, url: undefined, drop: async () => database.close() } as unknown as TestDatabase;
  await seedOffices(testDatabase);
}, 60_000);
afterAll(() => database?.close());

describe('money orders on the embedded database (one connection)', () => {
  it('pays and refunds without holding a transaction while the ledger is asked', async () => {
    const h = harness(testDatabase);
    const reserve = h.ledger.reserveCash.bind(h.ledger);
    h.ledger.reserveCash = async (reservation, requestId) => {
      // As accounts would: its own statement on the shared database, before it answers.
      await Promise.race([
        database.db.execute(sql`select 1`),
        new Promise((_, reject) => setTimeout(() => reject(new Error('the database was held by an open transaction while the ledger was asked')), 5_000)),
      ]);
      return reserve(reservation, requestId);
    };
    const mumbai = clerkAt('MUMGPO');
    const delhi = clerkAt('NDGPO');
    const booked = await h.orders.book(delhi, bookingInput(), 'test');
    await settleLedger(h, testDatabase);
    const otp = codeSentTo(h.notifier, booked.order.payeePhone, 'MO_OTP');
    const paid = await h.orders.pay(mumbai, { reference: booked.order.reference, officeCode: 'MUMGPO', otp, payeeIdDocument: 'VOTER ABC1234567', idempotencyKey: 'embedded-pay' }, 't');
    expect(paid.status).toBe('PAID');

    const stopped = await h.orders.book(delhi, bookingInput(), 'test');
    await h.orders.stop(delhi, stopped.order.reference, 'sender asked', 't');
    await settleLedger(h, testDatabase);
    const refunded = await h.orders.refund(delhi, { reference: stopped.order.reference, officeCode: 'NDGPO', senderIdDocument: bookingInput().sender.idDocument, idempotencyKey: 'embedded-refund' }, 't');
    expect(refunded.order.status).toBe('REFUNDED');
  }, 30_000);
});
