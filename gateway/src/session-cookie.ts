import { parseCookie, stringifySetCookie } from 'cookie';

/**
 * The console's session cookie: the access token, where page scripts cannot read it (HttpOnly) and no other site's
 * request carries it (SameSite=Strict). Cookies are read and written with `cookie` (jshttp, the parser express and
 * most of Node's servers use): a Cookie header is a loose format (quoting, percent-encoding, repeated names, stray
 * separators) and a hand-written split would read a crafted header differently from the browser that wrote it.
 */
export const SESSION_COOKIE = 'pf_session';

/**
 * The header a cookie-authenticated request must carry. A cookie travels with any request the browser makes, even one
 * another page caused (a form post, an image); a custom header cannot be set by such a request without a CORS
 * preflight, which the gateway never grants. The runtime's csrfPrevention does not cover this: it passes every JSON
 * POST, header or not, because a plain form cannot send one; SameSite=Strict alone covers it in browsers that honour
 * it, and this covers the rest.
 */
export const CSRF_HEADER = 'x-graphql-csrf';

/** The session token a Cookie header carries, or undefined (no header, no such cookie, or an empty one). */
export function sessionTokenOf(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const token = parseCookie(cookieHeader)[SESSION_COOKIE];
  return token ? token : undefined;
}

/**
 * The Set-Cookie value that holds a session token until it expires. `Secure` when the request came over TLS (as the
 * trusted proxy says, with trustProxy): a Secure cookie set over plain HTTP is dropped by browsers, which would make
 * the console unusable on a developer's http://localhost.
 */
export function sessionCookie(token: string, expiresAt: Date, options: { secure: boolean; now?: Date }): string {
  const now = options.now ?? new Date();
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return stringifySetCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', maxAge, secure: options.secure });
}

/** The Set-Cookie value that makes the browser forget the session cookie at once. */
export function clearedSessionCookie(options: { secure: boolean }): string {
  return stringifySetCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/', maxAge: 0, secure: options.secure });
}
