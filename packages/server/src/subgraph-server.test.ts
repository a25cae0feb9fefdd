import { randomBytes } from 'node:crypto';
import { createMemoryNonceStore, signIdentity, type NonceStore, type SignedRequestContext } from '@postal/auth';
import { needs } from '@postal/testkit';
import { parse } from 'graphql';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createNonceStore, createRedisNonceStore } from './nonce-store.js';
import { createSubgraphServer, type RunningServer } from './subgraph-server.js';

/**
 * The signed identity check as a subgraph runs it, over real HTTP: a request is served once, by the subgraph it was
 * signed for, with the body it was signed with. `act` stands for any mutation (suspendStaff): each call is counted.
 */
const SECRET = 'z'.repeat(40);
const logger = pino({ level: 'silent' });
const typeDefs = parse(`
  type Query { whoami: String }
  type Mutation { act(what: String!): String }
`);
const admin: SignedRequestContext = {
  identity: { kind: 'staff', staffId: 's-1', username: 'admin', roles: ['ADMIN'], officeCode: 'DL', officePath: 'DL', grants: [] },
  requestId: 'req-1',
  clientAddress: undefined,
};
const WHOAMI = JSON.stringify({ query: '{ whoami }' });
const ACT = JSON.stringify({ query: 'mutation { act(what: "suspend the clerk") }' });

let running: RunningServer[] = [];
afterEach(async () => {
  for (const server of running) await server.stop();
  running = [];
});

/** One subgraph server named `name` on a free port; `acted` lists what each `act` call was asked to do. */
async function startServer(name: string, nonces: NonceStore) {
  const acted: string[] = [];
  const server = await createSubgraphServer({
    name,
    typeDefs,
    resolvers: {
      Query: { whoami: (_parent: unknown, _args: unknown, context: { identity: unknown }) => JSON.stringify(context.identity) },
      Mutation: { act: (_parent: unknown, args: { what: string }) => (acted.push(args.what), 'done') },
    },
    identitySecret: SECRET,
    nonces,
    logger,
    buildContext: () => ({}),
    checkHealth: async () => {},
  }).listen(0);
  running.push(server);
  return { url: server.url, acted, server };
}

async function send(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> }) };
}

const signed = (audience: string, body: string) => signIdentity(admin, SECRET, { audience, body });

describe('the signed identity check', () => {
  it('serves a correctly signed request as the identity it was signed with', async () => {
    const { url } = await startServer('administration', createMemoryNonceStore());
    const answer = await send(url, signed('administration', WHOAMI), WHOAMI);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.data.whoami)).toEqual(admin.identity);
  });

  it('refuses the headers of one request with another body', async () => {
    const { url, acted } = await startServer('administration', createMemoryNonceStore());
    const headers = signed('administration', WHOAMI);
    const replayed = await send(url, headers, ACT);
    expect(replayed.status).toBe(401);
    expect(replayed.errors?.[0]).toMatchObject({ message: 'the request signature is not valid', extensions: { code: 'UNAUTHENTICATED' } });
    // The same JSON with other spacing is other bytes: the signature is over what was sent, not what it parses to.
    expect((await send(url, headers, JSON.stringify(JSON.parse(WHOAMI), null, 1))).status).toBe(401);
    expect(acted).toEqual([]);
  });

  it('refuses headers signed for another subgraph', async () => {
    const { url, acted } = await startServer('accounts', createMemoryNonceStore());
    const answer = await send(url, signed('administration', ACT), ACT);
    expect(answer.status).toBe(401);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(acted).toEqual([]);
  });

  it('serves the exact same request once', async () => {
    const { url, acted } = await startServer('administration', createMemoryNonceStore());
    const headers = signed('administration', ACT);
    expect((await send(url, headers, ACT)).status).toBe(200);
    const again = await send(url, headers, ACT);
    expect(again.status).toBe(401);
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringMatching(/already used/), extensions: { code: 'UNAUTHENTICATED' } });
    expect(acted).toEqual(['suspend the clerk']);
    // A request signed afresh, same body, is another request.
    expect((await send(url, signed('administration', ACT), ACT)).status).toBe(200);
  });

  it('closes its nonce store when it stops', async () => {
    let closed = 0;
    const memory = createMemoryNonceStore();
    const { server } = await startServer('administration', { claim: (key, ttl) => memory.claim(key, ttl), close: async () => void (closed += 1) });
    running = [];
    await server.stop();
    expect(closed).toBe(1);
  });

  it('refuses, 503 DEPENDENCY_UNAVAILABLE, when its nonce store cannot say whether a request was served (fail closed)', async () => {
    const nonces = createRedisNonceStore({ redisUrl: 'redis://127.0.0.1:1', prefix: 'unused', logger, timeoutMs: 500 });
    const { url, acted } = await startServer('administration', nonces);
    const startedAt = Date.now();
    const answer = await send(url, signed('administration', ACT), ACT);
    expect(answer.status).toBe(503);
    expect(answer.errors?.[0]?.extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(answer.errors?.[0]?.message).not.toMatch(/redis|127\.0\.0\.1/i);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(acted).toEqual([]);
  });

  it('keeps nonces in memory without a Redis URL', async () => {
    const nonces = createNonceStore({ prefix: 'unused', logger });
    expect(await nonces.claim('administration:n', 1_000)).toBe(true);
    expect(await nonces.claim('administration:n', 1_000)).toBe(false);
  });
});

describe.runIf(needs('redis'))('replicas of one subgraph sharing Redis [needs Redis]', () => {
  const redisUrl = process.env.REDIS_URL ?? '';
  const prefix = `pf-test-${randomBytes(4).toString('hex')}`;
  const replica = () => startServer('administration', createRedisNonceStore({ redisUrl, prefix, logger }));

  it('serve a request once between them: whichever gets a copy second refuses it', async () => {
    const [a, b] = [await replica(), await replica()];
    const headers = signed('administration', ACT);
    expect((await send(a.url, headers, ACT)).status).toBe(200);
    for (const url of [b.url, a.url]) {
      const replayed = await send(url, headers, ACT);
      expect(replayed.status).toBe(401);
      expect(replayed.errors?.[0]?.message).toMatch(/already used/);
    }
    const other = signed('administration', ACT);
    expect((await send(b.url, other, ACT)).status).toBe(200);
    expect((await send(a.url, other, ACT)).status).toBe(401);
    expect([...a.acted, ...b.acted]).toHaveLength(2);
  });

  it('serve exactly one of two copies sent to both at once', async () => {
    const [a, b] = [await replica(), await replica()];
    for (let round = 0; round < 10; round += 1) {
      const headers = signed('administration', ACT);
      const statuses = (await Promise.all([send(a.url, headers, ACT), send(b.url, headers, ACT)])).map((answer) => answer.status).sort();
      expect(statuses, `round ${round}`).toEqual([200, 401]);
    }
    expect(a.acted.length + b.acted.length).toBe(10);
  });

  it('a store with nothing in Redis yet claims, and the key expires in Redis', async () => {
    const nonces = createRedisNonceStore({ redisUrl, prefix, logger });
    try {
      expect(await nonces.claim('accounts:short-lived', 50)).toBe(true);
      expect(await nonces.claim('accounts:short-lived', 50)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await nonces.claim('accounts:short-lived', 50)).toBe(true);
    } finally {
      await nonces.close();
    }
  });
});
