import { generateKeyPairSync } from 'node:crypto';
import tls from 'node:tls';
import { signAccessToken, signIdentity, type SignedRequestContext } from '@postal/auth';
import { createGateway, type FetchRevocations, type GatewayOptions, type Revocation, type RunningGateway } from '@postal/gateway';
import { pino } from 'pino';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeTinySupergraph, startTinySubgraph, TINY_SUBGRAPH_NAME, type TinySubgraph } from './test-support/tiny-subgraph.js';

const IDENTITY_SECRET = 's'.repeat(40);
const LIMITS = { maxDepth: 5, maxAliases: 3, maxCost: 5_000, maxTokens: 1_000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CLAIMS = {
  staffId: 'staff-7',
  username: 'clerk',
  roles: ['COUNTER_CLERK'],
  officeCode: 'HO-110001',
  officePath: 'DL/DL-NDC/HO-110001',
  grants: [{ permission: 'mo.book', scope: 'OWN_OFFICE' as const }],
  sessionId: 'session-7',
  sessionVersion: 0,
  passwordChangeRequired: false,
};

const keyPair = () =>
  generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
const keys = keyPair();

let supergraphSdl: string;
beforeAll(() => {
  supergraphSdl = composeTinySupergraph();
});

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  // Gateway before subgraph: the reverse of start order.
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
  // Every listening socket this test opened is closed again (libuv frees a closed handle a little later).
  await expect.poll(() => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPServerWrap')).toEqual([]);
});

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

interface Stack {
  subgraph: TinySubgraph;
  gateway: RunningGateway;
  logs: Array<Record<string, unknown>>;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: GraphQLBody }>;
}

/** The session feed as the tests want it: what it holds, and whether it answers at all. */
const feed = { revocations: [] as Revocation[], failing: false };
const fetchFeed: FetchRevocations = async () => {
  if (feed.failing) throw new Error('administration is down');
  return { revocations: feed.revocations, cursor: 'c', hasMore: false };
};
afterEach(() => {
  feed.revocations = [];
  feed.failing = false;
});

async function startStack(options: Partial<GatewayOptions> = {}): Promise<Stack> {
  const subgraph = await startTinySubgraph(IDENTITY_SECRET);
  cleanups.push(subgraph.stop);
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const gateway = await createGateway({
    supergraphSdl,
    subgraphUrls: { tiny: subgraph.url },
    jwtPublicKey: keys.publicKey,
    identitySecret: IDENTITY_SECRET,
    logger,
    nodeEnv: 'test',
    limits: LIMITS,
    sessions: { fetchPage: fetchFeed, pollIntervalMs: 20, maxStalenessMs: 300 },
    ...options,
  }).listen(0);
  cleanups.push(gateway.stop);
  const post: Stack['post'] = async (body, headers = {}) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
  };
  return { subgraph, gateway, logs, post };
}

const whoami = (body: GraphQLBody): SignedRequestContext => JSON.parse(body.data?.whoami as string) as SignedRequestContext;
const nested = (levels: number): string => `{ deep { ${'child { '.repeat(levels - 2)}name${' }'.repeat(levels - 2)} } }`;

describe('identity', () => {
  it('passes an anonymous caller on as anonymous, with a fresh request id and the socket address', async () => {
    const { post, subgraph } = await startStack();
    // A client-written X-Forwarded-For is not believed without trustProxy.
    const { status, headers, body } = await post({ query: '{ whoami }' }, { 'x-forwarded-for': '203.0.113.9' });
    expect(status).toBe(200);
    const seen = whoami(body);
    expect(seen.identity).toEqual({ kind: 'anonymous' });
    expect(seen.requestId).toMatch(UUID);
    expect(headers.get('x-request-id')).toBe(seen.requestId);
    expect(seen.clientAddress).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(subgraph.seen).toHaveLength(1);
  });

  it('passes a valid token on as that staff member, with the caller request id', async () => {
    const { post, subgraph } = await startStack();
    const token = await signAccessToken(CLAIMS, keys.privateKey, 60);
    const { status, headers, body } = await post(
      { query: '{ whoami }' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'console-42.a_B' },
    );
    expect(status).toBe(200);
    expect(whoami(body)).toMatchObject({ identity: { kind: 'staff', ...CLAIMS }, requestId: 'console-42.a_B' });
    expect(headers.get('x-request-id')).toBe('console-42.a_B');
    // The subgraph gets the request id as a header too, and never the token: only the signed identity counts there.
    expect(subgraph.headers[0]?.['x-request-id']).toBe('console-42.a_B');
    expect(subgraph.headers[0]?.authorization).toBeUndefined();
  });

  it.each(['rust', 'javascript'] as const)('answers identical requests in flight at once each as its own caller, with the %s planner', async (planner) => {
    const { post, subgraph } = await startStack({ planner });
    const query = { query: '{ whoami slow(ms: 300) }' };
    const callers = ['staff-1', 'staff-2', 'staff-3'];
    const answers = await Promise.all(
      callers.map(async (staffId) => post(query, { authorization: `Bearer ${await signAccessToken({ ...CLAIMS, staffId }, keys.privateKey, 60)}` })),
    );
    expect(answers.map(({ body }) => (whoami(body).identity as { staffId?: string }).staffId)).toEqual(callers);
    // Two anonymous callers too: each request reaches the subgraph, none is answered from another's flight.
    await Promise.all([post(query), post(query)]);
    expect(subgraph.seen).toHaveLength(callers.length + 2);
  });

  it('believes X-Forwarded-For only from a proxy it was told to trust', async () => {
    const { post } = await startStack({ trustProxy: 'loopback' });
    const { body } = await post({ query: '{ whoami }' }, { 'x-forwarded-for': '203.0.113.9' });
    expect(whoami(body).clientAddress).toBe('203.0.113.9');
  });

  it('replaces a request id that is not short and plain', async () => {
    const { post, subgraph } = await startStack();
    const unsafeIds = ['has space', 'a'.repeat(65), 'x\\u0000y', 'semi;colon', '"quoted"', '{"json":1}', 'ünïcode', '../../etc', '<script>'];
    for (const [index, unsafe] of unsafeIds.entries()) {
      const { headers, body } = await post({ query: '{ whoami }' }, { 'x-request-id': unsafe });
      expect(whoami(body).requestId, unsafe).toMatch(UUID);
      expect(headers.get('x-request-id'), unsafe).toBe(whoami(body).requestId);
      // The subgraph is told the replacement too, never the client's text.
      expect(subgraph.headers[index]?.['x-request-id'], unsafe).toBe(whoami(body).requestId);
    }
    // At the bound, a plain token is kept.
    const longest = 'a'.repeat(64);
    expect(whoami((await post({ query: '{ whoami }' }, { 'x-request-id': longest })).body).requestId).toBe(longest);
  });

  it('refuses a bad token with 401 UNAUTHENTICATED before any subgraph is called', async () => {
    const { post, subgraph } = await startStack();
    const otherKeys = keyPair();
    const cases = {
      garbage: 'Bearer not-a-jwt',
      'signed by another key': `Bearer ${await signAccessToken(CLAIMS, otherKeys.privateKey, 60)}`,
      expired: `Bearer ${await signAccessToken(CLAIMS, keys.privateKey, -60)}`,
      // Signed by the right key, but a biller's binding on an office role: a signing bug, never passed on.
      'a biller binding with an office role': `Bearer ${await signAccessToken({ ...CLAIMS, billerCode: 'BL000001' }, keys.privateKey, 60)}`,
      'another scheme': 'Basic Y2xlcms6ZGVtbw==',
      'no token': 'Bearer',
      empty: '',
    };
    for (const [what, authorization] of Object.entries(cases)) {
      const { status, headers, body } = await post({ query: '{ whoami }' }, { authorization });
      expect(status, what).toBe(401);
      expect(headers.get('www-authenticate'), what).toMatch(/^Bearer/);
      expect(body.errors?.[0]?.extensions?.code, what).toBe('UNAUTHENTICATED');
      expect(body.data, what).toBeUndefined();
    }
    const expired = await post({ query: '{ whoami }' }, { authorization: cases.expired });
    expect(expired.body.errors?.[0]?.message).toMatch(/expired/);
    expect(subgraph.hits).toBe(0);
  });

  it('shows why the signature matters: the subgraph refuses a request that did not come through the gateway', async () => {
    const { subgraph } = await startStack();
    const body = JSON.stringify({ query: '{ whoami }' });
    const forged = signIdentity(
      { identity: { kind: 'staff', ...CLAIMS, roles: ['ADMIN'] }, requestId: 'r', clientAddress: undefined },
      'a different secret of enough length!!',
      { audience: TINY_SUBGRAPH_NAME, body },
    );
    for (const headers of [{}, forged]) {
      const response = await fetch(subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    expect(subgraph.hits).toBe(2);
    expect(subgraph.seen).toHaveLength(0);
  });
});

describe('what the gateway signs', () => {
  const resend = (subgraph: TinySubgraph, headers: Record<string, unknown>, body: string) =>
    fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('x-postal-'))) as Record<string, string>) },
      body,
    });

  it('signs each subgraph request for that subgraph and that body, with a nonce of its own, and keeps its scratch header to itself', async () => {
    const { post, subgraph } = await startStack();
    const token = await signAccessToken(CLAIMS, keys.privateKey, 60);
    for (let i = 0; i < 2; i += 1) expect((await post({ query: '{ whoami }' }, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(subgraph.seen).toHaveLength(2);
    const [first, second] = subgraph.headers;
    expect(first?.['x-postal-nonce']).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first?.['x-postal-nonce']).not.toBe(second?.['x-postal-nonce']);
    expect(first?.['x-postal-signature']).toMatch(/^v2\./);
    expect(Object.keys(first ?? {}).filter((name) => name.includes('unsigned'))).toEqual([]);
  });

  it('sends nothing a listener could use again: not as it was, nor with another body', async () => {
    const { post, subgraph } = await startStack();
    const token = await signAccessToken(CLAIMS, keys.privateKey, 60);
    expect((await post({ query: '{ whoami }' }, { authorization: `Bearer ${token}` })).status).toBe(200);
    const [headers] = subgraph.headers;
    const [body] = subgraph.bodies;
    const again = await resend(subgraph, headers!, body!);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/already used/), extensions: { code: 'UNAUTHENTICATED' } }] });
    const other = await resend(subgraph, headers!, JSON.stringify({ query: '{ forbidden }' }));
    expect(other.status).toBe(401);
    expect(await other.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/not valid/) }] });
    expect(subgraph.seen).toHaveLength(1);
  });

  it("signs a biller's binding with the identity: the subgraph sees it, and refuses the same headers naming another biller or none", async () => {
    const { post, subgraph } = await startStack();
    const seller = { ...CLAIMS, username: 'seller.demo', roles: ['BILLER'], grants: [{ permission: 'cod.biller.self', scope: 'OWN_OFFICE' as const }], billerCode: 'BL000001' };
    const answer = await post({ query: '{ whoami }' }, { authorization: `Bearer ${await signAccessToken(seller, keys.privateKey, 60)}` });
    expect(whoami(answer.body).identity).toEqual({ kind: 'staff', ...seller });
    const [headers] = subgraph.headers;
    const [body] = subgraph.bodies;
    const signed = JSON.parse(Buffer.from(String(headers!['x-postal-identity']), 'base64url').toString('utf8')) as SignedRequestContext;
    const { billerCode: _code, ...unbound } = signed.identity as typeof seller & { kind: 'staff' };
    for (const identity of [{ ...signed.identity, billerCode: 'BL000002' }, unbound]) {
      const forged = Buffer.from(JSON.stringify({ ...signed, identity })).toString('base64url');
      const refused = await resend(subgraph, { ...headers, 'x-postal-identity': forged }, body!);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/not valid/) }] });
    }
    expect(subgraph.seen).toHaveLength(1);
  });

  it('signs for the subgraph named in the supergraph: another subgraph refuses it', async () => {
    // The same schema served under the name `elsewhere`; the gateway still believes it is talking to `tiny`.
    const elsewhere = await startTinySubgraph(IDENTITY_SECRET, 'elsewhere');
    cleanups.push(elsewhere.stop);
    const { post } = await startStack({ subgraphUrls: { tiny: elsewhere.url } });
    const { body } = await post({ query: '{ whoami }' });
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(elsewhere.hits).toBeGreaterThan(0);
    expect(elsewhere.seen).toHaveLength(0);
  });
});

describe('limits', () => {
  const refused = (body: GraphQLBody) => body.errors?.map((error) => `${String(error.extensions?.code)}: ${error.message}`);

  it('serves a query at the depth limit and refuses one past it without calling the subgraph', async () => {
    const { post, subgraph } = await startStack();
    const atLimit = await post({ query: nested(LIMITS.maxDepth) });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.errors).toBeUndefined();
    expect(subgraph.hits).toBe(1);

    const tooDeep = await post({ query: nested(LIMITS.maxDepth + 1) });
    expect(tooDeep.status).toBe(400);
    expect(refused(tooDeep.body)).toEqual([`GRAPHQL_VALIDATION_FAILED: Syntax Error: Query depth limit of 5 exceeded, found 6.`]);
    // Fragments are flattened, not a way around the count.
    const viaFragments = await post({
      query: `{ deep { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { child { child { name } } } }`,
    });
    expect(viaFragments.status).toBe(400);
    expect(subgraph.hits).toBe(1);
  });

  it('refuses a deep query hidden under __schema', async () => {
    const { post } = await startStack();
    const query = '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }';
    const { status, body } = await post({ query });
    expect(status).toBe(400);
    expect(refused(body)?.[0]).toMatch(/^GRAPHQL_VALIDATION_FAILED: .*depth limit of 5 exceeded, found 8/);
    // A shallow introspection query is still served outside production.
    const shallow = await post({ query: '{ __schema { queryType { name } } }' });
    expect(shallow.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('refuses too many aliases', async () => {
    const { post, subgraph } = await startStack();
    const three = await post({ query: '{ a: whoami b: whoami c: whoami }' });
    expect(three.status).toBe(200);
    const four = await post({ query: '{ a: whoami b: whoami c: whoami d: whoami }' });
    expect(four.status).toBe(400);
    expect(refused(four.body)?.[0]).toMatch(/^GRAPHQL_VALIDATION_FAILED: .*Aliases limit of 3 exceeded, found 4/);
    // __typename is answered by the gateway itself, but each alias of it is still work: counted like any other.
    const typenames = await post({ query: `{ ${Array.from({ length: 200 }, (_, i) => `t${i}: __typename`).join(' ')} }` });
    expect(typenames.status).toBe(400);
    expect(refused(typenames.body)?.[0]).toMatch(/Aliases limit of 3 exceeded, found 200/);
    expect(subgraph.hits).toBe(1);
  });

  it('refuses a query over the cost limit', async () => {
    const { post, subgraph } = await startStack({ limits: { ...LIMITS, maxCost: 10 } });
    expect((await post({ query: '{ whoami }' })).status).toBe(200);
    const costly = await post({ query: nested(4) });
    expect(costly.status).toBe(400);
    expect(refused(costly.body)?.[0]).toMatch(/Cost limit of 10 exceeded/);
    expect(subgraph.hits).toBe(1);
  });

  it('serves a query at the token limit and refuses one past it as a parse error', async () => {
    const { post, subgraph } = await startStack();
    // `{ count ( items : [` n numbers `] ) }`: n + 9 tokens.
    const query = (n: number) => `{ count(items: [${' 1'.repeat(n)} ]) }`;
    const atLimit = await post({ query: query(LIMITS.maxTokens - 9) });
    expect(atLimit.body).toEqual({ data: { count: LIMITS.maxTokens - 9 } });
    const tooLong = await post({ query: query(LIMITS.maxTokens - 8) });
    expect(tooLong.status).toBe(400);
    expect(refused(tooLong.body)?.[0]).toMatch(/^GRAPHQL_PARSE_FAILED: Syntax Error: Document contains more that 1000 tokens/);
    expect(subgraph.hits).toBe(1);
  });

  it('refuses too many directives', async () => {
    const { post, subgraph } = await startStack();
    // One directive per (merged) field: the same directive twice on one field is already a spec error.
    const { status, body } = await post({ query: `{ ${'whoami @include(if: true) '.repeat(51)}}` });
    expect(status).toBe(400);
    expect(refused(body)?.[0]).toMatch(/Directives limit of 50 exceeded/);
    expect(subgraph.hits).toBe(0);
  });

  it('refuses a batched request', async () => {
    const { post, subgraph } = await startStack();
    const { status, body } = await post([{ query: '{ whoami }' }, { query: '{ whoami }' }]);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(subgraph.hits).toBe(0);
  });

  it('refuses a body over 100 kB in GraphQL error shape', async () => {
    const { post, subgraph } = await startStack();
    const { status, headers, body } = await post({ query: '{ whoami }', variables: { padding: 'x'.repeat(101 * 1024) } });
    expect(status).toBe(413);
    expect(body.errors?.[0]).toEqual({
      message: 'the request body is too large',
      extensions: { code: 'BAD_REQUEST', requestId: headers.get('x-request-id') },
    });
    expect(subgraph.hits).toBe(0);
  });

  it('refuses a simple (CSRF-able) request', async () => {
    const { gateway, subgraph } = await startStack();
    for (const init of [
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ whoami }"}' },
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B%20whoami%20%7D' },
      // A GET is as simple as a request gets: an <img> could send it.
      { method: 'GET' },
    ]) {
      const response = await fetch(`${gateway.url}?query=${encodeURIComponent('{ whoami }')}`, init);
      expect(response.status, init.method).toBe(403);
      expect(((await response.json()) as GraphQLBody).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    }
    expect(subgraph.hits).toBe(0);
    // The same GET with a header no form or image can set is not CSRF-able, and is served.
    const withHeader = await fetch(`${gateway.url}?query=${encodeURIComponent('{ whoami }')}`, { headers: { 'x-graphql-csrf': '1' } });
    expect(withHeader.status).toBe(200);
  });

  it('gives no field or enum value suggestions', async () => {
    const { post } = await startStack();
    const attempts = [
      { query: '{ whoam }' },
      { query: '{ deep { chlid { name } } }' },
      { query: '{ color(choice: REDD) }' },
      { query: '{ color(choise: RED) }' },
      { query: 'query Pick($choice: Color) { color(choice: $choice) }', variables: { choice: 'REDD' } },
    ];
    for (const attempt of attempts) {
      const { status, body } = await post(attempt);
      expect(status, attempt.query).toBe(400);
      expect(body.errors?.length, attempt.query).toBeGreaterThan(0);
      expect(JSON.stringify(body), attempt.query).not.toMatch(/did you mean/i);
    }
  });
});

describe('production mode', () => {
  it('is needed: outside production the landing page is served', async () => {
    const { gateway } = await startStack({ nodeEnv: 'development' });
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/html/);
    await page.body?.cancel();
  });

  it('refuses introspection and serves no landing page', async () => {
    const { post, gateway } = await startStack({ nodeEnv: 'production' });
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Query") { name } }']) {
      const { status, body } = await post({ query });
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/introspection has been disabled/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    }
    expect((await post({ query: '{ whoami }' })).status).toBe(200);
    const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
    await page.body?.cancel();
  });
});

describe('errors', () => {
  it('masks a subgraph internal error, keeping the request id, and keeps a coded one', async () => {
    const { post, logs } = await startStack();
    const { status, headers, body } = await post({ query: '{ boom forbidden whoami }' });
    expect(status).toBe(200);
    const requestId = headers.get('x-request-id');
    expect(body.errors).toEqual([
      { message: 'Internal server error', path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } },
      // No serviceName or other extension naming our insides.
      { message: 'only auditors may see this', path: ['forbidden'], extensions: { code: 'FORBIDDEN' } },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/secret_table/);
    expect(logs.some((line) => line.msg === 'masked an unexpected error' && line.requestId === requestId)).toBe(true);
  });

  it('gives up on a subgraph that does not answer in time', async () => {
    const { post } = await startStack({ subgraphTimeoutMs: 200 });
    const startedAt = Date.now();
    const { body } = await post({ query: '{ slow(ms: 1000) }' });
    expect(Date.now() - startedAt).toBeLessThan(900);
    expect(body.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect((await post({ query: '{ slow(ms: 10) }' })).body).toEqual({ data: { slow: 'late' } });
  });

  it('masks an unreachable subgraph', async () => {
    const { post, subgraph } = await startStack();
    await subgraph.stop();
    const { body, headers } = await post({ query: '{ whoami }' });
    expect(body.errors).toEqual([
      { message: 'Internal server error', path: ['whoami'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: headers.get('x-request-id') } },
    ]);
  });
});

describe('health', () => {
  it('is 200 while the subgraph answers and 503 naming it once it is gone', async () => {
    const { gateway, subgraph } = await startStack();
    const health = gateway.url.replace(/\/graphql$/, '/health');
    const up = await fetch(health);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', sessions: 'ok', subgraphs: { tiny: 'ok' } });
    await subgraph.stop();
    const down = await fetch(health);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', sessions: 'ok', subgraphs: { tiny: 'unreachable' } });
  });

  it('is 503 saying sessions are unverifiable while the session feed cannot be read', async () => {
    const { gateway } = await startStack();
    const health = gateway.url.replace(/\/graphql$/, '/health');
    feed.failing = true;
    await expect.poll(async () => (await fetch(health)).status, { timeout: 3_000 }).toBe(503);
    expect(await (await fetch(health)).json()).toEqual({ status: 'unavailable', sessions: 'unverifiable', subgraphs: { tiny: 'ok' } });
  });
});

describe('ended sessions', () => {
  const bearer = async (claims: Partial<typeof CLAIMS> = {}) => ({ authorization: `Bearer ${await signAccessToken({ ...CLAIMS, ...claims }, keys.privateKey, 60)}` });
  const expiresAt = new Date(Date.now() + 3_600_000);

  it('refuses a token below the person\'s minimum session version, and a logged-out session, within a poll', async () => {
    const { post, subgraph } = await startStack();
    expect((await post({ query: '{ whoami }' }, await bearer())).status).toBe(200);
    feed.revocations = [
      { staffId: CLAIMS.staffId, minVersion: 1, sessionId: null, expiresAt },
      { staffId: 'staff-8', minVersion: null, sessionId: 'session-8', expiresAt },
    ];
    await expect.poll(async () => (await post({ query: '{ whoami }' }, await bearer())).status, { timeout: 2_000 }).toBe(401);
    const ended = await post({ query: '{ whoami }' }, await bearer());
    expect(ended.body.errors).toEqual([
      { message: 'the session has ended; sign in again', extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } },
    ]);
    const seen = subgraph.seen.length;
    // The same person's token of the new version passes; another person's logged-out session does not.
    expect((await post({ query: '{ whoami }' }, await bearer({ sessionVersion: 1 }))).status).toBe(200);
    expect((await post({ query: '{ whoami }' }, await bearer({ staffId: 'staff-8', sessionId: 'session-8', sessionVersion: 5 }))).status).toBe(401);
    expect((await post({ query: '{ whoami }' }, await bearer({ staffId: 'staff-8', sessionId: 'session-9' }))).status).toBe(200);
    // The refused requests never reached a subgraph.
    expect(subgraph.seen.length).toBe(seen + 2);
  });

  it('fails closed: staff requests are SESSIONS_UNVERIFIABLE once the feed is stale, anonymous ones still pass', async () => {
    const { post } = await startStack();
    feed.failing = true;
    await expect.poll(async () => (await post({ query: '{ whoami }' }, await bearer())).status, { timeout: 3_000 }).toBe(503);
    const refused = await post({ query: '{ whoami }' }, await bearer());
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'SESSIONS_UNVERIFIABLE' });
    expect((await post({ query: '{ whoami }' })).status).toBe(200);
    feed.failing = false;
    await expect.poll(async () => (await post({ query: '{ whoami }' }, await bearer())).status, { timeout: 3_000 }).toBe(200);
  });
});

describe('security headers', () => {
  const expectSecurityHeaders = (headers: Headers, what: string) => {
    expect(headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(headers.get('x-frame-options'), what).toBe('DENY');
    expect(headers.get('content-security-policy'), what).toMatch(/frame-ancestors 'none'/);
    expect(headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(headers.get('x-powered-by'), what).toBeNull();
  };

  it('are on every answer: an operation, a refusal, a body error and the health check; HSTS only over TLS', async () => {
    const { post, gateway } = await startStack();
    expectSecurityHeaders((await post({ query: '{ whoami }' })).headers, 'operation');
    expectSecurityHeaders((await post({ query: '{ whoam }' })).headers, 'validation error');
    expectSecurityHeaders((await post('{"query": ')).headers, 'malformed JSON');
    const health = await fetch(gateway.url.replace(/\/graphql$/, '/health'));
    expectSecurityHeaders(health.headers, 'health');
    // Plain HTTP: a Strict-Transport-Security header would mean nothing here, and pin localhost to HTTPS in a browser.
    expect(health.headers.get('strict-transport-security')).toBeNull();
    // A client cannot ask for it by claiming TLS when no proxy is trusted.
    expect((await post({ query: '{ whoami }' }, { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toBeNull();
  });

  it('send HSTS when a trusted proxy says the request came over TLS', async () => {
    const { post } = await startStack({ trustProxy: 'loopback' });
    const { headers } = await post({ query: '{ whoami }' }, { 'x-forwarded-proto': 'https' });
    expect(headers.get('strict-transport-security')).toMatch(/^max-age=31536000; includeSubDomains/);
  });
});

describe('logging', () => {
  it('writes one line per request with its id, status and operation', async () => {
    const { post, logs } = await startStack();
    const { headers } = await post({ query: 'query WhoAmI { whoami }', operationName: 'WhoAmI' });
    const requestId = headers.get('x-request-id');
    await expect.poll(() => logs.filter((line) => line.msg === 'request' && line.requestId === requestId)).toHaveLength(1);
    const line = logs.find((entry) => entry.msg === 'request' && entry.requestId === requestId);
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operationName: 'WhoAmI' });
    expect(line?.durationMs).toBeTypeOf('number');
  });
});

describe('privacy', () => {
  it('sends nothing to Apollo: no TLS connection from start to stop', async () => {
    // Every connection the test makes is plain HTTP on loopback, so any TLS one is the gateway calling out.
    const connect = vi.spyOn(tls, 'connect');
    try {
      const { post, gateway } = await startStack();
      expect((await post({ query: '{ whoami }' })).status).toBe(200);
      await gateway.stop();
      expect(connect).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
    }
  });
});

describe('configuration', () => {
  it('refuses a subgraph URL for a subgraph the supergraph does not have', () => {
    const options = { supergraphSdl, jwtPublicKey: keys.publicKey, identitySecret: IDENTITY_SECRET, logger: pino({ level: 'silent' }), nodeEnv: 'test', limits: LIMITS } as const;
    expect(() => createGateway({ ...options, subgraphUrls: { tinny: 'http://127.0.0.1:1/graphql' } })).toThrow(/tinny.*it has tiny/);
    expect(() => createGateway(options)).toThrow(/no administration subgraph to read the session feed from/);
    expect(() => createGateway({ ...options, jwtPublicKey: generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).publicKey })).toThrow(/Ed25519/);
  });
});
