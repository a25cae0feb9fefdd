import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { signAccessToken } from '@postal/auth';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, requestLogging } from './http.js';
import { graphqlBody, UPLOAD_HEADER } from './uploads.js';

const keys = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const CLAIMS = {
  staffId: 'staff-7',
  username: 'finance',
  roles: ['FINANCE_OFFICER'],
  officeCode: 'DL-NDC',
  officePath: 'DL/DL-NDC',
  grants: [{ permission: 'mo.bulk.book', scope: 'SUBTREE' as const }],
  sessionId: 'session-7',
  sessionVersion: 0,
  passwordChangeRequired: false,
};
const UPLOAD = 'mutation($input: BookMoneyOrdersInput!) { bookMoneyOrders(input: $input) { id } }';
const big = (size: number) => ({ input: { csv: 'x'.repeat(size) } });

let url: string;
let server: ReturnType<express.Express['listen']>;
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  const app = express();
  app.use(requestLogging(logger, false));
  // What reaches the runtime: the size of the body parsed.
  app.use('/graphql', graphqlBody(keys.publicKey), (req, res) => void res.json({ parsed: JSON.stringify(req.body).length }));
  app.use(errorHandler(logger));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { parsed?: number; errors?: Array<{ extensions?: { code?: string } }> } };
}

describe('uploads through /graphql', () => {
  it('keeps every other request at 100 kB, the upload header or not', async () => {
    expect((await post({ query: UPLOAD, variables: big(200 * 1024) })).status).toBe(413);
    expect((await post({ query: '{ whoami }', variables: big(1024) })).status).toBe(200);
  });

  it('takes a large body from a signed-in caller for the upload mutation only', async () => {
    const token = await signAccessToken(CLAIMS, keys.privateKey, 60);
    const headers = { authorization: `Bearer ${token}`, [UPLOAD_HEADER]: 'money-order-bulk' };
    const answer = await post({ query: UPLOAD, variables: big(3 * 1024 * 1024) }, headers);
    expect(answer.status).toBe(200);
    expect(answer.body.parsed).toBeGreaterThan(3 * 1024 * 1024);
    // The console's document: the upload's answer through a fragment.
    const withFragment = 'fragment F on MoneyOrderBulkUpload { id status } mutation($input: BookMoneyOrdersInput!) { bookMoneyOrders(input: $input) { ...F } }';
    expect((await post({ query: withFragment, variables: big(200 * 1024) }, headers)).status).toBe(200);
    // Two operations in one document, even if one is the upload, are not an upload.
    expect((await post({ query: `${UPLOAD} query Other { whoami }`, variables: big(200 * 1024) }, headers)).status).toBe(413);
    // Anything else in a large body is refused, even a mutation that also asks for the upload.
    const other = await post({ query: 'mutation { logout }', variables: big(200 * 1024) }, headers);
    expect(other.status).toBe(413);
    const both = await post({ query: 'mutation($input: BookMoneyOrdersInput!) { bookMoneyOrders(input: $input) { id } logout }', variables: big(200 * 1024) }, headers);
    expect(both.status).toBe(413);
    // Beyond the upload limit, refused too.
    expect((await post({ query: UPLOAD, variables: big(13 * 1024 * 1024) }, headers)).status).toBe(413);
  });

  it('takes a COD manifest upload in a large body, alone', async () => {
    const token = await signAccessToken(CLAIMS, keys.privateKey, 60);
    const headers = { authorization: `Bearer ${token}`, [UPLOAD_HEADER]: 'cod-manifest' };
    const manifest = 'mutation($input: UploadCodManifestInput!) { uploadCodManifest(input: $input) { id status totalRows } }';
    const answer = await post({ query: manifest, variables: { input: { fileName: 'm.csv', content: 'x'.repeat(4 * 1024 * 1024) } } }, headers);
    expect(answer.status).toBe(200);
    expect(answer.body.parsed).toBeGreaterThan(4 * 1024 * 1024);
    // The manifest beside another field is not an upload.
    const withOther = 'mutation($input: UploadCodManifestInput!) { uploadCodManifest(input: $input) { id } logout }';
    expect((await post({ query: withOther, variables: big(200 * 1024) }, headers)).status).toBe(413);
    // Nor is a query of the manifest, however named.
    expect((await post({ query: 'query { uploadCodManifest: whoami }', variables: big(200 * 1024) }, headers)).status).toBe(413);
    expect((await post({ query: manifest, variables: big(200 * 1024) }, { [UPLOAD_HEADER]: 'cod-manifest' })).status).toBe(401);
  });

  it('reads no large body from a caller who is not signed in, or whose token is forged', async () => {
    const anonymous = await post({ query: UPLOAD, variables: big(200 * 1024) }, { [UPLOAD_HEADER]: 'money-order-bulk' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const forged = await signAccessToken(CLAIMS, other.privateKey, 60);
    expect((await post({ query: UPLOAD, variables: big(200 * 1024) }, { authorization: `Bearer ${forged}`, [UPLOAD_HEADER]: 'money-order-bulk' })).status).toBe(401);
  });
});
