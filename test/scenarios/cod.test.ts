import { Decimal } from '@postal/money';
import { waitFor } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s10Of } from '../../subgraphs/cod-settlement/src/articles/s10.js';
import { isBusinessDay } from '../../subgraphs/cod-settlement/src/contracts/calendar.js';
import { INDIA_BANK_HOLIDAYS } from '../../subgraphs/cod-settlement/src/contracts/india-bank-holidays.js';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Cash on delivery end to end over real HTTP (issue 12): a finance officer registers a biller settled by the New
 * Delhi GPO and its articles; postmen deliver them at NDGPO and at Sansad Marg HO (another head office, so the cash
 * crosses offices through inter-office clearing) and collect cash and UPI; the postmen deposit, one short with a
 * reason; the UPI credit is cleared; on a clock moved past the settlement cycle the batch is built, submitted,
 * approved in the inbox by a second finance officer, paid out by file and marked PAID with the bank's UTR. The
 * ledger's COD payable for the biller then equals the unsettled articles (zero), every office's and the division's
 * trial balance balances, and inter-office clearing nets to zero. The biller's own person sees the remittance.
 */
let stack: TestStack;
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
const tokens: Record<string, string> = {};
const DAY_MS = 86_400_000;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now());

async function login(username: string) {
  const response = await graphql(stack.gatewayUrl, 'mutation($u: String!) { login(username: $u, password: "demo") { token } }', { variables: { u: username } });
  if (!response.data) throw new Error(`${username} cannot sign in: ${JSON.stringify(response.errors)}`);
  tokens[username] = (response.data as any).login.token as string;
}

const call = (who: string, query: string, variables?: Record<string, unknown>) => graphql(stack.gatewayUrl, query, { token: tokens[who]!, ...(variables ? { variables } : {}) });

async function ok(who: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await call(who, query, variables);
  if (response.errors?.length) throw new Error(`${who}: ${JSON.stringify(response.errors)}`);
  return response.data;
}

const REGISTER_BILLER = `mutation($input: RegisterBillerInput!) { registerBiller(input: $input) { id code settlementOfficeCode bankAccount { accountNumber ifsc } } }`;
const REGISTER_ARTICLE = `mutation($input: RegisterCodArticleInput!) { registerCodArticle(input: $input) { articleNumber status } }`;
const OUT = `mutation($n: ID!, $input: MarkOutForDeliveryInput!) { markOutForDelivery(articleNumber: $n, input: $input) { status } }`;
const DELIVER = `mutation($n: ID!, $input: RecordDeliveryInput!) { recordDelivery(articleNumber: $n, input: $input) { status collection { amount { amount } } } }`;
const DEPOSIT = `mutation($input: RecordPostmanDepositInput!) { recordPostmanDeposit(input: $input) { expected { amount } deposited { amount } shortage { amount } } }`;
const RECONCILE = `query($b: ID) { codReconciliation(billerId: $b) { billerCode ledgerPayable { amount } unsettled { amount } difference { amount } } }`;
const TRIAL = `query($asOf: Date!, $o: ID) { trialBalance(asOf: $asOf, officeCode: $o) { balanced lines { accountCode debitBalance { amount } creditBalance { amount } } } }`;

let sequence = 0;
function articleNumber(): string {
  sequence += 1;
  return s10Of('EE', String(40_000_000 + (Date.now() % 1_000_000) * 10 + sequence).slice(-8), 'IN');
}

async function reconciliation(billerId: string) {
  const rows = (await ok('finance', RECONCILE, { b: billerId })).codReconciliation as Array<{ ledgerPayable: { amount: string }; unsettled: { amount: string }; difference: { amount: string } }>;
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function trialBalance(officeCode: string) {
  return (await ok('auditor', TRIAL, { asOf: today(), o: officeCode })).trialBalance as { balanced: boolean; lines: Array<{ accountCode: string; debitBalance: { amount: string }; creditBalance: { amount: string } }> };
}

const netOf = (lines: Array<{ accountCode: string; debitBalance: { amount: string }; creditBalance: { amount: string } }>, head: string) =>
  lines.filter((line) => line.accountCode.split(':')[1] === head).reduce((sum, line) => sum.plus(line.debitBalance.amount).minus(line.creditBalance.amount), new Decimal(0));

beforeAll(async () => {
  stack = await startTestStack({ clock: now });
  for (const username of ['finance', 'finance2', 'auditor', 'postman', 'postman.smho', 'seller.demo']) await login(username);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('cash on delivery through the gateway', () => {
  let biller: { id: string; code: string };
  const cash = [articleNumber(), articleNumber()];
  const upi = articleNumber();
  const crossing = articleNumber();

  it('registers a biller settled at NDGPO, with its bank account masked for those who may not read it', async () => {
    const registered = await ok('finance', REGISTER_BILLER, {
      input: {
        name: 'Khadi Haat Online',
        type: 'ECOMMERCE',
        gstin: '27AAPFU0939F1ZV',
        contact: { name: 'Meera Joshi', email: 'accounts@khadihaat.example.in', phone: '9812345670' },
        settlementOfficeCode: 'NDGPO',
        bankAccount: { holderName: 'Khadi Haat Online Pvt Ltd', accountNumber: '123456789012', ifsc: 'SBIN0000691' },
        contract: { settlementCycleDays: 2, payoutWeekdays: [1, 2, 3, 4, 5], bankDetailsHoldDays: 0 },
      },
    });
    biller = registered.registerBiller;
    // The demo's seller.demo is bound to BL000001: the first biller registered on a fresh system.
    expect(biller.code).toBe('BL000001');
    expect(registered.registerBiller.bankAccount.accountNumber).toBe('123456789012');
    const asAuditor = await ok('auditor', 'query($id: ID!) { biller(id: $id) { bankAccount { accountNumber } } }', { id: biller.id });
    expect(asAuditor.biller.bankAccount.accountNumber).not.toContain('12345678');
  });

  it('registers articles, delivers them with cash and UPI, and refuses an illegal transition', async () => {
    for (const [number, office, amount] of [[cash[0], 'NDGPO', '1200.00'], [cash[1], 'NDGPO', '800.00'], [upi, 'NDGPO', '2500.00'], [crossing, 'SMHO', '450.00']] as const) {
      const registered = await ok('finance', REGISTER_ARTICLE, { input: { articleNumber: number, billerCode: biller.code, codAmount: amount, bookingOfficeCode: 'NDGPO', deliveryOfficeCode: office } });
      expect(registered.registerCodArticle.status).toBe('REGISTERED');
    }
    const early = await call('postman', DELIVER, { n: cash[0], input: { amount: '1200.00', mode: 'CASH', podReference: 'POD-0' } });
    expect(errorCodes(early)).toEqual(['INVALID_TRANSITION']);

    for (const number of [...cash, upi]) await ok('postman', OUT, { n: number, input: { postmanId: 'postman', beat: 'NDGPO-B1' } });
    await ok('postman.smho', OUT, { n: crossing, input: { postmanId: 'postman.smho', beat: 'SMHO-B2' } });
    await ok('postman', DELIVER, { n: cash[0], input: { amount: '1200.00', mode: 'CASH', podReference: 'POD-1' } });
    await ok('postman', DELIVER, { n: cash[1], input: { amount: '800.00', mode: 'CASH', podReference: 'POD-2' } });
    await ok('postman', DELIVER, { n: upi, input: { amount: '2500.00', mode: 'UPI', paymentReference: '412345678901', podReference: 'POD-3' } });
    await ok('postman.smho', DELIVER, { n: crossing, input: { amount: '450.00', mode: 'CASH', podReference: 'POD-4' } });
    // Another office's postman cannot touch NDGPO's article.
    expect(errorCodes(await call('postman.smho', OUT, { n: cash[0], input: { postmanId: 'x', beat: 'y' } }))).toEqual(['ARTICLE_NOT_FOUND']);
  });

  it('takes the deposits: a shortage needs its reason, and becomes a staff receivable', async () => {
    const withoutReason = await call('postman', DEPOSIT, { input: { officeCode: 'NDGPO', postmanId: 'postman', depositedAmount: '1950.00' } });
    expect(errorCodes(withoutReason)).toEqual(['REASON_REQUIRED']);
    const short = await ok('postman', DEPOSIT, { input: { officeCode: 'NDGPO', postmanId: 'postman', depositedAmount: '1950.00', reason: 'Rs 50 short, counted twice' } });
    expect(short.recordPostmanDeposit).toMatchObject({ expected: { amount: '2000.00' }, deposited: { amount: '1950.00' }, shortage: { amount: '50.00' } });
    await ok('postman.smho', DEPOSIT, { input: { officeCode: 'SMHO', postmanId: 'postman.smho', depositedAmount: '450.00' } });
    await ok('finance', `mutation($input: ClearDigitalCollectionsInput!) { clearDigitalCollections(input: $input) { __typename } }`, { input: { articleNumbers: [upi], reference: 'AGG-CR-0001' } });
  });

  it('holds in the ledger exactly what the biller is owed, with every trial balance balanced', async () => {
    const row = await waitFor(
      async () => {
        const found = await reconciliation(biller.id);
        return found.ledgerPayable.amount === '4950.00' && found.difference.amount === '0.00' ? found : undefined;
      },
      { what: 'the collections posted', timeoutMs: 60_000 },
    );
    expect(row.unsettled.amount).toBe('4950.00');
    // The deposits' entries too (their movements travel apart from the collections').
    const division = await waitFor(
      async () => {
        const balance = await trialBalance('DL-NDC');
        const settled = netOf(balance.lines, '1300').toFixed(2) === '50.00' && netOf(balance.lines, '1200').isZero();
        return settled ? balance : undefined;
      },
      { what: 'the deposits posted', timeoutMs: 60_000 },
    );
    expect(netOf(division.lines, '1600').toFixed(2)).toBe('0.00');
    expect(netOf(division.lines, '1100').toFixed(2)).toBe('2400.00');
    for (const office of ['NDGPO', 'SMHO', 'DL-NDC']) expect((await trialBalance(office)).balanced, office).toBe(true);
  }, 120_000);

  it('settles the due articles once, through the inbox, the payout file and the UTR', async () => {
    // Past the contract's two business days, on a weekday the banks work (its payout days are Monday to Friday).
    const holidays = new Set(INDIA_BANK_HOLIDAYS.map((holiday) => holiday.date));
    const weekday = () => new Date(`${today()}T00:00:00Z`).getUTCDay();
    offsetMs = 10 * DAY_MS;
    while (!isBusinessDay(today(), holidays) || weekday() === 0 || weekday() === 6) offsetMs += DAY_MS;
    for (const username of ['finance', 'finance2', 'auditor', 'seller.demo']) await login(username);
    const built = await ok('finance', `mutation { buildSettlementBatches(input: { settlementOfficeCode: "NDGPO" }) { id status articleCount gross { amount } net { amount } } }`);
    const batches = built.buildSettlementBatches.filter((batch: any) => batch.articleCount > 0);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ status: 'DRAFT', articleCount: 4, gross: { amount: '4950.00' } });
    // Built again: nothing is settled twice.
    const again = await ok('finance', `mutation { buildSettlementBatches(input: { settlementOfficeCode: "NDGPO" }) { id articleCount } }`);
    expect(again.buildSettlementBatches.reduce((sum: number, batch: any) => sum + (batch.id === batches[0].id ? 0 : batch.articleCount), 0)).toBe(0);

    const submitted = await ok('finance', `mutation($ids: [ID!]!) { submitSettlementBatches(ids: $ids, note: "December cycle") { approvalRequestId } }`, { ids: [batches[0].id] });
    const requestId = submitted.submitSettlementBatches.approvalRequestId;
    expect(errorCodes(await call('finance', 'mutation($id: ID!) { approve(id: $id) { id } }', { id: requestId }))).toEqual(['MAKER_CANNOT_APPROVE']);
    await ok('finance2', 'mutation($id: ID!) { approve(id: $id, comment: "checked") { id status } }', { id: requestId });

    const BATCH = `query($id: ID!) { settlementBatch(id: $id) { status net { amount } payout { id status utr payoutFileId amount { amount } } } }`;
    const released = await waitFor(
      async () => {
        const batch = (await ok('finance', BATCH, { id: batches[0].id })).settlementBatch;
        return batch.status === 'RELEASED' && batch.payout ? batch : undefined;
      },
      { what: 'the batch released', timeoutMs: 60_000 },
    );
    expect(released.payout.amount.amount).toBe(released.net.amount);
    const file = (await ok('finance', 'query($id: ID!) { payoutFile(id: $id) { recordCount total { amount } content } }', { id: released.payout.payoutFileId })).payoutFile;
    expect(file.recordCount).toBe(1);
    expect(file.total.amount).toBe(released.net.amount);
    expect(file.content).toContain('123456789012');
    expect(file.content).toContain('SBIN0000691');

    const utr = 'SBINN52633700001';
    const paid = await ok('finance', 'mutation($p: ID!, $u: String!) { markPayoutPaid(payoutId: $p, utr: $u) { status utr } }', { p: released.payout.id, u: utr });
    expect(paid.markPayoutPaid).toEqual({ status: 'PAID', utr });
    expect(errorCodes(await call('finance', 'mutation($p: ID!, $u: String!) { markPayoutPaid(payoutId: $p, utr: $u) { status } }', { p: released.payout.id, u: utr }))).toEqual(['PAYOUT_ALREADY_FINAL']);
  });

  it('leaves the COD payable at zero, the books balanced, and the seller sees the remittance with its UTR', async () => {
    const row = await waitFor(
      async () => {
        const found = await reconciliation(biller.id);
        return found.ledgerPayable.amount === '0.00' ? found : undefined;
      },
      { what: 'the settlement posted', timeoutMs: 60_000 },
    );
    expect(row).toMatchObject({ unsettled: { amount: '0.00' }, difference: { amount: '0.00' } });
    for (const office of ['NDGPO', 'SMHO', 'DL-NDC']) expect((await trialBalance(office)).balanced, office).toBe(true);
    expect(netOf((await trialBalance('DL-NDC')).lines, '1600').toFixed(2)).toBe('0.00');

    const seen = await ok('seller.demo', 'query($id: ID!) { biller(id: $id) { code codSummary { available { amount } lastRemitted { utr amount { amount } } } remittances { edges { node { utr } } } } }', { id: biller.id });
    expect(seen.biller.code).toBe('BL000001');
    expect(seen.biller.codSummary.lastRemitted.utr).toBe('SBINN52633700001');
    expect(seen.biller.remittances.edges.map((edge: any) => edge.node.utr)).toEqual(['SBINN52633700001']);
    // The seller sees no office internals.
    expect(errorCodes(await call('seller.demo', TRIAL, { asOf: today(), o: 'NDGPO' }))).toEqual(['FORBIDDEN']);
  });
});
