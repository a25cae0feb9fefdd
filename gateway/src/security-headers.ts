import helmet from 'helmet';
import type { RequestHandler } from 'express';

const GRAPHIQL_ORIGIN = 'https://unpkg.com';

/**
 * The Content-Security-Policy of everything the gateway serves but GraphiQL: the console's pages and scripts, and the
 * JSON answers. Only our own origin's scripts, styles, fonts and API: no inline script or style (the console is a
 * Vite build of files, with nothing inline), no plugin, no <base>, no other site framing us or receiving our forms.
 */
export const STRICT_CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Outside production the runtime serves GraphiQL at /graphql, whose page starts itself with an inline script and loads
 * its bundle (script, styles, editor workers) from unpkg.com. Only that path gets this policy, and only outside
 * production, where no console page is ever answered from it.
 */
const GRAPHIQL_CSP_DIRECTIVES: Record<string, string[]> = {
  ...STRICT_CSP_DIRECTIVES,
  'script-src': ["'self'", "'unsafe-inline'", GRAPHIQL_ORIGIN],
  'style-src': ["'self'", "'unsafe-inline'", GRAPHIQL_ORIGIN],
  'connect-src': ["'self'", GRAPHIQL_ORIGIN],
  'worker-src': ["'self'", 'blob:', GRAPHIQL_ORIGIN],
};

/** /graphql and anything under it: where the runtime answers (and, outside production, serves GraphiQL). */
const GRAPHQL_PATH = /^\/graphql(\/|$)/;

/**
 * The usual security headers on every response (helmet, configured here rather than trusted to its defaults):
 * - a Content-Security-Policy: the strict one everywhere, GraphiQL's relaxed one only at /graphql outside production;
 * - `X-Content-Type-Options: nosniff`, so a JSON answer is never run as script;
 * - frame denial (`X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`), so no page can overlay the console;
 * - `Referrer-Policy: no-referrer`, so no URL of ours leaks to another site;
 * - HSTS only when the request came over TLS (directly or, with `trust proxy`, as the proxy says): sent over plain
 *   HTTP it means nothing, and sent on a developer's http://localhost it would pin that name to HTTPS in the browser.
 */
export function securityHeaders(options: { production: boolean }): RequestHandler {
  const withPolicy = (directives: Record<string, string[]>) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
      xContentTypeOptions: true,
    });
  const strict = withPolicy(STRICT_CSP_DIRECTIVES);
  const graphiql = options.production ? strict : withPolicy(GRAPHIQL_CSP_DIRECTIVES);
  const hsts = helmet.strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: true });
  return (req, res, next) => {
    const common = GRAPHQL_PATH.test(req.path) ? graphiql : strict;
    common(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (req.secure) return hsts(req, res, next);
      next();
    });
  };
}
