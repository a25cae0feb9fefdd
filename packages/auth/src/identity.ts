import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NonceStore } from './nonce-store.js';
import { billerBindingProblem, isBillerCode } from './roles.js';

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
      /**
       * The biller this person acts for (`BL` and six digits), when they are one of a biller's own people: then their
       * only role is BILLER and @postal/authz's billerScope/assertBillerSelf confine them to that biller. Absent for
       * the post office's staff. It rides in the token and in this signed header, so nobody can add or change it.
       */
      billerCode?: string;
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
export const NONCE_HEADER = 'x-postal-nonce';
export const SIGNATURE_HEADER = 'x-postal-signature';
/** A signed header older (or newer) than this is refused, which bounds how long a nonce must be remembered. */
export const MAX_CLOCK_SKEW_MS = 60_000;
/**
 * How long a used nonce is remembered. A request signed at t is fresh while now is in [t - skew, t + skew]: a window
 * of twice the skew, whichever side of it the first use fell on. Remembering each nonce that long from its first use
 * covers the rest of its window, so a replay is refused for as long as the timestamp would still pass.
 */
export const NONCE_TTL_MS = 2 * MAX_CLOCK_SKEW_MS;

/** The scheme's name in the signature header and in the MAC input; a v1 signature (identity only) is refused. */
const VERSION = 'v2';
const NONCE_BYTES = 16;
const NONCE_SHAPE = /^[A-Za-z0-9_-]{22}$/;
/** Subgraph names: they are joined into the MAC input and the nonce key, so no separator may appear in them. */
const AUDIENCE_SHAPE = /^[a-z][a-z0-9-]{0,62}$/;

export class IdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityError';
  }
}

/** Which one request a signature is for: the subgraph it is sent to and the exact body it carries. */
export interface SignatureTarget {
  /** The receiving subgraph's name ('administration', 'accounts', 'money-orders', 'cod-settlement'). */
  audience: string;
  /** The exact request body that will be sent (UTF-8). */
  body: Buffer | string;
}

interface MacInput {
  audience: string;
  timestamp: string;
  nonce: string;
  bodyHash: string;
  encodedIdentity: string;
}

/**
 * One field per line; none of them can hold a newline (the audience is checked, the rest are digits or base64url),
 * so no two different requests have the same input.
 */
function mac(secret: string, input: MacInput): string {
  const lines = [`postal-identity-${VERSION}`, input.audience, input.timestamp, input.nonce, input.bodyHash, input.encodedIdentity];
  return `${VERSION}.${createHmac('sha256', secret).update(lines.join('\n')).digest('base64url')}`;
}

function sha256(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('base64url');
}

function checkedAudience(audience: string): string {
  if (!AUDIENCE_SHAPE.test(audience)) throw new Error(`not a subgraph name to sign for: ${JSON.stringify(audience)}`);
  return audience;
}

/**
 * The headers that make one request: the identity and request facts, for one audience (the receiving subgraph) and
 * one body, at one time, with a fresh random nonce. The receiver serves them once, with that body, and only if it is
 * that audience (see verifyIdentity).
 */
export function signIdentity(
  context: SignedRequestContext,
  secret: string,
  target: SignatureTarget,
  nowMs: number = Date.now(),
): Record<string, string> {
  const encodedIdentity = Buffer.from(JSON.stringify(context), 'utf8').toString('base64url');
  const timestamp = String(nowMs);
  const nonce = randomBytes(NONCE_BYTES).toString('base64url');
  const signature = mac(secret, { audience: checkedAudience(target.audience), timestamp, nonce, bodyHash: sha256(target.body), encodedIdentity });
  return {
    [IDENTITY_HEADER]: encodedIdentity,
    [TIMESTAMP_HEADER]: timestamp,
    [NONCE_HEADER]: nonce,
    [SIGNATURE_HEADER]: signature,
  };
}

/**
 * A file passed on as its raw bytes (POST /uploads/<name>): its parameters travel in this header as a JSON object, and
 * the signature's body is uploadSignedBody(header, bytes), so neither the parameters nor the file can be changed on
 * the way without the subgraph refusing the request.
 */
export const UPLOAD_PARAMS_HEADER = 'x-postal-upload-params';

export function uploadSignedBody(paramsHeader: string, bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(paramsHeader, 'utf8'), Buffer.from('\n'), bytes]);
}

export interface VerifyIdentityOptions {
  /** The verifier's own subgraph name: a request signed for another subgraph is refused. */
  audience: string;
  /** The raw request body as received (bytes, or the string sent); a request with another body is refused. */
  body: Buffer | string;
  /** Where used nonces are remembered; a nonce seen before is a replay. Keyed by audience and nonce. */
  nonces: NonceStore;
}

/**
 * Checks, in order: that every header is there; the signature over audience, timestamp, nonce, body hash and identity
 * (constant time); freshness; and, last (it is the only step with a side effect), that the nonce was not used before.
 * Throws IdentityError with a message safe to send to the caller; a nonce store that cannot answer throws
 * NonceStoreUnavailableError (the caller refuses the request: fail closed).
 */
export async function verifyIdentity(
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  options: VerifyIdentityOptions,
  nowMs: number = Date.now(),
): Promise<SignedRequestContext> {
  const encodedIdentity = single(headers[IDENTITY_HEADER]);
  const timestamp = single(headers[TIMESTAMP_HEADER]);
  const nonce = single(headers[NONCE_HEADER]);
  const signature = single(headers[SIGNATURE_HEADER]);
  if (!encodedIdentity || !timestamp || !nonce || !signature) throw new IdentityError('the request is not signed by the gateway');
  const audience = checkedAudience(options.audience);
  const expected = Buffer.from(mac(secret, { audience, timestamp, nonce, bodyHash: sha256(options.body), encodedIdentity }));
  const given = Buffer.from(signature);
  // One answer for every mismatch (wrong secret, another subgraph's request, another body, an old scheme): which it
  // was is for the log of whoever signed, not for a caller probing the check.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new IdentityError('the request signature is not valid');
  }
  const signedAt = Number(timestamp);
  if (!Number.isSafeInteger(signedAt) || Math.abs(nowMs - signedAt) > MAX_CLOCK_SKEW_MS) {
    throw new IdentityError('the request signature has expired');
  }
  // Signed, so only a signing bug could make it malformed; a shared or empty nonce would defeat the replay check.
  if (!NONCE_SHAPE.test(nonce)) throw new IdentityError('the request nonce is malformed');
  const context = parseContext(Buffer.from(encodedIdentity, 'base64url').toString('utf8'));
  if (!(await options.nonces.claim(`${audience}:${nonce}`, NONCE_TTL_MS))) {
    throw new IdentityError('this signed request was already used; each request must be signed afresh');
  }
  return context;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function parseContext(json: string): SignedRequestContext {
  let value: Partial<SignedRequestContext>;
  try {
    value = JSON.parse(json) as Partial<SignedRequestContext>;
  } catch {
    throw new IdentityError('the signed identity is malformed');
  }
  if (typeof value !== 'object' || value === null) throw new IdentityError('the signed identity is malformed');
  const identity = value.identity as Partial<Identity> | undefined;
  const valid =
    typeof value.requestId === 'string' &&
    typeof identity === 'object' && identity !== null &&
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
        (identity.passwordChangeRequired === undefined || typeof identity.passwordChangeRequired === 'boolean') &&
        (identity.billerCode === undefined || isBillerCode(identity.billerCode)) &&
        billerBindingProblem(identity.roles, identity.billerCode) === undefined));
  // The signature was valid, so a malformed body means a bug on the signing side, not an attack: say so loudly.
  if (!valid) throw new IdentityError('the signed identity is malformed');
  return value as SignedRequestContext;
}
