import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { Suspense } from 'react';
import { audienceOf, BILLER_HOME, billerMayOpen } from '../session/audience';
import { MeProvider, useMe } from '../session/me';
import { roleName } from '../session/permissions';
import { useSession } from '../session/session';
import { Button } from '../ui/Button';
import { Loading } from '../ui/Loading';
import { SECTIONS } from './registry';
import { navigationFor } from './sections';

/**
 * The frame of every screen: who is signed in (name, role, office), the navigation their roles allow, sign out. A
 * biller's person sees their biller instead of an office, only the biller's pages, and is taken there from any other
 * address (the dashboard at `/` included).
 */
export function AppShell() {
  return (
    <MeProvider>
      <Shell />
    </MeProvider>
  );
}

function Shell() {
  const me = useMe();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const biller = audienceOf(me) === 'biller';
  if (biller && !billerMayOpen(pathname)) return <Navigate to={BILLER_HOME} replace />;
  const entries = navigationFor(me, SECTIONS);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <span className="brand">Postal Finance</span>
        <div className="identity" aria-label="Signed in as">
          <span className="identity-name">{me.name}</span>
          <span className="identity-detail">
            {biller ? `Acting for biller ${me.billerCode}` : `${me.roles.map(roleName).join(', ') || 'No role yet'} · ${me.office.name} (${me.office.code})`}
          </span>
        </div>
        <NavLink to="/account/password" className="header-link">
          Change password
        </NavLink>
        <Button variant="quiet" onPress={() => void signOut()}>
          Sign out
        </Button>
      </header>
      <div className="shell-body">
        <nav className="shell-nav" aria-label="Main">
          <ul>
            {biller ? null : (
              <li>
                <NavLink to="/" end>
                  Dashboard
                </NavLink>
              </li>
            )}
            {entries.map((entry) => (
              <li key={entry.to}>
                <NavLink to={entry.to}>{entry.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="shell-main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
