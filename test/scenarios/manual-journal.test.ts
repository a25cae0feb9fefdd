import { rowsOf } from '@postal/db';
import { waitFor } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * A manual journal end to end, through the gateway and every hop between: a finance officer posts an entry, which the
 * accounts subgraph submits to administration's approvals inbox over HTTP (as the signed accounts service); nobody
 * else can decide it but a second finance officer; their approval goes through administration's outbox and the queue
 * to accounts, which posts the entry (maker, checker and request recorded) and reports back through its own outbox,
 * and the inbox shows the request EXECUTED.
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

const POST = `mutation($input: PostJournalEntryInput!) {
  postJournalEntry(input: $input) { entry { id } approvalRequest { id kind subgraph status summary officeCode maker { username } payload } }
}`;
const APPROVE = 'mutation($id: ID!, $comment: String) { approve(id: $id, comment: $comment) { id status checker { username } } }';
const REQUEST = 'query($id: ID!) { approvalRequest(id: $id) { id status result executedAt } }';
const ENTRY = `query($id: ID!) {
  journalEntry(id: $id) {
    id officeCode effectiveDate description source { type reference }
    actor { kind username } approvedBy { kind username } approvalRequest { id status }
    postings { line accountCode side amount { amount currency } }
  }
}`;
const ENTRIES = `query($filter: JournalEntryFilter) { journalEntries(filter: $filter, first: 20) { edges { node { id approvedBy { username } } } } }`;
const ACCOUNT = 'query($code: ID!) { account(code: $code) { code balance { amount currency } } }';

const input = {
  idempotencyKey: 'mj-ndgpo-upi-commission-1',
  officeCode: 'NDGPO',
  description: 'UPI commission for 21 November received but not posted',
  source: { type: 'MANUAL', reference: 'NDGPO/MJ/0001' },
  postings: [
    { accountCode: 'NDGPO:1400', side: 'DEBIT', amount: '1050.00' },
    { accountCode: 'NDGPO:4100', side: 'CREDIT', amount: '1050.00' },
  ],
};

let requestId = '';
let entryId = '';

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['finance', 'finance2', 'clerk']) tokens[username] = await login(username);
  // The demo offices reach the ledger through administration's outbox: wait for the GPO's chart.
  await waitFor(async () => (((await call('finance', ACCOUNT, { code: 'NDGPO:1400' })).data as any)?.account ? true : undefined), {
    what: "NDGPO's ledger accounts",
    timeoutMs: 20_000,
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('a manual journal through the approvals inbox', () => {
  it('is not for a counter clerk, who holds no journal.manual.submit', async () => {
    const response = await call('clerk', POST, { input: { ...input, idempotencyKey: 'mj-clerk-1' } });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('is posted by a finance officer as a PENDING approval request, not yet an entry', async () => {
    const response = await call('finance', POST, { input });
    expect(response.errors).toBeUndefined();
    const { entry, approvalRequest } = (response.data as any).postJournalEntry;
    expect(entry).toBeNull();
    expect(approvalRequest).toMatchObject({
      kind: 'MANUAL_JOURNAL',
      subgraph: 'accounts',
      status: 'PENDING',
      officeCode: 'NDGPO',
      maker: { username: 'finance' },
      payload: { operation: 'POST', command: { idempotencyKey: input.idempotencyKey, officeCode: 'NDGPO' } },
    });
    expect(approvalRequest.summary).toMatch(/^Manual journal at NDGPO, \d{4}-\d{2}-\d{2}: 1,050.00 INR, 2 postings — UPI commission/);
    requestId = approvalRequest.id;
    // Nothing is in the ledger yet.
    expect(((await call('finance', ACCOUNT, { code: 'NDGPO:1400' })).data as any).account.balance).toEqual({ amount: '0.00', currency: 'INR' });
  });

  it('cannot be approved by its maker, nor by a counter clerk', async () => {
    expect(errorCodes(await call('finance', APPROVE, { id: requestId }))).toEqual(['MAKER_CANNOT_APPROVE']);
    expect(errorCodes(await call('clerk', APPROVE, { id: requestId }))).toEqual(['FORBIDDEN']);
  });

  it('is posted once a second finance officer approves it, with maker, checker and request recorded, and reported EXECUTED', async () => {
    const approved = await call('finance2', APPROVE, { id: requestId, comment: 'Matches the UPI settlement report' });
    expect(approved.errors).toBeUndefined();
    expect((approved.data as any).approve).toMatchObject({ status: 'APPROVED', checker: { username: 'finance2' } });

    const executed = await waitFor(
      async () => {
        const request = ((await call('finance2', REQUEST, { id: requestId })).data as any)?.approvalRequest;
        return request?.status === 'EXECUTED' || request?.status === 'FAILED' ? request : undefined;
      },
      { what: 'the manual journal to be executed', timeoutMs: 20_000 },
    );
    expect(executed).toMatchObject({ status: 'EXECUTED', result: { entryId: expect.any(String) } });
    expect(executed.executedAt).not.toBeNull();
    entryId = executed.result.entryId;

    const entry = ((await call('finance', ENTRY, { id: entryId })).data as any).journalEntry;
    expect(entry).toMatchObject({
      id: entryId,
      officeCode: 'NDGPO',
      description: input.description,
      source: { type: 'MANUAL', reference: 'NDGPO/MJ/0001' },
      actor: { kind: 'staff', username: 'finance' },
      approvedBy: { kind: 'staff', username: 'finance2' },
      approvalRequest: { id: requestId, status: 'EXECUTED' },
      postings: [
        { line: 1, accountCode: 'NDGPO:1400', side: 'DEBIT', amount: { amount: '1050.00', currency: 'INR' } },
        { line: 2, accountCode: 'NDGPO:4100', side: 'CREDIT', amount: { amount: '1050.00', currency: 'INR' } },
      ],
    });
    const listed = ((await call('finance2', ENTRIES, { filter: { officeCode: 'NDGPO', sourceType: 'MANUAL' } })).data as any).journalEntries.edges;
    expect(listed.map((edge: any) => edge.node)).toContainEqual({ id: entryId, approvedBy: { username: 'finance2' } });
    expect(((await call('finance', ACCOUNT, { code: 'NDGPO:1400' })).data as any).account.balance).toEqual({ amount: '1050.00', currency: 'INR' });
    // Decided once: a second approval is refused.
    expect(errorCodes(await call('finance2', APPROVE, { id: requestId }))).toEqual(['APPROVAL_NOT_PENDING']);
  });

  it('left an audit trail: submitted, refused to the maker and the clerk, approved, posted, executed', async () => {
    const actions = await waitFor(
      async () => {
        const rows = rowsOf<{ action: string; actor_username: string | null }>(
          await stack.testDatabase.database.db.execute(sql`
            select action, actor_username from administration.audit_events
            where target_id in (${requestId}, ${entryId})
            order by occurred_at, id`),
        );
        const seen = rows.map((row) => `${row.action}:${row.actor_username ?? '-'}`);
        return seen.includes('MANUAL_JOURNAL_POSTED:-') && seen.includes('APPROVAL_EXECUTED:-') ? seen : undefined;
      },
      { what: 'the audit events of the manual journal', timeoutMs: 20_000 },
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'APPROVAL_SUBMITTED:finance',
        'APPROVAL_APPROVE_REFUSED:finance',
        'APPROVAL_APPROVE_REFUSED:clerk',
        'APPROVAL_APPROVED:finance2',
        'MANUAL_JOURNAL_POSTED:-',
        'APPROVAL_EXECUTED:-',
      ]),
    );
  });
});
