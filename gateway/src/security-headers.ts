import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The usual security headers on every response (helmet, configured here rather than trusted to its defaults):
 * - `X-Content-Type-Options: nosniff`, so a JSON answer is never run as script;
 * - frame denial (`X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`), so no page can overlay the console;
 * - `Referrer-Policy: no-referrer`, so no URL of ours leaks to another site;
 * - HSTS only when the request came over TLS (directly or, with `trust proxy`, as the proxy says): sent over plain
 *   HTTP it means nothing, and sent on a developer's http://localhost it would pin that name to HTTPS in the browser.
 */
export function securityHeaders(): RequestHandler {
  const common = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // GraphiQL (outside production only) loads its script and styles from its own inline bundle.
        'script-src': ["'self'", "'unsafe-inline'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
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
