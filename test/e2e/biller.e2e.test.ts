import { DEMO_BILLER_STAFF } from '@postal/administration';
import { needs } from '@postal/testkit';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { screenshot } from './support/screens.js';
import { signIn } from './support/session.js';
import { useStack } from './support/stack.js';

/**
 * A biller's own person in the console (issue 12): the demo seller's clerk lands on the biller's page, which says the
 * biller they act for, sees nothing else in the navigation, and is taken back there from any staff address.
 */
const SELLER = DEMO_BILLER_STAFF.find((member) => member.username === 'seller.demo')!;

describe.runIf(needs('postgres', 'redis'))("a biller's console (needs PostgreSQL and Redis)", () => {
  const stack = useStack({ name: 'biller' });
  const browser = useBrowser({ baseURL: () => stack().baseUrl });

  it('lands on /biller after sign-in, names the biller, and the navigation shows nothing else', async () => {
    const { page } = browser();
    await signIn(page, SELLER.username, undefined, { personName: SELLER.name });
    await page.getByRole('heading', { level: 1, name: 'COD account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/biller');
    await page.getByText('You act for biller').waitFor();
    expect(await page.getByRole('main').innerText()).toContain('BL000001');
    const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(links.map((text) => text.trim())).toEqual(['COD account', 'COD disputes']);
    // The banner says whose they are, not which office manages their account.
    expect(await page.getByRole('banner').innerText()).toMatch(/biller BL000001/i);
    await expectAccessible(page, 'biller home');
    await screenshot(page, 'biller home');
  });

  it('shows its own disputes (none yet), with no office page offered', async () => {
    const { page } = browser();
    await signIn(page, SELLER.username, undefined, { personName: SELLER.name });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'COD disputes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'COD disputes' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/biller/disputes');
    await page.getByText('No disputes match.').waitFor();
    expect(await page.getByRole('main').innerText()).toContain('BL000001');
    await expectAccessible(page, 'biller disputes');
    await screenshot(page, 'biller disputes');
  });

  it('takes them back to /biller from a staff address', async () => {
    const { page } = browser();
    await signIn(page, SELLER.username, undefined, { personName: SELLER.name });
    for (const path of ['/staff', '/offices', '/ledger']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'COD account' }).waitFor();
      expect(new URL(page.url()).pathname, path).toBe('/biller');
    }
  });
});
