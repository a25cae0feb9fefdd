import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryNonceStore, verifyIdentity } from '@postal/auth';
import { ExpectedError } from '@postal/errors';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApprovalsClient, type ManualJournalSubmission } from './administration-client.js';
import { DependencyUnavailableError } from './errors.js';
import { postPayload } from './payload.js';

/**
 * The client against a tiny local HTTP server standing in for administration: each test says how it answers. Real
 * sockets, so timeouts, refused connections and garbled bodies are the real thing.
 */
const secret = 'an-identity-secret-of-at-least-32-characters';
type Answer = (request: IncomingMessage, body: string, response: ServerResponse) => void;
let answer: Answer = () => {
  throw new Error('no answer set');
};
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => answer(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterEach(() => server.closeAllConnections());
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const submission: ManualJournalSubmission = {
  summary: 'Manual journal at NDGPO, 2026-11-22: 1,050.00 INR, 2 postings — Cash short at counter 3',
  payload: postPayload(
    {
      idempotencyKey: 'mj-1',
      officeCode: 'NDGPO',
      effectiveDate: null,
      description: 'Cash short at counter 3',
      source: { type: 'MANUAL' },
      postings: [
        { accountCode: 'NDGPO:1300', side: 'DEBIT', amount: '1050.00' },
        { accountCode: 'NDGPO:1100', side: 'CREDIT', amount: '1050.00' },
      ],
    },
    '2026-11-22',
  ),
  officeCode: 'NDGPO',
  makerId: '7b0c1a8e-7f55-4a43-9b0e-4b7d3f3b2a11',
};
const client = (timeoutMs = 2_000) => createApprovalsClient({ url: () => url, identitySecret: secret, timeoutMs });

async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

describe('submit', () => {
  it('calls submitApprovalRequest as the signed accounts service, kind MANUAL_JOURNAL, and answers the request', async () => {
    let seen: { identity: unknown; requestId: string; variables: unknown; query: string } | undefined;
    // Verified as administration verifies: its own name as the audience, the body received.
    const nonces = createMemoryNonceStore();
    answer = (request, body, response) => {
      verifyIdentity(request.headers, secret, { audience: 'administration', body, nonces }).then(
        (signed) => {
          const parsed = JSON.parse(body) as { query: string; variables: unknown };
          seen = { identity: signed.identity, requestId: signed.requestId, variables: parsed.variables, query: parsed.query };
          json(response, 200, { data: { submitApprovalRequest: { id: 'a5b7c1d2-0000-4000-8000-000000000001', status: 'PENDING' } } });
        },
        (error: Error) => json(response, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] }),
      );
    };
    expect(await client().submit(submission, 'req-77')).toEqual({ id: 'a5b7c1d2-0000-4000-8000-000000000001', status: 'PENDING' });
    expect(seen?.identity).toEqual({ kind: 'service', service: 'accounts' });
    expect(seen?.requestId).toBe('req-77');
    expect(seen?.query).toContain('submitApprovalRequest(input: $input)');
    expect(seen?.variables).toEqual({ input: { kind: 'MANUAL_JOURNAL', ...submission } });
  });

  it.each([
    ['FORBIDDEN', 200, 'the maker does not work at or above office NDGPO'],
    ['BAD_USER_INPUT', 200, 'no active member of staff has this id'],
    // Input coercion (the JSON scalar refusing a payload) answers HTTP 400 with the same shape.
    ['BAD_USER_INPUT', 400, 'Variable "$input" got invalid value; Invalid JSON: payload.x is a number that is not a safe integer'],
    ['UNKNOWN_APPROVAL_KIND', 200, 'MANUAL_JOURNAL is not a kind'],
  ])('passes on the inbox refusing with %s (HTTP %i) as the same code and message', async (code, status, message) => {
    answer = (_request, _body, response) => json(response, status, { errors: [{ message, extensions: { code, field: 'makerId' } }], data: null });
    const error = await refusal(client().submit(submission, 'req-1'));
    expect(error).not.toBeInstanceOf(DependencyUnavailableError);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it.each<[string, Answer, RegExp]>([
    ['a fault in administration', (_q, _b, r) => json(r, 200, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null }), /answered with an error/],
    ['our signature refused', (_q, _b, r) => json(r, 401, { errors: [{ message: 'the request signature is not valid', extensions: { code: 'UNAUTHENTICATED' } }] }), /HTTP 401/],
    ['our query refused', (_q, _b, r) => json(r, 400, { errors: [{ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }), /HTTP 400/],
    ['an error without a code', (_q, _b, r) => json(r, 200, { errors: [{ message: 'something' }], data: null }), /answered with an error/],
    ['a proxy page', (_q, _b, r) => r.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>'), /HTTP 502/],
    ['a garbled body', (_q, _b, r) => r.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"submitApp'), /not understood/],
    ['an answer of another shape', (_q, _b, r) => json(r, 200, { data: { submitApprovalRequest: { id: 42 } } }), /not understood/],
    ['no request at all', (_q, _b, r) => json(r, 200, { data: null }), /not understood/],
  ])('is DEPENDENCY_UNAVAILABLE on %s', async (_case, how, reason) => {
    answer = how;
    const error = await refusal(client().submit(submission, 'req-2'));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(error.message).toMatch(reason);
    expect(error.details).toEqual({ dependency: 'administration' });
  });

  it('is DEPENDENCY_UNAVAILABLE when administration does not answer in time', async () => {
    answer = () => undefined; // never answers
    const started = Date.now();
    const error = await refusal(client(150).submit(submission, 'req-3'));
    expect(error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(error.message).toMatch(/no answer in 150 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('is DEPENDENCY_UNAVAILABLE when the body stalls after the headers', async () => {
    answer = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":');
    };
    const error = await refusal(client(150).submit(submission, 'req-4'));
    expect(error.code).toBe('DEPENDENCY_UNAVAILABLE');
  });

  it('is DEPENDENCY_UNAVAILABLE when nothing listens there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createApprovalsClient({ url: `http://127.0.0.1:${port}/graphql`, identitySecret: secret });
    const error = await refusal(unreachable.submit(submission, 'req-5'));
    expect(error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(error.message).toMatch(/unreachable/);
  });

  it('reads the address when it calls, and is DEPENDENCY_UNAVAILABLE while it is not known', async () => {
    let known: string | undefined;
    const late = createApprovalsClient({ url: () => known, identitySecret: secret });
    const error = await refusal(late.submit(submission, 'req-6'));
    expect(error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(error.message).toMatch(/not known yet/);
    answer = (_request, _body, response) => json(response, 200, { data: { submitApprovalRequest: { id: 'r-1', status: 'PENDING' } } });
    known = url;
    expect(await late.submit(submission, 'req-7')).toEqual({ id: 'r-1', status: 'PENDING' });
  });
});
