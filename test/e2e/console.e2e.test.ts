import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { needs } from '@postal/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { screenshot } from './support/screens.js';
import { signIn, signInForm } from './support/session.js';
import { REPOSITORY_ROOT, useStack } from './support/stack.js';

const CONSOLE_INDEX = join(REPOSITORY_ROOT, 'console/dist/index.html');

describe.runIf(needs('postgres', 'redis'))('the console, served by the gateway (needs PostgreSQL and Redis)', () => {
  // First, before a stack starts: without the built console every test here fails saying so. Not a skip, since a
  // console that did not build must not pass CI quietly.
  beforeAll(() => {
    if (!existsSync(CONSOLE_INDEX)) {
      throw new Error(`${CONSOLE_INDEX} is missing: the console was not built (the e2e global setup runs npx turbo run build, which builds console/ into console/dist/)`);
    }
  });
  const stack = useStack({ name: 'console' });
  const browser = useBrowser({ baseURL: () => stack().baseUrl });

  it('loads at / under a Content-Security-Policy, with no CSP violation and no page error', async () => {
    const { page } = browser();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    // Otherwise "no CSP violation" would hold for want of a policy.
    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
    await signInForm(page).username.waitFor({ state: 'visible' });
    // useBrowser fails the test after it if the page reported an uncaught error or a CSP violation.
  });

  it('the sign-in page passes axe-core with no serious or critical violation', async () => {
    const { page } = browser();
    await page.goto('/');
    const form = signInForm(page);
    await form.username.waitFor({ state: 'visible' });
    await expect(form.password.isVisible()).resolves.toBe(true);
    await expect(form.submit.isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'sign-in page');
    await screenshot(page, 'sign-in');
  });

  it('signing in as admin shows the banner with their name and the main navigation; no token is within reach of page scripts', async () => {
    const { page, context } = browser();
    const name = await signIn(page, 'admin');
    expect(name).toBe('Asha Verma');
    // The session is an httpOnly cookie (issue 10): nothing a page script can read holds an access token.
    const readable = await page.evaluate(() => [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })].join('\n'));
    expect(readable).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    const cookies = await context.cookies();
    expect(cookies.some((cookie) => cookie.httpOnly && cookie.sameSite === 'Strict')).toBe(true);
  });
});
