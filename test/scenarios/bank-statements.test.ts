import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@postal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camt053, closingOf, sampleEntries } from '../support/camt053.js';
import { errorCodes, graphql } from '../support/graphql-client.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Bank accounts and statement import through the gateway (issue 13): a finance officer registers the operator's bank
 * accounts (their ledger accounts opened in accounts), imports the public sample files (camt.053 with two
 * statements, camt.054, MT940, MT942) and one written here, by GraphQL and by the plain HTTP upload (a file large
 * enough for the job, followed to DONE). The same file again answers the same import; a malformed one, one for another
 * account, in another currency or with a statement already imported with other contents is refused whole, and leaves
 * nothing. Who may do and see what follows the office tree.
 */
let stack: TestStack;
const tokens: Record<string, string> = {};
const FIXTURES = join(import.meta.dirname, '../../packages/bank-statements/fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path));
const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

async function login(username: string) {
  const response = await graphql(stack.gatewayUrl, 'mutation($u: String!) { login(username: $u, password: "demo") { token } }', { variables: { u: username } });
  if (!response.data) throw new Error(`${username} cannot sign in: ${JSON.stringify(response.errors)}`);
  tokens[username] = (response.data as any).login.token as string;
}

const call = (who: string, query: string, variables?: Record<string, unknown>) => graphql(stack.gatewayUrl, query, { token: tokens[who]!, ...(variables ? { variables } : {}) });

async function ok(who: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await call(who, query, variables);
  if (response.errors?.length) throw new Error(`${who}: ${JSON.stringify(response.errors)}`);
  return response.data;
}

const REGISTER = `mutation($input: RegisterBankAccountInput!) { registerBankAccount(input: $input) { id accountNumber isIban currency purpose officeCode ledgerAccountCode } }`;
const IMPORT_FIELDS = `id status progressPercent format fileHash fileSize alreadyImportedCount error { code message line element }
  statements { id statementId format currency lineCount creditCount debitCount creditTotal { amount } debitTotal { amount }
    openingBalance { amount currency } closingBalance { amount } alreadyImported }`;
const IMPORT = `mutation($input: ImportBankStatementInput!) { importBankStatement(input: $input) { ${IMPORT_FIELDS} } }`;
const IMPORT_BY_ID = `query($id: ID!) { bankStatementImport(id: $id) { ${IMPORT_FIELDS} } }`;
const STATEMENT = `query($id: ID!, $after: String, $first: Int = 100) { bankStatement(id: $id) { statementId lineCount balances { type amount { amount currency } date }
  lines(first: $first, after: $after) { edges { node { index direction reversal amount { amount currency } bookingDate valueDate status transactionCode
    references { endToEndId accountServicerReference ownerReference utr transactionId } remittanceInformation counterparty { name iban account } transactionCount } }
    pageInfo { hasNextPage endCursor } } } }`;
const COUNT_STATEMENTS = `query($a: ID) { bankStatements(filter: { bankAccountId: $a }, first: 100) { edges { node { id statementId } } } }`;

async function upload(who: string, params: Record<string, string>, body: Buffer | string, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/uploads/bank-statement?${new URLSearchParams(params)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  stack = await startTestStack();
  for (const username of ['finance', 'finance.nwd', 'auditor', 'postman', 'finance.hq', 'finance.hq2']) await login(username);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('the operator bank accounts and their statements, through the gateway', () => {
  const accounts: Record<string, { id: string; ledgerAccountCode: string }> = {};

  it('registers bank accounts, each with a ledger account under 1500 at its office', async () => {
    const eur = (await ok('finance', REGISTER, { input: { name: 'VAYB euro collection', accountNumber: 'NL26 VAYB 8060 4768 90', bic: 'VAYBNL2A', currency: 'EUR', purpose: 'COLLECTION', officeCode: 'NDGPO' } })).registerBankAccount;
    expect(eur).toMatchObject({ accountNumber: 'NL26VAYB8060476890', isIban: true, officeCode: 'NDGPO' });
    expect(eur.ledgerAccountCode).toMatch(/^NDGPO:1500:BA[0-9A-F]{10}$/);
    accounts.eur = eur;
    const ledger = await ok('finance', 'query($c: ID!) { account(code: $c) { code type kind headCode currency officeCode } }', { c: eur.ledgerAccountCode });
    expect(ledger.account).toEqual({ code: eur.ledgerAccountCode, type: 'ASSET', kind: 'DETAIL', headCode: '1500', currency: 'EUR', officeCode: 'NDGPO' });

    // Kept in an existing ledger account: NDGPO's own bank account 1500, in rupees.
    const inr = (await ok('finance', REGISTER, { input: { name: 'SBI Parliament Street collection', accountNumber: '32145678901', ifsc: 'sbin0000691', currency: 'INR', purpose: 'COLLECTION', ledgerAccountCode: 'NDGPO:1500' } })).registerBankAccount;
    expect(inr).toMatchObject({ accountNumber: '32145678901', isIban: false, officeCode: 'NDGPO', ledgerAccountCode: 'NDGPO:1500' });
    accounts.inr = inr;
    accounts.generic = (await ok('finance', REGISTER, { input: { name: 'Generic bank', accountNumber: '11111111', currency: 'EUR', purpose: 'PAYOUT', officeCode: 'NDGPO' } })).registerBankAccount;
    accounts.sek = (await ok('finance', REGISTER, { input: { name: 'Swedish notifications', accountNumber: 'CH2801234000123456789', currency: 'SEK', purpose: 'COLLECTION', officeCode: 'NDGPO' } })).registerBankAccount;
    accounts.pln = (await ok('finance', REGISTER, { input: { name: 'mBank intraday', accountNumber: 'PL29114010810000267002001002', currency: 'PLN', purpose: 'COLLECTION', officeCode: 'NDGPO' } })).registerBankAccount;
    accounts.generic2 = (await ok('finance', REGISTER, { input: { name: 'Generic bank, rupee book', accountNumber: '11111111', currency: 'INR', purpose: 'CASH_DEPOSIT', officeCode: 'NDGPO' } })).registerBankAccount;
  });

  it('refuses a second registration, a bad IBAN or IFSC, an unsuitable ledger account, and callers without the permission there', async () => {
    expect(errorCodes(await call('finance', REGISTER, { input: { name: 'again', accountNumber: 'NL26VAYB8060476890', currency: 'EUR', purpose: 'PAYOUT', officeCode: 'NDGPO' } }))).toEqual(['BANK_ACCOUNT_EXISTS']);
    expect(errorCodes(await call('finance', REGISTER, { input: { name: 'typo', accountNumber: 'NL27VAYB8060476890', currency: 'EUR', purpose: 'PAYOUT', officeCode: 'NDGPO' } }))).toEqual(['INVALID_IBAN']);
    expect(errorCodes(await call('finance', REGISTER, { input: { name: 'typo', accountNumber: '123456789', ifsc: 'SBIN691', currency: 'INR', purpose: 'PAYOUT', officeCode: 'NDGPO' } }))).toEqual(['INVALID_IFSC']);
    expect(errorCodes(await call('finance', REGISTER, { input: { name: 'cash', accountNumber: '99887766', currency: 'INR', purpose: 'PAYOUT', ledgerAccountCode: 'NDGPO:1100' } }))).toEqual(['LEDGER_ACCOUNT_UNSUITABLE']);
    expect(errorCodes(await call('finance', REGISTER, { input: { name: 'euro in rupees', accountNumber: '99887766', currency: 'EUR', purpose: 'PAYOUT', ledgerAccountCode: 'NDGPO:1500' } }))).toEqual(['LEDGER_ACCOUNT_UNSUITABLE']);
    expect(errorCodes(await call('finance', REGISTER, { input: { name: 'nowhere', accountNumber: '99887766', currency: 'INR', purpose: 'PAYOUT' } }))).toEqual(['BAD_USER_INPUT']);
    // Another division's finance officer cannot register at NDGPO, nor use NDGPO's ledger account; a postman not at all.
    expect(errorCodes(await call('finance.nwd', REGISTER, { input: { name: 'x', accountNumber: '99887766', currency: 'INR', purpose: 'PAYOUT', officeCode: 'NDGPO' } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('finance.nwd', REGISTER, { input: { name: 'x', accountNumber: '99887766', currency: 'INR', purpose: 'PAYOUT', ledgerAccountCode: 'NDGPO:1500' } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('postman', REGISTER, { input: { name: 'x', accountNumber: '99887766', currency: 'INR', purpose: 'PAYOUT', officeCode: 'NDGPO' } }))).toEqual(['FORBIDDEN']);
  });

  let camtImport: any;
  it('imports a camt.053 with two statements: balances, totals and lines read back', async () => {
    const file = fixture('camt/camt053.v2.multi.statement.xml');
    camtImport = (await ok('finance', IMPORT, { input: { bankAccountId: accounts.eur!.id, fileName: 'camt053.v2.multi.statement.xml', content: b64(file) } })).importBankStatement;
    expect(camtImport).toMatchObject({ status: 'DONE', progressPercent: 100, format: 'CAMT_053', fileSize: file.length, alreadyImportedCount: 0, error: null });
    expect(camtImport.statements.map((s: any) => s.statementId)).toEqual(['253EURNL26VAYB8060476890', '254EURNL26VAYB8060476890']);
    const first = camtImport.statements[0];
    expect(first).toMatchObject({ format: 'CAMT_053', currency: 'EUR', lineCount: 1, openingBalance: { amount: '18.15', currency: 'EUR' }, closingBalance: { amount: '27.00' }, alreadyImported: false });
    expect(first.creditTotal.amount).toBe('8.85');
    const read = (await ok('auditor', STATEMENT, { id: first.id })).bankStatement;
    expect(read.balances.map((b: any) => b.type)).toEqual(['OPBD', 'CLBD']);
    const [line] = read.lines.edges.map((edge: any) => edge.node);
    expect(line).toMatchObject({ index: 1, direction: 'CREDIT', reversal: false, amount: { amount: '8.85', currency: 'EUR' }, status: 'BOOK' });
    expect(line.bookingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers the same file with the same import, and a file holding a statement already imported with it as alreadyImported', async () => {
    const again = (await ok('finance', IMPORT.replace('alreadyImportedCount', 'alreadyImportedCount existing'), { input: { bankAccountId: accounts.eur!.id, fileName: 'renamed.xml', content: b64(fixture('camt/camt053.v2.multi.statement.xml')) } })).importBankStatement;
    expect(again).toMatchObject({ id: camtImport.id, existing: true });
    expect(again.statements.map((s: any) => s.id)).toEqual(camtImport.statements.map((s: any) => s.id));
    // The same file with an XML comment added: other bytes, the same statements.
    const touched = Buffer.concat([fixture('camt/camt053.v2.multi.statement.xml'), Buffer.from('<!-- resent -->\n')]);
    const overlap = (await ok('finance', IMPORT, { input: { bankAccountId: accounts.eur!.id, fileName: 'resent.xml', content: b64(touched) } })).importBankStatement;
    expect(overlap.id).not.toBe(camtImport.id);
    expect(overlap).toMatchObject({ status: 'DONE', alreadyImportedCount: 2 });
    expect(overlap.statements.map((s: any) => [s.id, s.alreadyImported])).toEqual(camtImport.statements.map((s: any) => [s.id, true]));
    const listed = (await ok('finance', COUNT_STATEMENTS, { a: accounts.eur!.id })).bankStatements.edges;
    expect(listed).toHaveLength(2);
  });

  it('refuses a malformed file naming the element, one for another account or currency, and a statement id with other contents; nothing is kept', async () => {
    const before = (await ok('finance', COUNT_STATEMENTS, {})).bankStatements.edges.length;
    // The upstream sample whose closing balance is in SEK on a EUR statement.
    const bad = await call('finance', IMPORT, { input: { bankAccountId: accounts.eur!.id, fileName: 'minimal.xml', content: b64(fixture('camt/camt053.v2.minimal.xml')) } });
    expect(errorCodes(bad)).toEqual(['STATEMENT_MALFORMED']);
    const truncated = fixture('camt/camt053.v2.multi.statement.xml').subarray(0, 1_500);
    const cut = await call('finance', IMPORT, { input: { bankAccountId: accounts.eur!.id, fileName: 'cut.xml', content: b64(truncated) } });
    expect(errorCodes(cut)).toEqual(['STATEMENT_MALFORMED']);
    expect(cut.errors![0]!.extensions).toMatchObject({ field: 'content', details: { line: 39 } });
    const elsewhere = await call('finance', IMPORT, { input: { bankAccountId: accounts.eur!.id, fileName: 'generic.sta', content: b64(fixture('mt940/jejik-generic.sta')) } });
    expect(errorCodes(elsewhere)).toEqual(['BANK_ACCOUNT_MISMATCH']);
    const currency = await call('finance', IMPORT, { input: { bankAccountId: accounts.generic2!.id, fileName: 'generic.sta', content: b64(fixture('mt940/jejik-generic.sta')) } });
    expect(errorCodes(currency)).toEqual(['CURRENCY_MISMATCH']);
    const wrongFormat = await call('finance', IMPORT, { input: { bankAccountId: accounts.generic!.id, fileName: 'generic.sta', content: b64(fixture('mt940/jejik-generic.sta')), format: 'CAMT_053' } });
    expect(errorCodes(wrongFormat)).toEqual(['STATEMENT_MALFORMED']);
    // Statement 253EUR… again, with another entry amount and balances that add up: the bank's id, other contents.
    const altered = fixture('camt/camt053.v2.multi.statement.xml').toString('utf8').replace(/8\.85/g, '9.85').replace('27.00', '28.00');
    expect(errorCodes(await call('finance', IMPORT, { input: { bankAccountId: accounts.eur!.id, fileName: 'altered.xml', content: b64(altered) } }))).toEqual(['STATEMENT_CONFLICT']);
    expect(errorCodes(await call('finance', IMPORT, { input: { bankAccountId: accounts.eur!.id, fileName: 'x.xml', content: 'not base64!' } }))).toEqual(['BAD_USER_INPUT']);
    expect((await ok('finance', COUNT_STATEMENTS, {})).bankStatements.edges).toHaveLength(before);
  });

  it('imports MT940 (two messages), MT942 and camt.054 into their accounts', async () => {
    const mt940 = (await ok('finance', IMPORT, { input: { bankAccountId: accounts.generic!.id, fileName: 'generic.sta', content: b64(fixture('mt940/jejik-generic.sta')) } })).importBankStatement;
    expect(mt940).toMatchObject({ status: 'DONE', format: 'MT940' });
    expect(mt940.statements.map((s: any) => [s.statementId, s.openingBalance.amount, s.closingBalance.amount, s.debitTotal.amount])).toEqual([
      ['GENERIC/1', '100.00', '90.00', '10.00'],
      ['GENERIC/2', '90.00', '80.00', '10.00'],
    ]);
    const mt942 = (await ok('finance', IMPORT, { input: { bankAccountId: accounts.pln!.id, fileName: 'mbank.sta', content: b64(fixture('mt940/mbank-mt942.sta')) } })).importBankStatement;
    expect(mt942).toMatchObject({ status: 'DONE', format: 'MT942' });
    expect(mt942.statements[0]).toMatchObject({ lineCount: 3, openingBalance: null, closingBalance: null });
    const camt054 = (await ok('finance', IMPORT, { input: { bankAccountId: accounts.sek!.id, fileName: 'camt054.xml', content: b64(fixture('camt/camt054.v2.xml')) } })).importBankStatement;
    expect(camt054).toMatchObject({ status: 'DONE', format: 'CAMT_054' });
    expect(camt054.statements[0]).toMatchObject({ statementId: 'AAAASESS-FP-ACCR001', currency: 'SEK', lineCount: 1 });
  });

  it('imports a large statement by the HTTP upload as a job, with progress, UTRs kept, and the same upload answering the same import', async () => {
    const entries = sampleEntries(12_000, '2026-11-30');
    const statement = { statementId: 'SBI-32145678901-20261130', accountNumber: '32145678901', currency: 'INR', opening: '1000000.00', openingDate: '2026-11-29', closingDate: '2026-11-30', entries };
    const file = Buffer.from(camt053([statement]));
    expect(file.length).toBeGreaterThan(1024 * 1024);
    const taken = await upload('finance', { bankAccountId: accounts.inr!.id, fileName: 'sbi-20261130.xml' }, file);
    expect(taken.status).toBe(200);
    expect(taken.body.data).toMatchObject({ status: 'QUEUED', fileSize: file.length, existing: false });
    const importId = taken.body.data.importId as string;
    const done = await waitFor(
      async () => {
        const state = (await ok('finance', IMPORT_BY_ID, { id: importId })).bankStatementImport;
        return state.status === 'DONE' || state.status === 'FAILED' ? state : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    expect(done).toMatchObject({ status: 'DONE', progressPercent: 100, format: 'CAMT_053', error: null });
    expect(done.statements[0]).toMatchObject({ lineCount: 12_000, closingBalance: { amount: closingOf(statement).toFixed(2) } });
    const credits = entries.filter((e) => e.direction === 'CREDIT');
    expect(done.statements[0].creditCount).toBe(credits.length);
    const page = (await ok('finance', STATEMENT, { id: done.statements[0].id })).bankStatement.lines;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const first = page.edges[0].node;
    expect(first.references.utr).toBe(entries[0]!.utr);
    expect(first.references.accountServicerReference).toBe(entries[0]!.bankReference);
    const next = (await ok('finance', STATEMENT, { id: done.statements[0].id, after: page.pageInfo.endCursor })).bankStatement.lines.edges[0].node;
    expect(next.index).toBe(101);

    const again = await upload('finance', { bankAccountId: accounts.inr!.id, fileName: 'again.xml' }, file);
    expect(again.body.data).toMatchObject({ importId, status: 'DONE', existing: true });
  }, 120_000);

  it('refuses uploads from nobody, with unknown parameters, or into an account the caller cannot import into', async () => {
    const tiny = fixture('mt940/jejik-generic.sta');
    expect((await upload('nobody', { bankAccountId: accounts.generic!.id, fileName: 'a.sta' }, tiny)).status).toBe(401);
    const bad = await upload('finance', { bankAccountId: accounts.generic!.id, fileName: 'a.sta', extra: 'x' }, tiny);
    expect(bad.status).toBe(400);
    const outside = await upload('finance.nwd', { bankAccountId: accounts.generic!.id, fileName: 'a.sta' }, tiny);
    expect(outside.body.errors[0].extensions.code).toBe('BANK_ACCOUNT_NOT_FOUND');
    const forbidden = await upload('postman', { bankAccountId: accounts.generic!.id, fileName: 'a.sta' }, tiny);
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const malformed = await upload('finance', { bankAccountId: accounts.generic!.id, fileName: 'a.sta' }, ':20:X\n:25:11111111\n:28C:1\n:60F:C110101EUR100,00\n:61:110101D10,00N000NONREF\n:62F:C110201EUR95,00\n-\n');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions).toMatchObject({ code: 'STATEMENT_MALFORMED', details: { element: ':62F:' } });
  });

  it('shows accounts and statements only within the caller scope', async () => {
    const auditor = (await ok('auditor', 'query { bankAccounts(first: 50) { edges { node { id } } } }')).bankAccounts.edges;
    expect(auditor.length).toBeGreaterThanOrEqual(6);
    expect((await ok('finance.nwd', 'query { bankAccounts(first: 50) { edges { node { id } } } }')).bankAccounts.edges).toEqual([]);
    expect((await ok('finance.nwd', COUNT_STATEMENTS, {})).bankStatements.edges).toEqual([]);
    expect((await ok('finance.nwd', 'query($id: ID!) { bankStatement(id: $id) { id } }', { id: camtImport.statements[0].id })).bankStatement).toBeNull();
    expect((await ok('postman', 'query($id: ID!) { bankStatementImport(id: $id) { id } }', { id: camtImport.id })).bankStatementImport).toBeNull();
  });

  it('reads a bank CSV export through the layout saved for its account', async () => {
    const SET = 'mutation($a: ID!, $m: String) { setBankCsvMapping(bankAccountId: $a, mapping: $m) { csvMapping } }';
    const layout = JSON.parse(readFileSync(join(FIXTURES, 'csv/hdfc-style.mapping.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'csv/hdfc-style.expected.json'), 'utf8'));
    const hdfc = (await ok('finance', REGISTER, { input: { name: 'HDFC current account', accountNumber: expected.context.accountNumber, currency: 'INR', purpose: 'PAYOUT', officeCode: 'NDGPO' } })).registerBankAccount;
    const csv = fixture('csv/hdfc-style.csv');
    // Without a layout the file cannot be read.
    expect(errorCodes(await call('finance', IMPORT, { input: { bankAccountId: hdfc.id, fileName: 'hdfc.csv', content: b64(csv) } }))).toEqual(['CSV_MAPPING_REQUIRED']);
    const invalid = await call('finance', SET, { a: hdfc.id, m: '{"delimiter": ","}' });
    expect(errorCodes(invalid)).toEqual(['CSV_MAPPING_INVALID']);
    expect(errorCodes(await call('auditor', SET, { a: hdfc.id, m: JSON.stringify(layout) }))).toEqual(['FORBIDDEN']);
    const saved = await ok('finance', SET, { a: hdfc.id, m: JSON.stringify(layout) });
    expect(JSON.parse(saved.setBankCsvMapping.csvMapping)).toMatchObject({ delimiter: layout.delimiter, dateFormat: layout.dateFormat });
    const taken = (await ok('finance', IMPORT, { input: { bankAccountId: hdfc.id, fileName: 'hdfc.csv', content: b64(csv) } })).importBankStatement;
    expect(taken).toMatchObject({ status: 'DONE', format: 'CSV' });
    expect(taken.statements[0].lineCount).toBe(expected.lineCount);
    expect(taken.statements[0].closingBalance?.amount ?? null).toBe(expected.balances.find((b: any) => b.type === 'CLBD')?.amount ?? null);
  });

  it('runs matching on demand, as a dry run too, and reads the rule set in force', async () => {
    const RUN = `mutation($input: RunReconMatchingInput!) { runReconMatching(input: $input) { id dryRun ruleSetVersion lineCount itemCount confirmedCount suggestedCount unmatchedLineCount byRule { ruleId enabled } preview { ruleId } } }`;
    const ruleSet = JSON.parse((await ok('auditor', 'query { reconRuleSet }')).reconRuleSet);
    expect(ruleSet).toMatchObject({ version: 1 });
    const dry = (await ok('finance', RUN, { input: { bankAccountId: accounts.inr!.id, dryRun: true } })).runReconMatching;
    // NDGPO's books hold no UPI collections waiting for the bank in this test: every line stays open.
    expect(dry).toMatchObject({ dryRun: true, ruleSetVersion: 1, lineCount: 12_000, itemCount: 0, confirmedCount: 0, unmatchedLineCount: 12_000 });
    expect(dry.byRule.map((rule: any) => rule.ruleId)).toEqual(ruleSet.rules.map((rule: any) => rule.id));
    const real = (await ok('finance', RUN, { input: { bankAccountId: accounts.inr!.id } })).runReconMatching;
    expect(real).toMatchObject({ dryRun: false, lineCount: 12_000, confirmedCount: 0 });
    expect(errorCodes(await call('auditor', RUN, { input: { bankAccountId: accounts.inr!.id } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call('finance', RUN, { input: { bankAccountId: accounts.inr!.id, dryRun: true, ruleSet: '{"version": 2, "rules": []}' } }))).toEqual(['RULE_SET_INVALID']);
    expect(errorCodes(await call('finance', 'mutation { confirmReconMatch(id: "00000000-0000-4000-8000-000000000000") { id } }'))).toEqual(['MATCH_NOT_FOUND']);
    expect((await ok('finance', 'query($a: ID) { reconMatches(filter: { bankAccountId: $a }) { edges { node { id } } } }', { a: accounts.inr!.id })).reconMatches.edges).toEqual([]);
  });

  it('changes the matching rules through the approvals inbox: proposed by one officer at the circle, approved by another', async () => {
    const PROPOSE = 'mutation($r: String!, $why: String!) { proposeReconRuleSet(ruleSet: $r, reason: $why) { version status approvalRequestId } }';
    const current = JSON.parse((await ok('finance', 'query { reconRuleSet }')).reconRuleSet);
    const stricter = JSON.stringify({ ...current, autoConfirmAt: '0.95' });
    // The division's officer does not reach the circle, where the operator's one rule set is decided.
    expect(errorCodes(await call('finance', PROPOSE, { r: stricter, why: 'stricter' }))).toEqual(['FORBIDDEN']);
    const proposed = (await ok('finance.hq', PROPOSE, { r: stricter, why: 'confirm only at 0.95 or more' })).proposeReconRuleSet;
    expect(proposed).toMatchObject({ version: 2, status: 'PROPOSED' });
    expect(errorCodes(await call('finance.hq', 'mutation($id: ID!) { approve(id: $id) { id } }', { id: proposed.approvalRequestId }))).toEqual(['MAKER_CANNOT_APPROVE']);
    await ok('finance.hq2', 'mutation($id: ID!) { approve(id: $id) { id } }', { id: proposed.approvalRequestId });
    await waitFor(async () => (JSON.parse((await ok('auditor', 'query { reconRuleSet }')).reconRuleSet).version === 2 ? true : undefined), { what: 'rule set 2 in force', timeoutMs: 20_000 });
    const versions = (await ok('auditor', 'query { reconRuleSets { version status proposedBy } }')).reconRuleSets;
    expect(versions).toEqual([{ version: 2, status: 'ACTIVE', proposedBy: 'finance.hq' }]);
    expect(JSON.parse((await ok('finance', 'query { reconRuleSet }')).reconRuleSet).autoConfirmAt).toBe('0.95');
  });
});
