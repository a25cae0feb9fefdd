import { lazy, Suspense, useMemo } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createApiClient } from '../api/client';
import { SessionProvider, useSession } from '../session/session';
import { SignIn } from '../screens/sign-in/SignIn';
import { ChangePassword } from '../screens/change-password/ChangePassword';
import { SessionExpiredDialog } from '../screens/sign-in/SessionExpiredDialog';
import { Loading } from '../ui/Loading';
import { ConsoleRouter } from './router';
import { isPublicPath } from './public-paths';

/**
 * The console's states: finding out whether a session exists, signed out (the sign-in page, at whatever URL was
 * asked for, which opens once signed in), a temporary password (only the change-password screen), and signed in.
 * When a signed-in session ends or expires, the screen stays mounted under a sign-in dialog, so nothing typed is lost.
 */
export function App() {
  if (isPublicPath(window.location.pathname)) return <PublicApp />;
  return (
    <SessionProvider>
      <Console />
    </SessionProvider>
  );
}

const PublicPages = lazy(() => import('./PublicPages'));

function PublicApp() {
  return (
    <Suspense fallback={<Loading what="Postal Finance" />}>
      <PublicPages />
    </Suspense>
  );
}

function Console() {
  const { state, markExpired } = useSession();
  const client = useMemo(() => createApiClient(markExpired), [markExpired]);
  switch (state.status) {
    case 'loading':
      return <Loading what="Postal Finance" />;
    case 'unavailable':
      return (
        <main className="centred">
          <h1>Postal Finance</h1>
          <p role="alert">The console cannot reach the server: {state.message}</p>
        </main>
      );
    case 'signed-out':
      return <SignIn />;
    case 'signed-in':
      if (state.info.mustChangePassword) return <ChangePassword forced />;
      return (
        <UrqlProvider value={client}>
          <div inert={state.expired}>
            <ConsoleRouter />
          </div>
          {state.expired ? <SessionExpiredDialog username={state.info.staff.username} /> : null}
        </UrqlProvider>
      );
  }
}
