import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { assertNoPageProblems, useBrowser } from './support/browser.js';
import { screenshot } from './support/screens.js';

/**
 * The harness itself, on small pages it serves to the browser (no stack): the checks the console's tests rely on must
 * fail when they should, or a green console test shows nothing. Chromium's clock is checked too, which under
 * `faketime` shows the browser runs a year ahead with everything else.
 */

/** A page answered by the test under a made-up origin, with the given Content-Security-Policy. */
async function serve(page: Page, html: string, csp = "default-src 'self'; script-src 'self'; style-src 'self'"): Promise<void> {
  await page.route('http://harness.test/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': csp }, body: html }),
  );
  await page.goto('http://harness.test/');
}

const labelledForm = `<!doctype html><html lang="en"><head><title>Sign in</title></head><body><main>
  <h1>Sign in</h1>
  <form><label for="u">Username</label><input id="u" name="u"><label for="p">Password</label><input id="p" type="password">
  <button type="submit">Sign in</button></form></main></body></html>`;

describe('the end-to-end harness', () => {
  const browser = useBrowser();

  it("runs Debian's Chromium, whose clock is this process's (a year ahead under faketime too)", async () => {
    const { page } = browser();
    const inBrowser = await page.evaluate(() => Date.now());
    expect(Math.abs(inBrowser - Date.now())).toBeLessThan(5 * 60_000);
    expect(page.context().browser()?.version()).toMatch(/^\d+\./);
  });

  it('axe passes a labelled form, under a strict CSP, without the injection counting as a violation', async () => {
    const watched = browser();
    await serve(watched.page, labelledForm);
    const results = await expectAccessible(watched.page, 'labelled form');
    expect(results.violations.map((violation) => violation.id)).not.toContain('label');
    expect(watched.problems.cspViolations).toEqual([]);
  });

  it('axe fails a form with an unlabelled input, naming the rule and the node', async () => {
    const { page } = browser();
    await serve(page, labelledForm.replace('<label for="u">Username</label>', ''));
    await expect(expectAccessible(page, 'unlabelled form')).rejects.toThrow(/unlabelled form: 1 serious or critical.*\n {2}label \(critical\): .*\n.*\n {4}- #u/);
  });

  it('catches a Content Security Policy violation: an inline script the policy refuses', async () => {
    const watched = browser();
    await serve(watched.page, labelledForm.replace('</body>', '<script>document.title = "ran"</script></body>'));
    await expect.poll(() => watched.problems.cspViolations.length).toBeGreaterThan(0);
    expect(await watched.page.title()).toBe('Sign in');
    const problems = watched.takeProblems();
    expect(problems.cspViolations.join('\n')).toMatch(/script-src/);
    expect(() => assertNoPageProblems(problems)).toThrow(/Content Security Policy violations:/);
  });

  it('catches an uncaught error in the page', async () => {
    const watched = browser();
    await serve(watched.page, labelledForm, "default-src 'self'; script-src 'self' 'unsafe-inline'");
    await watched.page.evaluate(() => setTimeout(() => { throw new Error('boom from the page'); }, 0));
    await expect.poll(() => watched.problems.pageErrors.length).toBe(1);
    expect(() => assertNoPageProblems(watched.takeProblems())).toThrow(/Uncaught page errors:\n {2}- Error: boom from the page/);
  });

  it('saves a full-page PNG screenshot', async () => {
    const { page } = browser();
    await serve(page, labelledForm);
    const file = await screenshot(page, 'Harness self-test');
    expect(file).toMatch(/test\/e2e\/screenshots\/harness-self-test\.png$/);
    expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
