/**
 * The authorization matrix's rows for reconciliation (issue 13): the operator's bank accounts, their CSV layouts, the
 * statement import and what it stored, and accounts' service-only side (the bank's ledger account). Each place gets a
 * bank account kept at its office (registered by the system, which is in scope everywhere) with one imported
 * statement; commands that use something up (a registration, an import) take a new account number or file each time.
 */
import { randomUUID } from 'node:crypto';
import type { Identity, SignedRequestContext } from '@postal/auth';
import { InProcessJobQueue } from '@postal/jobs';
import { pino } from 'pino';
import { prepareBankLedgerAccount } from '../../subgraphs/accounts/src/cod/bank-ledger-accounts.js';
import { createLoaders as createAccountsLoaders } from '../../subgraphs/accounts/src/loaders.js';
import { createBankAccountService } from '../../subgraphs/cod-settlement/src/recon/bank-accounts/service.js';
import type { ReconDeps } from '../../subgraphs/cod-settlement/src/recon/deps.js';
import { createStatementImportService } from '../../subgraphs/cod-settlement/src/recon/imports/service.js';
import type { BankLedgerClient } from '../../subgraphs/cod-settlement/src/recon/ledger-client.js';
import { insertMatch } from '../../subgraphs/cod-settlement/src/recon/matching/repository.js';
import { createMatchingService } from '../../subgraphs/cod-settlement/src/recon/matching/service.js';
import { DEFAULT_RULE_SET } from '@postal/matching';
import type { CodFixtures, CodMatrixContext, Place } from './cod-articles-matrix.js';
import { rowsOf } from '@postal/db';
import { sql } from 'drizzle-orm';

// prettier-ignore
export const RECON_EXPECTED: Record<string, string> = {
  //                                                      ADMIN FINANCE AUDITOR CLERK POSTMAN BILLER ANONYMOUS
  // recon.bank.manage over the office: finance officers over their subtree; nobody else holds it.
  'registerBankAccount (at the office)':                  'FFF   AAF     FFF     FFF   FFF     FFF    UUU',
  // Seen with recon.read, recon.import or recon.bank.manage over the account's office; out of sight it is not found.
  'bankAccount(id) (kept at the office)':                 'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  'bankAccounts (lists it)':                              'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  // Commands on an account: the permission held somewhere, else FORBIDDEN; an account out of sight is not found.
  'setBankCsvMapping (its account)':                      'FFF   AAN     FFF     FFF   FFF     FFF    UUU',
  'importBankStatement (into its account)':               'FFF   AAN     FFF     FFF   FFF     FFF    UUU',
  'bankStatementImport(id) (into its account)':           'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  'bankStatementImports (lists the import into its account)': 'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  'bankStatement(id) (of its account)':                   'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  'bankStatements (lists it)':                            'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  // Matching: recon.match over the account's office (finance officers); the matches are read with recon.read.
  'runReconMatching (its account)':                       'FFF   AAN     FFF     FFF   FFF     FFF    UUU',
  'reconRun(id) (a run on its account)':                  'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  'reconMatch(id) (of its account)':                      'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  'reconMatches (lists a match of its account)':          'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  'reconMatchesCsv (has a match of its account)':         'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  'confirmReconMatch (a suggestion of its account)':      'FFF   AAN     FFF     FFF   FFF     FFF    UUU',
  'rejectReconMatch (a suggestion of its account)':       'FFF   AAN     FFF     FFF   FFF     FFF    UUU',
  'unmatchReconMatch (a confirmed match of its account)': 'FFF   AAN     FFF     FFF   FFF     FFF    UUU',
  'matchReconManually (a line and a collection of its account)': 'FFF   AAN     FFF     FFF   FFF     FFF    UUU',
  'reconOpenItems (of its account)':                      'NNN   AAN     AAN     NNN   NNN     NNN    UUU',
  // One rule set for the operator: read with recon.read anywhere; proposed over the root office only (the matrix's
  // finance officer works at NDGPO, so is refused; an officer at the circle proposes, test/scenarios does it).
  'reconRuleSet':                                         'F--   A--     A--     F--   F--     F--    U--',
  'reconRuleSets':                                        'F--   A--     A--     F--   F--     F--    U--',
  'proposeReconRuleSet (at the root office)':             'F--   F--     F--     F--   F--     F--    U--',
  // accounts' side: the cod-settlement service alone opens a bank's ledger account (no person, whatever their role).
  'prepareBankLedgerAccount (cod-settlement only)':       'FFF   FFF     FFF     FFF   FFF     FFF    UUU',
};

const SYSTEM: Identity = { kind: 'service', service: 'cod-settlement' };
const contextOf = (identity: Identity): SignedRequestContext => ({ identity, requestId: `matrix-${randomUUID()}`, clientAddress: undefined });

let serial = 0;
/** A fresh bank account number: 12 digits, unique in the run. */
const nextNumber = () => `7${String(Date.now() % 1e6).padStart(6, '0')}${String(++serial).padStart(5, '0')}`;

/** An MT940 statement for the account, one credit, balances adding up; `id` makes each file new. */
function mt940(accountNumber: string, id: string): string {
  return `:20:${id.slice(0, 16)}\n:25:${accountNumber}\n:28C:1/1\n:60F:C261130INR1000,00\n:61:2611301130C250,00NTRFNONREF//SBIN0001\n:86:UPI/RRN 412345678901\n:62F:C261130INR1250,00\n-\n`;
}

export function reconOperations(context: CodMatrixContext, fixtures: CodFixtures) {
  const loaders = () => createAccountsLoaders(context.database().db, { cache: false });
  /** cod-settlement's accounts client, in process: accounts' own service answers as it would over HTTP. */
  const ledger: BankLedgerClient = {
    prepareBankLedgerAccount: async (input) => {
      const account = await prepareBankLedgerAccount(context.database(), loaders(), contextOf(SYSTEM), input);
      return { code: account.code, officeCode: account.officeCode!, currency: account.currency! };
    },
  };
  // Every matrix file is small enough to be read in the request: the queue is never used.
  const jobs = new InProcessJobQueue({ logger: pino({ level: 'silent' }) });
  const deps = (): ReconDeps => ({ database: context.database(), clock: context.clock, timeZone: 'Asia/Kolkata', ledger, jobs });
  const bankAccounts = () => createBankAccountService(deps());
  const imports = () => createStatementImportService(deps());
  const as = (actor: string) => context.identity(actor);

  const made = new Map<Place, Promise<{ accountId: string; accountNumber: string; importId: string; statementId: string }>>();
  const fixtureAt = (place: Place) =>
    made.get(place) ??
    made
      .set(
        place,
        (async () => {
          const accountNumber = nextNumber();
          const account = await bankAccounts().register(contextOf(SYSTEM), { name: `Matrix ${place}`, accountNumber, currency: 'INR', purpose: 'COLLECTION', officeCode: context.officeAt[place] });
          const taken = await imports().submit(contextOf(SYSTEM), { bankAccountId: account.id, fileName: 'matrix.sta', content: Buffer.from(mt940(accountNumber, `M${serial}`)).toString('base64') });
          const [statement] = await (await import('../../subgraphs/cod-settlement/src/recon/imports/repository.js')).importStatements(context.database().db, taken.id);
          return { accountId: account.id, accountNumber, importId: taken.id, statementId: statement!.id };
        })(),
      )
      .get(place)!;
  const placed = (run: (actor: string, place: Place) => Promise<boolean>) => ({ placed: true, run });
  const matching = () => createMatchingService(deps());
  /** A match of the place's account in the given state, with no lines or items (so deciding it changes no books). */
  async function matchAt(place: Place, status: 'SUGGESTED' | 'CONFIRMED'): Promise<string> {
    const { accountId } = await fixtureAt(place);
    const id = randomUUID();
    await context.database().db.transaction((tx) =>
      insertMatch(tx, { id, bankAccountId: accountId, status, ruleSetVersion: 1, ruleId: 'matrix', strategy: 'ONE_TO_ONE', confidence: '0.5', currency: 'INR', difference: '0', evidence: [], createdAt: context.clock() }, [], []),
    );
    return id;
  }
  const readable = new Map<Place, Promise<string>>();
  const runs = new Map<Place, Promise<{ id: string }>>();
  const readableMatch = (place: Place) => readable.get(place) ?? readable.set(place, matchAt(place, 'SUGGESTED')).get(place)!;

  return {
    'registerBankAccount (at the office)': placed(async (actor, place) => {
      const account = await bankAccounts().register(contextOf(as(actor)), { name: 'Matrix registration', accountNumber: nextNumber(), currency: 'INR', purpose: 'CASH_DEPOSIT', officeCode: context.officeAt[place] });
      return account.officeCode === context.officeAt[place];
    }),
    'bankAccount(id) (kept at the office)': placed(async (actor, place) => (await bankAccounts().find(as(actor), (await fixtureAt(place)).accountId)) !== null),
    'bankAccounts (lists it)': placed(async (actor, place) => {
      const { accountId } = await fixtureAt(place);
      const page = await bankAccounts().list(as(actor), { underOfficeCode: context.officeAt[place] }, 100, null);
      return page.edges.some((edge) => edge.node.id === accountId);
    }),
    'setBankCsvMapping (its account)': placed(async (actor, place) => {
      const mapping = JSON.stringify({ delimiter: ',', dateFormat: 'DD/MM/YYYY', decimalSeparator: '.', thousandsSeparator: ',', columns: { bookingDate: 'Date', amount: 'Amount' } });
      const account = await bankAccounts().setCsvMapping(contextOf(as(actor)), (await fixtureAt(place)).accountId, mapping);
      return account.csvMapping !== null;
    }),
    'importBankStatement (into its account)': placed(async (actor, place) => {
      const { accountId, accountNumber } = await fixtureAt(place);
      const taken = await imports().submit(contextOf(as(actor)), { bankAccountId: accountId, fileName: 'matrix.sta', content: Buffer.from(mt940(accountNumber, `N${++serial}`)).toString('base64') });
      return taken.status === 'DONE';
    }),
    'bankStatementImport(id) (into its account)': placed(async (actor, place) => (await imports().findImport(as(actor), (await fixtureAt(place)).importId)) !== null),
    'bankStatementImports (lists the import into its account)': placed(async (actor, place) => {
      const { accountId, importId } = await fixtureAt(place);
      const page = await imports().imports(as(actor), accountId, 100, null);
      return page.edges.some((edge) => edge.node.id === importId);
    }),
    'bankStatement(id) (of its account)': placed(async (actor, place) => (await imports().findStatement(as(actor), (await fixtureAt(place)).statementId)) !== null),
    'bankStatements (lists it)': placed(async (actor, place) => {
      const { accountId, statementId } = await fixtureAt(place);
      const page = await imports().statements(as(actor), { bankAccountId: accountId }, 100, null);
      return page.edges.some((edge) => edge.node.id === statementId);
    }),
    'runReconMatching (its account)': placed(async (actor, place) => {
      const run = await matching().run(contextOf(as(actor)), { bankAccountId: (await fixtureAt(place)).accountId, dryRun: true });
      return run.dryRun;
    }),
    'reconRun(id) (a run on its account)': placed(async (actor, place) => {
      const run = (runs.get(place) ?? runs.set(place, (async () => matching().run(contextOf(SYSTEM), { bankAccountId: (await fixtureAt(place)).accountId, dryRun: true }))()).get(place)!);
      return (await matching().findRun(as(actor), (await run).id)) !== null;
    }),
    'reconMatch(id) (of its account)': placed(async (actor, place) => (await matching().find(as(actor), await readableMatch(place))) !== null),
    'reconMatches (lists a match of its account)': placed(async (actor, place) => {
      const id = await readableMatch(place);
      const page = await matching().list(as(actor), { bankAccountId: (await fixtureAt(place)).accountId }, 100, null);
      return page.edges.some((edge) => edge.node.id === id);
    }),
    'reconMatchesCsv (has a match of its account)': placed(async (actor, place) => {
      const id = await readableMatch(place);
      return (await matching().csv(as(actor), { bankAccountId: (await fixtureAt(place)).accountId })).includes(id);
    }),
    'confirmReconMatch (a suggestion of its account)': placed(async (actor, place) => (await matching().confirm(contextOf(as(actor)), await matchAt(place, 'SUGGESTED'))).status === 'CONFIRMED'),
    'rejectReconMatch (a suggestion of its account)': placed(async (actor, place) => (await matching().reject(contextOf(as(actor)), await matchAt(place, 'SUGGESTED'), 'matrix')).status === 'REJECTED'),
    'unmatchReconMatch (a confirmed match of its account)': placed(async (actor, place) => (await matching().unmatch(contextOf(as(actor)), await matchAt(place, 'CONFIRMED'), 'matrix')).status === 'UNMATCHED'),
    reconRuleSets: { placed: false, run: async (actor: string) => Array.isArray(await matching().ruleSets(as(actor))) },
    reconRuleSet: { placed: false, run: async (actor: string) => (await matching().ruleSet(as(actor))).version >= 1 },
    'proposeReconRuleSet (at the root office)': {
      placed: false,
      run: async (actor: string) => (await matching().proposeRuleSet(contextOf(as(actor)), JSON.stringify(DEFAULT_RULE_SET), 'matrix')).status === 'PROPOSED',
    },
    'matchReconManually (a line and a collection of its account)': placed(async (actor, place) => {
      // A fresh statement line and a fresh UPI collection each time: a refused cell uses nothing up, an allowed one both.
      const { accountId, accountNumber } = await fixtureAt(place);
      const taken = await imports().submit(contextOf(SYSTEM), { bankAccountId: accountId, fileName: 'manual.sta', content: Buffer.from(mt940(accountNumber, `P${++serial}`)).toString('base64') });
      const [line] = rowsOf<{ id: string }>(await context.database().db.execute(sql`select l.id::text from cod.bank_statement_lines l join cod.bank_import_statements i on i.statement_id = l.statement_id where i.import_id = ${taken.id}`));
      const { articleNumber } = await fixtures.articleAt(place, 'DELIVERED', 'UPI');
      const [article] = rowsOf<{ id: string }>(await context.database().db.execute(sql`select id::text from cod.articles where article_number = ${articleNumber}`));
      const made = await matching().manual(contextOf(as(actor)), { bankAccountId: accountId, lineIds: [line!.id], items: [{ kind: 'AGGREGATOR_CREDIT', id: article!.id }], reason: 'matrix' });
      return made.status === 'CONFIRMED';
    }),
    'reconOpenItems (of its account)': placed(async (actor, place) => Array.isArray(await matching().openItems(as(actor), (await fixtureAt(place)).accountId))),
    'prepareBankLedgerAccount (cod-settlement only)': placed(async (actor, place) => {
      const account = await prepareBankLedgerAccount(context.database(), loaders(), contextOf(as(actor)), { officeCode: context.officeAt[place], currency: 'INR', key: 'MATRIX01', name: 'matrix' });
      return account.code.startsWith(context.officeAt[place]);
    }),
  };
}
