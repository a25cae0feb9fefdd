import { randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { InProcessJobQueue } from '@postal/jobs';
import { createMemoryNotifier } from '@postal/notify';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettlementApprovalExecutor } from '../../settlement/approval-executor.js';
import { buildSettlementBatches } from '../../settlement/build.js';
import { payoutOfBatch } from '../../settlement/repository.js';
import { submitSettlementBatches } from '../../settlement/submit.js';
import { contextOf, decidedEvent, financeOfficer, identitySecret, recordingInbox, seedBiller, seedCollection, seedOffices, settlementDeps, SETTLEMENT_OFFICE } from '../../settlement/test-support/seed.js';
import type { ReconDeps } from '../deps.js';
import { createStatementImportService } from '../imports/service.js';
import { createMatchingService } from './service.js';
import { DEFAULT_RULE_SET } from '@postal/matching';
import { parse } from 'csv-parse/sync';
import { statementLinesCsv } from '../exports.js';

/**
 * Matching against the books on a real database: a released payout found by the bank's debit (PAID with the UTR, by
 * the rules or by a person), UPI collections cleared by their RRNs, suggestions rejected and never suggested again,
 * and a second run finding nothing new.
 */
let testDatabase: TestDatabase;
const jobs = new InProcessJobQueue({ logger: pino({ level: 'silent' }) });
const clock = () => new Date('2026-12-14T05:30:00Z');
const db = () => testDatabase.database.db;
const deps = (): ReconDeps => ({ database: testDatabase.database, clock, timeZone: 'Asia/Kolkata', jobs });
const matcher = {
  ...(financeOfficer as Extract<Identity, { kind: 'staff' }>),
  grants: [...(financeOfficer as Extract<Identity, { kind: 'staff' }>).grants, ...['recon.read', 'recon.import', 'recon.match'].map((permission) => ({ permission: permission as 'recon.read', scope: 'SUBTREE' as const }))],
} satisfies Identity;

beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seedOffices(db());
}, 60_000);
afterAll(() => testDatabase?.drop());

let accountSerial = 0;
async function bankAccount(purpose: 'PAYOUT' | 'COLLECTION'): Promise<{ id: string; accountNumber: string }> {
  const id = randomUUID();
  const accountNumber = `3214567${String(++accountSerial).padStart(4, '0')}`;
  await db().execute(sql`
    insert into cod.bank_accounts (id, name, account_number, is_iban, currency, purpose, office_code, office_path, ledger_account_code, registered_by, registered_at)
    values (${id}, ${`SBI ${purpose}`}, ${accountNumber}, false, 'INR', ${purpose}, 'NDGPO', 'DLC/NDGPO', ${`NDGPO:1500:T${accountNumber}`}, 'test', now())`);
  return { id, accountNumber };
}

/** An MT940 statement of the lines given (amount, C/D, bank reference, :86: text), its balances adding up. */
function mt940(accountNumber: string, id: string, lines: Array<{ amount: string; mark: 'C' | 'D'; reference: string; info: string }>): string {
  let total = 100_000_00;
  const body = lines
    .map((line) => {
      const cents = Math.round(Number(line.amount) * 100);
      total += line.mark === 'C' ? cents : -cents;
      return `:61:2612141214${line.mark}${line.amount.replace('.', ',')}NTRF${line.reference.slice(0, 16)}//${line.reference.slice(0, 16)}\n:86:${line.info}`;
    })
    .join('\n');
  const amount = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
  return `:20:${id}\n:25:${accountNumber}\n:28C:1/1\n:60F:C261213INR${amount(100_000_00)}\n${body}\n:62F:C261214INR${amount(total)}\n-\n`;
}

async function importStatement(accountId: string, text: string) {
  const taken = await createStatementImportService(deps()).submit(contextOf(matcher), { bankAccountId: accountId, fileName: 'stmt.sta', content: Buffer.from(text).toString('base64') });
  expect(taken.status).toBe('DONE');
  return taken;
}

async function releasedPayout() {
  const inbox = recordingInbox();
  const settlement = settlementDeps(testDatabase, clock, inbox.submitter);
  const biller = await seedBiller(db());
  await seedCollection(db(), biller.id, { amount: '1000.00', dueFrom: '2026-12-01' });
  const [batch] = (await buildSettlementBatches(settlement, contextOf(financeOfficer), { settlementOfficeCode: SETTLEMENT_OFFICE })).filter((b) => b.billerId === biller.id);
  await submitSettlementBatches(settlement, contextOf(financeOfficer), [batch!.id], 'matching');
  await db().transaction((tx) => createSettlementApprovalExecutor(settlement, { identitySecret })(tx, decidedEvent(inbox.submissions.at(-1)!)));
  const payout = (await payoutOfBatch(db(), batch!.id))!;
  expect(payout.status).toBe('PENDING');
  return { batch: batch!, payout };
}

const payoutStatus = async (id: string) => rowsOf<{ status: string; utr: string | null }>(await db().execute(sql`select status, utr from cod.payouts where id = ${id}`))[0]!;

describe('matching bank lines with the books', () => {
  it('pays a pending payout from the bank debit naming its batch, with the UTR, once; a second run finds nothing', async () => {
    const account = await bankAccount('PAYOUT');
    const { batch, payout } = await releasedPayout();
    const utr = 'SBINN52026121412345678';
    await importStatement(account.id, mt940(account.accountNumber, 'PAYOUTS1', [{ amount: payout.amount, mark: 'D', reference: 'NONREF', info: `166?00NEFT?20EREF+${batch.reference}\n?21SVWZ+NEFT UTR ${utr}` }]));
    const matching = createMatchingService(deps());
    const run = await matching.run(contextOf(matcher), { bankAccountId: account.id });
    expect(run).toMatchObject({ dryRun: false, confirmedCount: 1, suggestedCount: 0, unmatchedLineCount: 0 });
    expect(await payoutStatus(payout.id)).toEqual({ status: 'PAID', utr });
    const [match] = (await matching.list(matcher, { bankAccountId: account.id }, 10, null)).edges.map((edge) => edge.node);
    expect(match).toMatchObject({ status: 'CONFIRMED', ruleId: 'payout-batch', effects: [`PAYOUT_PAID ${payout.id} ${utr}`] });
    const again = await matching.run(contextOf(matcher), { bankAccountId: account.id });
    expect(again).toMatchObject({ confirmedCount: 0, suggestedCount: 0, lineCount: 0 });
    await expect(matching.unmatch(contextOf(matcher), match!.id, 'wrong')).rejects.toMatchObject({ code: 'MATCH_HAS_EFFECTS' });
  });

  it('suggests a debit that only names the batch in its narration; a person confirms it and the payout is paid', async () => {
    const account = await bankAccount('PAYOUT');
    const { batch, payout } = await releasedPayout();
    const utr = 'HDFCN52026121400000077';
    await importStatement(account.id, mt940(account.accountNumber, 'PAYOUTS2', [{ amount: payout.amount, mark: 'D', reference: utr.slice(0, 16), info: `NEFT ${utr} COD ${batch.reference}` }]));
    const matching = createMatchingService(deps());
    const dry = await matching.run(contextOf(matcher), { bankAccountId: account.id, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, suggestedCount: 1 });
    expect((await matching.list(matcher, { bankAccountId: account.id }, 10, null)).edges).toHaveLength(0);
    const run = await matching.run(contextOf(matcher), { bankAccountId: account.id });
    expect(run).toMatchObject({ confirmedCount: 0, suggestedCount: 1 });
    const [suggestion] = (await matching.list(matcher, { bankAccountId: account.id, status: 'SUGGESTED' }, 10, null)).edges.map((edge) => edge.node);
    expect(await payoutStatus(payout.id)).toMatchObject({ status: 'PENDING' });
    const confirmed = await matching.confirm(contextOf(matcher), suggestion!.id);
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', decidedBy: 'finance.ndgpo' });
    expect(await payoutStatus(payout.id)).toEqual({ status: 'PAID', utr });
    await expect(matching.confirm(contextOf(matcher), suggestion!.id)).rejects.toMatchObject({ code: 'MATCH_NOT_SUGGESTED' });
  });

  it('reverses a paid payout when the bank sends it back with its UTR, and tells the seller', async () => {
    const account = await bankAccount('PAYOUT');
    const { batch, payout } = await releasedPayout();
    const utr = 'SBINN52026121487654321';
    await importStatement(account.id, mt940(account.accountNumber, 'RETURNS1', [{ amount: payout.amount, mark: 'D', reference: 'NONREF', info: `166?00NEFT?20EREF+${batch.reference}\n?21SVWZ+NEFT UTR ${utr}` }]));
    const notifier = createMemoryNotifier();
    const matching = createMatchingService({ ...deps(), notifier });
    expect(await matching.run(contextOf(matcher), { bankAccountId: account.id })).toMatchObject({ confirmedCount: 1 });
    expect(await payoutStatus(payout.id)).toEqual({ status: 'PAID', utr });
    // Two days later the beneficiary bank returns it: a credit of the same amount with the same UTR.
    await importStatement(account.id, mt940(account.accountNumber, 'RETURNS2', [{ amount: payout.amount, mark: 'C', reference: 'NONREF', info: `NEFT RETURN UTR ${utr} ACCOUNT CLOSED` }]));
    const run = await matching.run(contextOf(matcher), { bankAccountId: account.id });
    expect(run).toMatchObject({ confirmedCount: 1, unmatchedLineCount: 0 });
    expect(await payoutStatus(payout.id)).toMatchObject({ status: 'REVERSED' });
    const returned = (await matching.list(matcher, { bankAccountId: account.id, status: 'CONFIRMED' }, 10, null)).edges.map((edge) => edge.node).find((m) => m.effects.some((e) => e.startsWith('PAYOUT_REVERSED')));
    expect(returned?.effects).toEqual([`PAYOUT_REVERSED ${payout.id}`]);
    const movements = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from cod.ledger_movements where movement = 'PAYOUT_FAILED' and payload->>'payoutId' = ${payout.id}`));
    expect(movements[0]!.n).toBe(1);
    expect(notifier.sent.some((message) => message.kind === 'COD_PAYOUT_FAILED')).toBe(true);
  });

  it('does not suggest again what a person rejected', async () => {
    const account = await bankAccount('PAYOUT');
    const { batch, payout } = await releasedPayout();
    await importStatement(account.id, mt940(account.accountNumber, 'PAYOUTS3', [{ amount: payout.amount, mark: 'D', reference: 'NONREF', info: `COD ${batch.reference}` }]));
    const matching = createMatchingService(deps());
    expect(await matching.run(contextOf(matcher), { bankAccountId: account.id })).toMatchObject({ suggestedCount: 1 });
    const [suggestion] = (await matching.list(matcher, { bankAccountId: account.id, status: 'SUGGESTED' }, 10, null)).edges.map((edge) => edge.node);
    await expect(matching.reject(contextOf(matcher), suggestion!.id, '')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await matching.reject(contextOf(matcher), suggestion!.id, 'another seller paid the same amount')).toMatchObject({ status: 'REJECTED', reason: 'another seller paid the same amount' });
    expect(await matching.run(contextOf(matcher), { bankAccountId: account.id })).toMatchObject({ confirmedCount: 0, suggestedCount: 0, lineCount: 1, unmatchedLineCount: 1 });
    expect(await payoutStatus(payout.id)).toMatchObject({ status: 'PENDING' });
  });

  it('clears UPI collections by their RRNs', async () => {
    const account = await bankAccount('COLLECTION');
    const biller = await seedBiller(db());
    const first = await seedCollection(db(), biller.id, { amount: '750.00', mode: 'UPI', dueFrom: null, deliveredOn: '2026-12-13' });
    const second = await seedCollection(db(), biller.id, { amount: '1250.00', mode: 'UPI', dueFrom: null, deliveredOn: '2026-12-13' });
    // The seed clears UPI at once and gives every payment one RRN: these two are waiting for the bank, with their own.
    await db().execute(sql`update cod.collections set cleared_on = null, payment_reference = case article_id when ${first.articleId}::uuid then '412345678901' else '412345678902' end where article_id in (${first.articleId}, ${second.articleId})`);
    await importStatement(account.id, mt940(account.accountNumber, 'UPI1', [
      { amount: '750.00', mark: 'C', reference: 'NONREF', info: 'UPI/RRN 412345678901/RAZORPAY' },
      { amount: '1250.00', mark: 'C', reference: 'NONREF', info: 'UPI/RRN 412345678902/RAZORPAY' },
      { amount: '1250.00', mark: 'C', reference: 'NONREF', info: 'NEFT FROM SOMEONE' },
    ]));
    const matching = createMatchingService(deps());
    const run = await matching.run(contextOf(matcher), { bankAccountId: account.id });
    expect(run).toMatchObject({ confirmedCount: 2, unmatchedLineCount: 1 });
    const cleared = rowsOf<{ cleared_on: string | null; cleared_reference: string | null }>(await db().execute(sql`select cleared_on::text, cleared_reference from cod.collections where article_id in (${first.articleId}, ${second.articleId}) order by amount`));
    expect(cleared).toEqual([
      { cleared_on: '2026-12-14', cleared_reference: '412345678901' },
      { cleared_on: '2026-12-14', cleared_reference: '412345678902' },
    ]);
    const movements = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from cod.ledger_movements where movement = 'DIGITAL_CLEARED' and payload->>'billerCode' = ${biller.code}`));
    expect(movements[0]!.n).toBe(2);
  });

  it('keeps the run to the caller: another office, no permission, a bad statement id', async () => {
    const account = await bankAccount('PAYOUT');
    const matching = createMatchingService(deps());
    const elsewhere: Identity = { ...matcher, officeCode: 'MBGPO', officePath: 'MHC/MBGPO' } as Identity;
    await expect(matching.run(contextOf(elsewhere), { bankAccountId: account.id })).rejects.toMatchObject({ code: 'BANK_ACCOUNT_NOT_FOUND' });
    await expect(matching.run(contextOf(financeOfficer), { bankAccountId: account.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(matching.run(contextOf(matcher), { bankAccountId: account.id, statementId: randomUUID() })).rejects.toMatchObject({ code: 'STATEMENT_NOT_FOUND' });
    await expect(matching.run(contextOf(matcher), { bankAccountId: account.id, ruleSet: '{}' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(matching.run(contextOf(matcher), { bankAccountId: account.id, dryRun: true, ruleSet: '{"version": 0}' })).rejects.toMatchObject({ code: 'RULE_SET_INVALID' });
  });

  it('changes the rules only through the inbox: proposed at the root office, ACTIVE once approved, REJECTED when refused', async () => {
    const inbox = recordingInbox();
    const atRoot = { ...matcher, officeCode: 'DLC', officePath: 'DLC', grants: [...matcher.grants, ...['recon.rules.manage', 'recon.rules.approve'].map((permission) => ({ permission: permission as 'recon.read', scope: 'SUBTREE' as const }))] };
    const matching = createMatchingService({ ...deps(), approvals: inbox.submitter as never });
    const stricter = { ...DEFAULT_RULE_SET, version: 99, autoConfirmAt: '0.99' };
    // An officer whose grants stop below the root cannot propose; a malformed set names its path.
    await expect(matching.proposeRuleSet(contextOf({ ...matcher, grants: [...matcher.grants, { permission: 'recon.rules.manage', scope: 'SUBTREE' }] } as Identity), JSON.stringify(stricter), 'stricter')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(matching.proposeRuleSet(contextOf(atRoot), JSON.stringify({ ...stricter, autoConfirmAt: '2' }), 'bad')).rejects.toMatchObject({ code: 'RULE_SET_INVALID', field: 'autoConfirmAt' });
    const proposed = await matching.proposeRuleSet(contextOf(atRoot), JSON.stringify(stricter), 'confirm only near-certain matches');
    expect(proposed).toMatchObject({ version: 2, status: 'PROPOSED' });
    expect(inbox.submissions.at(-1)).toMatchObject({ kind: 'RECON_RULE_SET', officeCode: 'DLC', payload: { version: 2, reason: 'confirm only near-certain matches' } });
    await expect(matching.proposeRuleSet(contextOf(atRoot), JSON.stringify(stricter), 'again')).rejects.toMatchObject({ code: 'RULE_SET_INVALID' });
    expect((await matching.ruleSet(matcher)).version).toBe(1);
    const executor = createSettlementApprovalExecutor(settlementDeps(testDatabase, clock), { identitySecret });
    await db().transaction((tx) => executor(tx, decidedEvent(inbox.submissions.at(-1)!)));
    expect(await matching.ruleSet(matcher)).toMatchObject({ version: 2, autoConfirmAt: '0.99' });
    // The next proposal, refused by the checker, leaves version 2 in force.
    const next = await matching.proposeRuleSet(contextOf(atRoot), JSON.stringify({ ...DEFAULT_RULE_SET, autoConfirmAt: '0.50' }), 'confirm everything');
    expect(next.version).toBe(3);
    await db().transaction((tx) => executor(tx, decidedEvent(inbox.submissions.at(-1)!, { decision: 'REJECTED' })));
    expect((await matching.ruleSets(matcher)).map((row) => [row.version, row.status])).toEqual([[3, 'REJECTED'], [2, 'ACTIVE']]);
    expect((await matching.ruleSet(matcher)).version).toBe(2);
    // A run now records the version it used.
    const account = await bankAccount('PAYOUT');
    expect((await matching.run(contextOf(matcher), { bankAccountId: account.id, dryRun: true })).ruleSetVersion).toBe(2);
  });

  it('matches by hand what the rules do not: one credit for two collections, short by the fee, confirmed and cleared', async () => {
    const account = await bankAccount('COLLECTION');
    const biller = await seedBiller(db());
    const first = await seedCollection(db(), biller.id, { amount: '400.00', mode: 'UPI', dueFrom: null, deliveredOn: '2026-12-13' });
    const second = await seedCollection(db(), biller.id, { amount: '600.00', mode: 'UPI', dueFrom: null, deliveredOn: '2026-12-13' });
    await db().execute(sql`update cod.collections set cleared_on = null, payment_reference = case article_id when ${first.articleId}::uuid then '512345678901' else '512345678902' end where article_id in (${first.articleId}, ${second.articleId})`);
    const taken = await importStatement(account.id, mt940(account.accountNumber, 'AGG1', [{ amount: '990.00', mark: 'C', reference: 'NONREF', info: 'RAZORPAY SETTLEMENT SETL8812' }]));
    const [line] = rowsOf<{ id: string }>(await db().execute(sql`select l.id::text from cod.bank_statement_lines l join cod.bank_import_statements i on i.statement_id = l.statement_id where i.import_id = ${taken.id}`));
    const matching = createMatchingService(deps());
    const open = await matching.openItems(matcher, account.id);
    expect(open.map((item) => item.id)).toEqual(expect.arrayContaining([`AGGREGATOR_CREDIT:${first.articleId}`, `AGGREGATOR_CREDIT:${second.articleId}`]));
    const items = [first, second].map((c) => ({ kind: 'AGGREGATOR_CREDIT', id: c.articleId }));
    await expect(matching.manual(contextOf(matcher), { bankAccountId: account.id, lineIds: [line!.id], items: [{ kind: 'PAYOUT', id: first.articleId }], reason: 'x' })).rejects.toMatchObject({ code: 'MATCH_NOT_OPEN' });
    await expect(matching.manual(contextOf(matcher), { bankAccountId: account.id, lineIds: [line!.id, line!.id], items, reason: 'x' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(matching.manual(contextOf(matcher), { bankAccountId: account.id, lineIds: ['abc'], items, reason: 'x' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const made = await matching.manual(contextOf(matcher), { bankAccountId: account.id, lineIds: [line!.id], items, reason: 'Razorpay settlement SETL8812 less its 1% fee' });
    expect(made).toMatchObject({ status: 'CONFIRMED', ruleId: 'manual', strategy: 'ONE_TO_MANY', difference: '-10.00', decidedBy: 'finance.ndgpo' });
    expect(made.effects).toEqual([`COLLECTIONS_CLEARED ${biller.code} 2 1000 INR`]);
    // Taken: neither the line nor the items can be matched again.
    await expect(matching.manual(contextOf(matcher), { bankAccountId: account.id, lineIds: [line!.id], items, reason: 'again' })).rejects.toMatchObject({ code: 'MATCH_NOT_OPEN' });
    await expect(matching.manual(contextOf(financeOfficer), { bankAccountId: account.id, lineIds: [line!.id], items, reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The lists as CSV: the match with both collections and the fee short, and the statement's line marked matched.
    const csv = parse(await matching.csv(matcher, { bankAccountId: account.id }), { columns: true }) as Array<Record<string, string>>;
    expect(csv).toEqual([
      expect.objectContaining({ match_id: made.id, status: 'CONFIRMED', rule: 'manual', strategy: 'ONE_TO_MANY', difference: '-10.00', line_total: '990.00', item_total: '1000.00', reason: 'Razorpay settlement SETL8812 less its 1% fee' }),
    ]);
    expect(csv[0]!.items!.split(' ').sort()).toEqual(items.map((item) => `AGGREGATOR_CREDIT:${item.id}`).sort());
    const [statement] = rowsOf<{ statement_id: string }>(await db().execute(sql`select statement_id::text from cod.bank_import_statements where import_id = ${taken.id}`));
    const lines = parse(await statementLinesCsv(db(), statement!.statement_id), { columns: true }) as Array<Record<string, string>>;
    expect(lines).toEqual([expect.objectContaining({ index: '1', direction: 'CREDIT', amount: '990.00', currency: 'INR', remittance: 'RAZORPAY SETTLEMENT SETL8812', matched: 'yes' })]);
    // Someone outside the account's office gets no rows.
    expect(parse(await matching.csv({ ...matcher, officeCode: 'MBGPO', officePath: 'MHC/MBGPO' } as Identity, { bankAccountId: account.id }), { columns: true })).toEqual([]);
  });

  it('answers a stored import even when the queue cannot take its matching job (run on demand then)', async () => {
    const account = await bankAccount('COLLECTION');
    const refusing = Object.assign(Object.create(jobs), { add: async () => { throw new Error('queue down'); } }) as typeof jobs;
    const taken = await createStatementImportService({ ...deps(), jobs: refusing }).submit(contextOf(matcher), { bankAccountId: account.id, fileName: 'q.sta', content: Buffer.from(mt940(account.accountNumber, 'QDOWN1', [{ amount: '10.00', mark: 'C', reference: 'NONREF', info: 'X' }])).toString('base64') });
    expect(taken).toMatchObject({ status: 'DONE', existing: false });
    expect(await createMatchingService(deps()).run(contextOf(matcher), { bankAccountId: account.id })).toMatchObject({ lineCount: 1 });
  });
});
