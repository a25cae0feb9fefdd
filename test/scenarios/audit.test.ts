import { waitFor } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The audit trail end to end: sign-ins go through administration's outbox and queue into the trail, the sealer chains
 * them, auditors and admins read and verify the trail through the gateway, and a row changed behind the system's back
 * in SQL is named by the verification.
 */
let stack: TestStack;
const tokens: Record<string, string> = {};

const TRAIL = `query($filter: AuditTrailFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    edges { node {
      id eventId source action outcome occurredAt reason requestId clientAddress officeCode
      actor { kind username roles officeCode }
      target { type id }
      seal { position hash previousHash }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const VERIFY = `{ verifyAuditTrail { ok checked unsealed firstBrokenRecord { id position reason } sealedUpTo { position hash sealedAt } } }`;

async function login(username: string, password = 'demo', headers: Record<string, string> = {}) {
  return graphql(stack.gatewayUrl, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    variables: { u: username, p: password },
    headers,
  });
}

async function trail(token: string, variables: Record<string, unknown> = {}) {
  return graphql(stack.gatewayUrl, TRAIL, { token, variables });
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['auditor', 'admin', 'clerk']) {
    const response = await login(username, 'demo', { 'x-request-id': `audit-scenario-${username}` });
    tokens[username] = (response.data as any).login.token;
  }
  expect(errorCodes(await login('clerk', 'wrong-password'))).toEqual(['INVALID_CREDENTIALS']);
  expect(errorCodes(await login('nobody-at-all', 'demo'))).toEqual(['INVALID_CREDENTIALS']);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('the audit trail through the gateway', () => {
  it('lists the sign-ins, sealed, to an auditor, newest first', async () => {
    const nodes = await waitFor(
      async () => {
        const response = await trail(tokens.auditor!, { first: 100 });
        expect(response.errors).toBeUndefined();
        const found = (response.data as any).auditTrail.edges.map((edge: any) => edge.node);
        const logins = found.filter((node: any) => node.action.startsWith('LOGIN_'));
        return logins.length >= 5 && logins.every((node: any) => node.seal !== null) ? found : undefined;
      },
      { what: 'the sign-ins to be stored and sealed', timeoutMs: 20_000 },
    );
    expect(nodes).toContainEqual(
      expect.objectContaining({
        source: 'administration',
        action: 'LOGIN_SUCCEEDED',
        outcome: 'SUCCESS',
        requestId: 'audit-scenario-clerk',
        officeCode: 'NDGPO',
        actor: expect.objectContaining({ kind: 'STAFF', username: 'clerk', roles: ['COUNTER_CLERK'], officeCode: 'NDGPO' }),
        target: expect.objectContaining({ type: 'Staff' }),
      }),
    );
    expect(nodes).toContainEqual(expect.objectContaining({ action: 'LOGIN_FAILED', reason: 'WRONG_PASSWORD', actor: expect.objectContaining({ username: 'clerk' }) }));
    // No office: shown to the circle auditor, whose scope is the whole tree.
    expect(nodes).toContainEqual(expect.objectContaining({ action: 'LOGIN_FAILED', reason: 'UNKNOWN_USER', officeCode: null }));
    const times = nodes.map((node: any) => Date.parse(node.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(nodes.every((node: any) => /^[0-9a-f]{64}$/.test(node.seal.hash))).toBe(true);
  });

  it('lets an admin filter it, and pages it with cursors', async () => {
    const response = await trail(tokens.admin!, { filter: { actor: 'clerk', action: 'LOGIN_SUCCEEDED' } });
    expect(response.errors).toBeUndefined();
    const edges = (response.data as any).auditTrail.edges;
    expect(edges.map((edge: any) => [edge.node.actor.username, edge.node.action])).toEqual([['clerk', 'LOGIN_SUCCEEDED']]);

    const first = (await trail(tokens.admin!, { first: 2 })).data as any;
    const second = (await trail(tokens.admin!, { first: 2, after: first.auditTrail.pageInfo.endCursor })).data as any;
    const ids = [...first.auditTrail.edges, ...second.auditTrail.edges].map((edge: any) => edge.node.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('refuses a counter clerk', async () => {
    const response = await trail(tokens.clerk!);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graphql(stack.gatewayUrl, VERIFY, { token: tokens.clerk! }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graphql(stack.gatewayUrl, TRAIL))).toEqual(['UNAUTHENTICATED']);
  });

  it('verifies the chain, and names the record a SQL UPDATE changed behind its back', async () => {
    const intact = await waitFor(
      async () => {
        const response = await graphql(stack.gatewayUrl, VERIFY, { token: tokens.auditor! });
        expect(response.errors).toBeUndefined();
        const result = (response.data as any).verifyAuditTrail;
        return result.unsealed === 0 ? result : undefined;
      },
      { what: 'everything to be sealed', timeoutMs: 20_000 },
    );
    expect(intact).toMatchObject({ ok: true, firstBrokenRecord: null, sealedUpTo: { position: String(intact.checked) } });
    expect(intact.checked).toBeGreaterThanOrEqual(5);

    const clerkLogin = ((await trail(tokens.auditor!, { filter: { actor: 'clerk', action: 'LOGIN_SUCCEEDED' } })).data as any).auditTrail.edges[0].node;
    // An intruder with superuser rights: triggers off for this transaction, then an UPDATE.
    await stack.testDatabase.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update administration.audit_events set client_address = '203.0.113.66' where id = ${Number(clerkLogin.id)}`);
    });
    // The append-only trigger is back for everyone else.
    await expect(
      stack.testDatabase.database.db.execute(sql`update administration.audit_events set reason = 'x' where id = ${Number(clerkLogin.id)}`),
    ).rejects.toThrow();

    const broken = (await graphql(stack.gatewayUrl, VERIFY, { token: tokens.admin! })).data as any;
    expect(broken.verifyAuditTrail).toMatchObject({
      ok: false,
      firstBrokenRecord: { id: clerkLogin.id, position: clerkLogin.seal.position, reason: 'HASH_MISMATCH' },
    });
  });
});
