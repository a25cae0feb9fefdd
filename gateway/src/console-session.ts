import { accessTokenExpiresAt } from '@postal/auth';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { MAX_BODY, requestState } from './http.js';
import { clearedSessionCookie, CSRF_HEADER, sessionCookie, sessionTokenOf } from './session-cookie.js';

/**
 * `/session`: sign-in, sign-out and password change for the console, which keeps its token in an httpOnly cookie
 * rather than in page script (session-cookie.ts). Each endpoint runs the same GraphQL operation an API client would
 * (login, logout, changePassword, me) through the gateway's own runtime, so the limits, the log line, the request id,
 * the signed identity and the session checks are the ones every /graphql request gets; this module only moves the
 * token between the operation's answer and the cookie. No answer here ever holds the token.
 *
 *   POST   /session           { username, password }            200 session, cookie set
 *   GET    /session                                             200 session for a live cookie, else 401
 *   DELETE /session                                             204, the session ended and the cookie cleared
 *   POST   /session/password  { currentPassword, newPassword }  200 session, the fresh token's cookie set
 *
 * A session is `{ expiresAt, mustChangePassword, staff: { id, username, name } }`; errors are GraphQL's error shape
 * with the operation's own codes (INVALID_CREDENTIALS, ACCOUNT_LOCKED, WEAK_PASSWORD, ...) and the request id.
 */

/** One operation run through the runtime as the caller, with the token the cookie holds (if any). */
export interface SessionOperation {
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
}

export interface OperationAnswer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: AnswerError[] };
}

interface AnswerError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** Runs an operation through the runtime for this HTTP request (server.ts; the request's id and address kept). */
export type RunOperation = (operation: SessionOperation, req: Request, res: Response) => Promise<OperationAnswer>;

interface SessionStaff {
  id: string;
  username: string;
  name: string;
  mustChangePassword: boolean;
}

const STAFF_FIELDS = 'staff { id username name mustChangePassword }';
const LOGIN = `mutation ConsoleSignIn($username: String!, $password: String!) { login(username: $username, password: $password) { token ${STAFF_FIELDS} } }`;
const LOGOUT = 'mutation ConsoleSignOut { logout }';
const CHANGE_PASSWORD = `mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { token ${STAFF_FIELDS} } }`;
const ME = 'query ConsoleSession { me { id username name mustChangePassword } }';

/**
 * HTTP statuses for the codes these operations answer. The console reads 401 as "not signed in (any more)", so only
 * codes that mean that are 401: a wrong current password in a live session is the person's input (400), and a locked
 * account is a wait (429), not a missing session.
 */
const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TEMPORARY_PASSWORD_USED: 401,
  ACCOUNT_LOCKED: 429,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  WEAK_PASSWORD: 400,
  WRONG_PASSWORD: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  SESSIONS_UNVERIFIABLE: 503,
  DEPENDENCY_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export function sessionRoutes(options: { run: RunOperation; logger: Logger; timeZone?: string | undefined }): express.Router {
  const { run, logger } = options;
  const view = (staff: SessionStaff, expiresAt: Date | undefined) => sessionView(staff, expiresAt, options.timeZone);
  const router = express.Router();
  router.use(noStore, requireCsrfAndJson, express.json({ limit: MAX_BODY }));

  router.post('/', async (req, res) => {
    const input = stringFields(req.body, ['username', 'password']);
    if ('error' in input) return refuse(res, 400, 'BAD_USER_INPUT', input.error, { field: input.field });
    const answer = await run({ query: LOGIN, variables: input.values }, req, res);
    const result = answer.body.data?.login as { token: string; staff: SessionStaff } | undefined;
    if (!result) return answerErrors(res, answer, logger);
    startSession(req, res, result.token, result.staff, view);
  });

  router.get('/', async (req, res) => {
    const token = sessionTokenOf(req.get('cookie'));
    if (token === undefined) return refuse(res, 401, 'UNAUTHENTICATED', 'not signed in');
    const answer = await run({ query: ME, token }, req, res);
    const me = answer.body.data?.me as SessionStaff | undefined;
    if (!me) return answerErrors(res, answer, logger, { clearCookieOn401: true });
    // The runtime has just verified the token, so its expiry claim can be believed.
    res.status(200).json(view(me, accessTokenExpiresAt(token)));
  });

  router.delete('/', async (req, res) => {
    const token = sessionTokenOf(req.get('cookie'));
    if (token !== undefined) await endSession(run, token, req, res, logger);
    // Whatever the server said, this browser forgets the token: what the person asked for is done here.
    res.append('Set-Cookie', clearedSessionCookie({ secure: req.secure }));
    res.status(204).end();
  });

  router.post('/password', async (req, res) => {
    const token = sessionTokenOf(req.get('cookie'));
    if (token === undefined) return refuse(res, 401, 'UNAUTHENTICATED', 'not signed in');
    const input = stringFields(req.body, ['currentPassword', 'newPassword']);
    if ('error' in input) return refuse(res, 400, 'BAD_USER_INPUT', input.error, { field: input.field });
    const answer = await run({ query: CHANGE_PASSWORD, variables: input.values, token }, req, res);
    const result = answer.body.data?.changePassword as { token: string; staff: SessionStaff } | undefined;
    if (!result) return answerErrors(res, answer, logger, { clearCookieOn401: true });
    // Every earlier token of the person has ended, this cookie's included: the fresh one replaces it.
    startSession(req, res, result.token, result.staff, view);
  });

  router.use((_req, res) => refuse(res, 404, 'NOT_FOUND', 'no such session endpoint'));
  return router;
}

/**
 * The cookie lives as long as the token by its own `exp` (the instant the gateway stops accepting it), and the answer
 * says the same instant, so the console, the cookie and the token agree.
 */
function startSession(req: Request, res: Response, token: string, staff: SessionStaff, view: typeof sessionView): void {
  const expiresAt = accessTokenExpiresAt(token);
  if (!expiresAt) throw new Error('the administration subgraph answered a token without an expiry');
  res.append('Set-Cookie', sessionCookie(token, expiresAt, { secure: req.secure }));
  res.status(200).json(view(staff, expiresAt));
}

/** Ends the cookie's session; one that had already ended (or expired) needs nothing more. */
async function endSession(run: RunOperation, token: string, req: Request, res: Response, logger: Logger): Promise<void> {
  try {
    const answer = await run({ query: LOGOUT, token }, req, res);
    if (answer.body.data?.logout === true) return;
    const code = answer.body.errors?.[0]?.extensions?.code;
    if (code === 'UNAUTHENTICATED') return;
    logger.warn({ requestId: requestState(res).requestId, code }, 'sign-out could not end the session; the cookie is cleared all the same');
  } catch (error) {
    logger.error({ err: error, requestId: requestState(res).requestId }, 'sign-out failed; the cookie is cleared all the same');
  }
}

/**
 * Never the token: the staff fields the console shows, whether a password change comes first, when it ends, and the
 * operator's time zone (the console shows times in it, so a clerk and the server agree on what "today" is).
 */
function sessionView(staff: SessionStaff, expiresAt: Date | undefined, timeZone?: string) {
  return {
    expiresAt: expiresAt?.toISOString() ?? null,
    mustChangePassword: staff.mustChangePassword,
    staff: { id: staff.id, username: staff.username, name: staff.name },
    ...(timeZone ? { timeZone } : {}),
  };
}

/** Session answers are about one person at one moment: no cache keeps them. */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Like cookie requests to /graphql: the CSRF header on every request, and JSON on every request with a body. */
const requireCsrfAndJson: RequestHandler = (req, res, next) => {
  if (req.get(CSRF_HEADER) === undefined) return refuse(res, 403, 'BAD_REQUEST', `send the ${CSRF_HEADER} header`);
  if (req.method === 'POST' && !/^application\/json\s*(;|$)/i.test(req.get('content-type') ?? '')) {
    return refuse(res, 403, 'BAD_REQUEST', 'send the body as JSON (Content-Type: application/json)');
  }
  next();
};

type Fields<K extends string> = { values: Record<K, string> } | { error: string; field: string };

/** The named fields of a JSON object body, each a string; the first that is not says which. */
function stringFields<K extends string>(body: unknown, names: readonly K[]): Fields<K> {
  const object = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = object[name];
    if (typeof value !== 'string') return { error: `${name} must be a string`, field: name };
    values[name] = value;
  }
  return { values };
}

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  const { requestId } = requestState(res);
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra, requestId } }] });
}

/**
 * The operation's errors as the answer, with the status their first code means. An operation that answered neither
 * data nor an error would be a bug, and is reported as one (masked, logged).
 */
function answerErrors(res: Response, answer: OperationAnswer, logger: Logger, options: { clearCookieOn401?: boolean } = {}): void {
  const { requestId } = requestState(res);
  const errors = answer.body.errors ?? [];
  if (errors.length === 0) {
    logger.error({ requestId, status: answer.status }, 'a session operation answered neither data nor errors');
    return refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }
  const code = errors[0]?.extensions?.code;
  const status = (typeof code === 'string' ? STATUS_OF_CODE[code] : undefined) ?? (answer.status >= 400 ? answer.status : 400);
  const retryAfter = answer.headers.get('retry-after');
  if (retryAfter !== null) res.setHeader('Retry-After', retryAfter);
  // A cookie whose session is over is of no more use; the browser drops it rather than send it with every request.
  if (status === 401 && options.clearCookieOn401) res.append('Set-Cookie', clearedSessionCookie({ secure: res.req.secure }));
  res.status(status).json({
    errors: errors.map((error) => ({ message: error.message, extensions: { ...error.extensions, requestId } })),
  });
}
