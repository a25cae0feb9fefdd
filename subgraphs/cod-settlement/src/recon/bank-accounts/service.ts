import { randomUUID } from 'node:crypto';
import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, assertHolds, can, scopeCondition, withinTree } from '@postal/authz';
import { transaction } from '@postal/db';
import { BadUserInputError, DependencyUnavailableError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { checkCsvMapping, CsvMappingError } from '@postal/bank-statements';
import { auditEvent, decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { eq, type SQL } from 'drizzle-orm';
import { actorName, auditTables } from '../../billers/audit.js';
import { findOffice } from '../../offices/repository.js';
import { signedIn, UUID } from '../access.js';
import type { ReconDeps } from '../deps.js';
import { ReconError } from '../errors.js';
import { bankAccounts } from '../tables.js';
import { checkBankAccountInput, ledgerKeyOf, type BankAccountPurpose } from './domain.js';
import { findBankAccount, findBankAccountByNumber, insertBankAccount, listBankAccounts, type BankAccountRow } from './repository.js';


export function bankAccountSummary(account: BankAccountRow): Record<string, unknown> {
  const { id, name, accountNumber, bic, ifsc, currency, purpose, officeCode, ledgerAccountCode } = account;
  return { id, name, accountNumber, bic, ifsc, currency, purpose, officeCode, ledgerAccountCode };
}


/**
 * registerBankAccount. The ledger account comes first (accounts checks the one named, or opens one under a key made
 * from the number, so a retry finds it), then the row, in one transaction with its audit record. The number and
 * currency are unique: a second registration is BANK_ACCOUNT_EXISTS, whether it loses the race or comes later.
 */
async function register(deps: ReconDeps, context: SignedRequestContext, input: Record<string, unknown>): Promise<BankAccountRow> {
  const { identity } = context;
  signedIn(identity);
  assertHolds(identity, 'recon.bank.manage');
  const checked = checkBankAccountInput(input);
  if (checked.officeCode !== null) {
    const office = await findOffice(deps.database.db, checked.officeCode);
    if (!office) throw new ReconError('OFFICE_NOT_FOUND', `no office ${checked.officeCode}`, { field: 'officeCode' });
    assertCan(identity, 'recon.bank.manage', office.path);
  }
  const existing = await findBankAccountByNumber(deps.database.db, checked.accountNumber, checked.currency);
  if (existing) throw exists(existing);
  if (!deps.ledger) throw new DependencyUnavailableError('accounts', 'its address is not configured');
  const ledger = await deps.ledger.prepareBankLedgerAccount(
    { officeCode: checked.officeCode, currency: checked.currency, key: ledgerKeyOf(checked.accountNumber, checked.currency), name: checked.name, ledgerAccountCode: checked.ledgerAccountCode },
    context.requestId,
  );
  const office = await findOffice(deps.database.db, ledger.officeCode);
  if (!office) throw new DependencyUnavailableError('administration', `office ${ledger.officeCode} has not reached cod-settlement yet`);
  // Named by its ledger account alone, the office is known only now: the caller must manage accounts there too.
  assertCan(identity, 'recon.bank.manage', office.path);
  return transaction(deps.database, 'read committed', async (tx) => {
    const row = await insertBankAccount(tx, {
      id: randomUUID(),
      name: checked.name,
      accountNumber: checked.accountNumber,
      isIban: checked.isIban,
      bic: checked.bic,
      ifsc: checked.ifsc,
      currency: checked.currency,
      purpose: checked.purpose,
      officeCode: office.code,
      officePath: office.path,
      ledgerAccountCode: ledger.code,
      csvMapping: null,
      registeredBy: actorName(identity),
      registeredAt: deps.clock(),
    });
    if (!row) {
      const winner = await findBankAccountByNumber(tx, checked.accountNumber, checked.currency);
      if (winner) throw exists(winner);
      throw new ReconError('LEDGER_ACCOUNT_UNSUITABLE', `ledger account ${ledger.code} already keeps another bank account`, { field: 'ledgerAccountCode' });
    }
    await stageEvents(tx, auditTables, [
      auditEvent('cod-settlement', context, { action: 'BANK_ACCOUNT_REGISTERED', outcome: 'SUCCESS', target: { type: 'BankAccount', id: row.id }, officeCode: row.officeCode, after: bankAccountSummary(row) }),
    ]);
    return row;
  });
}

function exists(account: BankAccountRow): ReconError {
  return new ReconError('BANK_ACCOUNT_EXISTS', `account ${account.accountNumber} in ${account.currency} is registered already ("${account.name}")`, {
    field: 'accountNumber',
    details: { bankAccountId: account.id },
  });
}

/** Who may see a bank account: recon.read over its office, or whoever may import into it or manage it there. */
export function canSeeBankAccount(identity: Identity, account: BankAccountRow): boolean {
  return can(identity, 'recon.read', account.officePath) || can(identity, 'recon.import', account.officePath) || can(identity, 'recon.bank.manage', account.officePath);
}

async function find(deps: ReconDeps, identity: Identity, id: string): Promise<BankAccountRow | null> {
  signedIn(identity);
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const account = await findBankAccount(deps.database.db, id.toLowerCase());
  return account && canSeeBankAccount(identity, account) ? account : null;
}

export interface BankAccountFilter {
  underOfficeCode?: string | null;
  purpose?: BankAccountPurpose | null;
  currency?: string | null;
}

async function list(deps: ReconDeps, identity: Identity, filter: BankAccountFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<BankAccountRow>> {
  signedIn(identity);
  const size = pageSize(first, 50);
  const cursor = decodeCursor(after, 3);
  if (cursor && (cursor[0]!.length > 2_000 || cursor[1]!.length > 100 || !UUID.test(cursor[2]!))) throw new BadUserInputError('after', 'the cursor is not one this API issued');
  const conditions: SQL[] = [scopeCondition(identity, 'recon.read', bankAccounts.officePath)];
  if (filter?.underOfficeCode) {
    const office = await findOffice(deps.database.db, filter.underOfficeCode);
    if (!office) return toConnection([], size, () => []);
    conditions.push(withinTree(bankAccounts.officePath, office.path));
  }
  if (filter?.purpose) conditions.push(eq(bankAccounts.purpose, filter.purpose));
  if (filter?.currency) conditions.push(eq(bankAccounts.currency, filter.currency));
  const rows = await listBankAccounts(deps.database.db, conditions, cursor ? { officePath: cursor[0]!, name: cursor[1]!, id: cursor[2]! } : undefined, size + 1);
  return toConnection(rows, size, (row) => [row.officePath, row.name, row.id]);
}

/** Longer than any real layout (about 1 kB), short enough that nobody stores a document in it. */
const MAX_MAPPING_CHARS = 16_384;

/** setBankCsvMapping: the layout checked whole (every field, its regexes compiled) before it is saved, with its audit record. */
async function setCsvMapping(deps: ReconDeps, context: SignedRequestContext, bankAccountId: string, mapping: string | null | undefined): Promise<BankAccountRow> {
  const { identity } = context;
  signedIn(identity);
  assertHolds(identity, 'recon.bank.manage');
  const account = typeof bankAccountId === 'string' && UUID.test(bankAccountId) ? await findBankAccount(deps.database.db, bankAccountId.toLowerCase()) : undefined;
  if (!account || !canSeeBankAccount(identity, account)) throw new ReconError('BANK_ACCOUNT_NOT_FOUND', 'no such bank account', { field: 'bankAccountId' });
  assertCan(identity, 'recon.bank.manage', account.officePath);
  let checked: Record<string, unknown> | null = null;
  if (mapping !== null && mapping !== undefined) {
    if (mapping.length > MAX_MAPPING_CHARS) throw new ReconError('CSV_MAPPING_INVALID', `a CSV layout is at most ${MAX_MAPPING_CHARS} characters of JSON`, { field: 'mapping' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(mapping);
    } catch {
      throw new ReconError('CSV_MAPPING_INVALID', 'the CSV layout is not JSON', { field: 'mapping' });
    }
    try {
      checked = checkCsvMapping(parsed) as unknown as Record<string, unknown>;
    } catch (error) {
      if (error instanceof CsvMappingError) throw new ReconError('CSV_MAPPING_INVALID', error.message, { field: 'mapping', details: { path: error.path } });
      throw error;
    }
  }
  return transaction(deps.database, 'read committed', async (tx) => {
    const [row] = await tx.update(bankAccounts).set({ csvMapping: checked }).where(eq(bankAccounts.id, account.id)).returning();
    await stageEvents(tx, auditTables, [
      auditEvent('cod-settlement', context, {
        action: 'BANK_CSV_MAPPING_SET',
        outcome: 'SUCCESS',
        target: { type: 'BankAccount', id: account.id },
        officeCode: account.officeCode,
        before: { csvMapping: account.csvMapping },
        after: { csvMapping: checked },
      }),
    ]);
    return row!;
  });
}

export function createBankAccountService(deps: ReconDeps) {
  return {
    register: (context: SignedRequestContext, input: Record<string, unknown>) => register(deps, context, input),
    setCsvMapping: (context: SignedRequestContext, bankAccountId: string, mapping: string | null | undefined) => setCsvMapping(deps, context, bankAccountId, mapping),
    find: (identity: Identity, id: string) => find(deps, identity, id),
    list: (identity: Identity, filter: BankAccountFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) => list(deps, identity, filter, first, after),
  };
}

export type BankAccountService = ReturnType<typeof createBankAccountService>;
