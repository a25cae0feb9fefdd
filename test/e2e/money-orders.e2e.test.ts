import { openDatabase } from '@postal/db';
import { readLocalOutbox } from '@postal/notify';
import { needs } from '@postal/testkit';
import type { Locator, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { screenshot } from './support/screens.js';
import { signIn, signInForm } from './support/session.js';
import { useStack } from './support/stack.js';

/**
 * Money orders in the console (issue 11), in a real Chromium against the stack as `npm start` starts it: a clerk books
 * an order at NDGPO with the quote following the amount, and gets its reference and receipt; the payee is paid at
 * Connaught Place (NDGPO-CP) by that office's clerk with the one-time password read from the local outbox, as the
 * payee would read their SMS; a finance officer finds it and reads its timeline; the sender follows it on the public
 * tracking page without signing in. The tests share one stack and run in order; the booking's reference is shared.
 * Every phone is unique per run, so the sender's monthly cap and the outbox lines are this run's.
 */

const BOOKING_OFFICE = 'NDGPO';
const PAYING_OFFICE = 'NDGPO-CP';
const RUN = String(Date.now() % 100_000_000).padStart(8, '0');
const SENDER_PHONE = `+9198${RUN}`;
const PAYEE_PHONE = `+9197${RUN}`;
const SENDER_ID = `AADHAAR 4321 ${RUN.slice(0, 4)} ${RUN.slice(4)}`;
/** How long the booking may take to reach the ledger and become payable (the accounts consumer posts it). */
const AVAILABLE_TIMEOUT_MS = 30_000;

let reference: string | undefined;

async function goTo(page: Page, navigationLabel: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: navigationLabel, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signInForm(page).username.waitFor();
}

function termValue(page: Page | Locator, term: string): Locator {
  return page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
}

/** Picks an office from a combo box's suggestions, typing its code as a person would (see ledger.e2e.test.ts). */
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

/** A GraphQL call as a demo user, straight to the gateway: set-up the screens under test do not cover. */
async function asUser(graphqlUrl: string, username: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const post = async (body: unknown, token?: string) => {
    const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };
  const login = await post({ query: 'mutation($u: String!) { login(username: $u, password: "demo") { token } }', variables: { u: username } });
  const answer = await post({ query, variables }, login.data?.login?.token);
  if (answer.errors) throw new Error(`${username}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/**
 * Connaught Place's counter opens the day with no cash in the ledger; a payout it cannot cover is refused at the
 * counter (INSUFFICIENT_FUNDS). So, as on a real morning, money comes in first: a local order booked there in cash.
 */
async function cashIntoCounter(graphqlUrl: string): Promise<void> {
  const booked = await asUser(graphqlUrl, 'clerk.cp', `mutation($input: BookMoneyOrderInput!) { bookMoneyOrder(input: $input) { order { reference } } }`, {
    input: {
      idempotencyKey: `e2e-cash-in-${RUN}`,
      product: 'ELECTRONIC',
      officeCode: PAYING_OFFICE,
      amount: '5000',
      paymentMode: 'CASH',
      sender: { name: 'Morning Customer', phone: `+9195${RUN}`, address: 'Connaught Place, New Delhi', idDocument: `PAN ABCDE${RUN.slice(0, 4)}F` },
      payee: { name: 'Local Payee', phone: `+9194${RUN}`, address: 'Connaught Place, New Delhi', payingOfficeCode: PAYING_OFFICE },
    },
  });
  const cashReference = booked.bookMoneyOrder.order.reference as string;
  const deadline = Date.now() + AVAILABLE_TIMEOUT_MS;
  while ((await asUser(graphqlUrl, 'clerk.cp', `query($r: ID!) { moneyOrder(reference: $r) { status } }`, { r: cashReference })).moneyOrder.status !== 'AVAILABLE') {
    if (Date.now() > deadline) throw new Error(`the cash-in order ${cashReference} was not posted within ${AVAILABLE_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function bookedReference(): string {
  if (!reference) throw new Error('the booking test did not book an order');
  return reference;
}

describe.runIf(needs('postgres', 'redis'))('money orders in the console (needs PostgreSQL and Redis)', () => {
  // The expiry job every second instead of hourly, so an order whose last day has passed expires while the test waits.
  const stack = useStack({ name: 'money-orders', env: { MO_EXPIRY_INTERVAL_MS: '1000' } });
  const browser = useBrowser({ baseURL: () => stack().baseUrl });

  it('the clerk books at NDGPO: the quote follows the amount, then the reference and a printable receipt', async () => {
    const { page } = browser();
    await signIn(page, 'clerk');
    await goTo(page, 'Book a money order', 'Book a money order');
    expect(await page.getByRole('combobox', { name: 'Booking office', exact: true }).inputValue()).toBe(BOOKING_OFFICE);

    // India: Re 1 for every Rs 20 or part, so Rs 1,500 costs Rs 75 and Rs 1,510 costs Rs 76.
    const quote = page.getByRole('region', { name: 'Quote' });
    await page.getByLabel('Amount', { exact: true }).fill('1500');
    await expect.poll(() => termValue(quote, 'Commission').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/^75\.00/);
    await page.getByLabel('Amount', { exact: true }).fill('1510');
    await expect.poll(() => termValue(quote, 'Commission').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/^76\.00/);
    expect(await termValue(quote, 'The sender pays').innerText()).toMatch(/^1,586\.00/);

    await page.getByLabel("Sender's name", { exact: true }).fill('Kiran Gupta');
    await page.getByLabel("Sender's phone", { exact: true }).fill(SENDER_PHONE);
    await page.getByLabel("Sender's address", { exact: true }).fill('12 Janpath, New Delhi 110001');
    await page.getByLabel("Sender's ID document", { exact: true }).fill(SENDER_ID);
    await page.getByLabel("Payee's name", { exact: true }).fill('Arjun Gupta');
    await page.getByLabel("Payee's phone", { exact: true }).fill(PAYEE_PHONE);
    await page.getByLabel("Payee's address", { exact: true }).fill('4 Connaught Place, New Delhi 110001');
    await pickCode(page, 'Paying office', PAYING_OFFICE);
    await page.getByLabel('Message to the payee', { exact: true }).fill('For the school fees');
    await check(page, 'mo-book');

    await page.getByRole('button', { name: 'Book', exact: true }).click();
    const booked = page.getByRole('region', { name: 'Money order booked' });
    await booked.waitFor();
    const shown = (await booked.getByTestId('mo-reference').innerText()).replace(/\s/g, '');
    expect(shown).toMatch(/^\d{18}$/);
    reference = shown;
    const receipt = await page.getByLabel('Receipt text', { exact: true }).innerText();
    expect(receipt).toContain(shown);
    // The receipt carries no secret: the payee's code is not on it.
    const [otpLine] = (await readLocalOutbox(stack().dataDir, PAYEE_PHONE)).filter((line) => line.kind === 'MO_OTP');
    const otp = /collect it: (\d{6})/.exec(otpLine?.body ?? '')?.[1];
    expect(otp, `an OTP for ${PAYEE_PHONE} in the local outbox`).toMatch(/^\d{6}$/);
    expect(receipt).not.toContain(otp!);
    await check(page, 'mo-booked-receipt');

    // Printed, only the receipt reaches the paper: the console's frame and the form are hidden by the print sheet.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('form', { name: 'Book a money order' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Receipt text', { exact: true }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('the payee is paid at NDGPO-CP with the one-time password from the local outbox', async () => {
    const ref = bookedReference();
    const [otpLine] = (await readLocalOutbox(stack().dataDir, PAYEE_PHONE)).filter((line) => line.kind === 'MO_OTP');
    const otp = /collect it: (\d{6})/.exec(otpLine?.body ?? '')![1]!;
    await cashIntoCounter(stack().graphqlUrl);
    const { page } = browser();
    await signIn(page, 'clerk.cp', undefined, { personName: 'Neha Bansal' });
    await goTo(page, 'Pay a money order', 'Pay a money order');
    expect(await page.getByRole('combobox', { name: 'Paying office', exact: true }).inputValue()).toBe(PAYING_OFFICE);

    // The booking becomes payable once the ledger has posted it; until then the screen says it cannot be paid.
    const summary = page.getByRole('definition').filter({ hasText: /^(Booked|Available for payment)/ });
    const deadline = Date.now() + AVAILABLE_TIMEOUT_MS;
    for (;;) {
      await page.goto(`/money-orders/pay?reference=${ref}`);
      await page.getByRole('heading', { level: 1, name: 'Pay a money order' }).waitFor();
      await summary.first().waitFor();
      if ((await summary.first().innerText()).startsWith('Available')) break;
      if (Date.now() > deadline) throw new Error(`money order ${ref} did not become AVAILABLE within ${AVAILABLE_TIMEOUT_MS / 1000} s (is the ledger posting bookings?)`);
      await page.waitForTimeout(1_000);
    }
    await page.getByLabel('Code', { exact: true }).fill(otp);
    await page.getByLabel("Payee's ID document", { exact: true }).fill('VOTER ID DL/01/123/456789');
    await check(page, 'mo-pay');
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    const paid = page.getByRole('region', { name: 'Money order paid' });
    await paid.waitFor().catch(async (error: unknown) => {
      const alerts = await page.getByRole('alert').allInnerTexts();
      throw new Error(`the payout was not confirmed; the page says: ${alerts.join(' | ')}`, { cause: error });
    });
    expect(await paid.innerText()).toContain('1,510.00');
    await check(page, 'mo-paid');
  });

  it('a finance officer finds the order and reads its timeline, parties and ledger side', async () => {
    const ref = bookedReference();
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'Find money orders', 'Money orders');
    await page.getByLabel("Sender's phone", { exact: true }).fill(SENDER_PHONE);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^\d{6} \d{6} \d{6}$/ }) });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await check(page, 'mo-search');
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Money order \d{6} \d{6} \d{6}$/ }).waitFor();
    expect(page.url()).toContain(`/money-orders/${ref}`);
    // Finance officers hold mo.parties.read: the phone in full.
    expect(await page.getByRole('region', { name: 'Sender' }).innerText()).toContain(SENDER_PHONE);
    const timeline = page.getByRole('list', { name: 'Timeline' });
    expect(await timeline.innerText()).toMatch(/Booked by clerk at NDGPO/);
    await page.getByRole('table', { name: 'Ledger movements' }).waitFor();
    // The entries themselves come from the accounts subgraph (MoneyOrder.ledgerEntries): the booking's at NDGPO, and
    // the payout's at both offices through inter-office clearing.
    const entries = page.getByRole('table', { name: 'Ledger entries' });
    await entries.waitFor();
    const text = await entries.innerText();
    for (const account of ['NDGPO:1100', 'NDGPO:2100', 'NDGPO:4100', 'NDGPO:1600', 'NDGPO-CP:1600', 'NDGPO-CP:1100']) expect(text).toContain(account);
    await check(page, 'mo-detail');
  });

  it('the reconciliation view shows the division at zero once the movements have settled', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'MO reconciliation', 'Money-order reconciliation');
    const deadline = Date.now() + AVAILABLE_TIMEOUT_MS;
    for (;;) {
      const difference = termValue(page, 'Difference');
      await difference.or(page.getByRole('alert')).first().waitFor();
      const inFlight = (await termValue(page, 'Movements in flight').innerText().catch(() => '')).trim();
      if (inFlight === '0' || Date.now() > deadline) {
        const alerts = await page.getByRole('alert').allInnerTexts();
        expect(alerts, 'the reconciliation answered').toEqual([]);
        expect(await difference.innerText()).toMatch(/^0\.00 INR \(reconciled\)/);
        break;
      }
      await page.waitForTimeout(1_000);
      await page.getByRole('button', { name: 'Check again', exact: true }).click();
    }
    await check(page, 'mo-reconciliation');

    // The order crossed offices (booked at NDGPO, paid at Connaught Place) through inter-office clearing: the
    // division's trial balance still balances by itself.
    const asOf = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    await goTo(page, 'Trial balance', 'Trial balance');
    await page.getByLabel('As of', { exact: true }).fill(asOf);
    await page.getByLabel('Office', { exact: true }).fill('DL-NDC');
    await page.getByRole('table', { name: `Trial balance as of ${asOf} for DL-NDC` }).waitFor();
    expect((await termValue(page, 'Total debit balances').innerText()).trim()).toBe((await termValue(page, 'Total credit balances').innerText()).trim());
    expect(await termValue(page, 'Balanced').innerText()).toBe('Debits equal credits');
    await check(page, 'mo-division-trial-balance');
  });

  it('an expired order is refunded at the counter: its amount, not the commission', async () => {
    const graphqlUrl = stack().graphqlUrl;
    const STATE = `query($r: ID!) { moneyOrder(reference: $r) { status ledgerMovements { movement status } } }`;
    const waitUntil = async (reference: string, status: string, movement: string) => {
      const deadline = Date.now() + AVAILABLE_TIMEOUT_MS;
      for (;;) {
        const order = (await asUser(graphqlUrl, 'finance', STATE, { r: reference })).moneyOrder;
        if (order.status === status && order.ledgerMovements.some((m: { movement: string; status: string }) => m.movement === movement && m.status === 'POSTED')) return;
        if (Date.now() > deadline) throw new Error(`${reference} did not become ${status} with ${movement} posted within ${AVAILABLE_TIMEOUT_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    const senderId = `PAN EXPRD${RUN.slice(0, 4)}Q`;
    const booked = await asUser(graphqlUrl, 'clerk', `mutation($input: BookMoneyOrderInput!) { bookMoneyOrder(input: $input) { order { reference } } }`, {
      input: {
        idempotencyKey: `e2e-expiring-${RUN}`,
        product: 'ELECTRONIC',
        officeCode: BOOKING_OFFICE,
        amount: '800',
        paymentMode: 'CASH',
        sender: { name: 'Kiran Gupta', phone: `+9193${RUN}`, address: '12 Janpath, New Delhi 110001', idDocument: senderId },
        payee: { name: 'Nobody Came', phone: `+9192${RUN}`, address: 'Somewhere, New Delhi', payingOfficeCode: PAYING_OFFICE },
      },
    });
    const ref = booked.bookMoneyOrder.order.reference as string;
    await waitUntil(ref, 'AVAILABLE', 'BOOKED');
    // Set-up the screens cannot make: this order was booked three months ago, so its last day has passed. (The stack
    // runs on the real clock; the scenario tests move the clock itself, test/scenarios/money-order-expiry.test.ts.)
    // Dates from this process's clock, as the stack's (under faketime the database keeps the real one).
    const day = (offsetDays: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date(Date.now() + offsetDays * 86_400_000));
    const database = await openDatabase({ url: stack().databaseUrl, poolSize: 1 });
    try {
      await database.db.execute(sql`
        UPDATE money_orders.money_orders
           SET booked_on = ${day(-92)}::date, expires_on = ${day(-1)}::date, void_on = ${day(364)}::date
         WHERE reference = ${ref}`);
    } finally {
      await database.close();
    }
    await waitUntil(ref, 'EXPIRED', 'EXPIRED');

    const { page } = browser();
    await signIn(page, 'clerk');
    await goTo(page, 'Refund a money order', 'Refund a money order');
    await page.getByLabel('Reference', { exact: true }).fill(ref);
    await page.getByText(/^Expired/).first().waitFor();
    await page.getByLabel("Sender's ID document", { exact: true }).fill(senderId);
    await check(page, 'mo-refund-expired');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: /is refunded/ });
    await status.waitFor().catch(async (error: unknown) => {
      const alerts = await page.getByRole('alert').allInnerTexts();
      throw new Error(`the refund was not confirmed; the page says: ${alerts.join(' | ')}`, { cause: error });
    });
    // The amount goes back, not the commission (Rs 40 on Rs 800).
    expect(await status.innerText()).toContain('800.00');
    await waitUntil(ref, 'REFUNDED', 'REFUNDED');
  });

  it('a finance officer books a department file by keyboard, watches it finish with its rejection, and reads the daily account and the tariffs', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'Bulk money orders', 'Bulk money orders');
    await pickCode(page, 'Booking office', BOOKING_OFFICE);
    const header = 'amount,sender_name,sender_phone,sender_address,sender_id_document,payee_name,payee_phone,payee_address,paying_office_code,message';
    const rows = [
      `300,Pension Disbursing Office,+911123456789,Sansad Marg New Delhi,DEPT PDO-0042,Ram Lal,+9191${RUN},1 Janpath New Delhi,${BOOKING_OFFICE},Pension`,
      `300.50,Pension Disbursing Office,+911123456789,Sansad Marg New Delhi,DEPT PDO-0042,Shyam Lal,+9190${RUN},2 Janpath New Delhi,${BOOKING_OFFICE},Pension`,
    ];
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'pensions.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await page.getByRole('status').filter({ hasText: 'pensions.csv: 2 rows.' }).waitFor();
    await check(page, 'mo-bulk-form');
    // By keyboard: the upload button is reached with Tab from the file field, and pressed with Enter.
    await page.getByLabel('CSV file', { exact: true }).focus();
    const button = page.getByRole('button', { name: 'Upload and book', exact: true });
    for (let presses = 0; presses < 5 && !(await button.evaluate((element) => element === document.activeElement)); presses += 1) await page.keyboard.press('Tab');
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Done.' }).waitFor({ timeout: AVAILABLE_TIMEOUT_MS });
    expect(await termValue(page, 'Booked').innerText()).toMatch(/^1 orders?, 300\.00/);
    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    expect(await rejected.innerText()).toContain('INVALID_AMOUNT');
    await check(page, 'mo-bulk-done');

    await goTo(page, 'Daily MO account', 'Daily money-order account');
    await check(page, 'mo-day-account');
    await goTo(page, 'MO tariffs', 'Money-order tariffs');
    await page.getByText('IN-MO-ELECTRONIC-2008-10-10').first().waitFor();
    await check(page, 'mo-tariffs');
  });

  it('the sender tracks the order at /track without signing in, and a wrong phone gets the same answer as no order', async () => {
    const ref = bookedReference();
    const { page } = browser();
    await page.goto('/track');
    await page.getByRole('heading', { level: 1, name: 'Track a money order' }).waitFor();
    // No sign-in form: the page is public.
    expect(await signInForm(page).username.count()).toBe(0);
    await page.getByLabel('Reference', { exact: true }).fill(ref);
    await page.getByLabel('Your phone number', { exact: true }).fill(`+9196${RUN}`);
    await page.getByRole('button', { name: 'Track', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'No money order matches this reference and phone number.' }).waitFor();

    await page.getByLabel('Your phone number', { exact: true }).fill(SENDER_PHONE);
    await page.getByRole('button', { name: 'Track', exact: true }).click();
    const status = page.getByTestId('mo-track-status');
    await status.waitFor();
    expect(await status.innerText()).toMatch(/^(Booked|Ready to be paid|Paid to the payee)/);
    // No name and no amount on the public page.
    const text = await page.getByRole('main').innerText();
    expect(text).not.toContain('Kiran');
    expect(text).not.toContain('1,510');
    await check(page, 'mo-track');
  });
});
