import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Who is calling a subgraph. The gateway (or a service calling another service) puts it in a header and signs it with
 * an HMAC key that only the gateway and the subgraphs hold; a subgraph believes nothing that is not signed. So
 * nobody who reaches a subgraph directly can call `_entities` or pretend to be someone else.
 */
export type Identity =
  | {
      kind: 'staff';
      staffId: string;
      username: string;
      roles: string[];
      officeCode: string;
      /** The office's materialised path (`DL/DL-NDC/NDGPO`): the root of the caller's scope. */
      officePath: string;
      /** What the caller's roles allow, and how far (see @postal/authz). */
      grants: StaffGrant[];
      // The session facts below come from the token (see tokens.ts). They are optional in the type because services
      // and tests build staff identities too; every identity the gateway signs has them (a token without them is refused).
      /** The sign-in this token belongs to (the JWT id): what `logout` ends. */
      sessionId?: string;
      /** The person's session version at sign-in: a token below the person's current minimum is refused. */
      sessionVersion?: number;
      /** Signed in with a temporary password: @postal/authz refuses every permission until it is changed. */
      passwordChangeRequired?: boolean;
    }
  | { kind: 'service'; service: string }
  | { kind: 'anonymous' };

/** One permission a member of staff holds, over their office's subtree or their office alone. */
export interface StaffGrant {
  permission: string;
  scope: 'SUBTREE' | 'OWN_OFFICE';
}

/** Facts about the request the subgraph may trust because they are signed with the identity. */
export interface SignedRequestContext {
  identity: Identity;
  requestId: string;
  clientAddress: string | undefined;
}

export const IDENTITY_HEADER = 'x-postal-identity';
export const TIMESTAMP_HEADER = 'x-postal-timestamp';
export const SIGNATURE_HEADER = 'x-postal-signature';
/** A signed header older (or newer) than this is refused, which bounds how long a captured one can be replayed. */
export const MAX_CLOCK_SKEW_MS = 60_000;

export class IdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityError';
  }
}

function mac(secret: string, timestamp: string, encodedIdentity: string): string {
  return createHmac('sha256', secret).update(`v1.${timestamp}.${encodedIdentity}`).digest('base64url');
}

export function signIdentity(
  context: SignedRequestContext,
  secret: string,
  nowMs: number = Date.now(),
): Record<string, string> {
  const encoded = Buffer.from(JSON.stringify(context), 'utf8').toString('base64url');
  const timestamp = String(nowMs);
  return {
    [IDENTITY_HEADER]: encoded,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: mac(secret, timestamp, encoded),
  };
}

/** Checks the signature (constant time) and freshness, then the shape; throws IdentityError saying what is wrong. */
export function verifyIdentity(
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  nowMs: number = Date.now(),
): SignedRequestContext {
  const encoded = single(headers[IDENTITY_HEADER]);
  const timestamp = single(headers[TIMESTAMP_HEADER]);
  const signature = single(headers[SIGNATURE_HEADER]);
  if (!encoded || !timestamp || !signature) throw new IdentityError('the request is not signed by the gateway');
  const expected = Buffer.from(mac(secret, timestamp, encoded));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new IdentityError('the request signature is not valid');
  }
  const signedAt = Number(timestamp);
  if (!Number.isSafeInteger(signedAt) || Math.abs(nowMs - signedAt) > MAX_CLOCK_SKEW_MS) {
    throw new IdentityError('the request signature has expired');
  }
  return parseContext(Buffer.from(encoded, 'base64url').toString('utf8'));
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function parseContext(json: string): SignedRequestContext {
  const value = JSON.parse(json) as Partial<SignedRequestContext>;
  const identity = value.identity as Partial<Identity> | undefined;
  const valid =
    typeof value.requestId === 'string' &&
    identity !== undefined &&
    (identity.kind === 'anonymous' ||
      (identity.kind === 'service' && typeof identity.service === 'string') ||
      (identity.kind === 'staff' &&
        typeof identity.staffId === 'string' &&
        typeof identity.username === 'string' &&
        typeof identity.officeCode === 'string' &&
        typeof identity.officePath === 'string' &&
        Array.isArray(identity.roles) &&
        Array.isArray(identity.grants) &&
        (identity.sessionId === undefined || typeof identity.sessionId === 'string') &&
        (identity.sessionVersion === undefined || Number.isSafeInteger(identity.sessionVersion)) &&
        (identity.passwordChangeRequired === undefined || typeof identity.passwordChangeRequired === 'boolean')));
  // The signature was valid, so a malformed body means a bug on the signing side, not an attack: say so loudly.
  if (!valid) throw new IdentityError('the signed identity is malformed');
  return value as SignedRequestContext;
}
