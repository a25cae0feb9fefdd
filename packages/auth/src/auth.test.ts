import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SignJWT, importPKCS8 } from 'jose';
import { accessTokenExpiresAt, hashPassword, signAccessToken, verifyAccessToken, verifyPassword } from './index.js';

const keys = () =>
  generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('demo');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('demo');
    expect(await verifyPassword('demo', hash)).toBe(true);
    expect(await verifyPassword('Demo', hash)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('demo')).not.toBe(await hashPassword('demo'));
  });

  it('verifies nothing against a malformed hash', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$aa$bb', 'scrypt$32768$8$1$aa$']) {
      expect(await verifyPassword('demo', stored)).toBe(false);
    }
  });
});

describe('access tokens', () => {
  const claims = {
    staffId: 's-1',
    username: 'clerk',
    roles: ['COUNTER_CLERK'],
    officeCode: 'HO-110001',
    officePath: 'DL/DIV/HO-110001',
    grants: [{ permission: 'mo.book', scope: 'OWN_OFFICE' as const }],
    sessionId: 'session-1',
    sessionVersion: 3,
    passwordChangeRequired: false,
  };

  it('round-trips the claims', async () => {
    const { privateKey, publicKey } = keys();
    const token = await signAccessToken(claims, privateKey, 60);
    expect(await verifyAccessToken(token, publicKey)).toEqual(claims);
  });

  it('tells when a token expires by its own claim, and nothing for what is not a JWT', async () => {
    const before = Math.floor(Date.now() / 1000);
    const expiresAt = accessTokenExpiresAt(await signAccessToken(claims, keys().privateKey, 600));
    const after = Math.floor(Date.now() / 1000);
    expect(expiresAt!.getTime() / 1000).toBeGreaterThanOrEqual(before + 600);
    expect(expiresAt!.getTime() / 1000).toBeLessThanOrEqual(after + 600);
    for (const notAToken of ['', 'garbage', 'a.b.c', `x.${Buffer.from('{"exp":"soon"}').toString('base64url')}.y`]) {
      expect(accessTokenExpiresAt(notAToken), notAToken).toBeUndefined();
    }
  });

  it('refuses a token signed by another key', async () => {
    const token = await signAccessToken(claims, keys().privateKey, 60);
    await expect(verifyAccessToken(token, keys().publicKey)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a tampered token', async () => {
    const { privateKey, publicKey } = keys();
    const [header, , signature] = (await signAccessToken(claims, privateKey, 60)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString('base64url');
    await expect(verifyAccessToken(`${header}.${forged}.${signature}`, publicKey)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses a token without the session claims (sid, ver, pwc): it could not be ended', async () => {
    const { privateKey, publicKey } = keys();
    const key = await importPKCS8(privateKey, 'EdDSA');
    const { sessionId: _sid, sessionVersion: _ver, passwordChangeRequired: _pwc, ...rest } = claims;
    const token = await new SignJWT({ username: rest.username, roles: rest.roles, office: rest.officeCode, path: rest.officePath, grants: rest.grants })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setSubject(rest.staffId)
      .setIssuer('postal-finance/administration')
      .setAudience('postal-finance')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(key);
    await expect(verifyAccessToken(token, publicKey)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'the token is missing claims' });
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'x', username: 'admin', roles: ['ADMIN'], office: 'X' })).toString('base64url');
    await expect(verifyAccessToken(`${header}.${body}.`, keys().publicKey)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
