import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { setOperatorTimeZone } from '../format/dates';
import { sessionApi, type SessionInfo } from './http';

/**
 * Where the person stands: still finding out, signed out, or signed in. A signed-in session can turn `expired`
 * (the API answered UNAUTHENTICATED, or the periodic check found it gone: ended by an administrator, a logout
 * elsewhere, or its time): the app then asks for the password again over the screen, which stays mounted with
 * whatever was being typed.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable'; message: string }
  | { status: 'signed-out' }
  | { status: 'signed-in'; info: SessionInfo; expired: boolean };

interface SessionContextValue {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  markExpired(): void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/** How often an open console asks whether its session still stands, so an ended one is noticed within seconds. */
export const SESSION_CHECK_MS = 3_000;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  if (state.status === 'signed-in') setOperatorTimeZone(state.info.timeZone);
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback(async () => {
    try {
      const info = await sessionApi.current();
      setState(info ? { status: 'signed-in', info, expired: false } : { status: 'signed-out' });
    } catch (error) {
      setState({ status: 'unavailable', message: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const markExpired = useCallback(() => {
    setState((current) => (current.status === 'signed-in' && !current.expired ? { ...current, expired: true } : current));
  }, []);

  // The periodic check: cheap for the gateway (a token and revocation check), and the way a suspended person's open
  // console learns it is no longer theirs.
  const signedInLive = state.status === 'signed-in' && !state.expired;
  useEffect(() => {
    if (!signedInLive) return;
    const timer = setInterval(() => {
      sessionApi.current().then(
        (info) => {
          if (!info) markExpired();
        },
        () => {
          // The gateway is unreachable for a moment: the API calls themselves will say so.
        },
      );
    }, SESSION_CHECK_MS);
    return () => clearInterval(timer);
  }, [signedInLive, markExpired]);

  const signIn = useCallback(async (username: string, password: string) => {
    const info = await sessionApi.signIn(username, password);
    const before = stateRef.current;
    if (before.status === 'signed-in' && before.info.staff.id !== info.staff.id) {
      // Someone else took over the console: nothing of the previous person's screen may stay.
      window.location.assign('/');
      return;
    }
    setState({ status: 'signed-in', info, expired: false });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await sessionApi.signOut();
    } finally {
      // Every cached answer belongs to the person who signed out.
      window.location.assign('/');
    }
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await sessionApi.changePassword(currentPassword, newPassword);
    await load();
  }, [load]);

  const value = useMemo(() => ({ state, signIn, signOut, changePassword, markExpired }), [state, signIn, signOut, changePassword, markExpired]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
