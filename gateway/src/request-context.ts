import { randomUUID } from 'node:crypto';
import { verifyAccessToken, type Identity } from '@postal/auth';
import { CommonCodes, isExpectedError } from '@postal/errors';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { CSRF_HEADER, sessionTokenOf } from './session-cookie.js';
import type { RevocationStore } from './sessions/revocation-store.js';

export const REQUEST_ID_HEADER = 'x-request-id';
/** An inbound request id is only kept when it is short and plain, so it is safe in logs and headers. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** The facts about one HTTP request that the gateway learns before GraphQL runs, kept on `res.locals`. */
export interface RequestState {
  requestId: string;
  clientAddress: string | undefined;
  /** Set once the operation is known, for the request log line. */
  operationName: string | undefined;
}

/** Who is asking, for one operation: every subgraph request is signed from it (see signing.ts). */
export interface CallerContext {
  requestId: string;
  clientAddress: string | undefined;
  identity: Identity;
  logger: Logger;
  state: RequestState;
}

/** What the gateway adds to the runtime's context of each operation. */
export interface GatewayContext {
  caller: CallerContext;
}

export function acceptRequestId(inbound: string | undefined): string {
  return inbound !== undefined && REQUEST_ID_PATTERN.test(inbound) ? inbound : randomUUID();
}

// RFC 9110: the scheme is case-insensitive; a token68 follows one or more spaces.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Who a request comes from: its Authorization header when it has one (API clients), else the console's session cookie
 * (session-cookie.ts), else nobody. The header wins over a cookie, so a client that says who it is is believed rather
 * than whatever cookie its browser holds. A cookie request must carry the CSRF header, or it is refused (403) before
 * its token is even read: a cookie is sent with requests the person did not mean to make.
 */
export async function identityOfRequest(headers: Headers, jwtPublicKey: string): Promise<Identity> {
  const authorization = headers.get('authorization');
  if (authorization !== null) return identityFromAuthorization(authorization, jwtPublicKey);
  const token = sessionTokenOf(headers.get('cookie'));
  if (token === undefined) return { kind: 'anonymous' };
  if (!headers.has(CSRF_HEADER)) {
    throw new GraphQLError(`a request signed in by the session cookie must carry the ${CSRF_HEADER} header`, {
      extensions: { code: 'BAD_REQUEST', http: { status: 403 } },
    });
  }
  return identityFromToken(token, jwtPublicKey);
}

/**
 * No Authorization header is an anonymous caller (the login mutation needs one). A header that is present but not a
 * valid Bearer token fails the whole request: quietly treating a bad token as anonymous would hide an expired
 * session behind confusing FORBIDDEN errors further down.
 */
export async function identityFromAuthorization(header: string | undefined, jwtPublicKey: string): Promise<Identity> {
  if (header === undefined) return { kind: 'anonymous' };
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw unauthenticated('use the Bearer authorization scheme');
  return identityFromToken(token, jwtPublicKey);
}

/** A token, from the header or the cookie: a staff identity, or UNAUTHENTICATED (a bad, forged or expired one). */
async function identityFromToken(token: string, jwtPublicKey: string): Promise<Identity> {
  try {
    const claims = await verifyAccessToken(token, jwtPublicKey);
    return { kind: 'staff', ...claims };
  } catch (error) {
    // Only the token's own failures are the caller's fault; anything else (a broken key) is ours and stays a 500.
    if (isExpectedError(error)) throw unauthenticated(error.message);
    throw error;
  }
}

/**
 * A staff token whose session has ended (see sessions/revocation-store.ts) fails the whole request, like an expired
 * one: UNAUTHENTICATED, with `reason: SESSION_ENDED` for a client that wants to say why. When the gateway cannot tell
 * (the feed has not been read for too long) every staff request is refused with SESSIONS_UNVERIFIABLE (503); an
 * anonymous one (login) still passes, as it carries no session.
 */
export function assertSessionAlive(identity: Identity, sessions: RevocationStore): void {
  if (identity.kind !== 'staff') return;
  // verifyAccessToken refuses a token without these; an identity without them cannot be ended, so it does not pass.
  const { staffId, sessionId, sessionVersion } = identity;
  if (sessionId === undefined || sessionVersion === undefined) throw unauthenticated('the token is missing claims');
  switch (sessions.verdict({ staffId, sessionId, sessionVersion })) {
    case 'valid':
      return;
    case 'ended':
      throw unauthenticated(SESSION_ENDED_MESSAGE, { reason: 'SESSION_ENDED' });
    case 'unverifiable':
      throw new GraphQLError('sessions cannot be checked just now; try again shortly', {
        extensions: { code: 'SESSIONS_UNVERIFIABLE', http: { status: 503, headers: { 'retry-after': '5' } } },
      });
  }
}

export const SESSION_ENDED_MESSAGE = 'the session has ended; sign in again';

function unauthenticated(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: CommonCodes.UNAUTHENTICATED,
      ...extra,
      http: { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
    },
  });
}
