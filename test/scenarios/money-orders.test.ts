import { Decimal } from '@postal/money';
import { waitFor } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Money orders end to end over real HTTP: the clerk books at one office through the gateway, the ledger (accounts'
 * consumer, on the real queue) posts the booking, the payee is paid at another office with the code the notifier
 * sent, and the money is where DOMAIN.md says: every entry balanced within its office, each office's and the
 * division's trial balance balanced, inter-office clearing at zero across the network, the reconciliation at zero.
 */
let stack: TestStack;
const tokens: Record<string, string> = {};
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function login(username: string) {
  const response = await graphql(stack.gatewayUrl, 'mutation($u: String!) { login(username: $u, password: "demo") { token } }', { variables: { u: username } });
  if (!response.data) throw new Error(`${username} cannot sign in: ${JSON.stringify(response.errors)}`);
  return (response.data as any).login.token as string;
}

const call = (who: string | null, query: string, variables?: Record<string, unknown>) =>
  graphql(stack.gatewayUrl, query, { ...(who ? { token: tokens[who]! } : {}), ...(variables ? { variables } : {}) });

async function ok(who: string | null, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await call(who, query, variables);
  if (response.errors?.length) throw new Error(`${who}: ${JSON.stringify(response.errors)}`);
  return response.data;
}

const BOOK = `mutation($input: BookMoneyOrderInput!) { bookMoneyOrder(input: $input) {
  order { reference status amount { amount } commission { amount } total { amount } receipt { text } }
  codeDelivery { channel to resendsLeft } } }`;
const PAY = `mutation($input: PayMoneyOrderInput!) { payMoneyOrder(input: $input) { reference status } }`;
const ORDER = `query($r: ID!) { moneyOrder(reference: $r) {
  reference status sender { phone idDocument } payee { phone }
  timeline { from to officeCode }
  ledgerMovements { movement status }
  ledgerEntries { id officeCode postings { accountCode side amount { amount } } }
} }`;

let sequence = 0;
function booking(officeCode: string, payingOfficeCode: string, amount: string, payeePhone = '+919820000002') {
  sequence += 1;
  return {
    idempotencyKey: `scenario-mo-${Date.now()}-${sequence}`,
    product: 'ELECTRONIC',
    officeCode,
    amount,
    paymentMode: 'CASH',
    message: 'Fees for March',
    sender: { name: 'Asha Verma', phone: '+919810000001', address: '12 Janpath, New Delhi', idDocument: 'AADHAAR 1234 5678 9012' },
    payee: { name: 'Ravi Kumar', phone: payeePhone, address: '4 North Avenue, New Delhi', payingOfficeCode },
  };
}

function otpSentTo(phone: string): string {
  const body = stack.notifier.latest(phone, 'MO_OTP')?.body ?? '';
  const match = /one-time password to collect it: (\d{6})/.exec(body);
  if (!match) throw new Error(`no OTP was sent to ${phone}`);
  return match[1]!;
}

async function book(who: string, officeCode: string, payingOfficeCode: string, amount: string, payeePhone?: string) {
  const data = await ok(who, BOOK, { input: booking(officeCode, payingOfficeCode, amount, payeePhone) });
  return data.bookMoneyOrder.order as { reference: string; status: string };
}

async function settled(reference: string, movements: string[]) {
  return waitFor(
    async () => {
      const order = (await ok('finance', ORDER, { r: reference })).moneyOrder;
      const posted = order.ledgerMovements.filter((m: any) => m.status === 'POSTED').map((m: any) => m.movement);
      return movements.every((movement) => posted.includes(movement)) ? order : undefined;
    },
    { what: `${reference}: ${movements.join(', ')} posted`, timeoutMs: 20_000 },
  );
}

/** The auditor's view (ledger.read over the whole circle, DL): each office's, the division's, the circle's. */
async function trialBalance(officeCode: string) {
  const data = await ok('auditor', `query($asOf: Date!, $o: ID) { trialBalance(asOf: $asOf, officeCode: $o) { balanced totalDebit { amount } totalCredit { amount } lines { accountCode debitBalance { amount } creditBalance { amount } } } }`, {
    asOf: today(),
    o: officeCode,
  });
  return data.trialBalance as { balanced: boolean; totalDebit: { amount: string }; totalCredit: { amount: string }; lines: Array<{ accountCode: string; debitBalance: { amount: string }; creditBalance: { amount: string } }> };
}

const net = (lines: Array<{ accountCode: string; debitBalance: { amount: string }; creditBalance: { amount: string } }>, head: string) =>
  lines.filter((line) => line.accountCode.endsWith(`:${head}`)).reduce((sum, line) => sum.plus(line.debitBalance.amount).minus(line.creditBalance.amount), new Decimal(0));

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['finance', 'auditor', 'clerk', 'clerk.smho', 'admin']) tokens[username] = await login(username);
  await waitFor(async () => (((await call('finance', '{ account(code: "SMHO:1100") { code } }')).data as any)?.account ? true : undefined), {
    what: "SMHO's ledger accounts",
    timeoutMs: 20_000,
  });
}, 120_000);
afterAll(() => stack?.close());

describe('a money order through the gateway', () => {
  it('is booked at one office and paid at another, with every entry balanced in its office and the clearing at zero', async () => {
    // Cash comes into Sansad Marg's counter first, so it can pay out.
    const local = await book('clerk.smho', 'SMHO', 'SMHO', '3000', '+919820000077');
    await settled(local.reference, ['BOOKED']);

    const booked = await ok('clerk', BOOK, { input: booking('NDGPO', 'SMHO', '1000') });
    const order = booked.bookMoneyOrder.order;
    expect(order).toMatchObject({ status: 'BOOKED', amount: { amount: '1000.00' }, commission: { amount: '50.00' }, total: { amount: '1050.00' } });
    expect(order.receipt.text).toContain(order.reference);
    expect(booked.bookMoneyOrder.codeDelivery).toMatchObject({ resendsLeft: 3 });
    await settled(order.reference, ['BOOKED']);

    const otp = otpSentTo('+919820000002');
    // The booking clerk's office cannot pay it; the paying office's clerk can, once.
    expect(errorCodes(await call('clerk', PAY, { input: { reference: order.reference, officeCode: 'NDGPO', otp, payeeIdDocument: 'VOTER ABC1234567', idempotencyKey: `p0-${order.reference}` } }))).toEqual([
      'WRONG_OFFICE',
    ]);
    const paid = await ok('clerk.smho', PAY, { input: { reference: order.reference, officeCode: 'SMHO', otp, payeeIdDocument: 'VOTER ABC1234567', idempotencyKey: `p1-${order.reference}` } });
    expect(paid.payMoneyOrder.status).toBe('PAID');

    const detail = await settled(order.reference, ['BOOKED', 'PAID']);
    expect(detail.timeline.map((line: any) => line.to)).toEqual(['BOOKED', 'AVAILABLE', 'PAID']);
    // Federation: the entries come from the accounts subgraph, each balanced within its own office.
    expect(detail.ledgerEntries.length).toBeGreaterThanOrEqual(3);
    for (const entry of detail.ledgerEntries) {
      const offices = new Set(entry.postings.map((posting: any) => posting.accountCode.split(':')[0]));
      expect(offices).toEqual(new Set([entry.officeCode]));
      const debit = entry.postings.filter((p: any) => p.side === 'DEBIT').reduce((s: Decimal, p: any) => s.plus(p.amount.amount), new Decimal(0));
      const credit = entry.postings.filter((p: any) => p.side === 'CREDIT').reduce((s: Decimal, p: any) => s.plus(p.amount.amount), new Decimal(0));
      expect(debit.toFixed(2)).toBe(credit.toFixed(2));
    }
    expect(new Set(detail.ledgerEntries.map((entry: any) => entry.officeCode))).toEqual(new Set(['NDGPO', 'SMHO']));

    // Each office's trial balance balances by itself, and so does the division's; clearing nets to zero across it.
    for (const office of ['NDGPO', 'SMHO', 'DL-NDC', 'DL']) expect((await trialBalance(office)).balanced, office).toBe(true);
    expect(net((await trialBalance('DL')).lines, '1600').toFixed(2)).toBe('0.00');

    // And the MO payable control balance is what the outstanding orders owe.
    const reconciliation = await ok('finance', `query($asOf: Date!) { moneyOrderReconciliation(asOf: $asOf, officeCode: "DL-NDC") { difference { amount } inFlightCount items { reference } } }`, {
      asOf: today(),
    });
    expect(reconciliation.moneyOrderReconciliation).toMatchObject({ difference: { amount: '0.00' }, inFlightCount: 0, items: [] });
  });

  it('pays exactly once when fifty payouts arrive at once through the gateway', async () => {
    const order = await book('clerk.smho', 'SMHO', 'SMHO', '500', '+919820000055');
    await settled(order.reference, ['BOOKED']);
    const otp = otpSentTo('+919820000055');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('clerk.smho', PAY, { input: { reference: order.reference, officeCode: 'SMHO', otp, payeeIdDocument: 'VOTER ABC1234567', idempotencyKey: `race-${order.reference}-${i}` } }),
      ),
    );
    const paid = answers.filter((answer) => answer.data && (answer.data as any).payMoneyOrder?.status === 'PAID');
    expect(paid).toHaveLength(1);
    expect(answers.flatMap((answer) => errorCodes(answer)).sort()).toEqual(Array.from({ length: 49 }, () => 'ALREADY_PAID'));
  });

  it('masks parties for the clerk and shows them to the finance officer; a sender tracks the order without signing in', async () => {
    const order = await book('clerk', 'NDGPO', 'NDGPO', '200', '+919820000033');
    const asClerk = (await ok('clerk', `query($r: ID!) { moneyOrder(reference: $r) { sender { phone idDocument } } }`, { r: order.reference })).moneyOrder;
    expect(asClerk.sender.phone).not.toBe('+919810000001');
    expect(asClerk.sender.phone).toMatch(/0001$/);
    const asFinance = (await ok('finance', `query($r: ID!) { moneyOrder(reference: $r) { sender { phone idDocument } } }`, { r: order.reference })).moneyOrder;
    expect(asFinance.sender).toEqual({ phone: '+919810000001', idDocument: 'AADHAAR 1234 5678 9012' });
    const TRACK = `query($r: ID!, $p: String!) { trackMoneyOrder(reference: $r, senderPhone: $p) { reference status } }`;
    expect((await ok(null, TRACK, { r: order.reference, p: '+919810000001' })).trackMoneyOrder).toMatchObject({ reference: order.reference });
    expect((await ok(null, TRACK, { r: order.reference, p: '+919810000002' })).trackMoneyOrder).toBeNull();
    // A reference whose check digit is wrong is refused before any lookup; a well-formed unknown one is no order.
    const mistyped = order.reference.slice(0, 17) + String((Number(order.reference[17]) + 1) % 10);
    expect(errorCodes(await call('clerk', `query($r: ID!) { moneyOrder(reference: $r) { reference } }`, { r: mistyped }))).toEqual(['INVALID_REFERENCE']);
    expect((await ok('clerk', `query { moneyOrder(reference: "000000000000000000") { reference } }`)).moneyOrder).toBeNull();
  });
});
