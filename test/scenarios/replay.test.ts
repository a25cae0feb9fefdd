import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { findRepoRoot, rowsOf } from '@postal/db';
import { createGateway, type RunningGateway } from '@postal/gateway';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * What someone who can watch the gateway's traffic to a subgraph (a sidecar, a shared network, a log of headers) can
 * do with one captured request: nothing. The gateway is pointed at a recording proxy in front of administration; the
 * signed headers of an administrator's harmless query are then sent again, straight to the subgraphs, with another
 * body (`suspendStaff`), as they were, and to another subgraph. Each is refused, and nobody is suspended.
 */
interface Captured {
  headers: IncomingHttpHeaders;
  body: string;
}

let stack: TestStack;
let proxy: Server;
let gateway: RunningGateway;
const captured: Captured[] = [];

/** Forwards every request to `target`, headers and body as they came, and keeps a copy. */
async function startRecordingProxy(target: string): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      captured.push({ headers: request.headers, body });
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)),
      ) as Record<string, string>;
      fetch(target, { method: 'POST', headers, body }).then(
        async (answer) => {
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(Buffer.from(await answer.arrayBuffer()));
        },
        () => {
          response.writeHead(502);
          response.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** The signed headers of a captured request, as an eavesdropper would copy them. */
function signedHeadersOf(request: Captured): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.startsWith('x-postal-'))) as Record<string, string>;
}

async function post(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, ...((await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) };
}

const statusOf = async (username: string) =>
  rowsOf<{ status: string }>(await stack.testDatabase.database.db.execute(sql`select status from administration.staff where username = ${username}`))[0]!.status;

beforeAll(async () => {
  stack = await startTestStack();
  proxy = await startRecordingProxy(stack.subgraphs.administration.url);
  const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, running]) => [name, running.url]));
  gateway = await createGateway({
    supergraphSdl: readFileSync(join(findRepoRoot(), 'schema', 'supergraph.graphql'), 'utf8'),
    subgraphUrls: { ...subgraphUrls, administration: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` },
    jwtPublicKey: stack.secrets.jwtPublicKey,
    identitySecret: stack.secrets.identitySecret,
    logger: pino({ level: 'silent' }),
    nodeEnv: 'test',
    limits: { maxDepth: 10, maxAliases: 15, maxCost: 5_000, maxTokens: 2_000 },
  }).listen(0, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  if (proxy) {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  }
  await stack?.close();
});

describe('a captured gateway-to-subgraph request', () => {
  let query: Captured;

  beforeAll(async () => {
    const login = await graphql(gateway.url, 'mutation { login(username: "admin", password: "demo") { token } }');
    const token = (login.data as { login: { token: string } }).login.token;
    const me = await graphql(gateway.url, '{ me { username } }', { token });
    expect(me.data).toEqual({ me: { username: 'admin' } });
    query = captured.find((request) => request.body.includes('me') && request.body.includes('username') && !request.body.includes('login'))!;
    expect(query).toBeDefined();
    expect(await statusOf('clerk')).toBe('ACTIVE');
  });

  it('cannot carry another body: suspendStaff with the administrator signature is refused', async () => {
    const clerkId = rowsOf<{ id: string }>(await stack.testDatabase.database.db.execute(sql`select id from administration.staff where username = 'clerk'`))[0]!.id;
    const suspend = JSON.stringify({ query: 'mutation($id: ID!) { suspendStaff(id: $id, reason: "replayed") { status } }', variables: { id: clerkId } });
    const replayed = await post(stack.subgraphs.administration.url, signedHeadersOf(query), suspend);
    expect(replayed.status).toBe(401);
    expect(replayed.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await statusOf('clerk')).toBe('ACTIVE');
  });

  it('cannot be sent again as it was', async () => {
    const again = await post(stack.subgraphs.administration.url, signedHeadersOf(query), query.body);
    expect(again.status).toBe(401);
    expect(again.errors?.[0]?.message).toMatch(/already used/);
  });

  it('cannot be sent to another subgraph', async () => {
    for (const name of ['accounts', 'money-orders', 'cod-settlement'] as const) {
      const elsewhere = await post(stack.subgraphs[name].url, signedHeadersOf(query), query.body);
      expect(elsewhere.status, name).toBe(401);
      expect(elsewhere.errors?.[0]?.message, name).toMatch(/not valid/);
    }
  });

  it('while the gateway itself keeps working: each of its requests is signed afresh', async () => {
    const login = await graphql(gateway.url, 'mutation { login(username: "admin", password: "demo") { token } }');
    const token = (login.data as { login: { token: string } }).login.token;
    for (let i = 0; i < 3; i += 1) expect((await graphql(gateway.url, '{ me { username } }', { token })).data).toEqual({ me: { username: 'admin' } });
  });
});
