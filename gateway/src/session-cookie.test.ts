import { generateKeyPairSync } from 'node:crypto';
import { signAccessToken, type SignedRequestContext } from '@postal/auth';
import { parseSetCookie } from 'cookie';
import { afterEach, describe, expect, it } from 'vitest';
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from './session-cookie.js';
import { startTinyGateway, TINY_CLAIMS, tinyKeys, type TinyGateway } from './test-support/tiny-gateway.js';

/*
 * What the gateway does with the console's cookie on its own, in front of the tiny subgraph: which token a request
 * is taken to carry, and which cookie requests are refused before any subgraph is called. Signing in and out through
 * /session needs the administration subgraph: test/scenarios/console-session.test.ts.
 */

interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

let running: TinyGateway | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
async function start(): Promise<TinyGateway> {
  running = await startTinyGateway();
  return running;
}

const token = (claims: Partial<typeof TINY_CLAIMS> = {}, ttlSeconds = 60, privateKey = tinyKeys.privateKey) =>
  signAccessToken({ ...TINY_CLAIMS, ...claims }, privateKey, ttlSeconds);

async function ask(stack: TinyGateway, headers: Record<string, string>): Promise<{ status: number; body: Body }> {
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ whoami }' }),
  });
  return { status: response.status, body: (await response.json()) as Body };
}
const whoami = (body: Body) => (JSON.parse(body.data?.whoami as string) as SignedRequestContext).identity;
const CSRF = { 'x-graphql-csrf': '1' };

describe('the session cookie on /graphql', () => {
  it('authenticates a request that carries the CSRF header, and never reaches a subgraph', async () => {
    const stack = await start();
    const { status, body } = await ask(stack, { cookie: `theme=dark; pf_session=${await token()}; other=1`, ...CSRF });
    expect(status).toBe(200);
    expect(whoami(body)).toEqual({ kind: 'staff', ...TINY_CLAIMS });
    // The subgraph is told who asked, by the signature; never the cookie (nor any Authorization).
    expect(stack.subgraph.headers[0]?.cookie).toBeUndefined();
    expect(stack.subgraph.headers[0]?.authorization).toBeUndefined();
  });

  it('refuses a cookie request without the CSRF header: 403, before the token is read or a subgraph called', async () => {
    const stack = await start();
    for (const cookie of [`pf_session=${await token()}`, 'pf_session=forged']) {
      const { status, body } = await ask(stack, { cookie });
      expect(status, cookie).toBe(403);
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/x-graphql-csrf/), extensions: { code: 'BAD_REQUEST' } });
    }
    // The runtime's own CSRF headers do not stand in for it on a cookie request.
    expect((await ask(stack, { cookie: `pf_session=${await token()}`, 'apollo-require-preflight': 'true' })).status).toBe(403);
    // A GET with the cookie (as an <img> would send) is refused just the same.
    const get = await fetch(`${stack.gateway.url}?query=${encodeURIComponent('{ whoami }')}`, { headers: { cookie: `pf_session=${await token()}` } });
    expect(get.status).toBe(403);
    expect(stack.subgraph.hits).toBe(0);
  });

  it('refuses a forged, expired or foreign cookie as UNAUTHENTICATED (401)', async () => {
    const stack = await start();
    const otherKey = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const [header, , signature] = (await token()).split('.');
    const cases = {
      garbage: 'not-a-jwt',
      'signed by another key': await token({}, 60, otherKey.privateKey),
      expired: await token({}, -60),
      'claims rewritten': `${header}.${Buffer.from(JSON.stringify({ ...TINY_CLAIMS, roles: ['ADMIN'] })).toString('base64url')}.${signature}`,
    };
    for (const [what, value] of Object.entries(cases)) {
      const { status, body } = await ask(stack, { cookie: `pf_session=${value}`, ...CSRF });
      expect(status, what).toBe(401);
      expect(body.errors?.[0]?.extensions?.code, what).toBe('UNAUTHENTICATED');
    }
    expect(stack.subgraph.hits).toBe(0);
  });

  it('refuses a cookie whose session has ended, as a Bearer token would be (SESSION_ENDED)', async () => {
    const stack = await start();
    const cookie = `pf_session=${await token()}`;
    expect((await ask(stack, { cookie, ...CSRF })).status).toBe(200);
    stack.revocations.push({ staffId: TINY_CLAIMS.staffId, minVersion: null, sessionId: TINY_CLAIMS.sessionId, expiresAt: new Date(Date.now() + 3_600_000) });
    await expect.poll(async () => (await ask(stack, { cookie, ...CSRF })).body.errors?.[0]?.extensions, { timeout: 2_000 }).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
  });

  it('lets an Authorization header win over a cookie, and needs no CSRF header for it', async () => {
    const stack = await start();
    const bearer = `Bearer ${await token({ staffId: 'api-client' })}`;
    const withBadCookie = await ask(stack, { authorization: bearer, cookie: 'pf_session=forged' });
    expect(withBadCookie.status).toBe(200);
    expect(whoami(withBadCookie.body)).toMatchObject({ kind: 'staff', staffId: 'api-client' });
    const withGoodCookie = await ask(stack, { authorization: bearer, cookie: `pf_session=${await token({ staffId: 'browser' })}`, ...CSRF });
    expect(whoami(withGoodCookie.body)).toMatchObject({ staffId: 'api-client' });
    // A bad header is not rescued by a good cookie.
    expect((await ask(stack, { authorization: 'Bearer forged', cookie: `pf_session=${await token()}`, ...CSRF })).status).toBe(401);
  });

  it('treats an empty or absent session cookie as no session: anonymous', async () => {
    const stack = await start();
    for (const cookie of ['pf_session=', 'theme=dark', 'pf_sessionx=abc']) {
      const { status, body } = await ask(stack, { cookie });
      expect(status, cookie).toBe(200);
      expect(whoami(body), cookie).toEqual({ kind: 'anonymous' });
    }
  });
});

describe('the /session endpoints, before any operation runs', () => {
  const session = (stack: TinyGateway, path: string, init: RequestInit) => fetch(`${stack.origin}/session${path}`, init);

  it('refuse a request without the CSRF header, or a body that is not declared JSON: 403 BAD_REQUEST', async () => {
    const stack = await start();
    const body = JSON.stringify({ username: 'admin', password: 'demo' });
    const refused = [
      session(stack, '', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      session(stack, '', { method: 'GET' }),
      session(stack, '', { method: 'DELETE' }),
      session(stack, '/password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      // What a form on another site can send: a simple content type, no custom header.
      session(stack, '', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=admin&password=demo' }),
      session(stack, '', { method: 'POST', headers: { 'content-type': 'text/plain', ...CSRF }, body }),
      session(stack, '', { method: 'POST', headers: CSRF }),
    ];
    for (const [index, response] of (await Promise.all(refused)).entries()) {
      expect(response.status, String(index)).toBe(403);
      const answer = (await response.json()) as Body;
      expect(answer.errors?.[0]?.extensions, String(index)).toMatchObject({ code: 'BAD_REQUEST', requestId: response.headers.get('x-request-id') });
      expect(response.headers.get('set-cookie'), String(index)).toBeNull();
    }
    expect(stack.subgraph.hits).toBe(0);
  });

  it('bound the body like /graphql and answer malformed JSON in GraphQL error shape', async () => {
    const stack = await start();
    const headers = { 'content-type': 'application/json', ...CSRF };
    const large = await session(stack, '', { method: 'POST', headers, body: JSON.stringify({ username: 'a', password: 'x'.repeat(101 * 1024) }) });
    expect(large.status).toBe(413);
    expect(((await large.json()) as Body).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const malformed = await session(stack, '', { method: 'POST', headers, body: '{"username": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Body).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answer a body without its string fields as 400 BAD_USER_INPUT naming the field', async () => {
    const stack = await start();
    const headers = { 'content-type': 'application/json', ...CSRF };
    for (const [body, field] of [
      ['{}', 'username'],
      ['{"username": "admin"}', 'password'],
      ['{"username": 7, "password": "demo"}', 'username'],
      ['["admin", "demo"]', 'username'],
    ] as const) {
      const response = await session(stack, '', { method: 'POST', headers, body });
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as Body).errors?.[0]?.extensions, body).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const password = await session(stack, '/password', { method: 'POST', headers: { ...headers, cookie: `pf_session=${await token()}` }, body: '{"currentPassword": "x"}' });
    expect(password.status).toBe(400);
    expect(((await password.json()) as Body).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(stack.subgraph.hits).toBe(0);
  });

  it('answer 401 UNAUTHENTICATED without a session cookie, and 204 to sign-out regardless, clearing the cookie', async () => {
    const stack = await start();
    const current = await session(stack, '', { headers: CSRF });
    expect(current.status).toBe(401);
    expect(current.headers.get('cache-control')).toBe('no-store');
    expect(((await current.json()) as Body).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const password = await session(stack, '/password', { method: 'POST', headers: { 'content-type': 'application/json', ...CSRF }, body: '{"currentPassword": "a", "newPassword": "b"}' });
    expect(password.status).toBe(401);
    await password.body?.cancel();
    const signOut = await session(stack, '', { method: 'DELETE', headers: CSRF });
    expect(signOut.status).toBe(204);
    expect(parseSetCookie(signOut.headers.get('set-cookie')!)).toMatchObject({ name: 'pf_session', value: '', maxAge: 0, httpOnly: true, sameSite: 'strict', path: '/' });
  });
});

describe('the cookie itself', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, until the token expires; Secure only when asked', () => {
    const now = new Date('2026-11-22T06:30:00Z');
    const expiresAt = new Date('2026-11-22T07:30:00.900Z');
    expect(parseSetCookie(sessionCookie('abc.def.ghi', expiresAt, { secure: false, now }))).toEqual({
      name: 'pf_session',
      value: 'abc.def.ghi',
      maxAge: 3600,
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
    });
    expect(parseSetCookie(sessionCookie('abc.def.ghi', expiresAt, { secure: true, now }))).toMatchObject({ secure: true });
    expect(parseSetCookie(sessionCookie('t', new Date(now.getTime() - 1000), { secure: false, now })).maxAge).toBe(0);
    expect(parseSetCookie(clearedSessionCookie({ secure: true }))).toMatchObject({ value: '', maxAge: 0, secure: true });
  });

  it('is read back from a Cookie header among others, as browsers send it', () => {
    expect(sessionTokenOf('a=1; pf_session=abc.def.ghi; b=2')).toBe('abc.def.ghi');
    expect(sessionTokenOf(undefined)).toBeUndefined();
    expect(sessionTokenOf('pf_session=')).toBeUndefined();
    expect(sessionTokenOf('other=pf_session')).toBeUndefined();
  });
});
