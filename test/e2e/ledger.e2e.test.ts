import { readFile } from 'node:fs/promises';
import { Decimal, formatIndian, money } from '@postal/money';
import { needs } from '@postal/testkit';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { screenshot } from './support/screens.js';
import { signIn, signInForm } from './support/session.js';
import { useStack } from './support/stack.js';

/**
 * The ledger's flows of issue 10 in a real Chromium against the stack as `npm start` starts it: a manual journal made
 * by one finance officer and approved by another, then read back in the statement, the entry and the trial balance
 * (whose CSV must carry the screen's totals); an auditor who reads and verifies but is offered nothing to change; a
 * clerk's day close, after which a journal dated that day is refused next to its date. Every screen and dialog visited
 * is checked with axe and photographed once. The tests share one stack and run in order: the day close comes last, so
 * it cannot refuse the first flow's journal. Every date is one the screens propose (the operator's today, the next day
 * to close), so the year-ahead run passes too.
 */

const OFFICE = 'NDGPO';
const BANK = 'NDGPO:1500';
const UPI = 'NDGPO:1400';
const SHORTAGE = 'NDGPO:1300';
/** Unique per run, so the approval and the statement line are this run's and no other's. */
const DESCRIPTION = `Transfer from UPI clearing to bank, e2e ${Date.now().toString(36)}`;

/** The money shown for an amount by the console (`<Money>`): lakh grouping, with or without the currency. */
function shown(amount: Decimal | string, currency?: string): string {
  const text = formatIndian(money(amount, 'INR'));
  return currency ? `${text} ${currency}` : text;
}

/** A figure as the screen shows it ("1,23,456.78", "-1,234.56") read back as an exact decimal. */
function read(text: string): Decimal {
  return new Decimal(text.trim().replace(/\s*INR$/, '').replace(/,/g, '').replace('−', '-'));
}

async function goTo(page: Page, navigationLabel: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: navigationLabel, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Signs out through the banner and waits for the sign-in form, so the next person signs in on a fresh session. */
async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signInForm(page).username.waitFor();
}

/** The text of the description (`<dd>`) a term (`<dt>`) of a description list names. */
function termValue(page: Page | Locator, term: string): Locator {
  return page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
}

/** What an input's accessible description says: its hint and its errors (aria-describedby), as a screen reader reads it. */
function describedBy(field: Locator): Promise<string> {
  return field.evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** Picks a code from a combo box's suggestions, typing it as a person would. */
async function pickCode(page: Page, label: string, code: string): Promise<void> {
  // By role: while its suggestions are open, the listbox is labelled by the field's label too, so getByLabel would
  // match both until it closes (a race CI lost once).
  const field = page.getByRole('combobox', { name: label, exact: true });
  await field.fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`) }).click();
  expect(await field.inputValue()).toBe(code);
}

/** The manual journal's "Difference" row as shown: the amount and which side is ahead. */
async function difference(page: Page): Promise<string> {
  return (await page.getByRole('row', { name: /^Difference/ }).innerText()).replace(/\s+/g, ' ').trim();
}

/** No command anywhere on the screen: what an auditor must never be offered. */
async function expectNoWriteAction(page: Page, where: string): Promise<void> {
  const buttons = ['Reverse entry…', 'Close business day…', 'Approve…', 'Reject…', 'Submit for approval', 'Submit reversal for approval', 'Close the day'];
  for (const name of buttons) {
    expect(await page.getByRole('button', { name, exact: true }).count(), `${where}: a "${name}" button`).toBe(0);
  }
  for (const name of ['Manual journal', 'Close business day']) {
    expect(await page.getByRole('link', { name, exact: true }).count(), `${where}: a "${name}" link`).toBe(0);
  }
}

async function check(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
}

describe.runIf(needs('postgres', 'redis'))('the ledger in the console (needs PostgreSQL and Redis)', () => {
  const stack = useStack({ name: 'ledger' });
  const browser = useBrowser({ baseURL: () => stack().baseUrl });

  it('finance posts a manual journal, finance2 approves it; the statement, the entry and the trial balance show it, and the CSV has the screen totals', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    // The dashboard, once its panels have answered.
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('heading', { name: 'Approvals waiting for you' }).waitFor();
    await page.getByText('Waiting for your decision').waitFor();
    await page.getByText("Reading the offices' cash").waitFor({ state: 'hidden' });
    await page.getByText('Offices still to close').waitFor();
    // Every panel answered: none shows a refusal (the cash and approvals queries once exceeded production's cost limit).
    expect(await page.getByRole('main').getByRole('alert').allInnerTexts()).toEqual([]);
    await check(page, 'dashboard');

    await goTo(page, 'Manual journal', 'Manual journal');
    const date = await page.getByLabel('Business date', { exact: true }).inputValue();
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await pickCode(page, 'Office', OFFICE);
    await page.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
    // The office's accounts arrive once the office is chosen; the first line's suggestions are them.
    await pickCode(page, 'Line 1 account', BANK);
    await page.getByLabel('Line 1 debit', { exact: true }).fill('1234.56');
    expect(await difference(page)).toBe(`Difference ${shown('1234.56', 'INR')} more in debits Not balanced`);
    await pickCode(page, 'Line 2 account', UPI);
    await page.getByLabel('Line 2 credit', { exact: true }).fill('1000.25');
    expect(await difference(page)).toBe(`Difference ${shown('234.31', 'INR')} more in debits Not balanced`);
    await page.getByRole('button', { name: 'Add line', exact: true }).click();
    await pickCode(page, 'Line 3 account', SHORTAGE);
    await page.getByLabel('Line 3 credit', { exact: true }).fill('234.31');
    expect(await difference(page)).toBe(`Difference ${shown('0', 'INR')} Balanced`);
    await check(page, 'manual-journal');

    await page.getByRole('button', { name: 'Submit for approval', exact: true }).click();
    const submitted = page.getByRole('region', { name: 'Journal submitted for approval' });
    await submitted.waitFor();
    expect(await termValue(submitted, 'Status').innerText()).toBe('PENDING');
    expect(await termValue(submitted, 'Summary').innerText()).toContain(DESCRIPTION);
    await check(page, 'manual-journal-submitted');
    await signOut(page);

    // The checker: the request waits in finance2's inbox, pending.
    await signIn(page, 'finance2');
    await goTo(page, 'Approvals', 'Waiting for me');
    const inbox = page.getByRole('table', { name: 'Requests waiting for your decision' });
    const request = inbox.getByRole('row').filter({ hasText: DESCRIPTION });
    await request.waitFor();
    expect(await request.getByRole('cell').filter({ hasText: /^Pending$/ }).count()).toBe(1);
    await check(page, 'approvals-inbox');
    await request.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /request$/ }).waitFor();
    await check(page, 'approval-request');
    await page.getByRole('button', { name: 'Approve…', exact: true }).click();
    const approve = page.getByRole('dialog', { name: 'Approve this request' });
    await approve.waitFor();
    await check(page, 'approve-dialog');
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'You approved the request.' }).waitFor();
    // Executed once the ledger has posted it (the screen polls until then).
    await termValue(page, 'Executed').waitFor();
    expect(await termValue(page, 'Status').innerText()).toBe('Executed');

    // The trial balance as of the entry's day, for the office.
    await goTo(page, 'Trial balance', 'Trial balance');
    await page.getByLabel('As of', { exact: true }).fill(date);
    await page.getByLabel('Office', { exact: true }).fill(OFFICE);
    const report = page.getByRole('table', { name: `Trial balance as of ${date} for ${OFFICE}` });
    await report.waitFor();
    const bankRow = report.getByRole('row').filter({ has: page.getByRole('link', { name: BANK, exact: true }) });
    const bankCells = await bankRow.getByRole('cell').allInnerTexts();
    // Account, Name, Type, Office, Debits, Credits, Debit balance, Credit balance: the journal's debit is in the Debits.
    expect(read(bankCells[4]!).greaterThanOrEqualTo('1234.56')).toBe(true);
    const totalDebit = (await termValue(page, 'Total debit balances').innerText()).trim();
    const totalCredit = (await termValue(page, 'Total credit balances').innerText()).trim();
    expect(totalDebit).toBe(totalCredit);
    expect(await termValue(page, 'Balanced').innerText()).toBe('Debits equal credits');
    await check(page, 'trial-balance');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`trial-balance-${OFFICE}-${date}.csv`);
    const csv = Papa.parse<Record<string, string>>(await readFile(await download.path(), 'utf8'), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    const total = csv.data.find((row) => row.Account === 'TOTAL');
    expect(total).toBeDefined();
    // The same totals, digit for digit: the file's exact decimal, shown as the screen shows money, is the screen's text.
    expect(`${shown(total!['Debit balance']!)} ${total!.Currency}`).toBe(totalDebit);
    expect(`${shown(total!['Credit balance']!)} ${total!.Currency}`).toBe(totalCredit);
    const bankLine = csv.data.find((row) => row.Account === BANK);
    expect(shown(bankLine!.Debits!)).toBe(bankCells[4]);

    // The bank account's statement: the journal's line with the balance after it.
    await report.getByRole('link', { name: BANK, exact: true }).click();
    const lines = page.getByRole('table', { name: new RegExp(`^Statement lines of ${BANK} from`) });
    await lines.getByRole('row').filter({ hasText: DESCRIPTION }).waitFor();
    const rows = await lines.getByRole('row').all();
    const texts = await Promise.all(rows.slice(1).map((row) => row.getByRole('cell').allInnerTexts()));
    const ours = texts.findIndex((cells) => cells[2] === DESCRIPTION);
    expect(ours).toBeGreaterThanOrEqual(0);
    // Date, Entry, Description, Source, Debit, Credit, Balance.
    expect(texts[ours]![4]).toBe(shown('1234.56'));
    expect(texts[ours]![5]).toBe('');
    const before = ours > 0 ? read(texts[ours - 1]![6]!) : read(await termValue(page, `Opening balance, .*`).innerText());
    expect(texts[ours]![6]).toBe(shown(before.plus('1234.56')));
    await check(page, 'statement');

    // The entry, from its statement line: three postings, balanced, maker and checker.
    await lines.getByRole('link', { name: new RegExp(`^Entry .*: ${DESCRIPTION}$`) }).click();
    await page.getByRole('heading', { level: 1, name: /^Journal entry #\d+$/ }).waitFor();
    expect(await termValue(page, 'Maker').first().innerText()).toBe('finance (staff)');
    expect(await termValue(page, 'Checker').first().innerText()).toBe('finance2 (staff)');
    const postings = page.getByRole('table', { name: /^Postings of entry #/ });
    expect(await postings.getByRole('row').count()).toBe(1 + 3 + 1);
    const totalRow = await postings.getByRole('row').filter({ hasText: /^Total/ }).getByRole('cell').allInnerTexts();
    expect(totalRow.slice(1)).toEqual([shown('1234.56', 'INR'), shown('1234.56', 'INR')]);
    await check(page, 'journal-entry');

    // The reversal dialog, opened and cancelled: it offers the reversal, with the entry's postings.
    await page.getByRole('button', { name: 'Reverse entry…', exact: true }).click();
    const reversal = page.getByRole('dialog', { name: 'Reverse journal entry' });
    await reversal.getByRole('table', { name: /^Postings of the entry/ }).waitFor();
    await reversal.getByLabel('Reason', { exact: true }).waitFor();
    await check(page, 'reversal-dialog');
    await reversal.getByRole('button', { name: 'Cancel', exact: true }).click();
    await reversal.waitFor({ state: 'detached' });
    // Two people, eight screens and a CSV: 20 s alone, twice that on two cores shared with a build.
  }, 120_000);

  it('the auditor reads the trial balance and an entry, verifies the ledger and the audit trail, and is offered no write action', async () => {
    const { page } = browser();
    await signIn(page, 'auditor');
    await expectNoWriteAction(page, 'dashboard');

    await goTo(page, 'Chart of accounts', 'Chart of accounts');
    await page.getByRole('group', { name: 'Chart of accounts' }).waitFor();
    await expectNoWriteAction(page, 'chart of accounts');
    await check(page, 'chart-of-accounts');

    await goTo(page, 'Trial balance', 'Trial balance');
    const asOf = await page.getByLabel('As of', { exact: true }).inputValue();
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel('Office', { exact: true }).fill(OFFICE);
    const report = page.getByRole('table', { name: `Trial balance as of ${asOf} for ${OFFICE}` });
    await report.waitFor();
    expect(await termValue(page, 'Balanced').innerText()).toBe('Debits equal credits');
    await expectNoWriteAction(page, 'trial balance');

    await report.getByRole('link', { name: BANK, exact: true }).click();
    const lines = page.getByRole('table', { name: new RegExp(`^Statement lines of ${BANK} from`) });
    const line = lines.getByRole('link', { name: new RegExp(`^Entry .*: ${DESCRIPTION}$`) });
    await line.waitFor();
    await expectNoWriteAction(page, 'statement');
    await line.click();
    await page.getByRole('heading', { level: 1, name: /^Journal entry #\d+$/ }).waitFor();
    expect(await termValue(page, 'Checker').first().innerText()).toBe('finance2 (staff)');
    await expectNoWriteAction(page, 'journal entry');

    await goTo(page, 'Verify the ledger', 'Verify the ledger');
    await page.getByRole('button', { name: 'Verify the ledger', exact: true }).click();
    await page.getByRole('heading', { name: 'The ledger holds' }).waitFor();
    expect(await page.getByText('No discrepancy.', { exact: true }).count()).toBe(1);
    await expectNoWriteAction(page, 'verify the ledger');
    await check(page, 'verify-ledger');

    await goTo(page, 'Audit trail', 'Audit trail');
    const records = page.getByRole('table', { name: 'Audit records' });
    const first = records.getByRole('row').nth(1);
    await first.getByRole('link').waitFor();
    await expectNoWriteAction(page, 'audit trail');
    await check(page, 'audit-trail');
    await first.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Audit record / }).waitFor();
    await page.getByRole('heading', { name: 'In the hash chain' }).waitFor();
    await expectNoWriteAction(page, 'audit record');
    await check(page, 'audit-record');

    await goTo(page, 'Verify audit trail', 'Verify the audit trail');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByText('The audit trail is intact.', { exact: true }).waitFor();
    await expectNoWriteAction(page, 'verify the audit trail');
    await check(page, 'audit-verify');

    // The inbox too, if the auditor has one: nothing to decide.
    const approvals = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals', exact: true });
    if ((await approvals.count()) > 0) {
      await approvals.click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoWriteAction(page, 'approvals');
    }
  });

  it('the clerk closes the business day; a journal dated that day is then refused with DAY_CLOSED next to its date', async () => {
    const { page } = browser();
    await signIn(page, 'clerk');
    await goTo(page, 'Close business day', 'Close the business day');
    const dayField = page.getByLabel('Day to close', { exact: true });
    await dayField.waitFor();
    const day = await dayField.inputValue();
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await check(page, 'close-business-day');

    await page.getByRole('button', { name: 'Close business day…', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: new RegExp(`^Close ${OFFICE} through .*\\?$`) });
    await confirm.waitFor();
    await check(page, 'close-business-day-confirm');
    await confirm.getByRole('button', { name: 'Close the day', exact: true }).click();
    const closed = page.getByRole('region', { name: 'Business day closed' });
    await closed.waitFor();
    expect(await closed.getByRole('status').innerText()).toMatch(new RegExp(`^${OFFICE} is closed through .* by clerk at `));
    await signOut(page);

    // A finance officer of the division, on the day just closed.
    await signIn(page, 'finance');
    await goTo(page, 'Manual journal', 'Manual journal');
    await pickCode(page, 'Office', OFFICE);
    const dateField = page.getByLabel('Business date', { exact: true });
    await dateField.fill(day);
    await page.getByLabel('Description', { exact: true }).fill(`Posting into a closed day, e2e ${Date.now().toString(36)}`);
    await pickCode(page, 'Line 1 account', BANK);
    await page.getByLabel('Line 1 debit', { exact: true }).fill('10.50');
    await pickCode(page, 'Line 2 account', UPI);
    await page.getByLabel('Line 2 credit', { exact: true }).fill('10.50');
    expect(await difference(page)).toBe(`Difference ${shown('0', 'INR')} Balanced`);
    await page.getByRole('button', { name: 'Submit for approval', exact: true }).click();
    await expect.poll(() => dateField.getAttribute('aria-invalid')).toBe('true');
    const said = await describedBy(dateField);
    expect(said).toContain('DAY_CLOSED');
    expect(said).toContain(`${OFFICE} has closed its business days through ${day}`);
    expect(await page.getByRole('region', { name: 'Journal submitted for approval' }).count()).toBe(0);
    await check(page, 'manual-journal-day-closed');
  });
});
