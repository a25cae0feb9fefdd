import { signIdentity } from '@postal/auth';
import { Decimal } from '@postal/money';
import { waitFor } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The ledger over real HTTP: the money-orders service posts and holds straight at the accounts subgraph (a signed
 * service identity, as a subgraph calls another), and people read and close through the gateway with their tokens.
 */
let stack: TestStack;
const tokens: Record<string, string> = {};

async function login(username: string) {
  const response = await graphql(stack.gatewayUrl, 'mutation($u: String!) { login(username: $u, password: "demo") { token } }', { variables: { u: username } });
  if (!response.data) throw new Error(`${username} cannot sign in: ${JSON.stringify(response.errors)}`);
  return (response.data as any).login.token as string;
}

const call = (who: string, query: string, variables?: Record<string, unknown>) =>
  graphql(stack.gatewayUrl, query, { token: tokens[who]!, ...(variables ? { variables } : {}) });

/** A call from the money-orders subgraph to the accounts subgraph, signed with the shared identity secret. */
async function asMoneyOrders(query: string, variables: Record<string, unknown>) {
  const body = JSON.stringify({ query, variables });
  const headers = signIdentity({ identity: { kind: 'service', service: 'money-orders' }, requestId: 'scenario-ledger', clientAddress: undefined }, stack.secrets.identitySecret, { audience: 'accounts', body });
  const response = await fetch(stack.subgraphs.accounts.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

const POST = 'mutation($input: PostJournalEntryInput!) { postJournalEntry(input: $input) { entry { id effectiveDate postings { accountCode side amount { amount } } } approvalRequest { id } } }';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

function booking(key: string, amount: string, commission: string) {
  const total = new Decimal(amount).plus(commission);
  return {
    idempotencyKey: key,
    officeCode: 'NDGPO',
    description: 'Money order booked in cash',
    source: { type: 'MONEY_ORDER', reference: key },
    postings: [
      { accountCode: 'NDGPO:1100', side: 'DEBIT', amount: total.toFixed(2) },
      { accountCode: 'NDGPO:2100', side: 'CREDIT', amount },
      { accountCode: 'NDGPO:4100', side: 'CREDIT', amount: commission },
    ],
  };
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['finance', 'auditor', 'clerk', 'postman']) tokens[username] = await login(username);
  await waitFor(async () => (((await call('finance', '{ account(code: "NDGPO:1100") { code } }')).data as any)?.account ? true : undefined), {
    what: "NDGPO's ledger accounts",
    timeoutMs: 20_000,
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('the ledger over HTTP', () => {
  it('takes a service posting directly, exact to the paisa, and answers a replay with the same entry', async () => {
    const first = await asMoneyOrders(POST, { input: booking('MO-SC-1', '1000.00', '51.00') });
    expect(first.errors).toBeUndefined();
    const { entry } = first.data.postJournalEntry;
    expect(entry.effectiveDate).toBe(today());
    expect(entry.postings.map((p: any) => [p.accountCode, p.side, p.amount.amount])).toEqual([
      ['NDGPO:1100', 'DEBIT', '1051.00'],
      ['NDGPO:2100', 'CREDIT', '1000.00'],
      ['NDGPO:4100', 'CREDIT', '51.00'],
    ]);
    const again = await asMoneyOrders(POST, { input: booking('MO-SC-1', '1000.00', '51.00') });
    expect(again.data.postJournalEntry.entry.id).toBe(entry.id);
    const conflict = await asMoneyOrders(POST, { input: booking('MO-SC-1', '1000.00', '52.00') });
    expect(conflict.errors?.map((error) => error.extensions?.code)).toEqual(['IDEMPOTENCY_CONFLICT']);
    const overdraft = await asMoneyOrders(POST, {
      input: { ...booking('MO-SC-2', '1.00', '0.00'), postings: [
        { accountCode: 'NDGPO:2100', side: 'DEBIT', amount: '5000.00' },
        { accountCode: 'NDGPO:1100', side: 'CREDIT', amount: '5000.00' },
      ] },
    });
    expect(overdraft.errors?.map((error) => error.extensions?.code)).toEqual(['INSUFFICIENT_FUNDS']);
  });

  it('holds and captures a payout as a service, and refuses holds to staff', async () => {
    const placed = await asMoneyOrders(
      'mutation($input: PlaceHoldInput!) { placeHold(input: $input) { id status amount { amount } } }',
      { input: { idempotencyKey: 'HOLD-SC-1', officeCode: 'NDGPO', description: 'MO payout', source: { type: 'MONEY_ORDER', reference: 'MO-SC-1' }, debitAccountCode: 'NDGPO:2100', creditAccountCode: 'NDGPO:1100', amount: '1000.00' } },
    );
    expect(placed.data.placeHold).toMatchObject({ status: 'PENDING', amount: { amount: '1000.00' } });
    const account = await call('finance', '{ account(code: "NDGPO:1100") { balance { amount } pendingCredit { amount } available { amount } } }');
    expect((account.data as any).account).toEqual({ balance: { amount: '1051.00' }, pendingCredit: { amount: '1000.00' }, available: { amount: '51.00' } });
    const captured = await asMoneyOrders('mutation($input: CaptureHoldInput!) { captureHold(input: $input) { id holdId } }', {
      input: { holdId: placed.data.placeHold.id, idempotencyKey: 'CAP-SC-1' },
    });
    expect(captured.data.captureHold.holdId).toBe(placed.data.placeHold.id);
    const byStaff = await call('finance', 'mutation { voidHold(id: "00000000-0000-4000-8000-000000000000", reason: "x") { id } }');
    expect(errorCodes(byStaff)).toEqual(['FORBIDDEN']);
  });

  it('gives staff the statement, the trial balance and a verified, sealed journal within their scope', async () => {
    const statement = await call('finance', 'query($from: Date!, $to: Date!) { accountStatement(accountCode: "NDGPO:1100", from: $from, to: $to, first: 1) { openingBalance { amount } closingBalance { amount } edges { node { side runningBalance { amount } } } pageInfo { hasNextPage endCursor } } }', {
      from: '2026-01-01',
      to: today(),
    });
    const report = (statement.data as any).accountStatement;
    expect(report).toMatchObject({ openingBalance: { amount: '0.00' }, closingBalance: { amount: '51.00' }, pageInfo: { hasNextPage: true } });
    expect(report.edges.map((edge: any) => edge.node.runningBalance.amount)).toEqual(['1051.00']);
    const trial = await call('auditor', 'query($asOf: Date!) { trialBalance(asOf: $asOf, officeCode: "NDGPO") { totalDebit { amount } totalCredit { amount } balanced } }', { asOf: today() });
    expect((trial.data as any).trialBalance).toEqual({ totalDebit: { amount: '51.00' }, totalCredit: { amount: '51.00' }, balanced: true });
    expect(errorCodes(await call('postman', '{ verifyLedger { ok } }'))).toEqual(['FORBIDDEN']);
    await waitFor(async () => {
      const verified = (await call('auditor', '{ verifyLedger { ok checkedEntries unsealedEntries firstDiscrepancy { kind } } }')).data as any;
      return verified?.verifyLedger.unsealedEntries === 0 ? verified.verifyLedger : undefined;
    }, { what: 'the journal sealed', timeoutMs: 20_000 }).then((verification) => expect(verification).toEqual({ ok: true, checkedEntries: 2, unsealedEntries: 0, firstDiscrepancy: null }));
  });

  it('lets the counter clerk close the day, after which the day takes no more postings', async () => {
    const closed = await call('clerk', 'mutation($date: Date!) { closeBusinessDay(officeCode: "NDGPO", date: $date) { businessDate balances { accountCode balance { amount } } } }', { date: today() });
    expect(closed.errors).toBeUndefined();
    expect((closed.data as any).closeBusinessDay.balances.map((b: any) => [b.accountCode, b.balance.amount])).toEqual([
      ['NDGPO:1100', '51.00'],
      ['NDGPO:2100', '0.00'],
      ['NDGPO:4100', '51.00'],
    ]);
    const late = await asMoneyOrders(POST, { input: booking('MO-SC-3', '10.00', '5.00') });
    expect(late.errors?.map((error) => error.extensions?.code)).toEqual(['DAY_CLOSED']);
    const office = await call('finance', '{ office(code: "NDGPO") { closedThrough } }');
    expect((office.data as any).office.closedThrough).toBe(today());
  });
});
