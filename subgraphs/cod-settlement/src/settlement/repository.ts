import type { Db, Tx } from '@postal/db';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { payoutFiles, payouts, settlementBatches, settlementLines } from './tables.js';

export type BatchRow = typeof settlementBatches.$inferSelect;
export type LineRow = typeof settlementLines.$inferSelect;
export type PayoutRow = typeof payouts.$inferSelect;
export type PayoutFileRow = typeof payoutFiles.$inferSelect;

export async function batchesByIds(db: Db | Tx, ids: readonly string[]): Promise<BatchRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(settlementBatches).where(inArray(settlementBatches.id, [...ids])).orderBy(asc(settlementBatches.reference));
}

/** The batches locked FOR UPDATE in id order (the fixed order every writer uses). */
export async function lockBatches(tx: Tx, ids: readonly string[]): Promise<BatchRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(settlementBatches).where(inArray(settlementBatches.id, [...ids])).orderBy(asc(settlementBatches.id)).for('update');
}

export async function findBatch(db: Db | Tx, id: string): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(settlementBatches).where(eq(settlementBatches.id, id));
  return row;
}

export async function linesOf(db: Db | Tx, batchId: string, limit: number, afterId = 0): Promise<LineRow[]> {
  return db
    .select()
    .from(settlementLines)
    .where(and(eq(settlementLines.batchId, batchId), gt(settlementLines.id, afterId)))
    .orderBy(asc(settlementLines.id))
    .limit(limit + 1);
}

export async function findPayout(db: Db | Tx, id: string): Promise<PayoutRow | undefined> {
  const [row] = await db.select().from(payouts).where(eq(payouts.id, id));
  return row;
}

export async function lockPayout(tx: Tx, id: string): Promise<PayoutRow | undefined> {
  const [row] = await tx.select().from(payouts).where(eq(payouts.id, id)).for('update');
  return row;
}

export async function payoutOfBatch(db: Db | Tx, batchId: string): Promise<PayoutRow | undefined> {
  const [row] = await db.select().from(payouts).where(eq(payouts.batchId, batchId));
  return row;
}

export async function findPayoutFile(db: Db | Tx, id: string): Promise<PayoutFileRow | undefined> {
  const [row] = await db.select().from(payoutFiles).where(eq(payoutFiles.id, id));
  return row;
}

export async function setBatchStatus(tx: Tx, id: string, status: BatchRow['status'], changes: Partial<BatchRow> = {}): Promise<void> {
  await tx.update(settlementBatches).set({ ...changes, status }).where(and(eq(settlementBatches.id, id)));
}
