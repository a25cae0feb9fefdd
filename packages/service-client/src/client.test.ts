import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryNonceStore, verifyIdentity } from '@postal/auth';
import { DependencyUnavailableError, ExpectedError } from '@postal/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceClient } from './client.js';

/* The shared client against a stand-in service on a loopback port; each subgraph's client adds only its query and reader. */
const SECRET = 'y'.repeat(40);
let server: Server;
let url: string;
let respond: (headers: Record<string, string | string[] | undefined>, response: ServerResponse, body: Buffer) => void;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => respond(request.headers, response, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};
const client = createServiceClient({ caller: 'tester', dependency: 'stand-in', url: () => url, identitySecret: SECRET, timeoutMs: 2_000 });
const ask = (passRefusals: boolean) =>
  client.request({ query: '{ ok }', variables: {}, requestId: 'r-1', read: (data) => (data as { ok?: string })?.ok, passRefusals });
const refused = { errors: [{ message: 'not yours', extensions: { code: 'FORBIDDEN' } }], data: null };

describe('the service client', () => {
  it('signs as the calling service, for the dependency and the exact body sent, and returns what the reader reads', async () => {
    // The stand-in verifies as the subgraph named `dependency` would, with its own nonce store.
    const nonces = createMemoryNonceStore();
    const callers: unknown[] = [];
    const refusals: string[] = [];
    respond = (headers, response, body) => {
      verifyIdentity(headers, SECRET, { audience: 'stand-in', body, nonces }).then(
        (signed) => {
          callers.push(signed.identity);
          json(response, 200, { data: { ok: 'yes' } });
        },
        (error: Error) => {
          refusals.push(error.message);
          json(response, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
        },
      );
    };
    // Twice: each request carries a nonce of its own, so the second is not taken for a replay of the first.
    await expect(ask(false)).resolves.toBe('yes');
    await expect(ask(false)).resolves.toBe('yes');
    expect(refusals).toEqual([]);
    expect(callers).toEqual([
      { kind: 'service', service: 'tester' },
      { kind: 'service', service: 'tester' },
    ]);
  });

  it('passes on a rule saying no only when asked to, and otherwise fails closed', async () => {
    respond = (_headers, response) => json(response, 200, refused);
    const passed = await ask(true).catch((error: unknown) => error);
    expect(passed).toBeInstanceOf(ExpectedError);
    expect(passed).not.toBeInstanceOf(DependencyUnavailableError);
    expect((passed as ExpectedError).code).toBe('FORBIDDEN');
    const closed = await ask(false).catch((error: unknown) => error);
    expect(closed).toBeInstanceOf(DependencyUnavailableError);
    expect((closed as ExpectedError).details).toEqual({ dependency: 'stand-in' });
  });

  it('is the one DependencyUnavailableError for an answer of another shape', async () => {
    respond = (_headers, response) => json(response, 200, { data: { other: 1 } });
    const error = await ask(true).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect((error as ExpectedError).code).toBe('DEPENDENCY_UNAVAILABLE');
    expect((error as Error).message).toMatch(/stand-in did not answer \(its answer was not understood\)/);
  });
});
