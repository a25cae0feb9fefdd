import { SignJWT, decodeJwt, importPKCS8, importSPKI, jwtVerify, errors as joseErrors } from 'jose';
import { UnauthenticatedError } from '@postal/errors';
import type { Identity, StaffGrant } from './identity.js';
import { billerBindingProblem, isBillerCode } from './roles.js';

/**
 * Access tokens are EdDSA (Ed25519) JWTs signed with jose. Only the administration subgraph, which checks passwords,
 * holds the private key; the gateway holds the public key and so can verify but never mint a token.
 */
const ALGORITHM = 'EdDSA';
const ISSUER = 'postal-finance/administration';
const AUDIENCE = 'postal-finance';

type StaffIdentity = Extract<Identity, { kind: 'staff' }>;

/**
 * What a token says: the staff identity the gateway passes on, less its kind; the session facts are never absent. The
 * biller binding is absent for the post office's own staff (and in tokens issued before bindings existed, which could
 * not hold the BILLER role either).
 */
export type AccessTokenClaims = Omit<StaffIdentity, 'kind' | 'sessionId' | 'sessionVersion' | 'passwordChangeRequired'> &
  Required<Pick<StaffIdentity, 'sessionId' | 'sessionVersion' | 'passwordChangeRequired'>>;

export async function signAccessToken(claims: AccessTokenClaims, privateKeyPem: string, ttlSeconds: number): Promise<string> {
  const key = await importPKCS8(privateKeyPem, ALGORITHM);
  // The grants ride in the token so every subgraph can decide with the same data without a call per request. A change
  // that narrows them (revocation, move, suspension) raises the person's session version, and the gateway refuses
  // tokens below it within seconds (see gateway/src/sessions); `sid` lets one session be ended (logout).
  return new SignJWT({
    username: claims.username,
    roles: claims.roles,
    office: claims.officeCode,
    path: claims.officePath,
    grants: claims.grants,
    ver: claims.sessionVersion,
    pwc: claims.passwordChangeRequired,
    ...(claims.billerCode === undefined ? {} : { biller: claims.billerCode }),
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.staffId)
    .setJti(claims.sessionId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

/**
 * The imported verification key of each PEM, made once: parsing the PEM into a key object on every request was a
 * tenth of the gateway's CPU under load (bench:gateway's profile). A process holds one or two keys, so the map stays
 * tiny; a PEM that fails to import is not kept, so the error repeats rather than sticks.
 */
const verificationKeys = new Map<string, ReturnType<typeof importSPKI>>();
function verificationKey(publicKeyPem: string): ReturnType<typeof importSPKI> {
  let key = verificationKeys.get(publicKeyPem);
  if (!key) {
    key = importSPKI(publicKeyPem, ALGORITHM);
    key.catch(() => verificationKeys.delete(publicKeyPem));
    if (verificationKeys.size >= 8) verificationKeys.clear();
    verificationKeys.set(publicKeyPem, key);
  }
  return key;
}

/** Verifies signature, issuer, audience and expiry; any failure is UNAUTHENTICATED with a reason the caller may see. */
export async function verifyAccessToken(token: string, publicKeyPem: string): Promise<AccessTokenClaims> {
  const key = await verificationKey(publicKeyPem);
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM] });
    const { sub, jti, username, roles, office, path, grants, ver, pwc, biller } = payload;
    if (
      typeof sub !== 'string' ||
      typeof jti !== 'string' ||
      !Number.isSafeInteger(ver) ||
      typeof pwc !== 'boolean' ||
      typeof username !== 'string' ||
      typeof office !== 'string' ||
      typeof path !== 'string' ||
      !isStringArray(roles) ||
      !isGrantArray(grants) ||
      (biller !== undefined && !isBillerCode(biller))
    ) {
      throw new UnauthenticatedError('the token is missing claims');
    }
    // Only administration signs tokens, so a binding that contradicts the roles is a bug there: refuse it rather than
    // let a seller's person carry an office role, or a BILLER act for nobody in particular.
    const billerCode = biller as string | undefined;
    if (billerBindingProblem(roles, billerCode) !== undefined) throw new UnauthenticatedError('the token is not valid');
    return {
      staffId: sub,
      username,
      roles,
      officeCode: office,
      officePath: path,
      grants,
      sessionId: jti,
      sessionVersion: ver as number,
      passwordChangeRequired: pwc,
      ...(billerCode === undefined ? {} : { billerCode }),
    };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('the session has expired; sign in again');
    throw new UnauthenticatedError('the token is not valid');
  }
}

/**
 * When a token stops being accepted, by its own `exp` claim; undefined when it has none or is not a JWT. It does not
 * verify anything: it is for a token the caller already trusts (one the administration subgraph has just issued, or
 * one verifyAccessToken has just accepted), to say how long a cookie holding it should live.
 */
export function accessTokenExpiresAt(token: string): Date | undefined {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}

function isGrantArray(value: unknown): value is StaffGrant[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as StaffGrant).permission === 'string' &&
        ((item as StaffGrant).scope === 'SUBTREE' || (item as StaffGrant).scope === 'OWN_OFFICE'),
    )
  );
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
