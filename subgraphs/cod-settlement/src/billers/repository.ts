import type { Db, Tx } from '@postal/db';
import { and, eq, inArray } from 'drizzle-orm';
import { billerBankAccounts, billers } from './tables.js';

export type BillerRow = typeof billers.$inferSelect;
export type NewBillerRow = typeof billers.$inferInsert;
export type BankAccountRow = typeof billerBankAccounts.$inferSelect;

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
