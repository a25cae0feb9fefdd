import helmet from 'helmet';
import type { RequestHandler } from 'express';

const GRAPHIQL_ORIGIN = 'https://unpkg.com';

/**
 * The usual security headers on every response (helmet, configured here rather than trusted to its defaults):
 * - `X-Content-Type-Options: nosniff`, so a JSON answer is never run as script;
 * - frame denial (`X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`), so no page can overlay the console;
 * - `Referrer-Policy: no-referrer`, so no URL of ours leaks to another site;
 * - HSTS only when the request came over TLS (directly or, with `trust proxy`, as the proxy says): sent over plain
 *   HTTP it means nothing, and sent on a developer's http://localhost it would pin that name to HTTPS in the browser.
 */
export function securityHeaders(options: { production: boolean }): RequestHandler {
  // Outside production the runtime serves GraphiQL at /graphql, whose page loads its bundle (script, styles, editor
  // workers) from unpkg.com; production serves no page, and so allows no other origin.
  const graphiql = options.production ? [] : [GRAPHIQL_ORIGIN];
  const common = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // GraphiQL's page starts itself with an inline script.
        'script-src': ["'self'", "'unsafe-inline'", ...graphiql],
        'style-src': ["'self'", "'unsafe-inline'", ...graphiql],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'", ...graphiql],
        'worker-src': ["'self'", 'blob:', ...graphiql],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    xContentTypeOptions: true,
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: true });
  return (req, res, next) => {
    common(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (req.secure) return hsts(req, res, next);
      next();
    });
  };
}
