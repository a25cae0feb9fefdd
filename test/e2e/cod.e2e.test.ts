import { needs } from '@postal/testkit';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { screenshot } from './support/screens.js';
import { signIn } from './support/session.js';
import { useStack } from './support/stack.js';

/**
 * Cash on delivery in the console (issue 12), in a real Chromium against the stack as `npm start` starts it: a finance
 * officer registers a biller and uploads its manifest (one row refused); the NDGPO postman takes the articles out,
 * delivers two with their collections (cash and UPI) and fails the third; the cash is deposited short, with its
 * reason; the finance officer finds the shortage among the exceptions and reads an article's timeline, and asks for a
 * bank change; the biller's own person sees its articles and what was collected; the office's trial balance balances.
 * Every screen visited passes axe. The tests share one stack (a fresh database) and run in order.
 *
 * Then the settlement: a batch built for the biller (its contract is T+0 with payouts every day, so the cash deposited
 * today is due in a cycle this week whatever the weekday), submitted, approved by a second finance officer in the
 * inbox, its payout file downloaded and the payout marked PAID with a UTR; a dispute raised on the article's page,
 * found in the disputes list and resolved from it; an article registered by hand and marked LOST by the counter
 * clerk; the UPI collection cleared with the aggregator's credit; the seller sees the remittance with its UTR and its
 * dispute; the COD reconciliation is at zero and the office's trial balance balances.
 */

const OFFICE = 'NDGPO';
/** The first biller registered in a fresh database; the demo's seller.demo is bound to it. */
const BILLER_CODE = 'BL000001';
const BILLER_NAME = 'Kirana Express Pvt Ltd';
/** The demo postman at NDGPO (Ramesh Kumar), whose employee number the beat uses as the postman's id. */
const POSTMAN_ID = '10050001';

/** A UPU S10 number with its check digit: weights 8 6 4 2 3 5 9 7, 11 - sum mod 11, 10 reads 0 and 11 reads 5. */
function s10(serial: string): string {
  const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((total, weight, at) => total + weight * Number(serial[at]), 0);
  const check = 11 - (sum % 11);
  return `EE${serial}${check === 10 ? 0 : check === 11 ? 5 : check}IN`;
}
const ARTICLES = [
  { number: s10('40000001'), amount: '1200.00' },
  { number: s10('40000002'), amount: '850.50' },
  { number: s10('40000003'), amount: '2000.00' },
] as const;
/** Registered by hand (not in the manifest), then lost in transit: a claim, nothing collected. */
const SINGLE = { number: s10('40000004'), amount: '640.00' } as const;
const CLAIM = 'CLM-NDGPO-2026-0042';
/** The aggregator's settlement credit for the UPI article. */
const CREDIT = 'RZP-SETL-20261203-01';
const UTR = 'SBINN26120300042';
let batchId: string | undefined;
const grouped = (number: string) => `${number.slice(0, 2)} ${number.slice(2, 5)} ${number.slice(5, 8)} ${number.slice(8, 11)} ${number.slice(11)}`;

async function goTo(page: Page, navigationLabel: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: navigationLabel, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

function termValue(page: Page | Locator, term: string): Locator {
  return page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
}

async function pickCode(page: Page, label: string, code: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label, exact: true });
  await field.fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`) }).click();
  expect(await field.inputValue()).toBe(code);
}

async function check(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
}

/** Waits for `locator`, or fails with what the page's alerts say. */
async function expectShown(page: Page, locator: Locator, what: string): Promise<void> {
  await locator.waitFor().catch(async (error: unknown) => {
    const alerts = await page.getByRole('alert').allInnerTexts();
    throw new Error(`${what} was not shown; the page says: ${alerts.join(' | ')}`, { cause: error });
  });
}

function today(): string {
  return dayAfter(0);
}

/** A calendar day in the operator's zone, `offset` days from today. */
function dayAfter(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date(Date.now() + offset * 86_400_000));
}

describe.runIf(needs('postgres', 'redis'))('cash on delivery in the console (needs PostgreSQL and Redis)', () => {
  const stack = useStack({ name: 'cod' });
  const browser = useBrowser({ baseURL: () => stack().baseUrl });

  it('a finance officer registers a biller with its payout account and contract', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'COD billers', 'COD billers');
    await check(page, 'cod-billers-empty');
    await page.getByRole('link', { name: 'Register a biller', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Register a biller' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(BILLER_NAME);
    await page.getByLabel('GSTIN', { exact: true }).fill('27AAPFU0939F1ZV');
    await pickCode(page, 'Settlement office', OFFICE);
    await page.getByLabel('Contact name', { exact: true }).fill('Anita Desai');
    await page.getByLabel('E-mail', { exact: true }).fill('accounts@kirana.example');
    await page.getByLabel('Phone', { exact: true }).fill('+919812345678');
    await page.getByLabel('Account holder', { exact: true }).fill(BILLER_NAME);
    await page.getByLabel('Account number', { exact: true }).fill('123456789012');
    await page.getByLabel('IFSC', { exact: true }).fill('SBIN0000691');
    await page.getByLabel('Settlement cycle (T+ business days)', { exact: true }).fill('0');
    await page.getByLabel('Saturday', { exact: true }).check();
    await page.getByLabel('Sunday', { exact: true }).check();
    await check(page, 'cod-register-biller');
    await page.getByRole('button', { name: 'Register the biller', exact: true }).click();
    await expectShown(page, page.getByRole('heading', { level: 1, name: `${BILLER_NAME} (${BILLER_CODE})` }), 'the registered biller');
    // A finance officer with cod.bank.read sees the account number in full.
    expect(await termValue(page.getByRole('region', { name: 'Payout account' }), 'Account number').first().innerText()).toBe('123456789012');
    const contracts = page.getByRole('table', { name: 'Contract versions' });
    expect(await contracts.getByRole('row').count()).toBe(2);
    expect(await contracts.getByRole('row').nth(1).innerText()).toContain('T+0');
    await check(page, 'cod-biller-detail');
  });

  it('the finance officer uploads the biller\'s manifest: three articles registered, one row refused', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'COD manifests', 'COD manifest upload');
    await page.getByLabel('Biller code', { exact: true }).fill(BILLER_CODE);
    const rows = [
      'article_number,cod_amount,booking_office,delivery_office',
      ...ARTICLES.map((article) => `${article.number},${article.amount},${OFFICE},${OFFICE}`),
      // A mistyped check digit: refused with its row number, the others registered.
      `${ARTICLES[0].number.slice(0, 10)}${(Number(ARTICLES[0].number[10]) + 1) % 10}IN,500.00,${OFFICE},${OFFICE}`,
    ];
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'kirana-manifest.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) });
    await page.getByRole('status').filter({ hasText: 'kirana-manifest.csv: 4 rows.' }).waitFor();
    await check(page, 'cod-manifest-chosen');
    await page.getByRole('button', { name: 'Upload and register', exact: true }).click();
    await expectShown(page, page.getByRole('status').filter({ hasText: /^Done\.$/ }), 'the finished manifest job');
    expect(await termValue(page, 'Registered').innerText()).toBe('3 articles');
    expect(await termValue(page, 'Rejected').innerText()).toBe('1 rows');
    const errors = page.getByRole('table', { name: 'Row errors' });
    expect(await errors.getByRole('row').nth(1).getByRole('cell').first().innerText()).toBe('4');
    await check(page, 'cod-manifest-done');
  });

  it('the postman takes the articles out, delivers two with their collections and fails the third', async () => {
    const { page } = browser();
    await signIn(page, 'postman');
    await goTo(page, "Today's COD beat", 'COD beat');
    expect(await page.getByLabel('Postman', { exact: true }).inputValue()).toBe(POSTMAN_ID);
    for (const article of ARTICLES) {
      await page.getByLabel('Article number', { exact: true }).fill(grouped(article.number));
      await page.getByLabel('Beat', { exact: true }).fill('Beat 7, Janpath');
      await page.getByRole('button', { name: 'Out for delivery', exact: true }).click();
      await expectShown(page, page.getByRole('status').filter({ hasText: `${grouped(article.number)} is out for delivery.` }), `${article.number} out for delivery`);
    }
    // exact: the accessible name "Not delivered on …" contains "delivered on …", and Playwright matches substrings.
    const out = page.getByRole('table', { name: `Out for delivery on ${formatDay(today())}`, exact: true });
    await expect.poll(() => out.getByRole('row').count(), { timeout: 10_000 }).toBe(4);
    await check(page, 'cod-beat-out');

    // The first in cash, exactly the COD amount.
    await rowOf(out, ARTICLES[0].number).getByRole('button', { name: 'Record delivery', exact: true }).click();
    const cash = page.getByRole('dialog', { name: `Deliver ${grouped(ARTICLES[0].number)}` });
    expect(await cash.getByLabel('Amount collected', { exact: true }).inputValue()).toBe('1200.00');
    await cash.getByLabel('Proof-of-delivery reference', { exact: true }).fill('EPOD-0001');
    await check(page, 'cod-deliver-dialog');
    await cash.getByRole('button', { name: 'Record delivery', exact: true }).click();
    await cash.waitFor({ state: 'detached' });

    // The second by UPI, with its RRN.
    await rowOf(out, ARTICLES[1].number).getByRole('button', { name: 'Record delivery', exact: true }).click();
    const upi = page.getByRole('dialog', { name: `Deliver ${grouped(ARTICLES[1].number)}` });
    await upi.getByLabel('Paid by', { exact: true }).selectOption('UPI');
    await upi.getByLabel('Payment reference', { exact: true }).fill('512345678901');
    await upi.getByLabel('Proof-of-delivery reference', { exact: true }).fill('EPOD-0002');
    await upi.getByRole('button', { name: 'Record delivery', exact: true }).click();
    await upi.waitFor({ state: 'detached' });

    // The third: nobody home.
    await rowOf(out, ARTICLES[2].number).getByRole('button', { name: 'Delivery failed', exact: true }).click();
    const failed = page.getByRole('dialog', { name: `Delivery failed: ${grouped(ARTICLES[2].number)}` });
    await failed.getByLabel('Why it could not be delivered', { exact: true }).fill('Door locked, neighbours away');
    await failed.getByRole('button', { name: 'Record the failure', exact: true }).click();
    await failed.waitFor({ state: 'detached' });

    const delivered = page.getByRole('table', { name: `Delivered on ${formatDay(today())}`, exact: true });
    await expect.poll(() => delivered.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
    expect(await termValue(page, 'Cash collected').innerText()).toMatch(/^1,200\.00/);
    expect(await termValue(page, 'UPI and card collected').innerText()).toMatch(/^850\.50/);
    expect(await termValue(page, 'Cash to deposit').innerText()).toMatch(/^1,200\.00/);
    await check(page, 'cod-beat-delivered');
  });

  it('the postman deposits the cash short, and the shortage needs its reason', async () => {
    const { page } = browser();
    await signIn(page, 'postman');
    await goTo(page, 'COD deposit', 'COD deposit');
    await expectShown(page, termValue(page, 'Expected cash').filter({ hasText: /^1,200\.00/ }), 'the expected cash');
    await page.getByLabel('Cash deposited', { exact: true }).fill('1000');
    await page.getByRole('status').filter({ hasText: /^Short by 200\.00/ }).waitFor();
    // Without a reason the deposit is not sent.
    await page.getByRole('button', { name: 'Record the deposit', exact: true }).click();
    await page.getByText('A shortage or an excess needs its reason.').waitFor();
    await page.getByLabel('Reason for the difference', { exact: true }).fill('A Rs 200 note went missing on the beat');
    await check(page, 'cod-deposit-short');
    await page.getByRole('button', { name: 'Record the deposit', exact: true }).click();
    const done = page.getByRole('region', { name: 'Deposit recorded' });
    await expectShown(page, done, 'the recorded deposit');
    expect(await termValue(done, 'Shortage').innerText()).toMatch(/^200\.00/);
    expect(await termValue(done, 'Deposited').innerText()).toMatch(/^1,000\.00/);
    await check(page, 'cod-deposit-recorded');
  });

  it('the finance officer finds the shortage among the exceptions and reads an article\'s timeline', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'COD deposits and exceptions', 'COD deposits and exceptions');
    const exceptions = page.getByRole('table', { name: 'COD exceptions' });
    await expectShown(page, exceptions, 'the exceptions');
    const shortage = exceptions.getByRole('row').filter({ hasText: 'Deposit short (staff receivable)' });
    expect(await shortage.innerText()).toContain('200.00');
    expect(await shortage.innerText()).toContain('A Rs 200 note went missing on the beat');
    expect(await page.getByRole('table', { name: 'Postman deposits' }).getByRole('row').count()).toBe(2);
    await check(page, 'cod-exceptions');

    await goTo(page, 'COD articles', 'COD articles');
    const list = page.getByRole('table', { name: 'COD articles' });
    await expect.poll(() => list.getByRole('row').count(), { timeout: 10_000 }).toBe(4);
    await check(page, 'cod-articles');
    await list.getByRole('link', { name: grouped(ARTICLES[1].number), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `COD article ${grouped(ARTICLES[1].number)}` }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const steps = await timeline.getByRole('listitem').allInnerTexts();
    expect(steps.map((step) => step.split(' at ')[0])).toEqual(['Registered', 'Out for delivery', 'Delivered']);
    const collection = page.getByRole('region', { name: 'Collection' });
    expect(await termValue(collection, 'Paid by').innerText()).toBe('UPI 512345678901');
    await check(page, 'cod-article-detail');
  });

  it('the finance officer asks for a bank change, which waits for a second officer', async () => {
    // Fails until administration's ApprovalKind enum has COD_BANK_CHANGE: the inbox refuses the billers module's request
    // (BAD_USER_INPUT on input.kind) and the biller page shows that refusal. The console side is done.
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'COD billers', 'COD billers');
    await page.getByRole('link', { name: BILLER_CODE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `${BILLER_NAME} (${BILLER_CODE})` }).waitFor();
    await page.getByRole('button', { name: 'Request a bank change', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Request a bank change' });
    await dialog.getByLabel('Account holder', { exact: true }).fill(BILLER_NAME);
    await dialog.getByLabel('Account number', { exact: true }).fill('987654321098');
    await dialog.getByLabel('IFSC', { exact: true }).fill('HDFC0000123');
    await dialog.getByLabel('Reason', { exact: true }).fill('The biller moved its account (letter of 1 Dec)');
    await check(page, 'cod-bank-change-dialog');
    await dialog.getByRole('button', { name: 'Send for approval', exact: true }).click();
    await expectShown(page, page.getByRole('heading', { level: 3, name: 'Change waiting for approval' }), 'the pending bank change');
    // The payout account is still the old one until a checker approves.
    expect(await page.getByRole('link', { name: 'Open the request in the approvals inbox' }).count()).toBe(1);
    await check(page, 'cod-biller-bank-change-pending');
  });

  it('a batch is built for the biller, submitted, approved by a second officer, its file downloaded and marked PAID', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'COD settlement batches', 'COD settlement batches');
    await pickCode(page, 'Settlement office', OFFICE);
    // The first cycle date from today that is a business day builds the batch (today, on most days).
    let built = false;
    for (let offset = 0; offset < 10 && !built; offset += 1) {
      await page.getByLabel('Cycle date', { exact: true }).fill(dayAfter(offset));
      await page.getByRole('button', { name: 'Build batches', exact: true }).click();
      const said = page.getByRole('status').filter({ hasText: /batch(es)? built|Nothing was due/ });
      await expectShown(page, said, 'the build\'s answer');
      built = /^1 batch built\.$/.test(await said.innerText());
    }
    expect(built, 'a batch built within ten days').toBe(true);
    const batches = page.getByRole('table', { name: 'Settlement batches' });
    const row = batches.getByRole('row').filter({ hasText: BILLER_CODE });
    await expectShown(page, row, 'the draft batch');
    expect(await row.innerText()).toContain('Draft');
    await check(page, 'cod-batches-draft');
    await row.getByRole('checkbox').check();
    await page.getByLabel('Note for the checker', { exact: true }).fill('Cycle settlement for Kirana Express');
    await page.getByRole('button', { name: 'Submit for approval', exact: true }).click();
    await expectShown(page, page.getByRole('status').filter({ hasText: 'Sent for approval.' }), 'the submission');
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Settlement batch / }).waitFor();
    batchId = new URL(page.url()).pathname.split('/').pop();
    const lines = page.getByRole('table', { name: 'Batch lines' });
    expect(await lines.getByRole('row').count()).toBe(2);
    expect(await lines.innerText()).toContain(grouped(ARTICLES[0].number));
    expect(await termValue(page, 'Gross collected').innerText()).toMatch(/^1,200\.00/);
    await check(page, 'cod-batch-submitted');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();

    // The checker approves the release in the inbox.
    await signIn(page, 'finance2');
    await goTo(page, 'Approvals', 'Waiting for me');
    const inbox = page.getByRole('table', { name: 'Requests waiting for your decision' });
    const request = inbox.getByRole('row').filter({ hasText: 'COD settlement release' });
    await expectShown(page, request, 'the release request in the inbox');
    await request.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /request$/ }).waitFor();
    await check(page, 'cod-release-request');
    await page.getByRole('button', { name: 'Approve…', exact: true }).click();
    const approve = page.getByRole('dialog', { name: 'Approve this request' });
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'You approved the request.' }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();

    // The maker downloads the payout file once the release is executed, and records the bank's UTR.
    await signIn(page, 'finance');
    const payout = page.getByRole('region', { name: 'Payout' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      await page.goto(`/cod/batches/${batchId}`);
      await page.getByRole('heading', { level: 1, name: /^Settlement batch / }).waitFor();
      if ((await payout.count()) > 0) break;
      if (Date.now() > deadline) throw new Error(`batch ${batchId} was not released within 30 s of the approval`);
      await page.waitForTimeout(1_000);
    }
    const [file] = await Promise.all([page.waitForEvent('download'), payout.getByRole('button', { name: 'Download the payout file', exact: true }).click()]);
    expect(file.suggestedFilename()).toMatch(/_NDGPO_\d{8}_\d{4}\.(txt|csv)$/);
    await check(page, 'cod-batch-released');
    await payout.getByRole('button', { name: 'Mark paid', exact: true }).click();
    const paid = page.getByRole('dialog', { name: 'Mark the payout paid' });
    await paid.getByLabel('UTR', { exact: true }).fill(UTR);
    await check(page, 'cod-mark-paid-dialog');
    await paid.getByRole('button', { name: 'Mark paid', exact: true }).click();
    await paid.waitFor({ state: 'detached' });
    await expect.poll(() => termValue(payout, 'UTR').innerText(), { timeout: 10_000 }).toBe(UTR);
    expect(await termValue(payout, 'Status').innerText()).toBe('Paid');
    await check(page, 'cod-batch-paid');
  });

  it('a dispute on the UPI article is raised on its page, found in the disputes list and resolved from it', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await page.goto(`/cod/articles/${ARTICLES[1].number}`);
    await page.getByRole('heading', { level: 1, name: `COD article ${grouped(ARTICLES[1].number)}` }).waitFor();
    await page.getByRole('button', { name: 'Raise a dispute', exact: true }).click();
    const raise = page.getByRole('dialog', { name: 'Raise a dispute' });
    await raise.getByLabel('What should have been collected', { exact: true }).fill('800.00');
    await raise.getByLabel('Note', { exact: true }).fill('The seller says only 800 reached it');
    await check(page, 'cod-raise-dispute');
    await raise.getByRole('button', { name: 'Raise the dispute', exact: true }).click();
    const dispute = page.getByRole('region', { name: `Dispute on ${ARTICLES[1].number}` });
    await expectShown(page, dispute, 'the raised dispute');
    expect(await termValue(dispute, 'Dispute status').innerText()).toMatch(/^Open/);

    // The disputes list shows it open, and it is resolved from its row.
    await goTo(page, 'COD disputes', 'COD disputes');
    const list = page.getByRole('table', { name: 'COD disputes' });
    const row = rowOf(list, ARTICLES[1].number);
    await expectShown(page, row, 'the dispute in the list');
    expect(await row.innerText()).toContain('Open (held)');
    expect(await row.innerText()).toContain(BILLER_CODE);
    expect(await row.innerText()).toContain('800.00');
    await check(page, 'cod-disputes-open');
    // Only open ones: it is there; only rejected ones: not yet.
    await page.getByLabel('Status', { exact: true }).selectOption('REJECTED');
    await page.getByText('No disputes match.').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('OPEN');
    await expectShown(page, row, 'the open dispute');
    await row.getByRole('button', { name: 'Resolve', exact: true }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve the dispute' });
    await resolve.getByLabel('Outcome', { exact: true }).selectOption('REJECTED');
    await resolve.getByLabel('Resolution note', { exact: true }).fill('The RRN shows 850.50 credited');
    await check(page, 'cod-dispute-resolve-dialog');
    await resolve.getByRole('button', { name: 'Resolve', exact: true }).click();
    await resolve.waitFor({ state: 'detached' });
    // Resolved, it leaves the open ones and shows among the rejected.
    await page.getByText('No disputes match.').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('REJECTED');
    await expectShown(page, row, 'the rejected dispute');
    expect(await row.innerText()).toContain('Rejected');
    expect(await row.innerText()).toContain('The RRN shows 850.50 credited');
    expect(await row.getByRole('button', { name: 'Resolve', exact: true }).count()).toBe(0);
    await check(page, 'cod-dispute-resolved');
    // The row links to its article.
    await row.getByRole('link', { name: grouped(ARTICLES[1].number), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `COD article ${grouped(ARTICLES[1].number)}` }).waitFor();
  });

  it('an article registered by hand, then marked LOST by the counter clerk with its claim', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'COD articles', 'COD articles');
    await page.getByRole('link', { name: 'Register an article', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Register a COD article' }).waitFor();
    await page.getByLabel('Article number', { exact: true }).fill(grouped(SINGLE.number));
    await page.getByLabel('Biller code', { exact: true }).fill('BL999999');
    await page.getByLabel('COD amount', { exact: true }).fill(SINGLE.amount);
    await pickCode(page, 'Booking office', OFFICE);
    await pickCode(page, 'Delivery office', OFFICE);
    await check(page, 'cod-register-article');
    // A biller that does not exist: the API's code, told in words next to the field.
    await page.getByRole('button', { name: 'Register the article', exact: true }).click();
    await expectShown(page, page.getByText('No biller has this code. (BILLER_NOT_FOUND)'), 'the refusal of an unknown biller');
    await page.getByLabel('Biller code', { exact: true }).fill(BILLER_CODE);
    await page.getByRole('button', { name: 'Register the article', exact: true }).click();
    await expectShown(page, page.getByRole('heading', { level: 1, name: `COD article ${grouped(SINGLE.number)}` }), 'the registered article');
    expect(await termValue(page, 'COD amount').innerText()).toMatch(/^640\.00/);
    expect(await termValue(page, 'Registered').innerText()).not.toContain('manifest');
    expect((await page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').allInnerTexts()).map((step) => step.split(' at ')[0])).toEqual(['Registered']);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();

    // The counter clerk at the delivery office records the loss and the claim.
    await signIn(page, 'clerk');
    await goTo(page, 'COD articles', 'COD articles');
    await page.getByRole('table', { name: 'COD articles' }).getByRole('link', { name: grouped(SINGLE.number), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `COD article ${grouped(SINGLE.number)}` }).waitFor();
    await page.getByRole('button', { name: 'Lost or damaged', exact: true }).click();
    const loss = page.getByRole('alertdialog', { name: `Lost or damaged: ${grouped(SINGLE.number)}` });
    await loss.getByLabel('What happened', { exact: true }).selectOption('LOST');
    await loss.getByLabel('Claim reference', { exact: true }).fill(CLAIM);
    await loss.getByLabel('What happened, in words', { exact: true }).fill('Bag torn in transit at the sorting hub; article missing');
    await check(page, 'cod-loss-dialog');
    await loss.getByRole('button', { name: 'Record the claim', exact: true }).click();
    await loss.waitFor({ state: 'detached' });
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect.poll(async () => (await timeline.getByRole('listitem').allInnerTexts()).map((step) => step.split(' at ')[0]), { timeout: 10_000 }).toEqual(['Registered', 'Lost']);
    expect(await timeline.getByRole('listitem').last().innerText()).toContain(`(claim ${CLAIM})`);
    // Lost is final: no step is offered any more.
    expect(await page.getByRole('button', { name: 'Lost or damaged', exact: true }).count()).toBe(0);
    await check(page, 'cod-article-lost');
  });

  it('the finance officer clears the UPI collection with the aggregator\'s credit (a cash one is refused)', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'COD articles', 'COD articles');
    await page.getByRole('button', { name: 'Clear digital collections', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Clear digital collections' });
    // The cash article is due when deposited, not cleared: refused, the article named, nothing cleared.
    await dialog.getByLabel('Article numbers', { exact: true }).fill(`${ARTICLES[1].number}\n${ARTICLES[0].number}`);
    await dialog.getByLabel('Aggregator’s credit reference', { exact: true }).fill(CREDIT);
    await dialog.getByRole('button', { name: 'Clear', exact: true }).click();
    await expectShown(page, dialog.getByText(`This collection cannot be cleared`), 'the refusal of a cash collection');
    expect(await dialog.innerText()).toContain(ARTICLES[0].number);
    await check(page, 'cod-clear-digital-refused');
    await dialog.getByLabel('Article numbers', { exact: true }).fill(ARTICLES[1].number);
    await dialog.getByRole('button', { name: 'Clear', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const done = page.getByRole('status').filter({ hasText: `Cleared 1 collection against ${CREDIT}` });
    await expectShown(page, done, 'the clearing');
    expect(await done.innerText()).toContain(`${BILLER_CODE} 850.50`);
    await check(page, 'cod-clear-digital-done');
    await page.goto(`/cod/articles/${ARTICLES[1].number}`);
    const collection = page.getByRole('region', { name: 'Collection' });
    await expectShown(page, collection, 'the collection');
    expect(await termValue(collection, 'Deposited or cleared').innerText()).toMatch(new RegExp(`^Cleared on .*\\(${CREDIT}\\)$`));
    expect(await termValue(collection, 'Due for settlement from').innerText()).not.toBe('Not yet due');
    // Cleared once: the page offers no second clearing.
    expect(await page.getByRole('button', { name: 'Clear the digital collection', exact: true }).count()).toBe(0);
  });

  it('the biller\'s own person sees its articles and what was collected, and exports them', async () => {
    const { page } = browser();
    await signIn(page, 'seller.demo', undefined, { personName: 'Priya Sharma (Demo Seller)' });
    await goTo(page, 'COD account', 'COD account');
    await page.getByText(`${BILLER_NAME} (${BILLER_CODE})`).waitFor();
    // The remittance with its UTR, and the summary's last remittance.
    const remittances = page.getByRole('table', { name: 'Your remittances' });
    await expectShown(page, remittances, 'the remittances');
    expect(await remittances.innerText()).toContain(UTR);
    expect(await remittances.innerText()).toContain(ARTICLES[0].number);
    expect(await page.getByLabel('Your COD summary', { exact: true }).innerText()).toContain(UTR);
    const list = page.getByRole('table', { name: 'Your COD articles' });
    // The manifest's three and the one registered by hand (lost).
    await expect.poll(() => list.getByRole('row').count(), { timeout: 10_000 }).toBe(5);
    expect(await rowOf(list, SINGLE.number).innerText()).toContain('Lost');
    expect(await rowOf(list, ARTICLES[0].number).innerText()).toContain('Delivered');
    // No office screen is offered to a biller.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'COD articles', exact: true }).count()).toBe(0);
    await check(page, 'biller-home');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${BILLER_CODE}-articles.csv`);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export remittances (CSV)', exact: true }).click()]);
    expect(csv.suggestedFilename()).toBe(`${BILLER_CODE}-remittances.csv`);

    // Its own disputes: the one on the UPI article, rejected, with the post office's note.
    await goTo(page, 'COD disputes', 'COD disputes');
    const disputes = page.getByRole('table', { name: 'Your disputes' });
    await expectShown(page, disputes, 'the biller\'s disputes');
    expect(await disputes.getByRole('row').count()).toBe(2);
    expect(await rowOf(disputes, ARTICLES[1].number).innerText()).toContain('Rejected');
    expect(await rowOf(disputes, ARTICLES[1].number).innerText()).toContain('The RRN shows 850.50 credited');
    // The biller resolves nothing, and opens no office page from here.
    expect(await disputes.getByRole('button', { name: 'Resolve', exact: true }).count()).toBe(0);
    expect(await disputes.getByRole('link').count()).toBe(0);
    await check(page, 'biller-disputes');
  });

  it('the COD reconciliation is at zero', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'COD reconciliation', 'COD reconciliation');
    const row = page.getByRole('table', { name: 'COD reconciliation by biller' }).getByRole('row').filter({ hasText: BILLER_CODE });
    // The ledger posts the COD movements from its queue: allow it a little time to catch up.
    const deadline = Date.now() + 30_000;
    for (;;) {
      await expectShown(page, row, `the reconciliation row of ${BILLER_CODE}`);
      const cells = await row.getByRole('cell').allInnerTexts();
      if (/^0\.00/.test(cells[2] ?? '')) break;
      if (Date.now() > deadline) throw new Error(`the COD reconciliation for ${BILLER_CODE} is not zero: ${cells.join(' | ')}`);
      await page.getByRole('button', { name: 'Check again', exact: true }).click();
      await page.waitForTimeout(1_000);
    }
    expect(await page.getByRole('status').filter({ hasText: 'reconciled' }).count()).toBe(1);
    await check(page, 'cod-reconciliation');
  });

  it('the aging shows the delivered articles not yet remitted, and the office\'s COD day its collections', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'COD aging', 'COD aging');
    // The UPI article (cleared, not yet in a batch) waits in its first days; the cash article was remitted.
    const aging = page.getByRole('table', { name: 'COD aging by biller and office' });
    await expectShown(page, aging, 'the aging');
    expect(await aging.getByRole('row').filter({ hasText: BILLER_CODE }).innerText()).toContain('850.50');
    await check(page, 'cod-aging');
    await goTo(page, 'Daily COD account', 'Daily COD account');
    await pickCode(page, 'Office', OFFICE);
    await expectShown(page, termValue(page, 'Shortages'), 'the office day');
    expect(await termValue(page, 'Shortages').innerText()).toMatch(/^200\.00/);
    expect(await termValue(page, 'Delivered').innerText()).toMatch(/^2 articles, 2,050\.50/);
    await check(page, 'cod-office-day');
  });

  it('the office\'s trial balance balances after the day\'s COD', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'Trial balance', 'Trial balance');
    await page.getByLabel('As of', { exact: true }).fill(today());
    await page.getByLabel('Office', { exact: true }).fill(OFFICE);
    await page.getByRole('table', { name: `Trial balance as of ${today()} for ${OFFICE}` }).waitFor();
    expect(await termValue(page, 'Balanced').innerText()).toBe('Debits equal credits');
    await check(page, 'cod-trial-balance');
  });
});

function rowOf(table: Locator, articleNumber: string): Locator {
  return table.getByRole('row').filter({ hasText: grouped(articleNumber) });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date} ${MONTHS[Number(month) - 1]} ${year}`;
}
