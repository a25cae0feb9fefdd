import { NavLink, Outlet } from 'react-router';
import { Suspense } from 'react';
import { MeProvider, useMe } from '../session/me';
import { roleName } from '../session/permissions';
import { useSession } from '../session/session';
import { Button } from '../ui/Button';
import { Loading } from '../ui/Loading';
import { SECTIONS } from './registry';

/** The frame of every screen: who is signed in (name, role, office), the navigation their roles allow, sign out. */
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
  const entries = SECTIONS.flatMap((section) => section.navigation.filter((entry) => entry.visible(me)).map((entry) => ({ ...entry, section: section.title })));
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
            {me.roles.map(roleName).join(', ') || 'No role yet'} · {me.office.name} ({me.office.code})
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
            <li>
              <NavLink to="/" end>
                Dashboard
              </NavLink>
            </li>
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
