import { waitFor } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Expiry through the whole system, on a clock the test moves (every subgraph reads time only through it): an order
 * unpaid past the end of the second month after its issue is expired by the scheduled job, the ledger moves its amount
 * to expired MO payable, the sender is refunded at the counter from there, and the books still reconcile.
 */
let stack: TestStack;
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
const businessDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(at);
const tokens: Record<string, string> = {};

async function ok(who: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await graphql(stack.gatewayUrl, query, { token: tokens[who]!, ...(variables ? { variables } : {}) });
  if (response.errors?.length) throw new Error(`${who}: ${JSON.stringify(response.errors)}`);
  return response.data;
}

const STATE = `query($r: ID!) { moneyOrder(reference: $r) { status expiresOn timeline { to } ledgerMovements { movement status } } }`;
async function reached(reference: string, status: string, movements: string[]) {
  return waitFor(
    async () => {
      const order = (await ok('finance', STATE, { r: reference })).moneyOrder;
      const posted = order.ledgerMovements.filter((m: any) => m.status === 'POSTED').map((m: any) => m.movement);
      return order.status === status && movements.every((movement) => posted.includes(movement)) ? order : undefined;
    },
    { what: `${reference} ${status} with ${movements.join(', ')} posted`, timeoutMs: 30_000 },
  );
}

beforeAll(async () => {
  // The expiry job every half second instead of hourly, so the moved clock is acted on at once.
  stack = await startTestStack({ clock: now, moneyOrderExpiryIntervalMs: 500 });
  for (const username of ['finance', 'clerk', 'auditor']) {
    const response = await graphql(stack.gatewayUrl, 'mutation($u: String!) { login(username: $u, password: "demo") { token } }', { variables: { u: username } });
    tokens[username] = (response.data as any).login.token;
  }
  await waitFor(async () => ((await graphql(stack.gatewayUrl, '{ account(code: "NDGPO:2110") { code } }', { token: tokens.finance! })).data as any)?.account ? true : undefined, {
    what: "NDGPO's ledger accounts",
    timeoutMs: 20_000,
  });
}, 120_000);
afterAll(() => stack?.close());

describe('an unpaid money order', () => {
  it('expires by the scheduled job after its last day, is refunded from expired payable, and the books reconcile', async () => {
    const booked = (
      await ok('clerk', `mutation($input: BookMoneyOrderInput!) { bookMoneyOrder(input: $input) { order { reference } } }`, {
        input: {
          idempotencyKey: `expiry-${Date.now()}`,
          product: 'ELECTRONIC',
          officeCode: 'NDGPO',
          amount: '700',
          paymentMode: 'CASH',
          sender: { name: 'Asha Verma', phone: '+919810000001', address: '12 Janpath, New Delhi', idDocument: 'AADHAAR 1234 5678 9012' },
          payee: { name: 'Ravi Kumar', phone: '+919820000002', address: 'Sansad Marg, New Delhi', payingOfficeCode: 'SMHO' },
        },
      })
    ).bookMoneyOrder.order;
    const available = await reached(booked.reference, 'AVAILABLE', ['BOOKED']);

    // Its last day: still payable. The day after, the job expires it and the ledger moves it to expired payable.
    offsetMs = Date.parse(`${available.expiresOn}T12:00:00+05:30`) - Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await ok('finance', STATE, { r: booked.reference })).moneyOrder.status).toBe('AVAILABLE');
    offsetMs = Date.parse(`${available.expiresOn}T12:00:00+05:30`) + 86_400_000 - Date.now();
    const expired = await reached(booked.reference, 'EXPIRED', ['BOOKED', 'EXPIRED']);
    expect(expired.timeline.map((line: any) => line.to)).toEqual(['BOOKED', 'AVAILABLE', 'EXPIRED']);

    const refunded = await ok('clerk', `mutation($input: RefundMoneyOrderInput!) { refundMoneyOrder(input: $input) { order { status } approvalRequest { id } } }`, {
      input: { reference: booked.reference, officeCode: 'NDGPO', senderIdDocument: 'AADHAAR 1234 5678 9012', idempotencyKey: `expiry-refund-${booked.reference}` },
    });
    expect(refunded.refundMoneyOrder).toEqual({ order: { status: 'REFUNDED' }, approvalRequest: null });
    await reached(booked.reference, 'REFUNDED', ['BOOKED', 'EXPIRED', 'REFUNDED']);

    const asOf = businessDate(now());
    const reconciliation = await ok('finance', `query($asOf: Date!) { moneyOrderReconciliation(asOf: $asOf, officeCode: "DL-NDC") { difference { amount } inFlightCount } }`, { asOf });
    expect(reconciliation.moneyOrderReconciliation).toEqual({ difference: { amount: '0.00' }, inFlightCount: 0 });
    const trial = await ok('auditor', `query($asOf: Date!) { trialBalance(asOf: $asOf, officeCode: "NDGPO") { balanced lines { accountCode debitBalance { amount } creditBalance { amount } } } }`, { asOf });
    expect(trial.trialBalance.balanced).toBe(true);
    // Expired payable was credited by the expiry and debited by the refund: back to nothing.
    const expiredPayable = trial.trialBalance.lines.find((line: any) => line.accountCode === 'NDGPO:2110');
    expect(expiredPayable?.creditBalance.amount ?? '0.00').toBe('0.00');
  });
});
