import { rowsOf, type Db, type Tx } from '@postal/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { payoutFiles, payouts, settlementBatches } from './tables.js';

export type BatchRow = typeof settlementBatches.$inferSelect;
/** A line of a batch as the view cod.batch_lines has it (its own lines, and one per article of each day it claimed). */
export interface LineRow {
  kind: string;
  articleId: string | null;
  articleNumber: string | null;
  disputeId: string | null;
  gross: string;
  fee: string;
  tax: string;
  earlyFee: string;
  net: string;
  dueFrom: string | null;
  active: boolean;
  sortKey: string;
}
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

/** A page of a batch's lines in their fixed order (the view's sort_key), after the cursor's key. */
export async function linesOf(db: Db | Tx, batchId: string, limit: number, afterKey = ''): Promise<LineRow[]> {
  return rowsOf<LineRow>(
    await db.execute(sql`
      select l.kind, l.article_id as "articleId", a.article_number as "articleNumber", l.dispute_id as "disputeId",
             l.gross::text, l.fee::text, l.tax::text, l.early_fee::text as "earlyFee", l.net::text, l.due_from::text as "dueFrom",
             l.active, l.sort_key as "sortKey"
      from cod.batch_lines l left join cod.articles a on a.id = l.article_id
      where l.batch_id = ${batchId} and l.sort_key > ${afterKey}
      order by l.sort_key limit ${limit + 1}`),
  );
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
