import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTinyGateway, type TinyGateway } from './test-support/tiny-gateway.js';

/** What a Vite build leaves: the page, a hashed asset, and a file copied from public/. */
const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/x.js"></script></head><body><div id="root"></div></body></html>';
const ASSET_JS = 'console.log("the console");';

const STRICT_CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';" +
  "object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'";

let consoleDir: string;
let emptyDir: string;
beforeAll(() => {
  consoleDir = mkdtempSync(join(tmpdir(), 'pf-console-'));
  mkdirSync(join(consoleDir, 'assets'));
  writeFileSync(join(consoleDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(consoleDir, 'assets', 'x.js'), ASSET_JS);
  writeFileSync(join(consoleDir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  emptyDir = mkdtempSync(join(tmpdir(), 'pf-console-empty-'));
});
afterAll(() => {
  rmSync(consoleDir, { recursive: true, force: true });
  rmSync(emptyDir, { recursive: true, force: true });
});

let running: TinyGateway[] = [];
afterEach(async () => {
  for (const stack of running) await stack.stop();
  running = [];
});
async function start(...args: Parameters<typeof startTinyGateway>): Promise<TinyGateway> {
  const stack = await startTinyGateway(...args);
  running.push(stack);
  return stack;
}

/** A CSP header as its directives, so the comparison does not depend on how helmet spaces them. */
const directives = (header: string | null) =>
  Object.fromEntries((header ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name, values]));

describe('the console, served by the gateway', () => {
  it('serves the hashed assets for a year, immutable, and a missing one as a 404 rather than the page', async () => {
    const { origin, gateway } = await start({ consoleDir, nodeEnv: 'development' });
    expect(gateway.consoleUrl).toBe(`${origin}/`);
    const asset = await fetch(`${origin}/assets/x.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe(ASSET_JS);
    const missing = await fetch(`${origin}/assets/gone-1234.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<html');
  });

  it('answers index.html, revalidated, for the root and for every screen path (the single-page app fallback)', async () => {
    const { origin } = await start({ consoleDir });
    for (const path of ['/', '/index.html', '/offices/NDGPO', '/ledger/statement?account=NDGPO:1100&from=2026-01-01', '/graphqlx', '/sessions']) {
      const page = await fetch(`${origin}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
      expect(await page.text(), path).toBe(INDEX_HTML);
    }
    // A file copied from public/ is itself, revalidated like the page (its name has no hash).
    const robots = await fetch(`${origin}/robots.txt`);
    expect(await robots.text()).toMatch(/^User-agent/);
    expect(robots.headers.get('cache-control')).toBe('no-cache');
    // Only GET and HEAD get the page.
    expect((await fetch(`${origin}/offices`, { method: 'HEAD' })).status).toBe(200);
    const post = await fetch(`${origin}/offices`, { method: 'POST' });
    expect(post.status).toBe(404);
    await post.body?.cancel();
  });

  it('never answers the page for the API, the health check or the session endpoints', async () => {
    const { origin } = await start({ consoleDir });
    const graphql = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ whoami }')}`, { headers: { 'x-graphql-csrf': '1' } });
    expect(graphql.headers.get('content-type')).toMatch(/json/);
    expect(((await graphql.json()) as { data: unknown }).data).toBeDefined();
    const health = await fetch(`${origin}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    for (const path of ['/session', '/session/password', '/session/anything', '/health/deep', '/graphql/x']) {
      const answer = await fetch(`${origin}${path}`, { headers: { 'x-graphql-csrf': '1' } });
      expect(await answer.text(), path).not.toContain('<div id="root">');
    }
  });

  it('carries the strict Content-Security-Policy on every console answer, outside production too', async () => {
    const { origin } = await start({ consoleDir, nodeEnv: 'development' });
    for (const path of ['/', '/offices/NDGPO', '/assets/x.js', '/robots.txt', '/assets/missing.js']) {
      const answer = await fetch(`${origin}${path}`);
      await answer.body?.cancel();
      expect(directives(answer.headers.get('content-security-policy')), path).toEqual(directives(STRICT_CSP));
      expect(answer.headers.get('content-security-policy'), path).not.toMatch(/unsafe-inline|unpkg/);
      expect(answer.headers.get('x-frame-options'), path).toBe('DENY');
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('keeps GraphiQL working at /graphql outside production, and only there', async () => {
    const { origin } = await start({ consoleDir, nodeEnv: 'development' });
    const graphiql = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.headers.get('content-type')).toMatch(/html/);
    await graphiql.body?.cancel();
    const policy = directives(graphiql.headers.get('content-security-policy'));
    expect(policy['script-src']).toEqual(expect.arrayContaining(["'unsafe-inline'", 'https://unpkg.com']));
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
  });

  it('serves /graphql under the strict policy in production, where there is no GraphiQL', async () => {
    const { origin } = await start({ consoleDir, nodeEnv: 'production' });
    const answer = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ whoami }"}' });
    await answer.body?.cancel();
    expect(directives(answer.headers.get('content-security-policy'))).toEqual(directives(STRICT_CSP));
    const page = await fetch(`${origin}/`);
    expect(await page.text()).toBe(INDEX_HTML);
  });

  it('serves only the API when there is no console build, or no consoleDir', async () => {
    for (const options of [{ consoleDir: emptyDir }, {}]) {
      const { origin, gateway } = await start(options);
      expect(gateway.consoleUrl).toBeUndefined();
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(404);
      await page.body?.cancel();
      await running.pop()!.stop();
    }
  });

  it('refuses a consoleDir that is not absolute: it would depend on where the process was started', async () => {
    await expect(startTinyGateway({ consoleDir: 'console/dist' })).rejects.toThrow(/absolute/);
  });
});
