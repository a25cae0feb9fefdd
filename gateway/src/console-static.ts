import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import express, { type RequestHandler } from 'express';

/** Where the API and the gateway's own endpoints live: never answered with the console's page. */
const NOT_CONSOLE = /^\/(graphql|health|session)(\/|$)/;

/** A year, the longest max-age caches honour: Vite names each asset after its content, so a name never changes meaning. */
const ASSET_MAX_AGE = '365d';

/** Whether a directory holds a built console (Vite's `index.html` at its root). */
export function isConsoleBuild(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/**
 * The built console (console/dist): its hashed assets under /assets, cached for good; any other file at the build's
 * root (what Vite copies from public/) with revalidation; and for every other GET the console's index.html, so a
 * bookmarked /offices/NDGPO opens the page whose router shows that screen (the single-page app fallback). The page is
 * revalidated on each load (`no-cache`), so a new build is picked up at once while its assets stay cached. The
 * security headers, its strict Content-Security-Policy included, are set before this (security-headers.ts).
 */
export function consoleRoutes(dir: string): express.Router {
  if (!isAbsolute(dir)) throw new Error(`consoleDir must be an absolute path, not ${dir}`);
  const router = express.Router();
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: ASSET_MAX_AGE, index: false, redirect: false }),
    // A missing asset is a 404, not the page: a script tag given HTML would fail in a way nobody could read.
    (_req, res) => void res.status(404).type('text/plain').send('no such asset'),
  );
  router.use(
    express.static(dir, {
      index: false,
      redirect: false,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  router.use(spaFallback(dir));
  return router;
}

function spaFallback(dir: string): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_CONSOLE.test(req.path)) return next();
    res.sendFile('index.html', { root: dir, cacheControl: false, headers: { 'Cache-Control': 'no-cache' } }, (error) => {
      if (!error) return;
      // The build was removed while the gateway runs (a rebuild in progress): say so rather than fail obscurely.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !res.headersSent) {
        res.status(503).type('text/plain').send('the console is being rebuilt; reload in a moment');
        return;
      }
      next(error);
    });
  };
}
