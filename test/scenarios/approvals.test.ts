import { createHash } from 'node:crypto';
import { signIdentity } from '@postal/auth';
import { canonicalJson } from '@postal/events';
import { rowsOf } from '@postal/db';
import { waitFor } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Maker-checker end to end, through the gateway: an administrator asks for a role grant, cannot approve it
 * themselves, a second administrator approves it, and the grant is executed once the approval.decided event has gone
 * through the outbox and the queue. A counter clerk sees nothing of the inbox. A subgraph submits its own kind over
 * HTTP with a signed service identity, and the request resolves as a federation entity.
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

const REQUEST_FIELDS = 'id kind subgraph status summary payload payloadHash maker { username } checker { username } officeCode office { code } comment result createdAt decidedAt executedAt expiresAt';
const GRANT = `mutation($input: GrantRoleInput!) { grantRole(input: $input) { ${REQUEST_FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $comment: String) { approve(id: $id, comment: $comment) { ${REQUEST_FIELDS} } }`;
const ONE = `query($id: ID!) { approvalRequest(id: $id) { ${REQUEST_FIELDS} } }`;
const INBOX = `query($filter: ApprovalRequestFilter) { approvalRequests(filter: $filter, first: 20) { edges { node { id kind status maker { username } } } pageInfo { hasNextPage } } }`;

let grantId = '';

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['admin', 'admin2', 'clerk', 'finance2']) tokens[username] = await login(username);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('a role grant through the approvals inbox', () => {
  it('is asked for by an administrator and answered as a PENDING request', async () => {
    const response = await call('admin', GRANT, { input: { username: 'finance', role: 'ADMIN' } });
    expect(response.errors).toBeUndefined();
    const request = (response.data as any).grantRole;
    expect(request).toMatchObject({
      kind: 'ROLE_GRANT',
      subgraph: 'administration',
      status: 'PENDING',
      maker: { username: 'admin' },
      checker: null,
      officeCode: 'DL-NDC',
      office: { code: 'DL-NDC' },
      payload: { username: 'finance', role: 'ADMIN', officeCode: 'DL-NDC' },
    });
    expect(request.payloadHash).toMatch(/^[0-9a-f]{64}$/);
    grantId = request.id;
  });

  it('refuses what the rules forbid: a grant to oneself, a role already held, a grantor without role.grant', async () => {
    expect(errorCodes(await call('admin', GRANT, { input: { username: 'admin', role: 'ADMIN' } }))).toEqual(['CANNOT_CHANGE_OWN_ROLES']);
    expect(errorCodes(await call('admin', GRANT, { input: { username: 'admin2', role: 'ADMIN' } }))).toEqual(['ROLE_ALREADY_HELD']);
    expect(errorCodes(await call('clerk', GRANT, { input: { username: 'postman', role: 'COUNTER_CLERK' } }))).toEqual(['FORBIDDEN']);
  });

  it('cannot be approved by its maker', async () => {
    const response = await call('admin', APPROVE, { id: grantId });
    expect(errorCodes(response)).toEqual(['MAKER_CANNOT_APPROVE']);
    expect(response.data).toBeNull();
  });

  it('is invisible to a counter clerk, who cannot decide it either', async () => {
    const inbox = await call('clerk', INBOX);
    expect(inbox.errors).toBeUndefined();
    expect((inbox.data as any).approvalRequests.edges).toEqual([]);
    expect((await call('clerk', ONE, { id: grantId })).data).toEqual({ approvalRequest: null });
    expect(errorCodes(await call('clerk', APPROVE, { id: grantId }))).toEqual(['FORBIDDEN']);
  });

  it('is in the second administrator\'s inbox, and their approval is executed through the event path', async () => {
    const inbox = await call('admin2', INBOX, { filter: { status: 'PENDING', kind: 'ROLE_GRANT' } });
    expect((inbox.data as any).approvalRequests.edges.map((edge: any) => edge.node.id)).toContain(grantId);

    const approved = await call('admin2', APPROVE, { id: grantId, comment: 'Acting divisional head while on leave cover' });
    expect(approved.errors).toBeUndefined();
    expect((approved.data as any).approve).toMatchObject({ status: 'APPROVED', checker: { username: 'admin2' }, comment: 'Acting divisional head while on leave cover' });

    const executed = await waitFor(
      async () => {
        const request = ((await call('admin2', ONE, { id: grantId })).data as any).approvalRequest;
        return request.status === 'EXECUTED' ? request : undefined;
      },
      { what: 'the role grant to be executed', timeoutMs: 20_000 },
    );
    expect(executed.result).toMatchObject({ username: 'finance', role: 'ADMIN', rolesAfter: ['FINANCE_OFFICER', 'ADMIN'] });
    expect(executed.executedAt).not.toBeNull();
    // The grantee holds the role from their next sign-in.
    tokens.finance = await login('finance');
    expect(((await call('finance', '{ me { roles } }')).data as any).me.roles).toEqual(['FINANCE_OFFICER', 'ADMIN']);
    // A second approval is refused: the request is no longer pending.
    expect(errorCodes(await call('admin2', APPROVE, { id: grantId }))).toEqual(['APPROVAL_NOT_PENDING']);
  });

  it('left an audit trail of every step', async () => {
    const actions = await waitFor(
      async () => {
        const rows = rowsOf<{ action: string; actor_username: string | null }>(
          await stack.testDatabase.database.db.execute(sql`
            select action, actor_username from administration.audit_events
            where target_id = ${grantId}
               or (target_type = 'Staff' and target_id = (select id::text from administration.staff where username = 'finance'))
            order by occurred_at, id`),
        );
        const seen = rows.map((row) => `${row.action}:${row.actor_username ?? '-'}`);
        return seen.some((entry) => entry.startsWith('ROLE_GRANTED')) && seen.some((entry) => entry.startsWith('APPROVAL_EXECUTED')) ? seen : undefined;
      },
      { what: 'the audit events of the grant', timeoutMs: 20_000 },
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'ROLE_GRANT_REQUESTED:admin',
        'APPROVAL_SUBMITTED:admin',
        'APPROVAL_APPROVE_REFUSED:admin',
        'APPROVAL_APPROVE_REFUSED:clerk',
        'APPROVAL_APPROVED:admin2',
        'APPROVAL_EXECUTED:-',
        'ROLE_GRANTED:-',
      ]),
    );
  });
});

describe('a request altered in the database', () => {
  it('is refused PAYLOAD_TAMPERED at approval when a superuser rewrote payload and hash (a plain SHA-256 recomputed)', async () => {
    const asked = await call('admin', GRANT, { input: { username: 'postman2', role: 'COUNTER_CLERK' } });
    expect(asked.errors).toBeUndefined();
    const request = (asked.data as any).grantRole;
    // Someone with the database but not the server secret: the grant becomes ADMIN, the "hash" recomputed to match.
    const altered = { ...request.payload, role: 'ADMIN' };
    const forged = createHash('sha256').update(canonicalJson(altered), 'utf8').digest('hex');
    await stack.testDatabase.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update administration.approval_requests set payload = ${JSON.stringify(altered)}::jsonb, payload_hash = ${forged} where id = ${request.id}`);
    });
    expect(errorCodes(await call('admin2', APPROVE, { id: request.id }))).toEqual(['PAYLOAD_TAMPERED']);
    expect(((await call('admin2', ONE, { id: request.id })).data as any).approvalRequest).toMatchObject({ status: 'PENDING', payloadHash: forged });
  });
});

describe('a request submitted by another subgraph', () => {
  const SUBMIT = `mutation($input: SubmitApprovalRequestInput!) { submitApprovalRequest(input: $input) { id status kind subgraph maker { username } } }`;
  let journalId = '';

  it('is refused to staff calling through the gateway', async () => {
    const financeId = rowsOf<{ id: string }>(await stack.testDatabase.database.db.execute(sql`select id from administration.staff where username = 'finance2'`))[0]!.id;
    const input = { kind: 'MANUAL_JOURNAL', summary: 'x', payload: { a: '1.00' }, officeCode: 'NDGPO', makerId: financeId };
    expect(errorCodes(await call('finance2', SUBMIT, { input }))).toEqual(['FORBIDDEN']);
  });

  it('is accepted from its owning subgraph with a signed service identity, and resolves as an entity', async () => {
    const financeId = rowsOf<{ id: string }>(await stack.testDatabase.database.db.execute(sql`select id from administration.staff where username = 'finance'`))[0]!.id;
    const response = await graphql(stack.subgraphs.administration.url, SUBMIT, {
      sign: (body) => signIdentity({ identity: { kind: 'service', service: 'accounts' }, requestId: 'svc-journal-1', clientAddress: undefined }, stack.secrets.identitySecret, { audience: 'administration', body }),
      variables: {
        input: {
          kind: 'MANUAL_JOURNAL',
          summary: 'Reclassify a commission posted to the wrong head',
          payload: { lines: [{ account: 'NDGPO:4100', debit: '15.00' }, { account: 'NDGPO:4200', credit: '15.00' }] },
          officeCode: 'NDGPO',
          makerId: financeId,
        },
      },
    });
    expect(response.errors).toBeUndefined();
    journalId = (response.data as any).submitApprovalRequest.id;
    expect((response.data as any).submitApprovalRequest).toMatchObject({ status: 'PENDING', kind: 'MANUAL_JOURNAL', subgraph: 'accounts', maker: { username: 'finance' } });

    const entities = await graphql(stack.subgraphs.administration.url, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ApprovalRequest { id kind status } } }', {
      sign: (body) => signIdentity({ identity: { kind: 'service', service: 'accounts' }, requestId: 'svc-journal-2', clientAddress: undefined }, stack.secrets.identitySecret, { audience: 'administration', body }),
      variables: { r: [{ __typename: 'ApprovalRequest', id: journalId }] },
    });
    expect(entities.data).toEqual({ _entities: [{ id: journalId, kind: 'MANUAL_JOURNAL', status: 'PENDING' }] });
  });

  it('is decided by a finance officer (journal.manual.approve), not by an administrator', async () => {
    expect(errorCodes(await call('admin2', APPROVE, { id: journalId }))).toEqual(['FORBIDDEN']);
    const approved = await call('finance2', APPROVE, { id: journalId });
    expect(approved.errors).toBeUndefined();
    // accounts executes manual journals (a later issue); until it reports back the request stays APPROVED.
    expect((approved.data as any).approve).toMatchObject({ status: 'APPROVED', checker: { username: 'finance2' } });
  });
});
