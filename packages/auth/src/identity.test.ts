import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  IdentityError,
  MAX_CLOCK_SKEW_MS,
  NONCE_HEADER,
  NONCE_TTL_MS,
  NonceStoreUnavailableError,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  createMemoryNonceStore,
  signIdentity,
  verifyIdentity,
  type NonceStore,
  type SignedRequestContext,
} from './index.js';

const secret = 'k'.repeat(40);
const context: SignedRequestContext = {
  identity: {
    kind: 'staff',
    staffId: 's-1',
    username: 'clerk',
    roles: ['COUNTER_CLERK'],
    officeCode: 'HO-110001',
    officePath: 'DL/DIV/HO-110001',
    grants: [{ permission: 'mo.book', scope: 'OWN_OFFICE' }],
  },
  requestId: 'req-1',
  clientAddress: '127.0.0.1',
};
const BODY = JSON.stringify({ query: '{ me { username } }' });
const SUSPEND = JSON.stringify({ query: 'mutation { suspendStaff(id: "x", reason: "replayed") { status } }' });
const target = { audience: 'administration', body: BODY };

/** A verifier as the administration subgraph is, with its own nonce store. */
const verifier = (nonces: NonceStore = createMemoryNonceStore()) => ({
  verify: (headers: Record<string, string>, body: Buffer | string = BODY, audience = 'administration', nowMs?: number) =>
    verifyIdentity(headers, secret, { audience, body, nonces }, nowMs),
});

describe('signed identity', () => {
  it('round-trips, the body given as the bytes received or as the string sent', async () => {
    const { verify } = verifier();
    expect(await verify(signIdentity(context, secret, target, 1_000), BODY, 'administration', 1_000)).toEqual(context);
    expect(await verify(signIdentity(context, secret, target), Buffer.from(BODY, 'utf8'))).toEqual(context);
  });

  it('hashes the body as UTF-8 bytes, so text outside ASCII verifies as sent', async () => {
    const body = JSON.stringify({ query: '{ offices(filter: { search: "दिल्ली" }) { edges { node { code } } } }' });
    const { verify } = verifier();
    expect(await verify(signIdentity(context, secret, { audience: 'administration', body }), Buffer.from(body))).toEqual(context);
  });

  it('sends a fresh nonce with every signature', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => signIdentity(context, secret, target, 1_000)[NONCE_HEADER]));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses the same headers with another body', async () => {
    const { verify } = verifier();
    const headers = signIdentity(context, secret, target);
    await expect(verify(headers, SUSPEND)).rejects.toThrow(/signature is not valid/);
    // A body differing in one byte (a space) is another body.
    await expect(verify(headers, BODY.replace(':', ': '))).rejects.toThrow(IdentityError);
    // And the refusals did not use the nonce up: the request as signed still goes through once.
    expect(await verify(headers)).toEqual(context);
  });

  it('refuses the same headers at another subgraph', async () => {
    const { verify } = verifier();
    const headers = signIdentity(context, secret, target);
    for (const audience of ['accounts', 'money-orders', 'cod-settlement']) {
      await expect(verify(headers, BODY, audience), audience).rejects.toThrow(/signature is not valid/);
    }
  });

  it('refuses the exact same request the second time, on a clear message', async () => {
    const { verify } = verifier();
    const headers = signIdentity(context, secret, target);
    expect(await verify(headers)).toEqual(context);
    const replay = verify({ ...headers });
    await expect(replay).rejects.toBeInstanceOf(IdentityError);
    await expect(verify({ ...headers })).rejects.toThrow('this signed request was already used; each request must be signed afresh');
  });

  it('keeps nonces per audience: one subgraph using a nonce does not burn it at another', async () => {
    const nonces = createMemoryNonceStore();
    const { verify } = verifier(nonces);
    const forAccounts = signIdentity(context, secret, { audience: 'accounts', body: BODY });
    // The same nonce under administration's key space (as if a signer reused it) is a different key.
    expect(await nonces.claim(`administration:${forAccounts[NONCE_HEADER]}`, NONCE_TTL_MS)).toBe(true);
    expect(await verify(forAccounts, BODY, 'accounts')).toEqual(context);
  });

  it('refuses missing headers, the nonce included', async () => {
    const { verify } = verifier();
    await expect(verify({})).rejects.toThrow(IdentityError);
    const { [NONCE_HEADER]: _nonce, ...withoutNonce } = signIdentity(context, secret, target);
    await expect(verify(withoutNonce)).rejects.toThrow(/not signed by the gateway/);
  });

  it('refuses a nonce, timestamp or identity changed after signing', async () => {
    const { verify } = verifier();
    const signed = () => signIdentity(context, secret, target);
    await expect(verify({ ...signed(), [NONCE_HEADER]: 'A'.repeat(22) })).rejects.toThrow(/not valid/);
    await expect(verify({ ...signed(), [TIMESTAMP_HEADER]: String(Date.now() + 1) })).rejects.toThrow(/not valid/);
    const forged = { ...context, identity: { ...context.identity, roles: ['ADMIN'] } };
    await expect(verify({ ...signed(), [IDENTITY_HEADER]: Buffer.from(JSON.stringify(forged)).toString('base64url') })).rejects.toThrow(/not valid/);
  });

  it('refuses a signature made with another secret', async () => {
    const { verify } = verifier();
    await expect(verify(signIdentity(context, 'x'.repeat(40), target))).rejects.toThrow(/not valid/);
  });

  it('refuses the old scheme, which signed the identity and timestamp alone', async () => {
    const { verify } = verifier();
    const headers = signIdentity(context, secret, target);
    const v1 = createHmac('sha256', secret).update(`v1.${headers[TIMESTAMP_HEADER]}.${headers[IDENTITY_HEADER]}`).digest('base64url');
    await expect(verify({ ...headers, [SIGNATURE_HEADER]: v1 })).rejects.toThrow(/not valid/);
  });

  it('refuses a stale or future signature, and does not remember its nonce', async () => {
    const nonces = createMemoryNonceStore();
    const claimed: string[] = [];
    const watching: NonceStore = { claim: (key, ttl) => (claimed.push(key), nonces.claim(key, ttl)), close: () => nonces.close() };
    const { verify } = verifier(watching);
    const headers = signIdentity(context, secret, target, 1_000_000);
    await expect(verify(headers, BODY, 'administration', 1_000_000 + MAX_CLOCK_SKEW_MS + 1)).rejects.toThrow(/expired/);
    await expect(verify(headers, BODY, 'administration', 1_000_000 - MAX_CLOCK_SKEW_MS - 1)).rejects.toThrow(/expired/);
    expect(claimed).toEqual([]);
  });

  it('refuses a truncated signature without throwing a crypto error', async () => {
    const { verify } = verifier();
    const headers = signIdentity(context, secret, target);
    headers[SIGNATURE_HEADER] = headers[SIGNATURE_HEADER]!.slice(0, 10);
    await expect(verify(headers)).rejects.toThrow(IdentityError);
  });

  it('passes on a nonce store that cannot answer, so the caller can refuse (fail closed)', async () => {
    const down: NonceStore = { claim: () => Promise.reject(new NonceStoreUnavailableError('Redis did not answer')), close: async () => {} };
    await expect(verifier(down).verify(signIdentity(context, secret, target))).rejects.toBeInstanceOf(NonceStoreUnavailableError);
  });

  it('refuses to sign for something that is not a subgraph name', () => {
    expect(() => signIdentity(context, secret, { audience: 'accounts\nx', body: BODY })).toThrow(/not a subgraph name/);
    expect(() => signIdentity(context, secret, { audience: '', body: BODY })).toThrow(/not a subgraph name/);
  });
});
