import { needs } from '@postal/testkit';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { assertNoPageProblems, openWatchedPage, useBrowser, type WatchedPage } from './support/browser.js';
import { screenshot } from './support/screens.js';
import { DEMO_PASSWORD, demoPersonName, signIn, signInForm } from './support/session.js';
import { useStack } from './support/stack.js';

/**
 * Issue 10's administration flows in a real Chromium against the stack as `npm start` starts it: an office and a
 * member of staff created through the screens, a role grant that waits for a second administrator (approved by
 * keyboard alone), a suspended person's console signed out within seconds, and hidden actions forced through the
 * page's own fetch answering FORBIDDEN. The tests share one stack and run in order: later ones use what earlier ones
 * made (the office, the person, the request).
 */

const OFFICE = { code: 'E2E-HO', name: 'E2E Test Head Office', pin: '110099', parent: 'DL-NDC' };
const PERSON = { employeeId: '10990001', username: 'e2e.keeper', name: 'Meera E2E Keeper' };
const ROLE = { code: 'COUNTER_CLERK', name: 'Counter clerk' };

/** What the tests made, for the ones after them. */
const made: { staffId?: string; requestId?: string } = {};

/** The console checks its session every 3 s and the harness's gateway polls ended sessions every 200 ms: ~10 s is ample. */
const SIGNED_OUT_WITHIN_MS = 10_000;

const visible = (locator: Locator, timeout = 15_000) => locator.waitFor({ state: 'visible', timeout });

async function heading(page: Page, name: string | RegExp, level = 1): Promise<void> {
  await visible(page.getByRole('heading', { name, level }));
}

/** What a person tabbing would hear for the focused element: its label, aria-label or text, and its tag. */
async function focused(page: Page): Promise<{ tag: string; name: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return { tag: '', name: '' };
    const labelled = (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const name = element.getAttribute('aria-label') || labelled || element.textContent || '';
    return { tag: element.tagName, name: name.replace(/\s+/g, ' ').trim() };
  });
}

/** Presses Tab (only the keyboard) until the focused element's name matches; fails saying what was passed. */
async function tabTo(page: Page, name: RegExp, options: { tag?: string; max?: number } = {}): Promise<void> {
  const seen: string[] = [];
  for (let presses = 0; presses < (options.max ?? 60); presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (name.test(now.name) && (!options.tag || now.tag === options.tag)) return;
    seen.push(`${now.tag}:${now.name.slice(0, 40)}`);
  }
  throw new Error(`Tab never reached ${name} (${options.tag ?? 'any element'}); passed: ${seen.join(' | ')}`);
}

/** Accessible, and a screenshot: every screen and dialog the tests visit. */
async function check(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, `administration ${name}`);
}

/** A GraphQL call through the page's own fetch, with its cookie and the console's CSRF header: what a forced hidden action is. */
async function forced(page: Page, query: string, variables: Record<string, unknown>): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  return page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    { query, variables },
  );
}

const codesOf = (body: { errors?: { extensions?: { code?: string } }[] }) => (body.errors ?? []).map((error) => error.extensions?.code);

describe.runIf(needs('postgres', 'redis'))('administration in the console (needs PostgreSQL and Redis)', () => {
  const stack = useStack({ name: 'administration' });
  const browser = useBrowser({ baseURL: () => stack().baseUrl });

  /** A second person's browser (its own cookies), watched like the test's own; closed by the caller. */
  async function secondBrowser(page: Page): Promise<WatchedPage> {
    const chromium = page.context().browser();
    if (!chromium) throw new Error('no browser');
    return openWatchedPage(chromium, { baseURL: stack().baseUrl });
  }

  it('admin creates an office under a division and a member of staff at it, and asks for a role: pending, with no approve button for them', async () => {
    const { page } = browser();
    await page.goto('/');
    await visible(signInForm(page).username);
    await check(page, 'sign-in');
    await signIn(page, 'admin');
    await heading(page, 'Dashboard');
    await visible(page.getByRole('heading', { name: 'Approvals waiting for you', level: 2 }));
    await check(page, 'dashboard (admin)');

    // Offices: the tree, a search, the division's detail, and "New office under this one".
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Offices' }).click();
    await heading(page, 'Offices');
    await visible(page.getByRole('treegrid', { name: 'Office tree' }).or(page.getByRole('tree', { name: 'Office tree' })));
    await check(page, 'offices tree');
    await page.getByLabel('Find an office').fill(OFFICE.parent);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await heading(page, 'Find offices');
    const divisionLink = page.getByRole('table', { name: 'Offices' }).getByRole('link', { name: OFFICE.parent, exact: true });
    await visible(divisionLink);
    await check(page, 'office search');
    await divisionLink.click();
    await heading(page, 'New Delhi Central Division');
    await check(page, 'office detail');

    await page.getByRole('button', { name: 'New office under this one' }).click();
    const dialog = page.getByRole('dialog', { name: 'New office under New Delhi Central Division' });
    await visible(dialog);
    await check(page, 'create-office dialog');
    await dialog.getByLabel('Code', { exact: true }).fill(OFFICE.code.toLowerCase());
    await dialog.getByLabel('Type', { exact: true }).selectOption({ label: 'Head office' });
    await dialog.getByLabel('Name', { exact: true }).fill(OFFICE.name);
    await dialog.getByLabel('PIN', { exact: true }).fill(OFFICE.pin);
    await dialog.getByRole('button', { name: 'Create office' }).click();
    await heading(page, OFFICE.name);
    // The code was typed in lower case: the form upper-cases it, and the server's answer is what the notice says.
    await visible(page.getByText(`Office ${OFFICE.name} (${OFFICE.code}) created under ${OFFICE.parent}.`));
    expect(await page.getByRole('navigation', { name: 'Offices above' }).innerText()).toContain('New Delhi Central Division');

    // Staff: the list, the create form, the new person's detail.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await heading(page, 'Staff');
    await visible(page.getByRole('table', { name: 'Staff' }).getByRole('link', { name: 'admin2', exact: true }));
    await check(page, 'staff list');
    await page.getByRole('link', { name: 'New member of staff' }).click();
    await heading(page, 'New member of staff');
    await check(page, 'staff create');
    await page.getByLabel('Employee id').fill(PERSON.employeeId);
    await page.getByLabel('Username').fill(PERSON.username);
    await page.getByLabel('Name', { exact: true }).fill(PERSON.name);
    await page.getByLabel('Office code').fill(OFFICE.code);
    // The field names the office it found, so a typo shows before anything is sent.
    await visible(page.getByText(`${OFFICE.name} · Head office`));
    await page.getByRole('button', { name: 'Create and send password' }).click();
    await heading(page, PERSON.name);
    await visible(page.getByText(`${PERSON.name} is created, with no roles yet.`));
    await visible(page.getByText('No roles: they hold no rights anywhere until a grant is approved.'));
    made.staffId = /\/staff\/([^/?#]+)/.exec(page.url())?.[1];
    expect(made.staffId).toBeTruthy();

    // The temporary password went to them (the outbox), never to the screen.
    const temporaryPassword = await stack().temporaryPasswordOf(PERSON.username);
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
    expect(await page.content()).not.toContain(temporaryPassword);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(temporaryPassword);
    await check(page, 'staff detail');

    await page.getByRole('button', { name: 'Grant a role' }).click();
    const grant = page.getByRole('dialog', { name: `Grant a role to ${PERSON.name}` });
    await visible(grant);
    await check(page, 'grant-role dialog');
    await grant.getByLabel('Role').selectOption({ label: ROLE.name });
    await grant.getByRole('button', { name: 'Ask for approval' }).click();
    await visible(page.getByText(`The grant of ${ROLE.name} to ${PERSON.name} is waiting for a second administrator’s approval (pending`));
    // Still no role: a grant is only a request until someone else approves it.
    await visible(page.getByText('No roles: they hold no rights anywhere until a grant is approved.'));
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(temporaryPassword);

    await page.getByRole('link', { name: 'Open the request', exact: true }).click();
    await heading(page, 'Role grant request');
    made.requestId = /\/approvals\/([^/?#]+)/.exec(page.url())?.[1];
    expect(made.requestId).toBeTruthy();
    await visible(page.getByText('You made this request: someone else who may decide it approves or rejects it.'));
    expect(await page.getByRole('button', { name: /approve/i }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /reject/i }).count()).toBe(0);
    expect(await page.getByText(`Grant ${ROLE.code} to ${PERSON.username} at ${OFFICE.code}`).count()).toBeGreaterThan(0);

    // Nor is it in their own "Waiting for me".
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    await heading(page, 'Waiting for me');
    await visible(page.getByText('Nothing is waiting for your decision.'));
  });

  it('keyboard only: admin2 signs in, finds the grant in "Waiting for me", reads the payload and approves it; the staff detail then shows the role', async () => {
    const { page } = browser();
    expect(made.requestId, 'the first test made the request').toBeTruthy();
    await page.goto('/');
    await visible(signInForm(page).username);

    // From here to the approval: page.keyboard only (Tab, Enter, typing), no click, no fill.
    await tabTo(page, /^Username/, { tag: 'INPUT' });
    await page.keyboard.type('admin2');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toMatch(/^Password/);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('banner').filter({ hasText: demoPersonName('admin2') }));

    await tabTo(page, /^Approvals$/, { tag: 'A' });
    await page.keyboard.press('Enter');
    await heading(page, 'Waiting for me');
    const summary = `Grant ${ROLE.code} to ${PERSON.username} at ${OFFICE.code}`;
    await visible(page.getByRole('table', { name: 'Requests waiting for your decision' }).getByRole('link', { name: summary }));
    await check(page, 'approvals list');
    // The grid's row (roving focus) comes before the links inside it; Enter on the row opens it.
    await tabTo(page, new RegExp(summary.replace(/\./g, '\\.')), { tag: 'TR' });
    await page.keyboard.press('Enter');
    await heading(page, 'Role grant request');
    expect(page.url()).toContain(`/approvals/${made.requestId}`);

    // The payload as what it changes: the person, the role, their roles before and after.
    const change = page.getByRole('region', { name: 'What will change' });
    await visible(change.getByText(`${PERSON.name} (${PERSON.username})`));
    expect(await change.innerText()).toContain(`${OFFICE.name} (${OFFICE.code})`);
    expect(await change.getByRole('table').innerText()).toMatch(/Roles\s+No role\s+Counter clerk/);
    await check(page, 'approval detail');

    await tabTo(page, /^Approve…$/, { tag: 'BUTTON' });
    await page.keyboard.press('Enter');
    const approve = page.getByRole('dialog', { name: 'Approve this request' });
    await visible(approve);
    await check(page, 'approve dialog');
    // The comment box has the focus when the dialog opens.
    expect((await focused(page)).name).toMatch(/^Comment/);
    await page.keyboard.type('Checked with the divisional office.');
    await tabTo(page, /^Approve$/, { tag: 'BUTTON', max: 5 });
    await page.keyboard.press('Enter');
    await visible(page.getByRole('status').filter({ hasText: 'You approved the request.' }));
    // Executed by the administration subgraph a moment later; the screen looks again until it is.
    await visible(page.getByRole('heading', { name: 'What changed', level: 2 }), 30_000);
    expect(await page.getByText('Checked with the divisional office.').count()).toBeGreaterThan(0);

    await page.goto(`/staff/${made.staffId}`);
    await heading(page, PERSON.name);
    const roles = page.getByRole('region', { name: 'Roles', exact: true });
    await visible(roles.getByRole('listitem').filter({ hasText: ROLE.name }));
    expect(await roles.innerText()).toContain(ROLE.code);
    expect(await page.getByText('No roles: they hold no rights anywhere').count()).toBe(0);
  });

  it('a hidden action forced through the page answers FORBIDDEN, and a screen the person may not use says so', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    // finance may read staff, not manage them: the detail offers no Suspend, and forcing it is refused.
    await page.goto(`/staff/${made.staffId}`);
    await heading(page, PERSON.name);
    expect(await page.getByRole('button', { name: 'Suspend' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Grant a role' }).count()).toBe(0);
    const suspend = await forced(page, 'mutation ($id: ID!, $reason: String!) { suspendStaff(id: $id, reason: $reason) { id status } }', { id: made.staffId, reason: 'forced from the page' });
    expect(suspend.status).toBe(200);
    expect(codesOf(suspend.body)).toEqual(['FORBIDDEN']);
    const office = await forced(page, 'mutation ($input: CreateOfficeInput!) { createOffice(input: $input) { code } }', {
      input: { code: 'E2E-FORCED', name: 'Forced', type: 'HEAD_OFFICE', parentCode: OFFICE.parent, pin: '110098' },
    });
    expect(codesOf(office.body)).toEqual(['FORBIDDEN']);
    const grant = await forced(page, 'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { id status } }', { input: { username: PERSON.username, role: 'ADMIN' } });
    expect(codesOf(grant.body)).toEqual(['FORBIDDEN']);
    // Nothing changed: the person is still active, and the office was not made.
    await page.reload();
    await heading(page, PERSON.name);
    expect(await page.getByRole('region', { name: 'Office and status' }).innerText()).toMatch(/Status\s+Active/);
    const lookup = await forced(page, 'query ($code: ID!) { office(code: $code) { code } }', { code: 'E2E-FORCED' });
    expect(lookup.body.data).toEqual({ office: null });

    // The staff screens are not in finance's navigation for managing; the create screen, opened by its address, says why.
    await page.goto('/staff/new');
    await visible(page.getByRole('alert').filter({ hasText: 'You may not take on staff: that needs the staff.manage permission.' }));
  });

  it("the server's FORBIDDEN is shown on the screen: a counter clerk who opens the staff list by its address", async () => {
    const { page } = browser();
    // Not in DEMO_STAFF (the README's short list): the seed's name for them is given.
    await signIn(page, 'clerk.cp', DEMO_PASSWORD, { personName: 'Neha Bansal' });
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).count()).toBe(0);
    await page.goto('/staff');
    await heading(page, 'Staff');
    const alert = page.getByRole('alert').filter({ hasText: 'FORBIDDEN' });
    await visible(alert);
    // The server's own words and code, as the API answered them (no staff.read anywhere is FORBIDDEN, not an empty list).
    expect(await alert.innerText()).toMatch(/you may not staff\.read\s*FORBIDDEN/);
    await screenshot(page, 'administration staff list forbidden');
    await expectAccessible(page, 'staff list (forbidden)');
  });

  it("a suspended person's open console is signed out within seconds", async () => {
    const { page } = browser();
    await signIn(page, 'clerk');
    await heading(page, 'Dashboard');

    const admin = await secondBrowser(page);
    try {
      await signIn(admin.page, 'admin');
      await admin.page.goto('/staff?search=10040001');
      const row = admin.page.getByRole('table', { name: 'Staff' }).getByRole('link', { name: 'clerk', exact: true });
      await visible(row);
      await row.click();
      await heading(admin.page, demoPersonName('clerk'));
      await admin.page.getByRole('button', { name: 'Suspend' }).click();
      const dialog = admin.page.getByRole('dialog', { name: `Suspend ${demoPersonName('clerk')}` });
      await visible(dialog);
      await check(admin.page, 'suspend dialog');
      await dialog.getByLabel('Reason').fill('Cash shortage under inquiry');
      await dialog.getByRole('button', { name: 'Suspend' }).click();
      await visible(admin.page.getByText(`${demoPersonName('clerk')} is suspended`));
      const suspendedAt = Date.now();

      const ended = page.getByRole('alertdialog', { name: 'Your session has ended' });
      await visible(ended, SIGNED_OUT_WITHIN_MS);
      const tookMs = Date.now() - suspendedAt;
      expect(tookMs).toBeLessThan(SIGNED_OUT_WITHIN_MS);
      await check(page, 'session ended dialog');
      // The console behind it no longer answers for them: the session check says signed out.
      const still = await forced(page, '{ me { id } }', {});
      expect(codesOf(still.body)).toContain('UNAUTHENTICATED');
      assertNoPageProblems(admin.problems, "admin's page");
    } finally {
      await admin.context.close();
    }
  });
});
