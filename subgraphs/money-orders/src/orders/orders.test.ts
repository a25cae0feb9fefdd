import { Decimal } from '@postal/money';
import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '@postal/server';
import { expireDue } from './expiry.js';
import { isValidReference } from './reference.js';
import { createTrackingService } from '../tracking/service.js';
import { createMemoryRateLimiter } from '../tracking/rate-limit.js';
import { bookingInput, clerkAt, codeSentTo, harness, seedOffices, settleLedger, stagedMovements, staffAt, type Harness } from '../test-support/orders.js';

/**
 * The order lifecycle over a real PostgreSQL: every transition and refusal, the payout race and the code lockout. The
 * ledger's answers are delivered by the test (settleLedger), as accounts' consumer would send them.
 */
let testDatabase: TestDatabase;
let h: Harness;
const delhi = clerkAt('NDGPO');
const mumbai = clerkAt('MUMGPO');
const finance = staffAt('NDGPO', [
  ['mo.read', 'SUBTREE'],
  ['mo.manage', 'SUBTREE'],
  ['mo.parties.read', 'SUBTREE'],
]);

beforeAll(async () => {
  testDatabase = await createTestDatabase(['money-orders']);
  await seedOffices(testDatabase);
  h = harness(testDatabase);
}, 60_000);
afterAll(() => testDatabase?.drop());

const codeOf = (error: unknown) => (error as { code?: string }).code ?? String(error);
const refusal = (promise: Promise<unknown>) => promise.then(() => 'no error', codeOf);

async function availableOrder(overrides: Parameters<typeof bookingInput>[0] = {}) {
  const booked = await h.orders.book(delhi, bookingInput(overrides), 'test');
  await settleLedger(h, testDatabase);
  const otp = codeSentTo(h.notifier, booked.order.payeePhone, 'MO_OTP');
  return { order: booked.order, otp };
}

async function timelineOf(reference: string) {
  return rowsOf<{ from_status: string | null; to_status: string; actor: string; office_code: string | null }>(
    await testDatabase.database.db.execute(sql`
      SELECT t.from_status, t.to_status, t.actor, t.office_code FROM money_orders.money_order_transitions t
      JOIN money_orders.money_orders o ON o.id = t.order_id WHERE o.reference = ${reference} ORDER BY t.id`),
  );
}

const payInput = (reference: string, otp: string, key = `pay-${reference}-${Math.random()}`) => ({
  reference,
  officeCode: 'MUMGPO',
  otp,
  payeeIdDocument: 'VOTER ABC1234567',
  idempotencyKey: key,
});

describe('booking', () => {
  it('prices by the tariff in force, gives an 18-digit reference with its check digit, sends the OTP and stages the BOOKED movement', async () => {
    const booked = await h.orders.book(delhi, bookingInput({ amount: '1000' }), 'test');
    const order = booked.order;
    expect(isValidReference(order.reference)).toBe(true);
    expect(order).toMatchObject({ status: 'BOOKED', amount: '1000', commission: '50', tax: '0', total: '1050', bookingOfficeCode: 'NDGPO', payingOfficeCode: 'MUMGPO' });
    expect(order.expiresOn).toBe('2026-05-31');
    const otp = codeSentTo(h.notifier, '+919820000002', 'MO_OTP');
    expect(otp).toMatch(/^\d{6}$/);
    // Only a keyed hash of the code is stored.
    expect(order.codeHash).not.toContain(otp);
    expect(booked.codeDelivery).toMatchObject({ to: expect.stringMatching(/^\+91•+0002$/), resendsLeft: 3 });
    const movement = (await stagedMovements(testDatabase)).find((event) => event.type === 'money-order.movement' && event.payload.reference === order.reference);
    expect(movement?.payload).toMatchObject({ movement: 'BOOKED', officeCode: 'NDGPO', bookingOfficeCode: 'NDGPO', amount: '1000', commission: '50', tax: '0', paymentMode: 'CASH' });
    expect(await timelineOf(order.reference)).toEqual([{ from_status: null, to_status: 'BOOKED', actor: expect.any(String), office_code: 'NDGPO' }]);
  });

  it('answers a retry with the same order and no second code; the same key for another booking is a conflict', async () => {
    const input = bookingInput({ amount: '300' });
    const first = await h.orders.book(delhi, input, 'test');
    const sentBefore = h.notifier.sent.length;
    const again = await h.orders.book(delhi, input, 'test');
    expect(again.order.reference).toBe(first.order.reference);
    expect(h.notifier.sent.length).toBe(sentBefore);
    expect(await refusal(h.orders.book(delhi, { ...input, amount: '301' }, 'test'))).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('books once when the same request arrives twice at once', async () => {
    const input = bookingInput({ amount: '200' });
    const [a, b] = await Promise.all([h.orders.book(delhi, input, 'test'), h.orders.book(delhi, input, 'test')]);
    expect(a.order.reference).toBe(b.order.reference);
    const [{ count }] = rowsOf<{ count: number }>(await testDatabase.database.db.execute(sql`SELECT count(*)::int AS count FROM money_orders.money_orders WHERE idempotency_key = ${input.idempotencyKey}`)) as [{ count: number }];
    expect(count).toBe(1);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const countBefore = rowsOf<{ count: number }>(await testDatabase.database.db.execute(sql`SELECT count(*)::int AS count FROM money_orders.money_orders`))[0]!.count;
    expect(await refusal(h.orders.book(delhi, bookingInput({ amount: '10.50' }), 't'))).toBe('INVALID_AMOUNT');
    expect(await refusal(h.orders.book(delhi, bookingInput({ amount: '5001' }), 't'))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(await refusal(h.orders.book(delhi, bookingInput({ amount: 'abc' }), 't'))).toMatch(/INVALID_AMOUNT|BAD_USER_INPUT/);
    expect(await refusal(h.orders.book(delhi, bookingInput({ product: 'GOLD' }), 't'))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.orders.book(delhi, bookingInput({ paymentMode: 'CHEQUE' }), 't'))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.orders.book(delhi, bookingInput({ message: 'x'.repeat(101) }), 't'))).toBe('BAD_USER_INPUT');
    const input = bookingInput();
    expect(await refusal(h.orders.book(delhi, { ...input, sender: { ...input.sender, phone: '12345' } }, 't'))).toBe('INVALID_PHONE');
    expect(await refusal(h.orders.book(delhi, { ...input, payee: { ...input.payee, payingOfficeCode: 'NOWHERE' } }, 't'))).toBe('OFFICE_NOT_FOUND');
    // A branch office does not book or pay money orders at a counter of its own.
    expect(await refusal(h.orders.book(staffAt('NDGPO-KB-B1', [['mo.book', 'OWN_OFFICE']]), bookingInput({ officeCode: 'NDGPO-KB-B1' }), 't'))).toBe('OFFICE_NOT_ELIGIBLE');
    // A Mumbai clerk cannot book at Delhi's counter.
    expect(await refusal(h.orders.book(mumbai, bookingInput({ officeCode: 'NDGPO' }), 't'))).toBe('FORBIDDEN');
    const countAfter = rowsOf<{ count: number }>(await testDatabase.database.db.execute(sql`SELECT count(*)::int AS count FROM money_orders.money_orders`))[0]!.count;
    expect(countAfter).toBe(countBefore);
  });
});

describe('paying out', () => {
  it('waits for the ledger: BOOKED cannot be paid, AVAILABLE once the booking is posted; a refused booking stays BOOKED', async () => {
    const booked = await h.orders.book(delhi, bookingInput(), 'test');
    const otp = codeSentTo(h.notifier, booked.order.payeePhone, 'MO_OTP');
    expect(await refusal(h.orders.pay(mumbai, payInput(booked.order.reference, otp), 't'))).toBe('INVALID_TRANSITION');
    const rejected = await h.orders.book(delhi, bookingInput(), 'test');
    await settleLedger(h, testDatabase, new Set([rejected.order.reference]));
    expect((await h.orders.find(finance, booked.order.reference))?.status).toBe('AVAILABLE');
    expect((await h.orders.find(finance, rejected.order.reference))?.status).toBe('BOOKED');
  });

  it('pays at the paying office with the right code, reserves the cash there and stages PAID with the hold', async () => {
    const { order, otp } = await availableOrder();
    expect(await refusal(h.orders.pay(delhi, { ...payInput(order.reference, otp), officeCode: 'NDGPO' }, 't'))).toBe('WRONG_OFFICE');
    expect(await refusal(h.orders.pay(delhi, payInput(order.reference, otp), 't'))).toBe('FORBIDDEN');
    // A counter that neither booked it nor pays it does not learn where it is going: not found, not WRONG_OFFICE.
    expect(await refusal(h.orders.pay(clerkAt('NDGPO-KB'), { ...payInput(order.reference, otp), officeCode: 'NDGPO-KB' }, 't'))).toBe('MONEY_ORDER_NOT_FOUND');
    const input = payInput(order.reference, otp);
    const paid = await h.orders.pay(mumbai, input, 't');
    expect(paid).toMatchObject({ status: 'PAID', settledOfficeCode: 'MUMGPO', payeeIdDocument: 'VOTER ABC1234567' });
    expect(h.ledger.reservations.at(-1)).toMatchObject({ reference: order.reference, movement: 'PAID', officeCode: 'MUMGPO', bookingOfficeCode: 'NDGPO', amount: '1000' });
    const movement = (await stagedMovements(testDatabase)).find((event) => event.type === 'money-order.movement' && event.payload.reference === order.reference && event.payload.movement === 'PAID');
    expect(movement?.payload).toMatchObject({ officeCode: 'MUMGPO', bookingOfficeCode: 'NDGPO', amount: '1000', holdId: expect.any(String) });
    // The same request again answers the paid order; another request is ALREADY_PAID.
    expect((await h.orders.pay(mumbai, input, 't')).reference).toBe(order.reference);
    expect(await refusal(h.orders.pay(mumbai, payInput(order.reference, otp), 't'))).toBe('ALREADY_PAID');
    expect((await timelineOf(order.reference)).map((row) => row.to_status)).toEqual(['BOOKED', 'AVAILABLE', 'PAID']);
  });

  it('pays exactly once when fifty payouts with the right code arrive together', async () => {
    const { order, otp } = await availableOrder();
    const reservationsBefore = h.ledger.reservations.length;
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => h.orders.pay(mumbai, payInput(order.reference, otp, `race-${order.reference}-${i}`), 't')));
    const paid = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected').map((result) => codeOf(result.reason));
    expect(paid).toHaveLength(1);
    expect(refused).toEqual(Array.from({ length: 49 }, () => 'ALREADY_PAID'));
    // Every payout that had the right code asked the ledger, for one and the same reservation (reference, PAID).
    const asked = h.ledger.reservations.slice(reservationsBefore);
    expect(new Set(asked.map((reservation) => `${reservation.reference}/${reservation.movement}`))).toEqual(new Set([`${order.reference}/PAID`]));
    const paidMovements = (await stagedMovements(testDatabase)).filter((event) => event.type === 'money-order.movement' && event.payload.reference === order.reference && event.payload.movement === 'PAID');
    expect(paidMovements).toHaveLength(1);
  });

  it('counts wrong codes, locks the order at the fifth (even the right code is then refused), and a release lets it be paid', async () => {
    const { order, otp } = await availableOrder();
    const wrong = otp === '000000' ? '111111' : '000000';
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) answers.push(await refusal(h.orders.pay(mumbai, payInput(order.reference, wrong), 't')));
    expect(answers).toEqual(['WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE']);
    const locked = await h.orders.find(finance, order.reference);
    expect(locked).toMatchObject({ status: 'LOCKED', lockReason: 'TOO_MANY_WRONG_CODES', failedCodeAttempts: 5 });
    expect(await refusal(h.orders.pay(mumbai, payInput(order.reference, otp), 't'))).toBe('MONEY_ORDER_LOCKED');
    // A clerk cannot release it; a finance officer can.
    expect(await refusal(h.orders.release(mumbai, order.reference, 'checked the payee', 't'))).toBe('FORBIDDEN');
    const released = await h.orders.release(finance, order.reference, 'payee identified by phone', 't');
    expect(released).toMatchObject({ status: 'AVAILABLE', failedCodeAttempts: 0 });
    expect((await h.orders.pay(mumbai, payInput(order.reference, otp), 't')).status).toBe('PAID');
  });

  it('counts wrong codes sent at once: all refused, and the order locked', async () => {
    const { order, otp } = await availableOrder();
    const wrong = otp === '999999' ? '888888' : '999999';
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => h.orders.pay(mumbai, payInput(order.reference, wrong), 't')));
    const codes = results.map((result) => (result.status === 'rejected' ? codeOf(result.reason) : 'paid'));
    expect(codes.filter((code) => code === 'WRONG_CODE')).toHaveLength(5);
    expect(codes.filter((code) => code === 'MONEY_ORDER_LOCKED')).toHaveLength(3);
    expect((await h.orders.find(finance, order.reference))?.status).toBe('LOCKED');
  });

  it('refuses at the counter when the office cash cannot cover the payout, and changes nothing', async () => {
    const { order, otp } = await availableOrder();
    h.ledger.short = true;
    try {
      expect(await refusal(h.orders.pay(mumbai, payInput(order.reference, otp), 't'))).toBe('INSUFFICIENT_FUNDS');
    } finally {
      h.ledger.short = false;
    }
    expect(await h.orders.find(finance, order.reference)).toMatchObject({ status: 'AVAILABLE', failedCodeAttempts: 0 });
    expect((await h.orders.pay(mumbai, payInput(order.reference, otp), 't')).status).toBe('PAID');
  });

  it('bounds resends: a new code replaces the old one, and after three more RESEND_LIMIT', async () => {
    const { order, otp } = await availableOrder();
    const delivery = await h.orders.resend(delhi, order.reference);
    expect(delivery.resendsLeft).toBe(2);
    const fresh = codeSentTo(h.notifier, order.payeePhone, 'MO_OTP');
    if (fresh !== otp) expect(await refusal(h.orders.pay(mumbai, payInput(order.reference, otp), 't'))).toBe('WRONG_CODE');
    await h.orders.resend(delhi, order.reference);
    await h.orders.resend(delhi, order.reference);
    expect(await refusal(h.orders.resend(delhi, order.reference))).toBe('RESEND_LIMIT');
    const last = codeSentTo(h.notifier, order.payeePhone, 'MO_OTP');
    expect((await h.orders.pay(mumbai, payInput(order.reference, last), 't')).status).toBe('PAID');
  });
});

describe('an instant money order (iMO)', () => {
  it('sends the 16-digit secret code to the sender, and is paid against it at any counter office', async () => {
    // India's iMO commission is not in DOMAIN.md, so no tariff is seeded for it (TARIFF_NOT_FOUND): this test prices
    // it with a stand-in tariff of Rs 20 flat, to exercise the secret-code payout.
    const priced = harness(testDatabase, {
      pricing: {
        quote: async (_tx, product, amount) => ({ amount, commission: '20', tax: '0', total: new Decimal(amount).plus(20).toFixed(), currency: 'INR', tariffVersionId: `TEST-${product}` }),
      },
    });
    const booked = await priced.orders.book(delhi, bookingInput({ product: 'INSTANT', amount: '5000' }), 'test');
    await settleLedger(priced, testDatabase);
    const secret = codeSentTo(priced.notifier, booked.order.senderPhone, 'MO_SECRET_CODE');
    expect(secret).toMatch(/^\d{16}$/);
    expect(priced.notifier.latest(booked.order.payeePhone, 'MO_OTP')).toBeUndefined();
    // Not the paying office the sender named (Mumbai), yet payable: an iMO is paid at any counter office.
    const atKarolBagh = clerkAt('NDGPO-KB');
    const input = { reference: booked.order.reference, officeCode: 'NDGPO-KB', payeeIdDocument: 'VOTER ABC1234567', idempotencyKey: `imo-${booked.order.reference}` };
    expect(await refusal(priced.orders.pay(atKarolBagh, { ...input, otp: secret.slice(0, 6) }, 't'))).toBe('BAD_USER_INPUT');
    expect(await refusal(priced.orders.pay(atKarolBagh, { ...input, secretCode: '0'.repeat(16) === secret ? '1'.repeat(16) : '0'.repeat(16), idempotencyKey: `${input.idempotencyKey}-w` }, 't'))).toBe('WRONG_CODE');
    const paid = await priced.orders.pay(atKarolBagh, { ...input, secretCode: secret }, 't');
    expect(paid).toMatchObject({ status: 'PAID', settledOfficeCode: 'NDGPO-KB' });
  });
});

describe('stop, return, lock, refund', () => {
  const sender = () => bookingInput().sender;

  it('a stopped order is refunded its amount (not the commission) against the sender ID, once the ledger has the booking', async () => {
    const booked = await h.orders.book(delhi, bookingInput({ amount: '2000' }), 'test');
    const stopped = await h.orders.stop(delhi, booked.order.reference, 'sender changed their mind', 't');
    expect(stopped.status).toBe('STOPPED');
    const refund = { reference: booked.order.reference, officeCode: 'NDGPO', senderIdDocument: sender().idDocument, idempotencyKey: `refund-${booked.order.reference}` };
    expect(await refusal(h.orders.refund(delhi, refund, 't'))).toBe('LEDGER_PENDING');
    await settleLedger(h, testDatabase);
    expect(await refusal(h.orders.refund(delhi, { ...refund, senderIdDocument: 'PAN ABCDE1234F' }, 't'))).toBe('WRONG_ID_DOCUMENT');
    const refunded = await h.orders.refund(delhi, refund, 't');
    expect(refunded.order.status).toBe('REFUNDED');
    expect(refunded.approvalRequestId).toBeNull();
    const movement = (await stagedMovements(testDatabase)).find((event) => event.type === 'money-order.movement' && event.payload.reference === booked.order.reference && event.payload.movement === 'REFUNDED');
    expect(movement?.payload).toMatchObject({ amount: '2000', commission: '0', officeCode: 'NDGPO', fromExpired: false });
    expect((await timelineOf(booked.order.reference)).map((row) => row.to_status)).toEqual(['BOOKED', 'STOPPED', 'REFUNDED']);
  });

  it('a returned order is refunded; a paid order cannot be stopped, returned or refunded, and nothing changes', async () => {
    const { order, otp } = await availableOrder();
    expect((await h.orders.return(mumbai, order.reference, 'payee not found at the address', 't')).status).toBe('RETURNED');
    expect(await refusal(h.orders.pay(mumbai, payInput(order.reference, otp), 't'))).toBe('INVALID_TRANSITION');
    const refunded = await h.orders.refund(delhi, { reference: order.reference, officeCode: 'NDGPO', senderIdDocument: sender().idDocument, idempotencyKey: `r-${order.reference}` }, 't');
    expect(refunded.order.status).toBe('REFUNDED');

    const paid = await availableOrder();
    await h.orders.pay(mumbai, payInput(paid.order.reference, paid.otp), 't');
    const before = await timelineOf(paid.order.reference);
    expect(await refusal(h.orders.stop(delhi, paid.order.reference, 'too late', 't'))).toBe('INVALID_TRANSITION');
    expect(await refusal(h.orders.return(mumbai, paid.order.reference, 'too late', 't'))).toBe('INVALID_TRANSITION');
    expect(await refusal(h.orders.lock(finance, paid.order.reference, 'too late', 't'))).toBe('INVALID_TRANSITION');
    expect(await refusal(h.orders.refund(delhi, { reference: paid.order.reference, officeCode: 'NDGPO', senderIdDocument: sender().idDocument, idempotencyKey: `r-${paid.order.reference}` }, 't'))).toBe(
      'INVALID_TRANSITION',
    );
    expect(await timelineOf(paid.order.reference)).toEqual(before);
  });

  it('a lock holds the order for a check; a locked order refused after the check is returned', async () => {
    const { order, otp } = await availableOrder();
    expect(await refusal(h.orders.lock(delhi, order.reference, 'check', 't'))).toBe('FORBIDDEN');
    expect((await h.orders.lock(finance, order.reference, 'AML review', 't')).status).toBe('LOCKED');
    expect(await refusal(h.orders.pay(mumbai, payInput(order.reference, otp), 't'))).toBe('MONEY_ORDER_LOCKED');
    expect((await h.orders.return(finance, order.reference, 'refused after the review', 't')).status).toBe('RETURNED');
  });

  it('a refund above the limit goes to the approvals inbox and changes nothing until approved', async () => {
    const submitted: unknown[] = [];
    const withInbox = harness(testDatabase, { refundApprovalAbove: '500' });
    withInbox.deps.approvals = { submit: async (submission) => (submitted.push(submission), { id: '00000000-0000-4000-8000-000000000001' }) };
    const booked = await withInbox.orders.book(delhi, bookingInput({ amount: '900' }), 'test');
    await withInbox.orders.stop(delhi, booked.order.reference, 'sender asked', 't');
    await settleLedger(withInbox, testDatabase);
    const refund = { reference: booked.order.reference, officeCode: 'NDGPO', senderIdDocument: bookingInput().sender.idDocument, idempotencyKey: `big-${booked.order.reference}` };
    const answer = await withInbox.orders.refund(delhi, refund, 't');
    expect(answer).toMatchObject({ approvalRequestId: '00000000-0000-4000-8000-000000000001', order: { status: 'STOPPED' } });
    expect(submitted).toEqual([expect.objectContaining({ kind: 'MO_REFUND', officeCode: 'NDGPO', payload: expect.objectContaining({ reference: booked.order.reference, amount: '900' }) })]);
    // A retry answers the same request and submits nothing new.
    expect((await withInbox.orders.refund(delhi, refund, 't')).approvalRequestId).toBe(answer.approvalRequestId);
    expect(submitted).toHaveLength(1);
  });
});

describe('expiry and void', () => {
  it('expires unpaid orders after the end of the second month after issue, refunds them from expired payable, and voids them a year later', async () => {
    const local = harness(testDatabase, { start: '2026-01-20T06:00:00Z' });
    const booked = await local.orders.book(delhi, bookingInput(), 'test');
    const unclaimed = await local.orders.book(delhi, bookingInput(), 'test');
    await settleLedger(local, testDatabase);
    expect(booked.order.expiresOn).toBe('2026-03-31');
    // On its last day it is still payable.
    local.setNow('2026-03-31T12:00:00Z');
    await expireDue(local.deps);
    expect((await local.orders.find(finance, booked.order.reference))?.status).toBe('AVAILABLE');
    local.setNow('2026-04-01T06:00:00Z');
    const swept = await expireDue(local.deps);
    expect(swept.expired).toBeGreaterThanOrEqual(2);
    expect((await local.orders.find(finance, booked.order.reference))?.status).toBe('EXPIRED');
    // A second sweep changes nothing.
    await expireDue(local.deps);
    const expiries = (await stagedMovements(testDatabase)).filter((event) => event.type === 'money-order.movement' && event.payload.reference === booked.order.reference && event.payload.movement === 'EXPIRED');
    expect(expiries).toHaveLength(1);

    const refund = { reference: booked.order.reference, officeCode: 'NDGPO', senderIdDocument: bookingInput().sender.idDocument, idempotencyKey: `exp-${booked.order.reference}` };
    expect(await refusal(local.orders.refund(delhi, refund, 't'))).toBe('LEDGER_PENDING');
    await settleLedger(local, testDatabase);
    const refunded = await local.orders.refund(delhi, refund, 't');
    expect(refunded.order.status).toBe('REFUNDED');
    const movement = (await stagedMovements(testDatabase)).find((event) => event.type === 'money-order.movement' && event.payload.reference === booked.order.reference && event.payload.movement === 'REFUNDED');
    expect(movement?.payload).toMatchObject({ fromExpired: true, amount: '1000' });

    expect(unclaimed.order.voidOn).toBe('2027-03-31');
    local.setNow('2027-03-31T12:00:00Z');
    await expireDue(local.deps);
    expect((await local.orders.find(finance, unclaimed.order.reference))?.status).toBe('EXPIRED');
    local.setNow('2027-04-01T06:00:00Z');
    await expireDue(local.deps);
    expect((await local.orders.find(finance, unclaimed.order.reference))?.status).toBe('VOID');
    const voids = (await stagedMovements(testDatabase)).filter((event) => event.type === 'money-order.movement' && event.payload.reference === unclaimed.order.reference && event.payload.movement === 'VOIDED');
    expect(voids.map((event) => (event.payload as { fromExpired: boolean }).fromExpired)).toEqual([true]);
  });
});

describe('tracking without a login', () => {
  const request = (clientAddress: string) => ({ identity: { kind: 'anonymous' }, requestId: 'track', clientAddress }) as unknown as RequestContext;

  it('answers the same for a wrong phone and no such order, and lets the sender stop the order with a code', async () => {
    const tracking = createTrackingService(h.deps, createMemoryRateLimiter({ windowMs: 60_000 }));
    const { order } = await availableOrder();
    expect(await tracking.track(request('10.0.0.1'), order.reference, '+919810000001')).toMatchObject({ reference: order.reference, status: 'AVAILABLE', stoppable: true });
    expect(await tracking.track(request('10.0.0.1'), order.reference, '+919810000009')).toBeNull();
    expect(await tracking.track(request('10.0.0.1'), '260101000000000000'.slice(0, 17) + '0', '+919810000001').catch(codeOf)).toMatch(/^(null|INVALID_REFERENCE)$|^$/);
    expect(await tracking.requestStopCode(request('10.0.0.1'), order.reference, '+919810000009')).toBe(true);
    expect(await tracking.requestStopCode(request('10.0.0.1'), order.reference, '+919810000001')).toBe(true);
    const code = codeSentTo(h.notifier, '+919810000001', 'MO_STOP_CODE');
    expect(await refusal(tracking.stopAsSender(request('10.0.0.1'), order.reference, '+919810000001', code === '123456' ? '654321' : '123456', 'changed my mind'))).toBe('WRONG_CODE');
    expect((await tracking.stopAsSender(request('10.0.0.1'), order.reference, '+919810000001', code, 'changed my mind')).status).toBe('STOPPED');
  });

  it('rate-limits per reference and per client', async () => {
    const tracking = createTrackingService(h.deps, createMemoryRateLimiter({ windowMs: 60_000 }));
    const { order } = await availableOrder();
    const answers = [];
    for (let i = 0; i < 12; i += 1) answers.push(await tracking.track(request(`10.1.0.${i}`), order.reference, '+919810000001').then(() => 'ok', codeOf));
    expect(answers.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 'ok'));
    expect(answers.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});
