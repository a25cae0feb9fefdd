import type { Db, Tx } from '@postal/db';
import { rowsOf } from '@postal/db';
import type { StatementLine } from '@postal/bank-statements';
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { bankImportStatements, bankStatementFiles, bankStatementImports, bankStatementLines, bankStatements } from '../tables.js';
import type { PreparedStatement } from './prepare.js';

export type ImportRow = typeof bankStatementImports.$inferSelect;
export type StatementRow = typeof bankStatements.$inferSelect;
export type LineRow = typeof bankStatementLines.$inferSelect;
export type ImportedStatementRow = StatementRow & { alreadyImported: boolean };

export async function findImport(db: Db | Tx, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(bankStatementImports).where(eq(bankStatementImports.id, id));
  return row;
}

export async function findImportByFile(db: Db | Tx, bankAccountId: string, fileHash: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(bankStatementImports)
    .where(and(eq(bankStatementImports.bankAccountId, bankAccountId), eq(bankStatementImports.fileHash, fileHash)));
  return row;
}

/** The import row, or undefined when the same file into the same account was taken first by another request. */
export async function insertImport(tx: Tx, row: typeof bankStatementImports.$inferInsert, content: Buffer): Promise<ImportRow | undefined> {
  const [inserted] = await tx.insert(bankStatementImports).values(row).onConflictDoNothing().returning();
  if (!inserted) return undefined;
  await tx.insert(bankStatementFiles).values({ importId: inserted.id, content });
  return inserted;
}

export async function restoreFileContent(tx: Tx, importId: string, content: Buffer): Promise<void> {
  await tx.insert(bankStatementFiles).values({ importId, content }).onConflictDoNothing();
}

export async function readFileContent(db: Db | Tx, importId: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ content: bankStatementFiles.content }).from(bankStatementFiles).where(eq(bankStatementFiles.importId, importId));
  return row?.content;
}

export async function lockImport(tx: Tx, id: string): Promise<ImportRow | undefined> {
  const [row] = rowsOf<{ id: string }>(await tx.execute(sql`select id from cod.bank_statement_imports where id = ${id} for update`));
  return row ? findImport(tx, id) : undefined;
}

export async function updateImport(db: Db | Tx, id: string, values: Partial<typeof bankStatementImports.$inferInsert>): Promise<void> {
  await db.update(bankStatementImports).set(values).where(eq(bankStatementImports.id, id));
}

/** Imports still to be read (at start-up the in-process queue has forgotten them), oldest first. */
export async function unfinishedImports(db: Db | Tx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: bankStatementImports.id })
    .from(bankStatementImports)
    .where(sql`${bankStatementImports.status} in ('QUEUED','RUNNING')`)
    .orderBy(asc(bankStatementImports.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}

/** What a refused file leaves behind: its import record with the error, and nothing else (no bytes, no statements). */
export async function discardImportContents(tx: Tx, importId: string): Promise<void> {
  await tx.execute(sql`delete from cod.bank_import_statements where import_id = ${importId}`);
  await tx.execute(sql`delete from cod.bank_statement_lines where statement_id in (select id from cod.bank_statements where import_id = ${importId} and state = 'LOADING')`);
  await tx.execute(sql`delete from cod.bank_statements where import_id = ${importId} and state = 'LOADING'`);
  await tx.execute(sql`delete from cod.bank_statement_files where import_id = ${importId}`);
}

export async function statementsByStatementIds(tx: Tx, bankAccountId: string, statementIds: readonly string[]): Promise<StatementRow[]> {
  if (statementIds.length === 0) return [];
  return tx
    .select()
    .from(bankStatements)
    .where(and(eq(bankStatements.bankAccountId, bankAccountId), sql`${bankStatements.statementId} in ${statementIds}`));
}

export function statementRow(prepared: PreparedStatement, ids: { id: string; importId: string; bankAccountId: string }, state: 'LOADING' | 'STORED', now: Date): typeof bankStatements.$inferInsert {
  const { parsed } = prepared;
  return {
    ...ids,
    state,
    format: parsed.format,
    version: parsed.version ?? null,
    statementId: parsed.statementId,
    messageId: parsed.messageId ?? null,
    sequenceNumber: parsed.sequenceNumber ?? null,
    currency: parsed.currency,
    openingAmount: prepared.opening?.amount ?? null,
    openingDate: prepared.opening?.date ?? null,
    closingAmount: prepared.closing?.amount ?? null,
    closingDate: prepared.closing?.date ?? null,
    fromDate: prepared.fromDate,
    toDate: prepared.toDate,
    balances: parsed.balances.map((b) => ({ type: b.type, amount: b.amount, currency: b.currency, date: b.date })),
    lineCount: parsed.lines.length,
    creditCount: prepared.creditCount,
    debitCount: prepared.debitCount,
    creditTotal: prepared.creditTotal,
    debitTotal: prepared.debitTotal,
    contentHash: prepared.contentHash,
    importedAt: now,
  };
}

export async function insertStatements(tx: Tx, rows: Array<typeof bankStatements.$inferInsert>): Promise<void> {
  if (rows.length > 0) await tx.insert(bankStatements).values(rows);
}

export async function insertImportLinks(tx: Tx, rows: Array<typeof bankImportStatements.$inferInsert>): Promise<void> {
  if (rows.length > 0) await tx.insert(bankImportStatements).values(rows).onConflictDoNothing();
}

function lineRow(statementId: string, bankAccountId: string, line: StatementLine): typeof bankStatementLines.$inferInsert {
  const r = line.references;
  return {
    statementId,
    bankAccountId,
    lineIndex: line.index,
    direction: line.direction,
    reversal: line.reversal,
    amount: line.amount,
    currency: line.currency,
    bookingDate: line.bookingDate ?? null,
    valueDate: line.valueDate ?? null,
    status: line.status ?? null,
    transactionCode: line.transactionCode ?? null,
    endToEndId: r.endToEndId ?? null,
    accountServicerReference: r.accountServicerReference ?? null,
    ownerReference: r.ownerReference ?? null,
    paymentInformationId: r.paymentInformationId ?? null,
    utr: r.utr ?? null,
    mandateId: r.mandateId ?? null,
    transactionId: r.transactionId ?? null,
    creditorReference: r.creditorReference ?? null,
    remittanceInformation: line.remittanceInformation ?? null,
    counterpartyName: line.counterparty?.name ?? null,
    counterpartyIban: line.counterparty?.iban ?? null,
    counterpartyAccount: line.counterparty?.account ?? null,
    counterpartyBic: line.counterparty?.bic ?? null,
    transactionCount: line.transactionCount ?? null,
    transactions: line.transactions ?? null,
  };
}

/** Rows per INSERT: 27 parameters a row stays well under PostgreSQL's 65,535 per statement. */
const LINES_PER_INSERT = 1_000;

export async function insertLines(tx: Tx, statementId: string, bankAccountId: string, lines: readonly StatementLine[]): Promise<void> {
  for (let start = 0; start < lines.length; start += LINES_PER_INSERT) {
    await tx.insert(bankStatementLines).values(lines.slice(start, start + LINES_PER_INSERT).map((line) => lineRow(statementId, bankAccountId, line)));
  }
}

/** The highest line index already stored for a LOADING statement (a job resumed after a crash goes on from there). */
export async function storedLineCount(db: Db | Tx, statementId: string): Promise<number> {
  const [row] = rowsOf<{ n: number | null }>(await db.execute(sql`select max(line_index)::int as n from cod.bank_statement_lines where statement_id = ${statementId}`));
  return row?.n ?? 0;
}

export async function markStatementsStored(tx: Tx, importId: string): Promise<void> {
  await tx.update(bankStatements).set({ state: 'STORED' }).where(and(eq(bankStatements.importId, importId), eq(bankStatements.state, 'LOADING')));
}

export async function importStatements(db: Db | Tx, importId: string): Promise<ImportedStatementRow[]> {
  const rows = await db
    .select({ statement: bankStatements, alreadyImported: bankImportStatements.alreadyImported })
    .from(bankImportStatements)
    .innerJoin(bankStatements, eq(bankStatements.id, bankImportStatements.statementId))
    .where(eq(bankImportStatements.importId, importId))
    .orderBy(asc(bankImportStatements.position));
  return rows.map((row) => ({ ...row.statement, alreadyImported: row.alreadyImported }));
}

export async function findStatement(db: Db | Tx, id: string): Promise<StatementRow | undefined> {
  const [row] = await db.select().from(bankStatements).where(and(eq(bankStatements.id, id), eq(bankStatements.state, 'STORED')));
  return row;
}

/** Stored statements, newest imported first (keyset on importedAt, id), joined to their account for its scope. */
export async function listStatements(db: Db | Tx, conditions: SQL[], after: { importedAt: string; id: string } | undefined, limit: number): Promise<StatementRow[]> {
  const where = [eq(bankStatements.state, 'STORED'), ...conditions];
  if (after) {
    where.push(or(lt(bankStatements.importedAt, new Date(after.importedAt)), and(eq(bankStatements.importedAt, new Date(after.importedAt)), lt(bankStatements.id, after.id)))!);
  }
  return db
    .select()
    .from(bankStatements)
    .where(and(...where))
    .orderBy(desc(bankStatements.importedAt), desc(bankStatements.id))
    .limit(limit);
}

export async function listImports(db: Db | Tx, conditions: SQL[], after: { createdAt: string; id: string } | undefined, limit: number): Promise<ImportRow[]> {
  const where = [...conditions];
  if (after) {
    where.push(or(lt(bankStatementImports.createdAt, new Date(after.createdAt)), and(eq(bankStatementImports.createdAt, new Date(after.createdAt)), lt(bankStatementImports.id, after.id)))!);
  }
  return db
    .select()
    .from(bankStatementImports)
    .where(and(...where))
    .orderBy(desc(bankStatementImports.createdAt), desc(bankStatementImports.id))
    .limit(limit);
}

/** Lines by id, in id order (a match's lines). */
export async function linesByIds(db: Db | Tx, ids: readonly number[]): Promise<LineRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(bankStatementLines).where(inArray(bankStatementLines.id, [...ids])).orderBy(asc(bankStatementLines.id));
}

export async function listLines(db: Db | Tx, statementId: string, direction: string | null, afterIndex: number, limit: number): Promise<LineRow[]> {
  const where = [eq(bankStatementLines.statementId, statementId), gt(bankStatementLines.lineIndex, afterIndex)];
  if (direction) where.push(eq(bankStatementLines.direction, direction));
  return db
    .select()
    .from(bankStatementLines)
    .where(and(...where))
    .orderBy(asc(bankStatementLines.lineIndex))
    .limit(limit);
}
