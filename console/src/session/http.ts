import { CSRF_HEADER } from '../api/client';
import { problemOf, type Problem } from '../api/problems';

/** The gateway's cookie session (gateway/src/console-session.ts): the token itself never reaches the page. */
export interface SessionInfo {
  expiresAt: string;
  mustChangePassword: boolean;
  staff: { id: string; username: string; name: string };
  /** The operator's time zone, for showing times; absent from an older gateway. */
  timeZone?: string;
}

/** A refused session request, with the API's problems (INVALID_CREDENTIALS, ACCOUNT_LOCKED, BAD_USER_INPUT...). */
export class SessionRequestError extends Error {
  constructor(
    readonly status: number,
    readonly problems: Problem[],
  ) {
    super(problems[0]?.message ?? `the session request failed (${status})`);
  }
}

async function send(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { ...CSRF_HEADER, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new SessionRequestError(0, [
      { message: 'The server could not be reached. Check the connection and try again.', code: 'NETWORK_ERROR', field: undefined, requestId: undefined },
    ]);
  }
  if (response.ok) return response;
  throw new SessionRequestError(response.status, await problemsIn(response));
}

async function problemsIn(response: Response): Promise<Problem[]> {
  try {
    const payload = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    if (payload.errors?.length) return payload.errors.map(problemOf);
  } catch {
    // Not JSON: described by the status below.
  }
  return [{ message: `The server answered ${response.status}.`, code: undefined, field: undefined, requestId: undefined }];
}

export const sessionApi = {
  /** The live session, or null when there is none (no cookie, expired, ended). */
  async current(): Promise<SessionInfo | null> {
    try {
      return (await (await send('GET', '/session')).json()) as SessionInfo;
    } catch (error) {
      if (error instanceof SessionRequestError && error.status === 401) return null;
      throw error;
    }
  },
  async signIn(username: string, password: string): Promise<SessionInfo> {
    return (await (await send('POST', '/session', { username, password })).json()) as SessionInfo;
  },
  async signOut(): Promise<void> {
    await send('DELETE', '/session');
  },
  async changePassword(currentPassword: string, newPassword: string): Promise<{ expiresAt: string }> {
    return (await (await send('POST', '/session/password', { currentPassword, newPassword })).json()) as { expiresAt: string };
  },
};
