import { randomUUID } from 'node:crypto';
import { approvalPayloadMac } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { consumeIdempotently } from '@postal/outbox';
import { Decimal } from '@postal/money';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, processedEvents } from '../db-schema.js';
import { bookMoneyOrder } from '../orders/book.js';
import { stopMoneyOrder } from '../orders/lifecycle.js';
import { refundMoneyOrder } from '../orders/refund.js';
import { quoteMoneyOrder, selectTariff } from '../tariffs/domain.js';
import { tariffsInForce } from '../tariffs/repository.js';
import { createTariffService } from '../tariffs/service.js';
import { APPROVALS_QUEUE, createMoneyOrdersApprovalExecutor } from './executor.js';
import { countingLedger, decidedEvent, identitySecret, orderDeps, recordingInbox, seedOffices, stagedFor, staff } from './test-support.js';

/**
 * The approval.decided consumer on the real database, run as the queue runs it (consumeIdempotently around it): an
 * approved tariff change or refund is executed once, whatever the deliveries, and reported back through the outbox;
 * a payload that is not what was approved is refused and reported FAILED with nothing changed.
 */
let testDatabase: TestDatabase;
// 11:30 in New Delhi on 10 March 2026: a fixed business date, so the test passes whatever day it runs.
const now = new Date('2026-03-10T06:00:00Z');
let clockNow = now;
const clock = () => clockNow;
const inbox = recordingInbox();
const { ledger, reservations } = countingLedger();
const financeOfficer = staff('finance', 'DLC', 'DLC', [{ permission: 'mo.tariff.manage', scope: 'SUBTREE' }]);
const clerk = staff('clerk', 'NDGPO', 'DLC/NDGPO', [
  { permission: 'mo.book', scope: 'OWN_OFFICE' },
  { permission: 'mo.quote', scope: 'OWN_OFFICE' },
]);

const deps = () => orderDeps(testDatabase, clock, inbox.submitter, ledger);
const deliver = (event: Parameters<ReturnType<typeof createMoneyOrdersApprovalExecutor>>[1]) =>
  consumeIdempotently({
    database: testDatabase.database,
    tables: { outbox, processedEvents },
    consumer: APPROVALS_QUEUE,
    handle: createMoneyOrdersApprovalExecutor(deps(), { identitySecret }),
  })(event);
const tariffs = () => createTariffService({ database: testDatabase.database, clock, timeZone: 'Asia/Kolkata', currency: 'INR', approvals: inbox.submitter });

const proposal = (overrides: Partial<Parameters<ReturnType<typeof tariffs>['propose']>[1]> = {}) => ({
  product: 'ELECTRONIC',
  currency: 'INR',
  effectiveFrom: '2026-04-01',
  minAmount: '1',
  maxAmount: '10000',
  wholeUnitsOnly: true,
  rule: JSON.stringify({ kind: 'PER_UNIT_OR_PART', unit: '20', chargePerUnit: '1' }),
  taxRatePercent: '18',
  ...overrides,
});

async function propose(overrides: Parameters<typeof proposal>[0] = {}) {
  const { id } = await tariffs().propose(financeOfficer, proposal(overrides), `req-${randomUUID()}`);
  return inbox.submissions.find((submission) => submission.id === id)!;
}

async function versionsOf(product: string) {
  return rowsOf<{ id: string; effective_from: string; effective_to: string | null; approval_request_id: string | null; tax_rate_percent: string }>(
    await testDatabase.database.db.execute(sql`
      select id, effective_from::text, effective_to::text, approval_request_id, tax_rate_percent from money_orders.tariffs
      where currency = 'INR' and product = ${product} order by effective_from`),
  );
}

beforeAll(async () => {
  testDatabase = await createTestDatabase(['money-orders']);
  await seedOffices(testDatabase);
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('an approved MO_TARIFF_CHANGE', () => {
  it('is proposed at the root office with exactly the version to insert', async () => {
    const submission = await propose({ product: 'SERVICE', effectiveFrom: '2026-05-01', rule: '{"kind":"FREE"}', taxRatePercent: '0', maxAmount: '20000' });
    expect(submission).toMatchObject({
      kind: 'MO_TARIFF_CHANGE',
      officeCode: 'DLC',
      makerId: financeOfficer.staffId,
      payload: {
        tariff: {
          id: 'IN-MO-SERVICE-2026-05-01',
          product: 'SERVICE',
          currency: 'INR',
          effectiveFrom: '2026-05-01',
          minAmount: '1',
          maxAmount: '20000',
          wholeUnitsOnly: true,
          rule: { kind: 'FREE' },
          taxRatePercent: '0',
        },
      },
    });
    expect(submission.summary).toContain('SERVICE (INR) from 2026-05-01: no commission');
  });

  it('inserts the version once and ends the open one, even delivered twice and under another event id', async () => {
    const submission = await propose();
    const event = decidedEvent(submission, {}, now);
    await deliver(event);
    await deliver(event);
    await deliver({ ...decidedEvent(submission, {}, now), id: randomUUID() });

    expect(await versionsOf('ELECTRONIC')).toEqual([
      { id: 'IN-MO-ELECTRONIC-2008-10-10', effective_from: '2008-10-10', effective_to: '2026-04-01', approval_request_id: null, tax_rate_percent: '0' },
      { id: 'IN-MO-ELECTRONIC-2026-04-01', effective_from: '2026-04-01', effective_to: null, approval_request_id: submission.id, tax_rate_percent: '18' },
    ]);
    const { executed, audit } = await stagedFor(testDatabase, submission.id);
    expect(executed).toEqual([
      expect.objectContaining({
        outcome: 'EXECUTED',
        kind: 'MO_TARIFF_CHANGE',
        payloadHash: event.payload.payloadHash,
        result: { tariffVersionId: 'IN-MO-ELECTRONIC-2026-04-01', closedVersionId: 'IN-MO-ELECTRONIC-2008-10-10' },
      }),
    ]);
    expect(audit).toEqual([expect.objectContaining({ action: 'MO_TARIFF_CHANGED', outcome: 'SUCCESS', officeCode: 'DLC', after: expect.objectContaining({ maker: 'maker', checker: 'checker' }) })]);

    // Quotes on the day before still use the old version; from the first day, the new one with its tax.
    const quoteOn = async (date: string) =>
      quoteMoneyOrder(selectTariff(await tariffsInForce(testDatabase.database.db, 'ELECTRONIC', date, 'INR'), 'ELECTRONIC', date), new Decimal('1000'));
    expect((await quoteOn('2026-03-31')).tax.toFixed(2)).toBe('0.00');
    const after = await quoteOn('2026-04-01');
    expect([after.tariffVersionId, after.commission.toFixed(2), after.tax.toFixed(2), after.total.toFixed(2)]).toEqual(['IN-MO-ELECTRONIC-2026-04-01', '50.00', '9.00', '1059.00']);
  });

  it('is refused as PAYLOAD_TAMPERED when the payload is not the one approved, with nothing inserted', async () => {
    const submission = await propose({ product: 'ORDINARY', effectiveFrom: '2026-06-01' });
    const altered = { tariff: { ...(submission.payload.tariff as object), taxRatePercent: '0' } };
    // The plain SHA-256 of the altered payload, as someone rewriting the inbox's row might store it: not the MAC.
    await deliver(decidedEvent({ ...submission, payload: altered }, { payloadHash: approvalPayloadMac('another-secret-0123456789-abcdef', 'MO_TARIFF_CHANGE', altered) }, now));
    expect((await versionsOf('ORDINARY')).map((version) => version.id)).toEqual(['IN-MO-ORDINARY-2010-01-01', 'IN-MO-ORDINARY-2024-12-16']);
    const { executed, audit } = await stagedFor(testDatabase, submission.id);
    expect(executed).toEqual([expect.objectContaining({ outcome: 'FAILED', result: { code: 'PAYLOAD_TAMPERED', message: expect.any(String) } })]);
    expect(audit).toEqual([expect.objectContaining({ action: 'MO_TARIFF_CHANGE_FAILED', outcome: 'FAILURE', reason: 'PAYLOAD_TAMPERED' })]);
  });

  it('is refused as PAYLOAD_INVALID when the approved payload carries a key the executor would not apply', async () => {
    const submission = await propose({ product: 'ORDINARY', effectiveFrom: '2026-06-02' });
    const payload = { tariff: { ...(submission.payload.tariff as object), effectiveTo: '2027-01-01' } };
    await deliver(decidedEvent({ ...submission, payload }, {}, now));
    const { executed } = await stagedFor(testDatabase, submission.id);
    expect(executed).toEqual([expect.objectContaining({ outcome: 'FAILED', result: expect.objectContaining({ code: 'PAYLOAD_INVALID' }) })]);
  });

  it('fails (reported, nothing inserted) when approved on or after its first day', async () => {
    const submission = await propose({ product: 'ORDINARY', effectiveFrom: '2026-03-11' });
    clockNow = new Date('2026-03-11T06:00:00Z');
    try {
      await deliver(decidedEvent(submission, {}, clockNow));
    } finally {
      clockNow = now;
    }
    expect((await versionsOf('ORDINARY')).map((version) => version.id)).not.toContain('IN-MO-ORDINARY-2026-03-11');
    const { executed } = await stagedFor(testDatabase, submission.id);
    expect(executed).toEqual([expect.objectContaining({ outcome: 'FAILED', result: expect.objectContaining({ code: 'EFFECTIVE_FROM_NOT_FUTURE' }) })]);
  });

  it('fails with TARIFF_CONFLICT when another approved change got there first, leaving the first as it was', async () => {
    const first = await propose({ product: 'ORDINARY', effectiveFrom: '2026-07-01' });
    const second = await propose({ product: 'ORDINARY', effectiveFrom: '2026-07-01', taxRatePercent: '5' });
    await deliver(decidedEvent(first, {}, now));
    await deliver(decidedEvent(second, {}, now));
    const versions = await versionsOf('ORDINARY');
    expect(versions.at(-1)).toMatchObject({ id: 'IN-MO-ORDINARY-2026-07-01', approval_request_id: first.id, tax_rate_percent: '18' });
    expect(versions.find((version) => version.id === 'IN-MO-ORDINARY-2024-12-16')?.effective_to).toBe('2026-07-01');
    expect((await stagedFor(testDatabase, second.id)).executed).toEqual([expect.objectContaining({ outcome: 'FAILED', result: expect.objectContaining({ code: 'TARIFF_CONFLICT' }) })]);
  });

  it('does nothing for a rejected request or another owner’s kind', async () => {
    const submission = await propose({ product: 'INSTANT', effectiveFrom: '2026-08-01', minAmount: '1000', maxAmount: '10000' });
    await deliver(decidedEvent(submission, { decision: 'REJECTED' }, now));
    await deliver(decidedEvent(submission, { subgraph: 'accounts', kind: 'MANUAL_JOURNAL' }, now));
    expect(await versionsOf('INSTANT')).toEqual([]);
    expect((await stagedFor(testDatabase, submission.id)).executed).toEqual([]);
  });
});

describe('an approved MO_REFUND', () => {
  /** An order booked at NDGPO, its booking posted by the ledger, then stopped by the sender: refundable. */
  async function stoppedOrder(amount: string) {
    const idDocument = 'AADHAAR 1234 5678 9012';
    const booked = await bookMoneyOrder(
      deps(),
      clerk,
      {
        idempotencyKey: randomUUID(),
        product: 'ORDINARY',
        officeCode: 'NDGPO',
        amount,
        sender: { name: 'Asha Rao', phone: `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, address: '12 Janpath, New Delhi', idDocument },
        payee: { name: 'Ravi Rao', phone: '+919811122233', address: '4 MG Road, Bengaluru', payingOfficeCode: 'LDSO' },
        paymentMode: 'CASH',
      },
      `req-${randomUUID()}`,
    );
    await testDatabase.database.db.execute(sql`update money_orders.money_order_ledger_movements set status = 'POSTED' where order_id = ${booked.order.id}`);
    await stopMoneyOrder(deps(), clerk, booked.order.reference, 'the sender changed their mind', `req-${randomUUID()}`);
    return { reference: booked.order.reference, idDocument };
  }

  async function orderState(reference: string) {
    const [order] = rowsOf<{ status: string; refunds: number }>(
      await testDatabase.database.db.execute(sql`
        select o.status, (select count(*)::int from money_orders.money_order_ledger_movements m where m.order_id = o.id and m.movement = 'REFUNDED') as refunds
        from money_orders.money_orders o where o.reference = ${reference}`),
    );
    return order;
  }

  it('refunds once, as the maker, whatever the deliveries', async () => {
    const { reference, idDocument } = await stoppedOrder('8000');
    const refunded = await refundMoneyOrder(deps(), clerk, { reference, officeCode: 'NDGPO', senderIdDocument: idDocument, idempotencyKey: randomUUID() }, 'req-refund');
    expect(refunded.approvalRequestId).toEqual(expect.any(String));
    expect(await orderState(reference)).toEqual({ status: 'STOPPED', refunds: 0 });
    const submission = inbox.submissions.find((s) => s.id === refunded.approvalRequestId)!;
    expect(submission).toMatchObject({ kind: 'MO_REFUND', officeCode: 'NDGPO', makerId: clerk.staffId, payload: { reference, amount: '8000', currency: 'INR' } });

    const before = reservations.length;
    const event = decidedEvent(submission, {}, now);
    await Promise.all([deliver(event), deliver({ ...decidedEvent(submission, {}, now), id: randomUUID() })]);
    await deliver(event);

    expect(await orderState(reference)).toEqual({ status: 'REFUNDED', refunds: 1 });
    // Inside the inbox consumer's transaction the ledger is not asked (refundInTx): no reservation; the REFUNDED
    // movement, staged once, is posted by the ledger on its own.
    expect(reservations.slice(before)).toEqual([]);
    const movements = rowsOf<{ movement: string }>(
      await testDatabase.database.db.execute(sql`SELECT m.movement FROM money_orders.money_order_ledger_movements m JOIN money_orders.money_orders o ON o.id = m.order_id WHERE o.reference = ${reference} ORDER BY m.movement`),
    );
    expect(movements.map((row) => row.movement)).toEqual(['BOOKED', 'REFUNDED']);
    const { executed, audit } = await stagedFor(testDatabase, submission.id);
    expect(executed).toEqual([expect.objectContaining({ outcome: 'EXECUTED', kind: 'MO_REFUND', result: { reference, status: 'REFUNDED' } })]);
    expect(audit).toEqual([expect.objectContaining({ action: 'MO_REFUNDED', outcome: 'SUCCESS', target: { type: 'MoneyOrder', id: reference } })]);
  });

  it('is refused when the approved amount is not the order’s (even with a valid MAC), with nothing refunded', async () => {
    const { reference, idDocument } = await stoppedOrder('9000');
    const refunded = await refundMoneyOrder(deps(), clerk, { reference, officeCode: 'NDGPO', senderIdDocument: idDocument, idempotencyKey: randomUUID() }, 'req-refund');
    const submission = inbox.submissions.find((s) => s.id === refunded.approvalRequestId)!;
    await deliver(decidedEvent({ ...submission, payload: { ...submission.payload, amount: '900' } }, {}, now));
    expect(await orderState(reference)).toEqual({ status: 'STOPPED', refunds: 0 });
    expect((await stagedFor(testDatabase, submission.id)).executed).toEqual([expect.objectContaining({ outcome: 'FAILED', result: expect.objectContaining({ code: 'PAYLOAD_MISMATCH' }) })]);
  });

  it('is refused with a wrong payload hash', async () => {
    const { reference, idDocument } = await stoppedOrder('7000');
    const refunded = await refundMoneyOrder(deps(), clerk, { reference, officeCode: 'NDGPO', senderIdDocument: idDocument, idempotencyKey: randomUUID() }, 'req-refund');
    const submission = inbox.submissions.find((s) => s.id === refunded.approvalRequestId)!;
    await deliver(decidedEvent(submission, { payloadHash: 'f'.repeat(64) }, now));
    expect(await orderState(reference)).toEqual({ status: 'STOPPED', refunds: 0 });
    expect((await stagedFor(testDatabase, submission.id)).executed).toEqual([expect.objectContaining({ outcome: 'FAILED', result: expect.objectContaining({ code: 'PAYLOAD_TAMPERED' }) })]);
  });
});
