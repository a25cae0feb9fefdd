import { signIdentity } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { waitFor } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The foundation end to end: the four subgraphs and the gateway on free ports, driven over real HTTP the way a
 * client drives them.
 */
let stack: TestStack;
const tokens: Record<string, string> = {};

async function login(username: string, password = 'demo') {
  return graphql(stack.gatewayUrl, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt staff { username roles } } }', {
    variables: { u: username, p: password },
  });
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['clerk', 'admin', 'finance']) {
    const response = await login(username);
    tokens[username] = (response.data as any).login.token;
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('health', () => {
  it('answers 200 when every subgraph answers', async () => {
    const response = await fetch(stack.healthUrl);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

describe('login and me', () => {
  it('signs in and answers who the caller is, across two subgraphs', async () => {
    const query = '{ me { username roles office { code name ledgerAccounts { code name type balance { amount currency } } } } }';
    // The chart is opened by the accounts subgraph when it hears office.created through the outbox and queue.
    const me = await waitFor(
      async () => {
        const response = await graphql(stack.gatewayUrl, query, { token: tokens.clerk });
        expect(response.errors).toBeUndefined();
        const data = response.data as any;
        return data.me.office.ledgerAccounts.length > 0 ? data.me : undefined;
      },
      { what: 'the head office chart of accounts', timeoutMs: 20_000 },
    );
    expect(me).toMatchObject({ username: 'clerk', roles: ['COUNTER_CLERK'], office: { code: 'NDGPO', name: 'New Delhi GPO' } });
    expect(me.office.ledgerAccounts).toContainEqual({
      code: 'NDGPO:1100',
      name: 'Cash on hand, New Delhi GPO',
      type: 'ASSET',
      balance: { amount: '0.00', currency: 'INR' },
    });
  });

  it('refuses a wrong password with a stable code and no data', async () => {
    const response = await login('clerk', 'not-the-password');
    expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
    expect(response.data).toBeNull();
  });

  it('answers an unknown user exactly as a wrong password', async () => {
    const response = await login('nobody-here', 'demo');
    expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) codes.push(...errorCodes(await login('postman', 'wrong')));
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    expect(errorCodes(await login('postman', 'demo'))).toEqual(['ACCOUNT_LOCKED']);
  });

  it('refuses me without a token, and a forged token', async () => {
    expect(errorCodes(await graphql(stack.gatewayUrl, '{ me { username } }'))).toEqual(['UNAUTHENTICATED']);
    const forged = `${tokens.clerk!.slice(0, -4)}AAAA`;
    const response = await graphql(stack.gatewayUrl, '{ me { username } }', { token: forged });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('records every login, success and failure, in the audit trail through the outbox', async () => {
    // A request id given by the client is carried from the gateway into the subgraph and onto the audit record.
    const traced = await graphql(stack.gatewayUrl, 'mutation { login(username: "finance2", password: "demo") { token } }', {
      headers: { 'x-request-id': 'scenario-trace-1' },
    });
    expect(traced.errors).toBeUndefined();
    const rows = await waitFor(
      async () => {
        const result = rowsOf<{ action: string; actor_username: string; reason: string | null; request_id: string | null }>(
          await stack.testDatabase.database.db.execute(
            sql`select action, actor_username, reason, request_id from administration.audit_events order by id`,
          ),
        );
        const failures = result.filter((row) => row.action === 'LOGIN_FAILED');
        return failures.length >= 7 && result.some((row) => row.request_id === 'scenario-trace-1') ? result : undefined;
      },
      { what: 'audit events', timeoutMs: 20_000 },
    );
    expect(rows).toContainEqual(expect.objectContaining({ action: 'LOGIN_SUCCEEDED', actor_username: 'clerk' }));
    expect(rows).toContainEqual(
      expect.objectContaining({ action: 'LOGIN_SUCCEEDED', actor_username: 'finance2', request_id: 'scenario-trace-1' }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ action: 'LOGIN_FAILED', actor_username: 'clerk', reason: 'WRONG_PASSWORD' }));
    expect(rows).toContainEqual(expect.objectContaining({ action: 'LOGIN_FAILED', actor_username: 'nobody-here', reason: 'UNKNOWN_USER' }));
    expect(rows).toContainEqual(expect.objectContaining({ action: 'LOGIN_FAILED', actor_username: 'postman', reason: 'LOCKED' }));
    expect(rows.every((row) => typeof row.request_id === 'string' && row.request_id.length > 0)).toBe(true);
  });
});

describe('offices', () => {
  const officesQuery = 'query($first: Int, $after: String) { offices(first: $first, after: $after) { edges { node { code type parent { code } } } pageInfo { hasNextPage endCursor } } }';

  it('lists only the offices in the caller scope', async () => {
    const clerk = (await graphql(stack.gatewayUrl, officesQuery, { token: tokens.clerk })).data as any;
    expect(clerk.offices.edges.map((edge: any) => edge.node.code)).toEqual(['NDGPO', 'NDGPO-CP', 'NDGPO-KB']);
    const admin = (await graphql(stack.gatewayUrl, officesQuery, { token: tokens.admin })).data as any;
    expect(admin.offices.edges.map((edge: any) => edge.node.code)).toEqual([
      'ASVHO', 'ASVHO-AL', 'ASVHO-AL-BK', 'ASVHO-AL-TG', 'DL', 'DL-NDC', 'DL-NWD', 'NDGPO',
      'NDGPO-CP', 'NDGPO-KB', 'SMHO', 'SMHO-NA', 'SMHO-NA-RB', 'SMHO-NA-TK', 'SMHO-PC',
    ]);
  });

  it('pages with keyset cursors', async () => {
    const first = (await graphql(stack.gatewayUrl, officesQuery, { token: tokens.admin, variables: { first: 2 } })).data as any;
    expect(first.offices.edges.map((edge: any) => edge.node.code)).toEqual(['ASVHO', 'ASVHO-AL']);
    expect(first.offices.pageInfo.hasNextPage).toBe(true);
    const after = first.offices.pageInfo.endCursor;
    const second = (await graphql(stack.gatewayUrl, officesQuery, { token: tokens.admin, variables: { first: 2, after } })).data as any;
    expect(second.offices.edges.map((edge: any) => edge.node.code)).toEqual(['ASVHO-AL-BK', 'ASVHO-AL-TG']);
  });

  it('refuses an unbounded page and a forged cursor with BAD_USER_INPUT naming the field', async () => {
    const tooMany = await graphql(stack.gatewayUrl, officesQuery, { token: tokens.admin, variables: { first: 1000 } });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await graphql(stack.gatewayUrl, officesQuery, { token: tokens.admin, variables: { after: 'nonsense' } });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('answers an office outside the scope as not found', async () => {
    const response = await graphql(stack.gatewayUrl, '{ office(code: "DL") { code } }', { token: tokens.clerk });
    expect(response.data).toEqual({ office: null });
  });
});

describe('quotes', () => {
  const moQuery = 'query($a: Decimal!) { moneyOrderQuote(amount: $a) { product amount { amount currency } commission { amount currency } total { amount } tariffVersion } }';
  const codQuery = 'query($a: Decimal!) { codFeeQuote(codAmount: $a) { fee { amount currency } tax { amount } total { amount } } }';

  it.each([
    ['1000', '50.00', '1050.00'],
    ['1001', '51.00', '1052.00'],
    ['20', '1.00', '21.00'],
    ['5000', '250.00', '5250.00'],
  ])('quotes an eMO of Rs %s: commission %s', async (amount, commission, total) => {
    const response = await graphql(stack.gatewayUrl, moQuery, { token: tokens.clerk, variables: { a: amount } });
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({
      moneyOrderQuote: { product: 'ELECTRONIC', commission: { amount: commission, currency: 'INR' }, total: { amount: total } },
    });
  });

  it.each([
    ['100.50', 'INVALID_AMOUNT'],
    ['5001', 'AMOUNT_OUT_OF_RANGE'],
    ['0', 'INVALID_AMOUNT'],
    ['1e3', 'BAD_USER_INPUT'],
  ])('refuses an eMO of %s with %s', async (amount, code) => {
    const response = await graphql(stack.gatewayUrl, moQuery, { token: tokens.clerk, variables: { a: amount } });
    expect(errorCodes(response)).toEqual([code]);
  });

  it('refuses a float where a Decimal is expected', async () => {
    const response = await graphql(stack.gatewayUrl, moQuery, { token: tokens.clerk, variables: { a: 1000.5 } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['1000', '50.00', '9.00', '59.00'],
    ['4000', '80.00', '14.40', '94.40'],
    ['6000', '110.00', '19.80', '129.80'],
  ])('quotes the COD fee on Rs %s', async (amount, fee, tax, total) => {
    const response = await graphql(stack.gatewayUrl, codQuery, { token: tokens.clerk, variables: { a: amount } });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ codFeeQuote: { fee: { amount: fee, currency: 'INR' }, tax: { amount: tax }, total: { amount: total } } });
  });

  it('refuses a COD amount above Rs 50,000', async () => {
    const response = await graphql(stack.gatewayUrl, codQuery, { token: tokens.clerk, variables: { a: '50000.01' } });
    expect(errorCodes(response)).toEqual(['AMOUNT_OUT_OF_RANGE']);
  });

  it('refuses quotes to an anonymous caller', async () => {
    const response = await graphql(stack.gatewayUrl, codQuery, { variables: { a: '1000' } });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('trust between the gateway and the subgraphs', () => {
  const entities = '{ _entities(representations: [{ __typename: "Office", code: "DL" }]) { ... on Office { code name } } }';

  it('refuses an unsigned direct call to a subgraph, _entities included', async () => {
    const response = await graphql(stack.subgraphs.administration.url, entities);
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an identity signed with another secret', async () => {
    const forged = (body: string) =>
      signIdentity(
        { identity: { kind: 'service', service: 'intruder' }, requestId: 'forged', clientAddress: undefined },
        'not-the-secret-not-the-secret-not-the-secret',
        { audience: 'administration', body },
      );
    const response = await graphql(stack.subgraphs.administration.url, entities, { sign: forged });
    expect(response.status).toBe(401);
  });

  it('accepts a properly signed service identity', async () => {
    const signed = (body: string) =>
      signIdentity(
        { identity: { kind: 'service', service: 'accounts' }, requestId: 'svc-1', clientAddress: undefined },
        stack.secrets.identitySecret,
        { audience: 'administration', body },
      );
    const response = await graphql(stack.subgraphs.administration.url, entities, { sign: signed });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ _entities: [{ code: 'DL', name: 'Delhi Circle' }] });
  });
});

describe('limits at the gateway', () => {
  it('refuses a query deeper than the limit', async () => {
    const deep = `{ me { office { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } } }`;
    const response = await graphql(stack.gatewayUrl, deep, { token: tokens.admin });
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses an alias flood', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: me { username }`).join(' ');
    const response = await graphql(stack.gatewayUrl, `{ ${aliases} }`, { token: tokens.admin });
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.data ?? null).toBeNull();
  });

  it('does not suggest field names', async () => {
    const response = await graphql(stack.gatewayUrl, '{ mee { username } }', { token: tokens.admin });
    expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean/i);
  });
});
