import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { needs } from '@postal/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { screenshot } from './support/screens.js';
import { signedInLandmarks, signIn, signInForm } from './support/session.js';
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

  it('an ended session asks for the password over the screen, which keeps what was being typed', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    const search = page.getByLabel('Search', { exact: true });
    await search.fill('half-typed search');
    // The session ends behind the screen's back (as a logout elsewhere or an administrator would end it).
    await page.evaluate(() => fetch('/session', { method: 'DELETE', headers: { 'x-graphql-csrf': '1' }, credentials: 'same-origin' }));
    const dialog = page.getByRole('alertdialog', { name: 'Your session has ended' });
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    await expectAccessible(page, 'session ended dialog');
    await screenshot(page, 'session-ended');
    await dialog.getByLabel('Password', { exact: true }).fill('demo');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The same screen, as it was: nothing typed was lost.
    expect(await search.inputValue()).toBe('half-typed search');
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
  });

  it('a temporary password opens only the change-password screen, and the console once it is changed', async () => {
    const { page } = browser();
    await signIn(page, 'admin');
    // An administrator resets postman3's password: the temporary one goes to postman3 through the notifier.
    const reset = await page.evaluate(async () => {
      const call = async (query: string, variables: Record<string, unknown>) =>
        (await (await fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' }, body: JSON.stringify({ query, variables }) })).json()) as {
          data?: Record<string, any>;
          errors?: unknown[];
        };
      const found = await call('query Find($search: String) { staffMembers(filter: { search: $search }, first: 5) { edges { node { id username } } } }', { search: 'postman3' });
      const id = found.data?.staffMembers.edges.find((edge: { node: { username: string } }) => edge.node.username === 'postman3')?.node.id;
      return call('mutation Reset($id: ID!) { resetPassword(id: $id) { staff { username } } }', { id });
    });
    expect(reset.errors).toBeUndefined();
    const temporary = await stack().temporaryPasswordOf('postman3');
    await page.getByRole('button', { name: 'Sign out' }).click();
    const form = signInForm(page);
    await form.username.fill('postman3');
    await form.password.fill(temporary);
    await form.submit.click();
    await page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
    // Nothing else of the console is reachable.
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await expectAccessible(page, 'forced change-password screen');
    await screenshot(page, 'change-password-forced');
    await page.getByLabel('Current password', { exact: true }).fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill('a-postman-chose-this');
    await page.getByLabel('New password again', { exact: true }).fill('a-postman-chose-this');
    await page.getByRole('button', { name: 'Change password' }).click();
    await signedInLandmarks(page, 'Anil Thapa').banner.waitFor({ state: 'visible' });
  });
});

