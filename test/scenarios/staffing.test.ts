import { waitFor } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, temporaryPasswordOf, type TestStack } from '../support/stack.js';

/**
 * Staffing the network, end to end through the gateway (issue 8, point 2): an administrator takes on a new member
 * of staff and asks for COUNTER_CLERK, a role administrators do not hold themselves but may grant (delegation is data:
 * administration.role_delegations); a second administrator approves; the grant executes; the newcomer signs in with
 * the temporary password that reached them through the notifier, chooses their own, and works as a clerk. A finance
 * officer, whose roles grant nothing, cannot ask for a grant at all.
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

const GRANT = 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id status payload } }';

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['admin', 'admin2', 'finance']) tokens[username] = await login(username);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('an administrator staffs a post office', () => {
  let requestId = '';

  it('takes on a newcomer and asks for COUNTER_CLERK, which administrators may grant without holding it', async () => {
    const created = await call('admin', 'mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id roles } temporaryPasswordSentTo { channel } } }', {
      input: { employeeId: '20250001', username: 'anita.rao', name: 'Anita Rao', officeCode: 'NDGPO-CP' },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createStaff).toMatchObject({ staff: { roles: [] }, temporaryPasswordSentTo: { channel: 'MEMORY' } });
    const asked = await call('admin', GRANT, { input: { username: 'anita.rao', role: 'COUNTER_CLERK' } });
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.grantRole).toMatchObject({ status: 'PENDING', payload: { username: 'anita.rao', role: 'COUNTER_CLERK', officeCode: 'NDGPO-CP' } });
    requestId = asked.data!.grantRole.id;
  });

  it('refuses a finance officer, whose roles may not grant (FORBIDDEN: no role.grant)', async () => {
    expect(errorCodes(await call('finance', GRANT, { input: { username: 'anita.rao', role: 'POSTMAN' } }))).toEqual(['FORBIDDEN']);
  });

  it('is approved by the second administrator and executed', async () => {
    const approved = await call('admin2', 'mutation($id: ID!) { approve(id: $id) { status checker { username } } }', { id: requestId });
    expect(approved.data).toEqual({ approve: { status: 'APPROVED', checker: { username: 'admin2' } } });
    await waitFor(async () => {
      const status = (await call('admin2', 'query($id: ID!) { approvalRequest(id: $id) { status } }', { id: requestId })).data!.approvalRequest.status;
      return status === 'EXECUTED' ? status : undefined;
    }, { timeoutMs: 20_000 });
  });

  it('lets the newcomer sign in with the password that reached them, choose their own, and work as a clerk', async () => {
    const temporary = temporaryPasswordOf(stack, 'anita.rao');
    tokens.anita = await login('anita.rao', temporary);
    const changed = await call('anita', 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { staff { mustChangePassword } token } }', {
      c: temporary,
      n: 'Connaught-Place-Counter-1',
    });
    expect(changed.data?.changePassword.staff).toEqual({ mustChangePassword: false });
    // The temporary session holds no permission; the fresh token the change answers carries the clerk's.
    tokens.anita = changed.data!.changePassword.token;
    expect((await call('anita', '{ me { username roles office { code } } }')).data).toEqual({
      me: { username: 'anita.rao', roles: ['COUNTER_CLERK'], office: { code: 'NDGPO-CP' } },
    });
    // A clerk's own-office permission, which a member of staff with no roles does not have.
    const quote = await call('anita', '{ moneyOrderQuote(amount: "1000") { total { amount } } }');
    expect(quote.errors).toBeUndefined();
  });
});
