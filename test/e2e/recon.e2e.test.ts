import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIndian, money } from '@postal/money';
import { needs } from '@postal/testkit';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { screenshot } from './support/screens.js';
import { signIn } from './support/session.js';
import { REPOSITORY_ROOT, useStack } from './support/stack.js';
import { camt053, closingOf, sampleEntries, type GeneratedStatement } from '../support/camt053.js';

/**
 * Reconciliation in the console (issue 13), in a real Chromium against the stack as `npm start` starts it: a finance
 * officer registers two of the operator's bank accounts (a mistyped IBAN refused on its field first) and saves, sees
 * refused and removes a CSV layout; imports the public camt.053 sample (two statements) and an MT940 file through the
 * import screen, reads the statements' balances and a statement's line; a statement over 1 MB is followed through the
 * job to DONE and its lines paged; a batch entry opens to its transactions; the camt file again answers the same import
 * and says so; an MT940 file into the IBAN account is refused (BANK_ACCOUNT_MISMATCH) with nothing kept; the auditor
 * reads and filters the statements and imports and has no Import or Register controls. Every screen checked passes
 * axe. The tests share one stack (a fresh database) and run in order.
 */

const OFFICE = 'NDGPO';
const FIXTURES = join(REPOSITORY_ROOT, 'packages/bank-statements/fixtures');
const CAMT = join(FIXTURES, 'camt/camt053.v2.multi.statement.xml');
const MT940 = join(FIXTURES, 'mt940/jejik-generic.sta');
const EURO = { name: 'VAYB euro collection', accountNumber: 'NL26VAYB8060476890', grouped: 'NL26 VAYB 8060 4768 90' };
const GENERIC = { name: 'Generic bank payout', accountNumber: '11111111' };
/** A camt.053 of the generic account with one batch entry (NbOfTxs 2, each transaction detailed): 80.00 + 30.00 = 110.00. */
const BATCH_CAMT = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>MSG-BATCH-1</MsgId><CreDtTm>2026-12-01T18:00:00+00:00</CreDtTm></GrpHdr>
<Stmt><Id>BATCH-20261201</Id><CreDtTm>2026-12-01T18:00:00+00:00</CreDtTm>
<Acct><Id><Othr><Id>${GENERIC.accountNumber}</Id></Othr></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">80.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">110.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-01</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt><ValDt><Dt>2026-12-01</Dt></ValDt>
<AcctSvcrRef>BANKREF-BATCH-1</AcctSvcrRef>
<NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
<TxDtls><Refs><EndToEndId>E2E-1001</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">10.00</Amt></TxAmt></AmtDtls><RltdPties><Dbtr><Nm>First payer</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Invoice 1001</Ustrd></RmtInf></TxDtls>
<TxDtls><Refs><EndToEndId>E2E-1002</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">20.00</Amt></TxAmt></AmtDtls><RltdPties><Dbtr><Nm>Second payer</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Invoice 1002</Ustrd></RmtInf></TxDtls>
</NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>
`;

/** What the first camt import's page said about it (its hash and time), for the same file sent again. */
let firstCamtImport: { hash: string; imported: string } | undefined;

function termValue(page: Page | Locator, term: string): Locator {
  return page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
}

async function goTo(page: Page, navigationLabel: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: navigationLabel, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function pickCode(page: Page, label: string, code: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label, exact: true });
  await field.fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code}\\s`) }).click();
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

/** A statements table's row, by the bank's statement id, as its cells' texts. */
async function statementRow(table: Locator, statementId: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('link', { name: statementId, exact: true }) });
  await row.waitFor();
  return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
}

async function registerAccount(page: Page, account: { name: string; accountNumber: string }, currency: string, purpose: string): Promise<void> {
  await goTo(page, 'Bank accounts', 'Bank accounts');
  await page.getByRole('link', { name: 'Register bank account', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Register bank account' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(account.name);
  await page.getByLabel('Account number or IBAN', { exact: true }).fill(account.accountNumber);
  await page.getByLabel('Currency', { exact: true }).fill(currency);
  await page.getByLabel('Purpose', { exact: true }).selectOption(purpose);
  await pickCode(page, 'Office', OFFICE);
  await page.getByRole('button', { name: 'Register the bank account', exact: true }).click();
  await expectShown(page, page.getByRole('heading', { level: 1, name: account.name }), `the registered account ${account.name}`);
}

/** Chooses the bank account by its name, once the accounts have come (the options are "name · number · currency"). */
async function chooseAccount(page: Page, accountName: string): Promise<void> {
  const select = page.getByLabel('Bank account', { exact: true });
  const option = select.locator('option').filter({ hasText: `${accountName} · ` });
  await option.waitFor({ state: 'attached' });
  await select.selectOption({ label: (await option.innerText()).trim() });
}

/** On the import screen: chooses the account (by its name), the file, and sends it. */
async function importFile(page: Page, accountName: string, file: string): Promise<void> {
  await goTo(page, 'Import bank statement', 'Import bank statement');
  await chooseAccount(page, accountName);
  await page.getByLabel('Statement file', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Import the statement', exact: true }).click();
}

describe.runIf(needs('postgres', 'redis'))('reconciliation in the console (needs PostgreSQL and Redis)', () => {
  const stack = useStack({ name: 'recon' });
  const browser = useBrowser({ baseURL: () => stack().baseUrl });

  it('a finance officer registers two bank accounts; a mistyped IBAN is refused on its field', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'Bank accounts', 'Bank accounts');
    await page.getByRole('link', { name: 'Register bank account', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill(EURO.name);
    // A check digit off by one: refused by the server, shown under the account number with its code.
    await page.getByLabel('Account number or IBAN', { exact: true }).fill('NL27 VAYB 8060 4768 90');
    await page.getByLabel('Currency', { exact: true }).fill('EUR');
    await pickCode(page, 'Office', OFFICE);
    await page.getByRole('button', { name: 'Register the bank account', exact: true }).click();
    const accountField = page.getByLabel('Account number or IBAN', { exact: true });
    await expect.poll(() => accountField.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    await expectShown(page, page.getByText(/INVALID_IBAN/), 'the INVALID_IBAN refusal');
    await check(page, 'recon-register-refused');
    await accountField.fill(EURO.grouped);
    await page.getByRole('button', { name: 'Register the bank account', exact: true }).click();
    await expectShown(page, page.getByRole('heading', { level: 1, name: EURO.name }), 'the registered euro account');
    const facts = page.getByRole('definition');
    expect(await facts.allInnerTexts()).toEqual(expect.arrayContaining(['NL26 VAYB 8060 4768 90 (IBAN)', 'EUR', 'NDGPO']));
    expect((await facts.allInnerTexts()).some((text) => /^NDGPO:1500:BA[0-9A-F]{10}$/.test(text))).toBe(true);
    await check(page, 'recon-account-detail');

    await registerAccount(page, GENERIC, 'EUR', 'PAYOUT');
    // Its bank's CSV layout: one without a date format is refused naming the field; a whole one is saved with its defaults.
    const layout = page.getByLabel('Layout (JSON)', { exact: true });
    expect(await layout.inputValue()).toBe('');
    await layout.fill('{"delimiter": ","}');
    await page.getByRole('button', { name: 'Save the layout', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'CSV_MAPPING_INVALID' });
    await expectShown(page, refused, 'the CSV_MAPPING_INVALID refusal');
    expect(await refused.innerText()).toContain('(at dateFormat)');
    await layout.fill(readFileSync(join(FIXTURES, 'csv/hdfc-style.mapping.json'), 'utf8'));
    await page.getByRole('button', { name: 'Save the layout', exact: true }).click();
    await expectShown(page, page.getByRole('status').filter({ hasText: 'The CSV layout was saved.' }), 'the saved layout');
    expect(JSON.parse(await layout.inputValue())).toMatchObject({ delimiter: ',', headerRow: true });
    await check(page, 'recon-csv-layout');
    await page.getByRole('button', { name: 'Remove the layout', exact: true }).click();
    await expectShown(page, page.getByRole('status').filter({ hasText: 'The CSV layout was removed.' }), 'the removed layout');
    expect(await layout.inputValue()).toBe('');
    await goTo(page, 'Bank accounts', 'Bank accounts');
    const grid = page.getByRole('table', { name: 'Bank accounts', exact: true });
    for (const account of [EURO, GENERIC]) await grid.getByRole('link', { name: account.name, exact: true }).waitFor();
    // Filtered to collection accounts: the euro account only (the generic bank's is a payout account).
    await page.getByLabel('Purpose', { exact: true }).selectOption('COLLECTION');
    await expect.poll(async () => (await grid.getByRole('link').allInnerTexts()).join(' | '), { timeout: 10_000 }).toBe(EURO.name);
    await page.getByLabel('Purpose', { exact: true }).selectOption('');
    await check(page, 'recon-bank-accounts');
  });

  it('imports the camt.053 file: both statements with their balances, and a statement with its line', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await importFile(page, EURO.name, CAMT);
    await expectShown(page, page.getByRole('status').filter({ hasText: 'Done: 2 statements.' }), 'the finished camt import');
    const statements = page.getByRole('table', { name: 'Statements in the file' });
    const first = await statementRow(statements, '253EURNL26VAYB8060476890');
    expect(first.slice(1, 6)).toEqual(['camt.053', expect.any(String), '18.15 EUR', '27.00 EUR', '1']);
    expect(first[6]).toBe('8.85 EUR (1)');
    await statementRow(statements, '254EURNL26VAYB8060476890');
    expect(await page.getByText('already imported').count()).toBe(0);
    expect(await page.getByRole('note').count()).toBe(0);
    firstCamtImport = { hash: await termValue(page, 'SHA-256').innerText(), imported: await termValue(page, 'Imported').innerText() };
    await check(page, 'recon-import-result');

    await statements.getByRole('link', { name: '253EURNL26VAYB8060476890', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Statement 253EURNL26VAYB8060476890' }).waitFor();
    const balances = page.getByRole('table', { name: 'Balances' });
    expect((await balances.getByRole('row').allInnerTexts()).slice(1).map((row) => row.split('\t')[0]!.trim())).toEqual(['OPBD', 'CLBD']);
    const lines = page.getByRole('table', { name: 'Statement lines' });
    await expect.poll(() => lines.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    const line = (await lines.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).map((text) => text.trim());
    expect(line[0]).toBe('1');
    expect(line[3]).toBe('Credit');
    expect(line[4]).toBe('8.85 EUR');
    // The direction filter: no debits in this statement.
    await page.getByLabel('Direction', { exact: true }).selectOption('DEBIT');
    await expectShown(page, page.getByText('No lines in this direction.'), 'the empty debit filter');
    await page.getByLabel('Direction', { exact: true }).selectOption('');
    await expect.poll(() => lines.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    // Every line as CSV, the amount as the API's decimal string.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download lines (CSV)', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('253EURNL26VAYB8060476890-lines.csv');
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^index,booking_date,value_date,direction,reversal,amount,currency,/);
    expect(csv[1]).toMatch(/^1,\d{4}-\d{2}-\d{2},[\d-]*,CREDIT,no,8\.85,EUR,/);
    await check(page, 'recon-statement-detail');
  });

  it('imports the MT940 file into the other account: two statements, 100.00 to 90.00 and on', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await importFile(page, GENERIC.name, MT940);
    await expectShown(page, page.getByRole('status').filter({ hasText: 'Done: 2 statements.' }), 'the finished MT940 import');
    const statements = page.getByRole('table', { name: 'Statements in the file' });
    expect((await statementRow(statements, 'GENERIC/1')).slice(1, 5)).toEqual(['MT940', expect.any(String), '100.00 EUR', '90.00 EUR']);
    expect((await statementRow(statements, 'GENERIC/2')).slice(3, 5)).toEqual(['90.00 EUR', '80.00 EUR']);
  });

  it('a statement over 1 MB goes to the job: the screen follows its progress to DONE, and its lines page by 100', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    const statement: GeneratedStatement = { statementId: 'GENERIC-20261130', accountNumber: GENERIC.accountNumber, currency: 'EUR', opening: '5000.00', openingDate: '2026-11-29', closingDate: '2026-11-30', entries: sampleEntries(12_000, '2026-11-30') };
    const file = Buffer.from(camt053([statement]));
    expect(file.length).toBeGreaterThan(1024 * 1024);
    await goTo(page, 'Import bank statement', 'Import bank statement');
    await chooseAccount(page, GENERIC.name);
    await page.getByLabel('Statement file', { exact: true }).setInputFiles({ name: 'generic-20261130.xml', mimeType: 'application/xml', buffer: file });
    await page.getByRole('button', { name: 'Import the statement', exact: true }).click();
    // Answered QUEUED: the screen asks every second until the job has read it.
    const done = page.getByRole('status').filter({ hasText: 'Done: 1 statement.' });
    await done.waitFor({ timeout: 90_000 }).catch(async (error: unknown) => {
      throw new Error(`the job's import did not finish; the page says: ${(await page.getByRole('status').allInnerTexts()).join(' | ')}`, { cause: error });
    });
    expect(await page.getByRole('note').count()).toBe(0);
    const row = await statementRow(page.getByRole('table', { name: 'Statements in the file' }), statement.statementId);
    expect(row.slice(3, 6)).toEqual(['5,000.00 EUR', `${formatIndian(money(closingOf(statement), 'EUR'))} EUR`, '12,000']);

    await page.getByRole('link', { name: statement.statementId, exact: true }).click();
    const lines = page.getByRole('table', { name: 'Statement lines' });
    await expect.poll(() => lines.getByRole('row').count(), { timeout: 10_000 }).toBe(101);
    await page.getByRole('button', { name: 'Load more lines', exact: true }).click();
    await expect.poll(() => lines.getByRole('row').count(), { timeout: 10_000 }).toBe(201);
    expect(await lines.getByRole('row').nth(101).getByRole('cell').first().innerText()).toBe('101');
    // The first line's UTR, as the generator wrote it.
    expect(await lines.getByRole('row').nth(1).innerText()).toContain(statement.entries[0]!.utr!);
    await page.getByLabel('Direction', { exact: true }).selectOption('DEBIT');
    await expect.poll(async () => new Set((await lines.getByRole('row').allInnerTexts()).slice(1).map((text) => text.split('\t')[3]!.trim())), { timeout: 10_000 }).toEqual(new Set(['Debit']));
  }, 120_000);

  it('a batch entry shows its transaction count and opens to its transactions', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await goTo(page, 'Import bank statement', 'Import bank statement');
    await chooseAccount(page, GENERIC.name);
    await page.getByLabel('Statement file', { exact: true }).setInputFiles({ name: 'generic-batch.xml', mimeType: 'application/xml', buffer: Buffer.from(BATCH_CAMT) });
    await page.getByRole('button', { name: 'Import the statement', exact: true }).click();
    await expectShown(page, page.getByRole('status').filter({ hasText: 'Done: 1 statement.' }), 'the finished batch import');
    await page.getByRole('link', { name: 'BATCH-20261201', exact: true }).click();
    const lines = page.getByRole('table', { name: 'Statement lines' });
    await expect.poll(() => lines.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    await lines.getByRole('button', { name: 'Show batch of 2 transactions', exact: true }).click();
    const transactions = page.getByRole('table', { name: 'Transactions of line 1' });
    const rows = (await transactions.getByRole('row').allInnerTexts()).slice(1).map((text) => text.split('\t').map((cell) => cell.trim()));
    // camt.053.001.02 gives a transaction no direction of its own: the entry's is the batch's.
    expect(rows.map((cells) => cells.slice(0, 2))).toEqual([['', '10.00 EUR'], ['', '20.00 EUR']]);
    expect(rows.map((cells) => cells[2])).toEqual(['End-to-end: E2E-1001', 'End-to-end: E2E-1002']);
    expect(rows.map((cells) => cells[3])).toEqual(['Invoice 1001', 'Invoice 1002']);
    await check(page, 'recon-statement-batch');
  });

  it('the camt file again answers the same import and says so; MT940 into the IBAN account is refused', async () => {
    const { page } = browser();
    await signIn(page, 'finance');
    await importFile(page, EURO.name, CAMT);
    await expectShown(page, page.getByRole('note').filter({ hasText: /^This file was imported before, on / }), 'the note that the file was imported before');
    expect(firstCamtImport).toBeDefined();
    expect({ hash: await termValue(page, 'SHA-256').innerText(), imported: await termValue(page, 'Imported').innerText() }).toEqual(firstCamtImport);
    const statements = page.getByRole('table', { name: 'Statements in the file' });
    expect((await statementRow(statements, '253EURNL26VAYB8060476890')).slice(3, 5)).toEqual(['18.15 EUR', '27.00 EUR']);
    await screenshot(page, 'recon-import-again');

    await page.getByRole('button', { name: 'Import another file', exact: true }).click();
    await chooseAccount(page, EURO.name);
    await page.getByLabel('Statement file', { exact: true }).setInputFiles(MT940);
    await page.getByRole('button', { name: 'Import the statement', exact: true }).click();
    const refusal = page.getByRole('alert', { name: 'The file was refused' });
    await expectShown(page, refusal, 'the refusal');
    expect(await refusal.innerText()).toContain('BANK_ACCOUNT_MISMATCH');
    await check(page, 'recon-import-refused');

    // Nothing from the refused file: the euro account still has its two camt statements.
    await goTo(page, 'Bank statements', 'Bank statements');
    await chooseAccount(page, EURO.name);
    const listed = page.getByRole('table', { name: 'Bank statements' });
    await expect.poll(() => listed.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
  });

  it('the auditor reads the statements and imports, with no Import or Register controls', async () => {
    const { page } = browser();
    await signIn(page, 'auditor');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('link', { name: 'Bank statements', exact: true }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Import bank statement', exact: true }).count()).toBe(0);
    await goTo(page, 'Bank statements', 'Bank statements');
    const listed = page.getByRole('table', { name: 'Bank statements' });
    await expect.poll(() => listed.getByRole('row').count(), { timeout: 10_000 }).toBe(7);
    expect((await statementRow(listed, 'GENERIC/1')).slice(4, 6)).toEqual(['100.00 EUR', '90.00 EUR']);
    expect((await statementRow(listed, '253EURNL26VAYB8060476890')).slice(4, 6)).toEqual(['18.15 EUR', '27.00 EUR']);
    await check(page, 'recon-statements-auditor');
    // The filters (kept in the URL): the MT940 statements; those with lines booked in January 2011 (GENERIC/1 alone).
    const statementIds = async () => (await listed.getByRole('row').allInnerTexts()).slice(1).map((text) => text.split('\t')[0]!.trim()).sort();
    await page.getByLabel('Format', { exact: true }).selectOption('MT940');
    await expect.poll(statementIds, { timeout: 10_000 }).toEqual(['GENERIC/1', 'GENERIC/2']);
    await page.getByLabel('Format', { exact: true }).selectOption('');
    await page.getByLabel('Booked from', { exact: true }).fill('2011-01-01');
    await page.getByLabel('Booked to', { exact: true }).fill('2011-01-31');
    await expect.poll(statementIds, { timeout: 10_000 }).toEqual(['GENERIC/1']);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2011-01-01');

    await goTo(page, 'Bank accounts', 'Bank accounts');
    await page.getByRole('table', { name: 'Bank accounts', exact: true }).getByRole('link', { name: EURO.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: EURO.name }).waitFor();
    expect(await page.getByRole('link', { name: 'Import bank statement' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save the layout' }).count()).toBe(0);
    await goTo(page, 'Bank accounts', 'Bank accounts');
    expect(await page.getByRole('link', { name: 'Register bank account' }).count()).toBe(0);

    await goTo(page, 'Statement imports', 'Statement imports');
    const imports = page.getByRole('table', { name: 'Statement imports' });
    // Newest first: a small file refused in the request leaves no import behind.
    await expect.poll(() => imports.getByRole('row').count(), { timeout: 10_000 }).toBe(5);
    expect((await imports.getByRole('row').allInnerTexts()).slice(1).map((text) => text.split('\t')[0]!.trim())).toEqual(['generic-batch.xml', 'generic-20261130.xml', 'jejik-generic.sta', 'camt053.v2.multi.statement.xml']);
    await check(page, 'recon-imports');
  });
});
