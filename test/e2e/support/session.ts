import { DEMO_PASSWORD, DEMO_STAFF } from '@postal/administration';
import type { Locator, Page } from 'playwright-core';

export { DEMO_PASSWORD };

const SIGN_IN_TIMEOUT_MS = 15_000;

/** The sign-in page's controls, found as a person using a screen reader finds them: by their accessible names. */
export function signInForm(page: Page): { username: Locator; password: Locator; submit: Locator } {
  return {
    username: page.getByLabel('Username', { exact: true }),
    password: page.getByLabel('Password', { exact: true }),
    submit: page.getByRole('button', { name: 'Sign in', exact: true }),
  };
}

/** The landmarks a signed-in console shows: the banner with the person's name, and the main navigation. */
export function signedInLandmarks(page: Page, personName: string): { banner: Locator; navigation: Locator } {
  return {
    banner: page.getByRole('banner').filter({ hasText: personName }),
    navigation: page.getByRole('navigation', { name: 'Main', exact: true }),
  };
}

/** The demo seed's name for a demo username (README, "Demo logins"). */
export function demoPersonName(username: string): string {
  const person = DEMO_STAFF.find((member) => member.username === username);
  if (!person) throw new Error(`${username} is not a demo login; pass the person's name to signIn`);
  return person.name;
}

/**
 * Signs in through the sign-in page, typing as a person would, and waits until the console shows the person's name in
 * its banner and the main navigation. Opens `/` first when the page has not been anywhere yet. A refused sign-in fails
 * with what the page said (its alerts), not only a timeout. Returns the person's name.
 */
export async function signIn(page: Page, username: string, password: string = DEMO_PASSWORD, options: { personName?: string } = {}): Promise<string> {
  const personName = options.personName ?? demoPersonName(username);
  if (page.url() === 'about:blank') await page.goto('/');
  const form = signInForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  await form.submit.click();
  const { banner, navigation } = signedInLandmarks(page, personName);
  try {
    await banner.waitFor({ state: 'visible', timeout: SIGN_IN_TIMEOUT_MS });
    await navigation.waitFor({ state: 'visible', timeout: SIGN_IN_TIMEOUT_MS });
  } catch (error) {
    const alerts = await page.getByRole('alert').allInnerTexts().catch(() => []);
    const said = alerts.map((text) => text.trim()).filter(Boolean);
    throw new Error(
      `signing in as ${username} did not show a banner with "${personName}" and the "Main" navigation within ${SIGN_IN_TIMEOUT_MS / 1000} s` +
        (said.length > 0 ? `; the page says: ${said.join(' | ')}` : ''),
      { cause: error },
    );
  }
  return personName;
}
