import { useMemo } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { SECTIONS } from './registry';
import { AppShell } from './AppShell';
import { screen } from './sections';

/** Every section's routes under the shell (header, navigation, the person's identity); each screen loads when opened. */
export function ConsoleRouter() {
  const router = useMemo(() => {
    const routes: RouteObject[] = [
      {
        path: '/',
        element: <AppShell />,
        children: [
          ...SECTIONS.flatMap((section) => section.routes),
          { path: 'account/password', ...screen(() => import('../screens/change-password/ChangePasswordScreen')) },
          { path: '*', ...screen(() => import('../screens/not-found/NotFound')) },
        ],
      },
    ];
    return createBrowserRouter(routes);
  }, []);
  return <RouterProvider router={router} />;
}
