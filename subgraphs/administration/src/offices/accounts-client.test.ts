import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryNonceStore, verifyIdentity } from '@postal/auth';
import { freePort } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsClient } from './accounts-client.js';

/*
 * The client against a stand-in for the accounts subgraph on a loopback port: what it sends (a signed service
 * identity, the query), and that every way the other side can fail becomes DEPENDENCY_UNAVAILABLE, never a guess.
 */
const SECRET = 'x'.repeat(40);
let server: Server;
let url: string;
let respond: (request: IncomingMessage, body: any, response: ServerResponse, raw: string) => void;

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => respond(request, JSON.parse(raw || '{}'), response, raw));
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
const client = (options: { url?: string; timeoutMs?: number } = {}) => createAccountsClient({ url: options.url ?? url, identitySecret: SECRET, timeoutMs: options.timeoutMs ?? 2_000 });

describe('the accounts client', () => {
  it('asks as the administration service, signed, and reads the answer', async () => {
    let seen: { identity: unknown; requestId: string; variables: unknown } | undefined;
    // Verified as the accounts subgraph verifies: its own name as the audience, the bytes received.
    const nonces = createMemoryNonceStore();
    respond = (request, body, response, raw) => {
      verifyIdentity(request.headers, SECRET, { audience: 'accounts', body: raw, nonces }).then(
        (signed) => {
          seen = { identity: signed.identity, requestId: signed.requestId, variables: body.variables };
          json(response, 200, { data: { officeLedgerStatus: { officeCode: 'NDGPO', hasOpenBalances: true, nonZeroAccounts: ['NDGPO:1100'], hasPendingHolds: true, closedThrough: '2026-11-21' } } });
        },
        (error: Error) => json(response, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] }),
      );
    };
    expect(await client().officeLedgerStatus('NDGPO', 'req-7')).toEqual({ officeCode: 'NDGPO', hasOpenBalances: true, nonZeroAccounts: ['NDGPO:1100'], hasPendingHolds: true, closedThrough: '2026-11-21' });
    expect(seen).toEqual({ identity: { kind: 'service', service: 'administration' }, requestId: 'req-7', variables: { officeCode: 'NDGPO' } });
  });

  const failures: Array<[string, (request: IncomingMessage, body: any, response: ServerResponse) => void]> = [
    ['an HTTP error', (_request, _body, response) => json(response, 503, { status: 'unavailable' })],
    ['a GraphQL error', (_request, _body, response) => json(response, 200, { data: null, errors: [{ message: 'boom', extensions: { code: 'FORBIDDEN' } }] })],
    ['an answer about another office', (_request, _body, response) => json(response, 200, { data: { officeLedgerStatus: { officeCode: 'OTHER', hasOpenBalances: false, nonZeroAccounts: [] } } })],
    ['an answer of another shape', (_request, _body, response) => json(response, 200, { data: { officeLedgerStatus: { officeCode: 'NDGPO', hasOpenBalances: 'no' } } })],
    ['a body that is not JSON', (_request, _body, response) => { response.writeHead(200); response.end('<html>'); }],
  ];
  it.each(failures)('fails closed on %s', async (_name, handler) => {
    respond = handler;
    await expect(client().officeLedgerStatus('NDGPO', 'req-8')).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
  });

  it('fails closed when nothing listens, and when the answer takes longer than the timeout', async () => {
    await expect(client({ url: `http://127.0.0.1:${await freePort()}/graphql` }).officeLedgerStatus('NDGPO', 'r')).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    respond = () => {}; // never answers
    const started = Date.now();
    await expect(client({ timeoutMs: 200 }).officeLedgerStatus('NDGPO', 'r')).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', message: expect.stringContaining('200 ms') });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
