import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where screenshots go (gitignored); the README's three are copied from here into `docs/`. */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../screenshots');

/** `Sign-in page` -> `sign-in-page`: a file name that is the same on every run, so each run replaces the last. */
export function screenshotFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) throw new Error(`a screenshot needs a name with a letter or digit in it, not ${JSON.stringify(name)}`);
  return `${slug}.png`;
}

/** Saves a full-page PNG of the page as it is now and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, screenshotFileName(name));
  // Animations are stopped so two runs of the same screen give the same picture.
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
