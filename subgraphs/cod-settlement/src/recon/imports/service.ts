import { createHash, randomUUID } from 'node:crypto';
import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, assertHolds } from '@postal/authz';
import { transaction } from '@postal/db';
import { BadUserInputError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { auditEvent, decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '@postal/authz';
import { actorName, auditTables } from '../../billers/audit.js';
import { checkFileName } from '../../manifests/service.js';
import { canSeeBankAccount } from '../bank-accounts/service.js';
import { findBankAccount, lockBankAccount, type BankAccountRow } from '../bank-accounts/repository.js';
import { signedIn, UUID } from '../access.js';
import type { ReconDeps } from '../deps.js';
import { ReconError } from '../errors.js';
import { bankAccounts, bankStatementImports, bankStatements } from '../tables.js';
import { enqueueStatementImport } from './job.js';
import { matchStatementsOf } from '../matching/job.js';
import { prepareStatements } from './prepare.js';
import { readStatementFile, type FileFormat } from './read-file.js';
import { findImport, findImportByFile, findStatement, insertImport, lockImport, restoreFileContent, insertLines, listImports, listStatements, markStatementsStored, updateImport, type ImportRow, type StatementRow } from './repository.js';
import { claimStatements } from './store.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
export const FORMATS: readonly FileFormat[] = ['CAMT_053', 'CAMT_054', 'MT940', 'MT942', 'CSV'];

/** Through GraphQL (base64 in JSON): 8 MB of file. */
export const MAX_GRAPHQL_FILE_BYTES = 8 * 1024 * 1024;
/** Through POST /uploads/bank-statement (the raw bytes): 100 MB, a 100,000-entry camt.053 with room to spare. */
export const MAX_UPLOAD_FILE_BYTES = 100 * 1024 * 1024;
/** Files up to this are read in the request, and its answer is DONE; larger ones are the job's (QUEUED). */
export const INLINE_FILE_BYTES = 1024 * 1024;

export interface ImportInput {
  bankAccountId: unknown;
  fileName: unknown;
  content?: unknown;
  format?: unknown;
}

/** PostgreSQL's unique_violation, however drizzle wraps it. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}


function checkFormat(value: unknown): FileFormat | null {
  if (value === null || value === undefined || value === '') return null;
  if (!FORMATS.includes(value as FileFormat)) throw new BadUserInputError('format', `format is one of ${FORMATS.join(', ')}`);
  return value as FileFormat;
}

function decodeBase64(value: unknown): Buffer {
  if (typeof value !== 'string') throw new BadUserInputError('content', 'content is the file, base64');
  const text = value.replace(/\s+/g, '');
  if (text.length === 0 || text.length % 4 !== 0 || !BASE64.test(text)) throw new BadUserInputError('content', 'content is not base64');
  if ((text.length / 4) * 3 > MAX_GRAPHQL_FILE_BYTES + 2) throw fileTooLarge(MAX_GRAPHQL_FILE_BYTES, 'POST /uploads/bank-statement takes up to 100 MB');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length > MAX_GRAPHQL_FILE_BYTES) throw fileTooLarge(MAX_GRAPHQL_FILE_BYTES, 'POST /uploads/bank-statement takes up to 100 MB');
  return bytes;
}

function fileTooLarge(limit: number, hint: string): ReconError {
  return new ReconError('FILE_TOO_LARGE', `a statement file here is at most ${limit / 1024 / 1024} MB (${hint})`, { field: 'content', details: { maxBytes: limit } });
}

/** The account the file goes into, checked: it exists, the caller sees it, and may import there. */
async function targetAccount(deps: ReconDeps, identity: Identity, bankAccountId: unknown): Promise<BankAccountRow> {
  signedIn(identity);
  assertHolds(identity, 'recon.import');
  const id = typeof bankAccountId === 'string' && UUID.test(bankAccountId) ? bankAccountId.toLowerCase() : undefined;
  const account = id ? await findBankAccount(deps.database.db, id) : undefined;
  if (!account || !canSeeBankAccount(identity, account)) throw new ReconError('BANK_ACCOUNT_NOT_FOUND', 'no such bank account', { field: 'bankAccountId' });
  assertCan(identity, 'recon.import', account.officePath);
  return account;
}

/**
 * importBankStatement and the HTTP upload. The same bytes into the same account answer the import that took them
 * first (a retry, a double click, a second officer with the same file). A small file is read here: refused, it leaves
 * nothing; read, it is stored with its statements and lines in one transaction and answered DONE. A larger one is
 * stored as it came and left to the job (QUEUED), whose progress the import shows.
 */
/** An import as a request answered it: `existing` when the file had been taken before and this is that import. */
export type TakenImport = ImportRow & { existing: boolean };
const answered = (row: ImportRow, existing: boolean): TakenImport => ({ ...row, existing });

async function take(deps: ReconDeps, context: SignedRequestContext, account: BankAccountRow, file: { fileName: string; bytes: Buffer; format: FileFormat | null }): Promise<TakenImport> {
  const fileHash = createHash('sha256').update(file.bytes).digest('hex');
  const earlier = await findImportByFile(deps.database.db, account.id, fileHash);
  // A file refused for a fault of ours (not its contents) is taken again under the same import; any other answers as it was.
  if (earlier && earlier.status === 'FAILED' && earlier.errorCode === 'IMPORT_FAILED') return answered(await retry(deps, earlier, file.bytes), true);
  if (earlier) return answered(earlier, true);
  const now = deps.clock();
  const base = {
    id: randomUUID(),
    bankAccountId: account.id,
    fileName: file.fileName,
    fileHash,
    fileSize: file.bytes.length,
    requestedFormat: file.format,
    actorLabel: actorName(context.identity),
    requestId: context.requestId,
    createdAt: now,
  };
  const audit = (importId: string, format: string | null) =>
    auditEvent('cod-settlement', context, {
      action: 'BANK_STATEMENT_IMPORTED',
      outcome: 'SUCCESS',
      target: { type: 'BankStatementImport', id: importId },
      officeCode: account.officeCode,
      after: { bankAccountId: account.id, fileName: file.fileName, fileHash, fileSize: file.bytes.length, format },
    });
  try {
    if (file.bytes.length > INLINE_FILE_BYTES) {
      const queued = await transaction(deps.database, 'read committed', async (tx) => {
        const row = await insertImport(tx, { ...base, format: file.format, status: 'QUEUED' }, file.bytes);
        if (row) await stageEvents(tx, auditTables, [audit(row.id, file.format)]);
        return row;
      });
      if (!queued) return answered((await findImportByFile(deps.database.db, account.id, fileHash))!, true);
      await enqueueStatementImport(deps.jobs, queued.id);
      return answered(queued, false);
    }
    const read = readStatementFile(file.bytes, file.format, account);
    const prepared = prepareStatements(read.statements, account);
    const stored = await transaction(deps.database, 'read committed', async (tx) => {
      // The account's lock before the import row: that row's foreign key takes KEY SHARE on the account, and two
      // requests each holding it while waiting for the other's FOR UPDATE (claimStatements) were a deadlock.
      await lockBankAccount(tx, account.id);
      const row = await insertImport(tx, { ...base, format: read.format, status: 'RUNNING', startedAt: now }, file.bytes);
      if (!row) return undefined;
      const claim = await claimStatements(tx, row.id, account, prepared, 'STORED', now);
      for (const statement of claim.toStore) await insertLines(tx, statement.id, account.id, statement.prepared.parsed.lines);
      await markStatementsStored(tx, row.id);
      await updateImport(tx, row.id, { status: 'DONE', progressPercent: 100, alreadyImportedCount: claim.alreadyImported, finishedAt: now });
      await stageEvents(tx, auditTables, [audit(row.id, read.format)]);
      return row.id;
    });
    if (stored) await matchStatementsOf(deps, stored);
    return stored ? answered((await findImport(deps.database.db, stored))!, false) : answered((await findImportByFile(deps.database.db, account.id, fileHash))!, true);
  } catch (error) {
    // Two requests with the same file at once: the loser answers the winner's import.
    if (isUniqueViolation(error)) {
      const winner = await findImportByFile(deps.database.db, account.id, fileHash);
      if (winner) return answered(winner, true);
    }
    throw error;
  }
}

async function retry(deps: ReconDeps, earlier: ImportRow, bytes: Buffer): Promise<ImportRow> {
  const again = await transaction(deps.database, 'read committed', async (tx) => {
    const row = await lockImport(tx, earlier.id);
    if (!row || row.status !== 'FAILED' || row.errorCode !== 'IMPORT_FAILED') return false;
    await restoreFileContent(tx, earlier.id, bytes);
    await updateImport(tx, earlier.id, { status: 'QUEUED', progressPercent: 0, errorCode: null, errorMessage: null, errorLine: null, errorElement: null, startedAt: null, finishedAt: null });
    return true;
  });
  // Read before the job is added, so the answer is the import as taken again (QUEUED), whatever the job does next.
  const taken = (await findImport(deps.database.db, earlier.id))!;
  if (again) await enqueueStatementImport(deps.jobs, earlier.id, 'retry');
  return taken;
}

async function submit(deps: ReconDeps, context: SignedRequestContext, input: ImportInput): Promise<TakenImport> {
  const account = await targetAccount(deps, context.identity, input.bankAccountId);
  const fileName = checkFileName(input.fileName);
  const format = checkFormat(input.format);
  const bytes = decodeBase64(input.content);
  return take(deps, context, account, { fileName, bytes, format });
}

/** POST /uploads/bank-statement: the same as importBankStatement with the file's raw bytes, up to 100 MB. */
async function upload(deps: ReconDeps, context: SignedRequestContext, params: Record<string, unknown>, bytes: Buffer): Promise<TakenImport> {
  const account = await targetAccount(deps, context.identity, params.bankAccountId);
  const fileName = checkFileName(params.fileName);
  const format = checkFormat(params.format);
  if (bytes.length === 0) throw new BadUserInputError('content', 'the file is empty');
  if (bytes.length > MAX_UPLOAD_FILE_BYTES) throw fileTooLarge(MAX_UPLOAD_FILE_BYTES, 'split the file');
  return take(deps, context, account, { fileName, bytes, format });
}

/** The SQL that keeps a list to the accounts the caller may read. */
function visibleAccounts(identity: Identity, column: typeof bankStatements.bankAccountId | typeof bankStatementImports.bankAccountId): SQL {
  const readable = sql`select ${bankAccounts.id} from ${bankAccounts} where ${scopeCondition(identity, 'recon.read', bankAccounts.officePath)}`;
  const importable = sql`select ${bankAccounts.id} from ${bankAccounts} where ${scopeCondition(identity, 'recon.import', bankAccounts.officePath)}`;
  return sql`(${column} in (${readable}) or ${column} in (${importable}))`;
}

async function findImportFor(deps: ReconDeps, identity: Identity, id: string): Promise<ImportRow | null> {
  signedIn(identity);
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const row = await findImport(deps.database.db, id.toLowerCase());
  if (!row) return null;
  const account = await findBankAccount(deps.database.db, row.bankAccountId);
  return account && canSeeBankAccount(identity, account) ? row : null;
}

async function findStatementFor(deps: ReconDeps, identity: Identity, id: string): Promise<StatementRow | null> {
  signedIn(identity);
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  const row = await findStatement(deps.database.db, id.toLowerCase());
  if (!row) return null;
  const account = await findBankAccount(deps.database.db, row.bankAccountId);
  return account && canSeeBankAccount(identity, account) ? row : null;
}

export interface StatementFilter {
  bankAccountId?: string | null;
  from?: string | null;
  to?: string | null;
  format?: string | null;
}

function checkCursor(after: string | null | undefined): { at: string; id: string } | undefined {
  const cursor = decodeCursor(after, 2);
  if (!cursor) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(cursor[0]!) || Number.isNaN(Date.parse(cursor[0]!)) || !UUID.test(cursor[1]!)) throw new BadUserInputError('after', 'the cursor is not one this API issued');
  return { at: cursor[0]!, id: cursor[1]! };
}

function checkDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw new BadUserInputError(field, `${field} is a date, YYYY-MM-DD`);
  return value;
}

async function statements(deps: ReconDeps, identity: Identity, filter: StatementFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<StatementRow>> {
  signedIn(identity);
  const size = pageSize(first, 20);
  const cursor = checkCursor(after);
  const from = checkDate(filter?.from, 'from');
  const to = checkDate(filter?.to, 'to');
  const conditions: SQL[] = [visibleAccounts(identity, bankStatements.bankAccountId)];
  if (filter?.bankAccountId) {
    if (!UUID.test(filter.bankAccountId)) return toConnection([], size, () => []);
    conditions.push(eq(bankStatements.bankAccountId, filter.bankAccountId.toLowerCase()));
  }
  if (filter?.format) conditions.push(eq(bankStatements.format, checkFormat(filter.format)!));
  // A statement reaches into [from, to] when its lines' dates do (one without dated lines only when no range is asked).
  if (from) conditions.push(sql`${bankStatements.toDate} >= ${from}`);
  if (to) conditions.push(sql`${bankStatements.fromDate} <= ${to}`);
  const rows = await listStatements(deps.database.db, conditions, cursor ? { importedAt: cursor.at, id: cursor.id } : undefined, size + 1);
  return toConnection(rows, size, (row) => [row.importedAt.toISOString(), row.id]);
}

async function imports(deps: ReconDeps, identity: Identity, bankAccountId: string | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<ImportRow>> {
  signedIn(identity);
  const size = pageSize(first, 20);
  const cursor = checkCursor(after);
  const conditions: SQL[] = [visibleAccounts(identity, bankStatementImports.bankAccountId)];
  if (bankAccountId) {
    if (!UUID.test(bankAccountId)) return toConnection([], size, () => []);
    conditions.push(and(eq(bankStatementImports.bankAccountId, bankAccountId.toLowerCase()))!);
  }
  const rows = await listImports(deps.database.db, conditions, cursor ? { createdAt: cursor.at, id: cursor.id } : undefined, size + 1);
  return toConnection(rows, size, (row) => [row.createdAt.toISOString(), row.id]);
}

export function createStatementImportService(deps: ReconDeps) {
  return {
    submit: (context: SignedRequestContext, input: ImportInput) => submit(deps, context, input),
    upload: (context: SignedRequestContext, params: Record<string, unknown>, bytes: Buffer) => upload(deps, context, params, bytes),
    findImport: (identity: Identity, id: string) => findImportFor(deps, identity, id),
    findStatement: (identity: Identity, id: string) => findStatementFor(deps, identity, id),
    statements: (identity: Identity, filter: StatementFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) => statements(deps, identity, filter, first, after),
    imports: (identity: Identity, bankAccountId: string | null | undefined, first: number | null | undefined, after: string | null | undefined) => imports(deps, identity, bankAccountId, first, after),
  };
}

export type StatementImportService = ReturnType<typeof createStatementImportService>;
