import { decodeJwt } from 'jose';
import { waitFor } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, temporaryPasswordOf, type TestStack } from '../support/stack.js';

/**
 * A biller's own people, end to end through the gateway (issue 12): the demo seller's clerk signs in and is bound to
 * BL000001 in the token, and sees nothing of the post office; an administrator takes on another of the seller's people
 * with createStaff's billerCode, may ask only for BILLER for them, a second administrator approves, and the newcomer
 * signs in bound to their biller.
 */
let stack: TestStack;
const tokens: Record<string, string> = {};

async function login(username: string, password = 'demo') {
  const response = await graphql(stack.gatewayUrl, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    variables: { u: username, p: password },
  });
  if (!response.data) throw new Error(`${username} cannot sign in: ${JSON.stringify(response.errors)}`);
  return (response.data as any).login.token as string;
}

const call = (who: string, query: string, variables?: Record<string, unknown>) =>
  graphql(stack.gatewayUrl, query, { token: tokens[who]!, ...(variables ? { variables } : {}) });

const ME = '{ me { username roles billerCode office { code } grants { permission scope } } }';
const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id status payload } }';

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['admin', 'admin2', 'seller.demo']) tokens[username] = await login(username);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe("the demo seller's clerk", () => {
  it('signs in bound to BL000001, with the BILLER role and cod.biller.self alone', async () => {
    expect(decodeJwt(tokens['seller.demo']!)).toMatchObject({ roles: ['BILLER'], biller: 'BL000001' });
    expect((await call('seller.demo', ME)).data).toEqual({
      me: { username: 'seller.demo', roles: ['BILLER'], billerCode: 'BL000001', office: { code: 'NDGPO' }, grants: [{ permission: 'cod.biller.self', scope: 'OWN_OFFICE' }] },
    });
  });

  it('sees nothing of the post office: offices, staff, ledger, approvals, quotes', async () => {
    const offices = await call('seller.demo', '{ office(code: "NDGPO") { code } offices { edges { node { code } } } }');
    expect(offices.data).toEqual({ office: null, offices: { edges: [] } });
    expect(errorCodes(await call('seller.demo', '{ staffMembers { edges { node { id } } } }'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('seller.demo', '{ codFeeQuote(codAmount: "1000") { fee { amount } } }'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('seller.demo', '{ trialBalance(asOf: "2026-11-20", officeCode: "NDGPO") { asOf } }'))).toEqual(['FORBIDDEN']);
    const approvals = await call('seller.demo', '{ approvalRequests { edges { node { id } } } }');
    expect(approvals.data?.approvalRequests.edges ?? []).toEqual([]);
  });
});

describe("an administrator takes on another of the seller's people", () => {
  let staffId = '';
  let requestId = '';

  it('creates them bound to the biller, and may ask for BILLER only', async () => {
    const created = await call('admin', 'mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id roles billerCode } } }', {
      input: { employeeId: '90000002', username: 'seller.accounts', name: 'Seller Accounts', officeCode: 'NDGPO', billerCode: 'BL000001' },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createStaff.staff).toMatchObject({ roles: [], billerCode: 'BL000001' });
    staffId = created.data!.createStaff.staff.id;
    expect(errorCodes(await call('admin', GRANT, { input: { username: 'seller.accounts', role: 'COUNTER_CLERK' } }))).toEqual(['BILLER_ROLE_ONLY']);
    expect(errorCodes(await call('admin', GRANT, { input: { username: 'clerk', role: 'BILLER' } }))).toEqual(['BILLER_CODE_REQUIRED']);
    const asked = await call('admin', GRANT, { input: { username: 'seller.accounts', role: 'BILLER' } });
    expect(asked.errors).toBeUndefined();
    requestId = asked.data!.grantRole.id;
  });

  it('is approved by the second administrator; then the binding is locked', async () => {
    expect((await call('admin2', 'mutation($id: ID!) { approve(id: $id) { status } }', { id: requestId })).data).toEqual({ approve: { status: 'APPROVED' } });
    await waitFor(async () => {
      const status = (await call('admin2', 'query($id: ID!) { approvalRequest(id: $id) { status } }', { id: requestId })).data!.approvalRequest.status;
      return status === 'EXECUTED' ? status : undefined;
    }, { timeoutMs: 20_000 });
    const rebind = await call('admin', 'mutation($id: ID!) { updateStaff(id: $id, input: { billerCode: "BL000002" }) { billerCode } }', { id: staffId });
    expect(errorCodes(rebind)).toEqual(['BILLER_BINDING_LOCKED']);
  });

  it('lets the newcomer sign in, choose a password, and act for their biller', async () => {
    const temporary = temporaryPasswordOf(stack, 'seller.accounts');
    tokens.newcomer = await login('seller.accounts', temporary);
    const changed = await call('newcomer', 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }', {
      c: temporary,
      n: 'Seller-Remittances-2026',
    });
    tokens.newcomer = changed.data!.changePassword.token;
    expect(decodeJwt(tokens.newcomer!)).toMatchObject({ roles: ['BILLER'], biller: 'BL000001' });
    expect((await call('newcomer', ME)).data!.me).toMatchObject({ roles: ['BILLER'], billerCode: 'BL000001' });
  });
});
