import { likeContaining, rowsOf, type Db, type Tx } from '@postal/db';
import { and, asc, desc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { billerBankAccounts, billers } from './tables.js';

export type BillerRow = typeof billers.$inferSelect;
export type NewBillerRow = typeof billers.$inferInsert;
export type BankAccountRow = typeof billerBankAccounts.$inferSelect;
export type NewBankAccountRow = typeof billerBankAccounts.$inferInsert;

export async function findBiller(db: Db | Tx, id: string): Promise<BillerRow | undefined> {
  const [row] = await db.select().from(billers).where(eq(billers.id, id));
  return row;
}

export async function findBillerByCode(db: Db | Tx, code: string): Promise<BillerRow | undefined> {
  const [row] = await db.select().from(billers).where(eq(billers.code, code));
  return row;
}

export async function findBillers(db: Db | Tx, ids: readonly string[]): Promise<Map<string, BillerRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(billers).where(inArray(billers.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The biller's payout account now (ACTIVE), if it has one. */
export async function activeBankAccount(db: Db | Tx, billerId: string): Promise<BankAccountRow | undefined> {
  const [row] = await db
    .select()
    .from(billerBankAccounts)
    .where(and(eq(billerBankAccounts.billerId, billerId), eq(billerBankAccounts.status, 'ACTIVE')));
  return row;
}

/** The next biller serial (billers/tables.ts billerCodeSerial): distinct under any concurrency, never reused. */
export async function nextBillerSerial(tx: Tx): Promise<number> {
  const rows = rowsOf<{ serial: string }>(await tx.execute(sql`select nextval('cod.biller_code_serial') as serial`));
  return Number(rows[0]!.serial);
}

export async function insertBiller(tx: Tx, row: NewBillerRow): Promise<BillerRow> {
  const [inserted] = await tx.insert(billers).values(row).returning();
  return inserted!;
}

/** The biller's row, locked: every change to a biller or its bank accounts takes this lock first (one fixed order). */
export async function lockBiller(tx: Tx, id: string): Promise<BillerRow | undefined> {
  const [row] = await tx.select().from(billers).where(eq(billers.id, id)).for('update');
  return row;
}

/** Writes the changed fields and bumps the version, on a row the caller has locked. */
export async function updateBillerRow(tx: Tx, id: string, changes: Partial<Pick<BillerRow, 'name' | 'contactName' | 'contactEmail' | 'contactPhone' | 'status'>>): Promise<BillerRow> {
  const [row] = await tx
    .update(billers)
    .set({ ...changes, version: sql`${billers.version} + 1` })
    .where(eq(billers.id, id))
    .returning();
  return row!;
}

export interface BillerListQuery {
  conditions: SQL[];
  /** The code of the last row of the previous page: codes are unique and sort the way they were issued. */
  afterCode: string | undefined;
  limit: number;
}

export async function listBillers(db: Db | Tx, query: BillerListQuery): Promise<BillerRow[]> {
  const conditions = [...query.conditions];
  if (query.afterCode !== undefined) conditions.push(gt(billers.code, query.afterCode));
  return db.select().from(billers).where(and(...conditions)).orderBy(asc(billers.code)).limit(query.limit);
}

/** Name or code containing the text (case-insensitive), or the GSTIN exactly. */
export function billerSearch(text: string): SQL {
  const pattern = likeContaining(text);
  return or(ilike(billers.name, pattern), ilike(billers.code, pattern), eq(billers.gstin, text.toUpperCase()))!;
}

export async function insertBankAccount(tx: Tx, row: NewBankAccountRow): Promise<BankAccountRow> {
  const [inserted] = await tx.insert(billerBankAccounts).values(row).returning();
  return inserted!;
}

export async function pendingBankAccount(db: Db | Tx, billerId: string): Promise<BankAccountRow | undefined> {
  const [row] = await db
    .select()
    .from(billerBankAccounts)
    .where(and(eq(billerBankAccounts.billerId, billerId), eq(billerBankAccounts.status, 'PENDING')));
  return row;
}

export async function findBankAccount(db: Db | Tx, id: string): Promise<BankAccountRow | undefined> {
  const [row] = await db.select().from(billerBankAccounts).where(eq(billerBankAccounts.id, id));
  return row;
}

/** The biller's first bank-account row: the details given at registration. */
export async function firstBankAccount(db: Db | Tx, billerId: string): Promise<BankAccountRow | undefined> {
  const [row] = await db
    .select()
    .from(billerBankAccounts)
    .where(eq(billerBankAccounts.billerId, billerId))
    .orderBy(asc(billerBankAccounts.requestedAt), asc(billerBankAccounts.id))
    .limit(1);
  return row;
}

/** Every bank-account row of the biller, newest first. */
export async function bankAccountsOf(db: Db | Tx, billerId: string): Promise<BankAccountRow[]> {
  return db
    .select()
    .from(billerBankAccounts)
    .where(eq(billerBankAccounts.billerId, billerId))
    .orderBy(desc(billerBankAccounts.requestedAt), desc(billerBankAccounts.id));
}

export async function updateBankAccount(
  tx: Tx,
  id: string,
  changes: Partial<Pick<BankAccountRow, 'status' | 'activatedOn' | 'decidedAt' | 'approvalRequestId'>>,
): Promise<BankAccountRow> {
  const [row] = await tx.update(billerBankAccounts).set(changes).where(eq(billerBankAccounts.id, id)).returning();
  return row!;
}

/** The bank-account row a request decides (approval_request_id is unique). */
export async function bankAccountByRequest(db: Db | Tx, approvalRequestId: string): Promise<BankAccountRow | undefined> {
  const [row] = await db.select().from(billerBankAccounts).where(eq(billerBankAccounts.approvalRequestId, approvalRequestId));
  return row;
}

/** The ACTIVE payout account of each biller that has one, in one query (a page of billers). */
export async function activeBankAccounts(db: Db | Tx, billerIds: readonly string[]): Promise<Map<string, BankAccountRow>> {
  if (billerIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(billerBankAccounts)
    .where(and(inArray(billerBankAccounts.billerId, [...new Set(billerIds)]), eq(billerBankAccounts.status, 'ACTIVE')));
  return new Map(rows.map((row) => [row.billerId, row]));
}

/**
 * Every biller's settlement-office path set to its office's path in known_offices, where they differ (an office moved
 * in the tree). Scope checks compare these paths, so they follow the tree; known_offices is the truth, whatever order
 * the office events came in.
 */
export async function refreshSettlementOfficePaths(tx: Tx): Promise<number> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      update cod.billers as biller set settlement_office_path = office.path
      from cod.known_offices as office
      where office.code = biller.settlement_office_code and biller.settlement_office_path <> office.path
      returning biller.id`),
  );
  return rows.length;
}
