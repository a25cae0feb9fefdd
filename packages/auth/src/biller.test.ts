import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER,
  billerBindingProblem,
  createMemoryNonceStore,
  signAccessToken,
  signIdentity,
  verifyAccessToken,
  verifyIdentity,
  type SignedRequestContext,
} from './index.js';

/** A biller's person (BILLER, bound to BL000001) through the token and the signed identity header. */
const keys = () =>
  generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

const sellerClaims = {
  staffId: 's-9',
  username: 'seller.demo',
  roles: ['BILLER'],
  officeCode: 'NDGPO',
  officePath: 'DL/DL-NDC/NDGPO',
  grants: [{ permission: 'cod.biller.self', scope: 'OWN_OFFICE' as const }],
  sessionId: 'session-9',
  sessionVersion: 0,
  passwordChangeRequired: false,
  billerCode: 'BL000001',
};

/** A token as administration would sign it, but with any claims (for the claims signAccessToken would never write). */
async function tokenWith(privateKey: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject('s-9')
    .setJti('session-9')
    .setIssuer('postal-finance/administration')
    .setAudience('postal-finance')
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(await importPKCS8(privateKey, 'EdDSA'));
}
const rawClaims = { username: 'seller.demo', roles: ['BILLER'], office: 'NDGPO', path: 'DL/DL-NDC/NDGPO', grants: sellerClaims.grants, ver: 0, pwc: false };

describe('the biller binding rule', () => {
  it.each([
    [[], null, undefined],
    [['ADMIN', 'AUDITOR'], null, undefined],
    [[], 'BL000001', undefined],
    [['BILLER'], 'BL000001', undefined],
    [['BILLER'], null, 'BILLER_CODE_REQUIRED'],
    [['BILLER'], undefined, 'BILLER_CODE_REQUIRED'],
    [['BILLER', 'FINANCE_OFFICER'], 'BL000001', 'BILLER_ROLE_ONLY'],
    [['POSTMAN'], 'BL000001', 'BILLER_ROLE_ONLY'],
  ] as const)('roles %j bound to %s: %s', (roles, billerCode, problem) => {
    expect(billerBindingProblem(roles, billerCode)).toBe(problem);
  });
});

describe('a biller binding in the access token', () => {
  it('round-trips, and a staff token still carries none', async () => {
    const { privateKey, publicKey } = keys();
    expect(await verifyAccessToken(await signAccessToken(sellerClaims, privateKey, 60), publicKey)).toEqual(sellerClaims);
    const { billerCode: _code, ...clerk } = { ...sellerClaims, roles: ['COUNTER_CLERK'], grants: [] };
    const verified = await verifyAccessToken(await signAccessToken(clerk, privateKey, 60), publicKey);
    expect(verified).toEqual(clerk);
    expect('billerCode' in verified).toBe(false);
  });

  it('refuses a token whose biller was changed after signing', async () => {
    const { privateKey, publicKey } = keys();
    const [header, body, signature] = (await signAccessToken(sellerClaims, privateKey, 60)).split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...payload, biller: 'BL000002' })).toString('base64url');
    await expect(verifyAccessToken(`${header}.${forged}.${signature}`, publicKey)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses, even signed with the right key, a malformed biller or a binding that contradicts the roles', async () => {
    const { privateKey, publicKey } = keys();
    const refused = async (claims: Record<string, unknown>) => {
      await expect(verifyAccessToken(await tokenWith(privateKey, claims), publicKey), JSON.stringify(claims)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    };
    for (const biller of ['bl000001', 'BL00001', 'BL0000011', '', 7, null, ['BL000001']]) await refused({ ...rawClaims, biller });
    // A bound person with an office role, and a BILLER acting for nobody.
    await refused({ ...rawClaims, roles: ['BILLER', 'ADMIN'], biller: 'BL000001' });
    await refused({ ...rawClaims, roles: ['FINANCE_OFFICER'], biller: 'BL000001' });
    await refused({ ...rawClaims });
    // The well-formed token signed the same way passes: the refusals above are for their claims, not the signing.
    expect(await verifyAccessToken(await tokenWith(privateKey, { ...rawClaims, biller: 'BL000001' }), publicKey)).toMatchObject({ billerCode: 'BL000001' });
  });
});

describe('a biller binding in the signed identity header', () => {
  const secret = 'k'.repeat(40);
  const body = JSON.stringify({ query: '{ me { username } }' });
  const target = { audience: 'cod-settlement', body };
  const { sessionId, sessionVersion, passwordChangeRequired, billerCode, ...rest } = sellerClaims;
  const context: SignedRequestContext = {
    identity: { kind: 'staff', ...rest, sessionId, sessionVersion, passwordChangeRequired, billerCode },
    requestId: 'req-9',
    clientAddress: '127.0.0.1',
  };
  const verify = (headers: Record<string, string>) => verifyIdentity(headers, secret, { audience: 'cod-settlement', body, nonces: createMemoryNonceStore() });
  const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('round-trips the biller', async () => {
    expect(await verify(signIdentity(context, secret, target))).toEqual(context);
  });

  it('is covered by the signature: another biller, or none, in the same headers is refused', async () => {
    const identity = context.identity as Extract<SignedRequestContext['identity'], { kind: 'staff' }>;
    const { billerCode: _dropped, ...unbound } = identity;
    for (const forged of [{ ...identity, billerCode: 'BL000002' }, unbound]) {
      const headers = { ...signIdentity(context, secret, target), [IDENTITY_HEADER]: encoded({ ...context, identity: forged }) };
      await expect(verify(headers)).rejects.toThrow(/signature is not valid/);
    }
  });

  it('refuses a signed identity whose binding is malformed or contradicts its roles (a signing bug, said loudly)', async () => {
    const identity = context.identity as Extract<SignedRequestContext['identity'], { kind: 'staff' }>;
    for (const bad of [
      { ...identity, billerCode: 'BL1' },
      { ...identity, roles: ['BILLER', 'ADMIN'] },
      { ...identity, billerCode: undefined },
    ]) {
      await expect(verify(signIdentity({ ...context, identity: bad }, secret, target)), JSON.stringify(bad)).rejects.toThrow(/malformed/);
    }
  });
});
