import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, temporaryPasswordOf, type TestStack } from '../support/stack.js';

/**
 * Staff management end to end, through the gateway: an administrator takes someone on, the temporary password goes
 * to the newcomer alone (the notifier; the administrator's answer says only where), signs in once and must be replaced, a suspension stops sign-in, and a counter clerk cannot manage anyone.
 */
let stack: TestStack;
const tokens: Record<string, string> = {};

async function login(username: string, password = 'demo') {
  return graphql(stack.gatewayUrl, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token staff { username mustChangePassword } } }', {
    variables: { u: username, p: password },
  });
}

const call = (who: string, query: string, variables?: Record<string, unknown>) =>
  graphql(stack.gatewayUrl, query, { token: tokens[who]!, ...(variables ? { variables } : {}) });

const CREATE = `mutation($input: CreateStaffInput!) {
  createStaff(input: $input) { temporaryPasswordSentTo { channel address } staff { id employeeId username mobile roles status mustChangePassword office { code name } } }
}`;

let newcomerId = '';
let temporaryPassword = '';

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['admin', 'clerk', 'finance']) tokens[username] = (await login(username)).data!.login.token;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('taking someone on', () => {
  it('an administrator creates a member of staff with no roles; the temporary password goes to her, not to the administrator', async () => {
    const response = await call('admin', CREATE, {
      input: { employeeId: '20240001', username: 'Priya.Nair', name: 'Priya Nair', officeCode: 'NDGPO-CP', mobile: '+919812345678' },
    });
    expect(response.errors).toBeUndefined();
    const created = response.data!.createStaff;
    expect(created.staff).toMatchObject({
      employeeId: '20240001',
      username: 'priya.nair',
      mobile: '+919812345678',
      roles: [],
      status: 'ACTIVE',
      mustChangePassword: true,
      office: { code: 'NDGPO-CP', name: 'Connaught Place SO' },
    });
    expect(created.temporaryPasswordSentTo).toEqual({ channel: 'MEMORY', address: 'priya.nair' });
    newcomerId = created.staff.id;
    temporaryPassword = temporaryPasswordOf(stack, 'priya.nair');
    expect(temporaryPassword).toMatch(/^[A-Z2-9]{12}$/);
    // Nowhere in what the administrator got back.
    expect(JSON.stringify(response)).not.toContain(temporaryPassword);
    // The username is now taken, whatever the case it is typed in.
    expect(errorCodes(await call('admin', CREATE, { input: { employeeId: '20240002', username: 'priya.nair', name: 'P', officeCode: 'NDGPO' } }))).toEqual([
      'USERNAME_TAKEN',
    ]);
  });

  it('the temporary password signs in once, and me says it must be changed', async () => {
    const first = await login('priya.nair', temporaryPassword);
    expect(first.errors).toBeUndefined();
    tokens.priya = first.data!.login.token;
    const me = await call('priya', '{ me { username mustChangePassword roles office { code } } }');
    expect(me.data).toEqual({ me: { username: 'priya.nair', mustChangePassword: true, roles: [], office: { code: 'NDGPO-CP' } } });
    expect(errorCodes(await login('priya.nair', temporaryPassword))).toEqual(['TEMPORARY_PASSWORD_USED']);
  });

  it('changePassword enforces the rules, then the new password is the only one that works', async () => {
    const change = (current: string, next: string) =>
      call('priya', 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { staff { mustChangePassword } } }', { c: current, n: next });
    const weak = await change(temporaryPassword, 'short');
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword', details: { problems: ['TOO_SHORT'] } });
    expect(errorCodes(await change('not it at all', 'Connaught-Place-2026'))).toEqual(['WRONG_PASSWORD']);
    expect((await change(temporaryPassword, 'Connaught-Place-2026')).data).toEqual({ changePassword: { staff: { mustChangePassword: false } } });
    expect(errorCodes(await login('priya.nair', temporaryPassword))).toEqual(['INVALID_CREDENTIALS']);
    const signedIn = await login('priya.nair', 'Connaught-Place-2026');
    expect(signedIn.data!.login.staff).toEqual({ username: 'priya.nair', mustChangePassword: false });
    tokens.priya = signedIn.data!.login.token;
  });
});

describe('a password reset', () => {
  it('cannot be used to become someone else: the new password reaches only its owner', async () => {
    // The attack this closes: one administrator resets a second administrator's password, signs in as them and
    // approves their own request. The reset's answer carries no password, only where it went.
    const admin2 = (await call('admin', '{ staffMembers(filter: { search: "admin2" }) { edges { node { id } } } }')).data!.staffMembers.edges[0].node.id;
    const reset = await call('admin', 'mutation($id: ID!) { resetPassword(id: $id) { temporaryPasswordSentTo { channel address } staff { username mustChangePassword } } }', {
      id: admin2,
    });
    expect(reset.errors).toBeUndefined();
    expect(reset.data!.resetPassword).toEqual({ temporaryPasswordSentTo: { channel: 'MEMORY', address: 'admin2' }, staff: { username: 'admin2', mustChangePassword: true } });
    const sent = temporaryPasswordOf(stack, 'admin2');
    expect(JSON.stringify(reset)).not.toContain(sent);
    // The old password is gone; the new one is admin2's, to sign in once and replace.
    expect(errorCodes(await login('admin2', 'demo'))).toEqual(['INVALID_CREDENTIALS']);
    expect((await login('admin2', sent)).data!.login.staff).toEqual({ username: 'admin2', mustChangePassword: true });
  });
});

describe('managing staff', () => {
  it('moves someone and keeps the history, with who did it', async () => {
    const moved = await call('admin', 'mutation($id: ID!) { assignStaff(id: $id, officeCode: "NDGPO-KB") { office { code } } }', { id: newcomerId });
    expect(moved.data).toEqual({ assignStaff: { office: { code: 'NDGPO-KB' } } });
    const history = await call('finance', 'query($id: ID!) { staff(id: $id) { assignments { office { code } to assignedBy { username } } } }', { id: newcomerId });
    // The circle administrator is above the divisional finance officer's scope: who moved her is not theirs to see.
    expect(history.data).toEqual({
      staff: {
        assignments: [
          { office: { code: 'NDGPO-KB' }, to: null, assignedBy: null },
          { office: { code: 'NDGPO-CP' }, to: expect.any(String), assignedBy: null },
        ],
      },
    });
    const asAdmin = await call('admin', 'query($id: ID!) { staff(id: $id) { assignments(first: 1) { assignedBy { username } } } }', { id: newcomerId });
    expect(asAdmin.data).toEqual({ staff: { assignments: [{ assignedBy: { username: 'admin' } }] } });
  });

  it('a suspension stops sign-in at once and ends the live session; reinstating lets them back', async () => {
    const suspended = await call('admin', 'mutation($id: ID!) { suspendStaff(id: $id, reason: "inquiry") { status suspensionReason } }', { id: newcomerId });
    expect(suspended.data).toEqual({ suspendStaff: { status: 'SUSPENDED', suspensionReason: 'inquiry' } });
    expect(errorCodes(await login('priya.nair', 'Connaught-Place-2026'))).toEqual(['INVALID_CREDENTIALS']);
    expect(errorCodes(await call('priya', '{ me { username } }'))).toEqual(['UNAUTHENTICATED']);
    await call('admin', 'mutation($id: ID!) { reinstateStaff(id: $id) { status } }', { id: newcomerId });
    expect((await login('priya.nair', 'Connaught-Place-2026')).errors).toBeUndefined();
  });

  it('a counter clerk cannot manage or list staff, and cannot see anyone but themselves', async () => {
    expect(errorCodes(await call('clerk', CREATE, { input: { employeeId: '20240003', username: 'x.y', name: 'X Y', officeCode: 'NDGPO' } }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await call('clerk', 'mutation($id: ID!) { suspendStaff(id: $id, reason: "x") { id } }', { id: newcomerId }))).toEqual([
      'STAFF_NOT_FOUND',
    ]);
    expect(errorCodes(await call('clerk', '{ staffMembers { edges { node { username } } } }'))).toEqual(['FORBIDDEN']);
    expect((await call('clerk', 'query($id: ID!) { staff(id: $id) { username } }', { id: newcomerId })).data).toEqual({ staff: null });
  });

  it('lists staff in scope with filters and keyset pages', async () => {
    const query = 'query($f: StaffFilter, $after: String) { staffMembers(filter: $f, first: 2, after: $after) { edges { node { username } } pageInfo { hasNextPage endCursor } } }';
    const first = await call('finance', query, { f: { officeCode: 'NDGPO', role: 'POSTMAN' } });
    expect(first.data!.staffMembers.edges.map((edge: any) => edge.node.username)).toEqual(['postman', 'postman2']);
    const next = await call('finance', query, { f: { officeCode: 'NDGPO', role: 'POSTMAN' }, after: first.data!.staffMembers.pageInfo.endCursor });
    expect(next.data!.staffMembers).toEqual({ edges: [{ node: { username: 'postman3' } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } });
    const otherDivision = await call('finance', query, { f: { underCode: 'DL-NWD' } });
    expect(otherDivision.data!.staffMembers.edges).toEqual([]);
  });
});
