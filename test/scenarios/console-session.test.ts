import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pino } from 'pino';
import { signAccessToken, verifyAccessToken } from '@postal/auth';
import { createGateway, DEFAULT_SESSION_POLL_INTERVAL_MS, type RunningGateway } from '@postal/gateway';
import { parseSetCookie, type SetCookie } from 'cookie';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The console's cookie session through the real stack (issue 10, sign-in): /session signs in with the login mutation
 * and keeps the token in an httpOnly SameSite=Strict cookie, never in a body; the cookie then authenticates /graphql
 * when the CSRF header comes with it; sign-out and a password change end the session as they do for a Bearer token.
 */
let stack: TestStack;
let origin: string;

/** A session ended by a command is refused within two polls of the feed and the time to answer. */
const ENDED_WITHIN_MS = 2 * DEFAULT_SESSION_POLL_INTERVAL_MS + 1_000;
/** A JWT anywhere in a text (header and payload are base64url JSON objects, so they start with eyJ). */
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
const CSRF = { 'x-graphql-csrf': '1' };

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  /** The Set-Cookie of this answer, parsed; undefined when it set none. */
  cookie: SetCookie | undefined;
}

/** A request to /session as the console makes it: JSON, the CSRF header, the cookie it holds. */
async function session(method: string, path = '', options: { body?: unknown; cookie?: string; headers?: Record<string, string>; at?: string } = {}): Promise<Answer> {
  const response = await fetch(`${options.at ?? origin}/session${path}`, {
    method,
    headers: {
      ...CSRF,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.cookie === undefined ? {} : { cookie: `pf_session=${options.cookie}` }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  // Whatever it answers, no /session body ever holds a token.
  expect(text).not.toMatch(JWT);
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, cookie: setCookie ? parseSetCookie(setCookie) : undefined };
}

async function signIn(username: string, password = 'demo'): Promise<{ token: string; answer: Answer }> {
  const answer = await session('POST', '', { body: { username, password } });
  expect(answer.status, `${username}: ${JSON.stringify(answer.body)}`).toBe(200);
  return { token: answer.cookie!.value!, answer };
}

/** A GraphQL request carried by the session cookie, as the console sends it. */
function withCookie(token: string, query: string, options: { variables?: Record<string, unknown>; csrf?: boolean } = {}) {
  return graphql(stack.gatewayUrl, query, {
    ...(options.variables ? { variables: options.variables } : {}),
    headers: { cookie: `pf_session=${token}`, ...(options.csrf === false ? {} : CSRF) },
  });
}

const ME = '{ me { username office { code } grants { permission scope } } }';
const refusal = (response: { status: number; errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({
  status: response.status,
  extensions: response.errors?.[0]?.extensions,
});
const setMustChangePassword = (username: string) =>
  stack.testDatabase.database.db.execute(
    sql`update administration.staff set must_change_password = true, temporary_password_used_at = null where username = ${username}`,
  );

beforeAll(async () => {
  // An operator other than the default's, to see its time zone reach the console with the session.
  stack = await startTestStack({ timeZone: 'Asia/Karachi' });
  origin = stack.gatewayUrl.replace(/\/graphql$/, '');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict cookie holding the token, and answers the session without it', async () => {
    const before = Date.now();
    const { token, answer } = await signIn('finance');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      expiresAt: expect.any(String),
      mustChangePassword: false,
      staff: { id: expect.any(String), username: 'finance', name: 'Farhan Qureshi' },
      timeZone: 'Asia/Karachi',
    });
    expect(answer.cookie).toEqual({ name: 'pf_session', value: token, httpOnly: true, sameSite: 'strict', path: '/', maxAge: expect.any(Number) });
    // Plain HTTP: no Secure, or the browser would drop the cookie on http://localhost.
    expect(answer.cookie!.secure).toBeUndefined();
    // The cookie's value is the access token, and it lives as long as the token does, which is what the answer says.
    const claims = await verifyAccessToken(token, stack.secrets.jwtPublicKey);
    expect(claims).toMatchObject({ username: 'finance', staffId: answer.body.staff.id });
    const expiresAt = Date.parse(answer.body.expiresAt);
    expect(expiresAt - before).toBeGreaterThan(3_500_000);
    expect(Math.abs(before + answer.cookie!.maxAge! * 1000 - expiresAt)).toBeLessThan(5_000);
  });

  it('refuses a wrong password as 401 INVALID_CREDENTIALS with the request id, and sets no cookie', async () => {
    const answer = await session('POST', '', { body: { username: 'finance2', password: 'not it' } });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      errors: [{ message: 'the username or password is not right', extensions: { code: 'INVALID_CREDENTIALS', requestId: answer.headers.get('x-request-id') } }],
    });
    expect(answer.cookie).toBeUndefined();
  });

  it('answers a locked account as 429 ACCOUNT_LOCKED with when it unlocks, after the login\'s own count', async () => {
    const codes: unknown[] = [];
    let last: Answer | undefined;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      last = await session('POST', '', { body: { username: 'postman3', password: `guess ${attempt}` } });
      codes.push([last.status, last.body.errors[0].extensions.code]);
    }
    expect(codes).toEqual([
      ...Array.from({ length: 4 }, () => [401, 'INVALID_CREDENTIALS']),
      [429, 'ACCOUNT_LOCKED'],
      [429, 'ACCOUNT_LOCKED'],
    ]);
    expect(last!.body.errors[0].extensions.details.lockedUntil).toEqual(expect.any(String));
  });

  it('answers a temporary password\'s session as one that must change it first', async () => {
    await setMustChangePassword('clerk.na');
    const { token, answer } = await signIn('clerk.na');
    expect(answer.body.mustChangePassword).toBe(true);
    expect((await session('GET', '', { cookie: token })).body.mustChangePassword).toBe(true);
    const refused = await withCookie(token, 'mutation { closeBusinessDay(officeCode: "SMHO-NA", date: "2026-01-01") { officeCode } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('believes X-Forwarded-Proto only from a trusted proxy: the cookie is Secure then, and only then', async () => {
    expect((await signIn('admin2')).answer.cookie!.secure).toBeUndefined();
    const claimed = await session('POST', '', { body: { username: 'admin2', password: 'demo' }, headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.cookie!.secure).toBeUndefined();
    const behindProxy = await gatewayBehindProxy();
    try {
      const at = behindProxy.url.replace(/\/graphql$/, '');
      const secure = await session('POST', '', { at, body: { username: 'admin2', password: 'demo' }, headers: { 'x-forwarded-proto': 'https' } });
      expect(secure.status).toBe(200);
      expect(secure.cookie).toMatchObject({ httpOnly: true, sameSite: 'strict', secure: true });
      const cleared = await session('DELETE', '', { at, cookie: secure.cookie!.value, headers: { 'x-forwarded-proto': 'https' } });
      expect(cleared.cookie).toMatchObject({ value: '', maxAge: 0, secure: true });
    } finally {
      await behindProxy.stop();
    }
  });
});

describe('the cookie on /graphql', () => {
  it('authenticates me (with grants and office) when the CSRF header comes with it, and is refused (403) without', async () => {
    const { token } = await signIn('clerk');
    const me = await withCookie(token, ME);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toMatchObject({ username: 'clerk', office: { code: 'NDGPO' } });
    expect(me.data!.me.grants).toEqual(expect.arrayContaining([{ permission: 'ledger.day.close', scope: 'OWN_OFFICE' }, { permission: 'office.read', scope: 'SUBTREE' }]));
    const refused = await withCookie(token, ME, { csrf: false });
    expect(refusal(refused)).toEqual({ status: 403, extensions: { code: 'BAD_REQUEST' } });
    expect(refused.data).toBeUndefined();
  });

  it('leaves Bearer tokens working for API clients, and a Bearer header wins over a cookie', async () => {
    const login = await graphql(stack.gatewayUrl, 'mutation { login(username: "auditor", password: "demo") { token } }');
    const bearer = login.data!.login.token as string;
    expect((await graphql(stack.gatewayUrl, '{ me { username } }', { token: bearer })).data).toEqual({ me: { username: 'auditor' } });
    const { token: cookie } = await signIn('postman');
    const both = await graphql(stack.gatewayUrl, '{ me { username } }', { token: bearer, headers: { cookie: `pf_session=${cookie}`, ...CSRF } });
    expect(both.data).toEqual({ me: { username: 'auditor' } });
  });

  it('refuses a forged or expired cookie as UNAUTHENTICATED, and /session clears it', async () => {
    // A real session's own claims, signed with the real key, but expired a minute ago.
    const claims = await verifyAccessToken((await signIn('postman2')).token, stack.secrets.jwtPublicKey);
    const expired = await signAccessToken(claims, stack.secrets.jwtPrivateKey, -60);
    for (const [what, token] of [['forged', 'eyJhbGciOiJub25lIn0.e30.'], ['expired', expired], ['garbage', 'x']] as const) {
      expect(refusal(await withCookie(token, ME)), what).toMatchObject({ status: 401, extensions: { code: 'UNAUTHENTICATED' } });
      const current = await session('GET', '', { cookie: token });
      expect(current.status, what).toBe(401);
      expect(current.body.errors[0].extensions.code, what).toBe('UNAUTHENTICATED');
      expect(current.cookie, what).toMatchObject({ name: 'pf_session', value: '', maxAge: 0 });
    }
  });
});

describe('the session', () => {
  it('is answered by GET /session while it lives; sign-out ends it everywhere within a poll, and leaves other sessions', async () => {
    const { token, answer } = await signIn('clerk.kb');
    const other = await signIn('clerk.kb');
    const current = await session('GET', '', { cookie: token });
    expect(current.status).toBe(200);
    expect(current.headers.get('cache-control')).toBe('no-store');
    expect(current.body).toEqual(answer.body);

    const signOut = await session('DELETE', '', { cookie: token });
    expect(signOut.status).toBe(204);
    expect(signOut.body).toBeUndefined();
    expect(signOut.cookie).toEqual({ name: 'pf_session', value: '', maxAge: 0, httpOnly: true, sameSite: 'strict', path: '/' });
    const answeredAt = Date.now();
    // The same cookie value, kept by someone who copied it, is refused within the session feed's poll window.
    await expect
      .poll(async () => refusal(await withCookie(token, ME)), { timeout: ENDED_WITHIN_MS, interval: 100 })
      .toEqual({ status: 401, extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } });
    expect(Date.now() - answeredAt).toBeLessThanOrEqual(ENDED_WITHIN_MS);
    expect((await session('GET', '', { cookie: token })).body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    expect((await withCookie(other.token, ME)).data?.me.username).toBe('clerk.kb');
    // Signing out again (or with a dead cookie) is still a 204 that clears it.
    expect((await session('DELETE', '', { cookie: token })).status).toBe(204);
  });

  it('changes password: the fresh token replaces the cookie, the old one ends, and the rules answer in words', async () => {
    await setMustChangePassword('clerk.cp');
    const { token } = await signIn('clerk.cp');
    const wrong = await session('POST', '/password', { cookie: token, body: { currentPassword: 'not it', newPassword: 'Connaught-Place-2026' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].extensions).toMatchObject({ code: 'WRONG_PASSWORD', field: 'currentPassword', requestId: wrong.headers.get('x-request-id') });
    // A refused change keeps the session: the person is still signed in.
    expect(wrong.cookie).toBeUndefined();
    const weak = await session('POST', '/password', { cookie: token, body: { currentPassword: 'demo', newPassword: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].extensions).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });

    const changed = await session('POST', '/password', { cookie: token, body: { currentPassword: 'demo', newPassword: 'Connaught-Place-2026' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ expiresAt: expect.any(String), mustChangePassword: false, staff: { username: 'clerk.cp' } });
    const fresh = changed.cookie!;
    const freshToken = fresh.value!;
    expect(fresh).toMatchObject({ name: 'pf_session', httpOnly: true, sameSite: 'strict', path: '/' });
    expect(fresh.value).not.toBe(token);
    const answeredAt = Date.now();
    await expect
      .poll(async () => refusal(await withCookie(token, ME)), { timeout: ENDED_WITHIN_MS, interval: 100 })
      .toEqual({ status: 401, extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } });
    expect(Date.now() - answeredAt).toBeLessThanOrEqual(ENDED_WITHIN_MS);
    expect((await withCookie(freshToken, ME)).data?.me.username).toBe('clerk.cp');
    expect((await session('GET', '', { cookie: freshToken })).body.mustChangePassword).toBe(false);
    // And the new password is the one that signs in.
    expect((await session('POST', '', { body: { username: 'clerk.cp', password: 'Connaught-Place-2026' } })).status).toBe(200);
  });
});

describe('/session for every role (the HTTP side of the authorization matrix)', () => {
  it('signs every role in and out; without a session GET and password change are 401 and sign-out is 204', async () => {
    for (const username of ['admin', 'finance2', 'auditor', 'clerk.smho', 'postman.smho']) {
      const { token } = await signIn(username);
      expect((await session('GET', '', { cookie: token })).body.staff.username, username).toBe(username);
      expect((await session('DELETE', '', { cookie: token })).status, username).toBe(204);
    }
    expect((await session('GET')).status).toBe(401);
    expect((await session('POST', '/password', { body: { currentPassword: 'demo', newPassword: 'Anything-at-all-1' } })).status).toBe(401);
    expect((await session('DELETE')).status).toBe(204);
  });
});

/** A second gateway in front of the same subgraphs, told to trust the loopback proxy's X-Forwarded-* headers. */
async function gatewayBehindProxy(): Promise<RunningGateway> {
  return createGateway({
    supergraphSdl: readFileSync(resolve(import.meta.dirname, '../../schema/supergraph.graphql'), 'utf8'),
    subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([name, running]) => [name, running.url])),
    jwtPublicKey: stack.secrets.jwtPublicKey,
    identitySecret: stack.secrets.identitySecret,
    logger: pino({ level: 'silent' }),
    nodeEnv: 'test',
    limits: { maxDepth: 10, maxAliases: 15, maxCost: 5_000, maxTokens: 2_000 },
    trustProxy: 'loopback',
  }).listen(0);
}
