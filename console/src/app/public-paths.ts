/**
 * Pages anyone may open without signing in (the sender's money-order tracking page). They are decided before the
 * session is even asked for, load as their own chunk (app/PublicPages.tsx) and talk to the gateway without the
 * session cookie. Everything else is the console, behind the sign-in page.
 */
const PUBLIC_PATHS = /^\/track\/?$/;

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.test(pathname);
}
