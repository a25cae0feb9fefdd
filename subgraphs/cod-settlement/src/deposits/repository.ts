import type { Db, Tx } from '@postal/db';
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { lockDueDays } from '../articles/due-days.js';
import { collections } from '../articles/tables.js';
import { postmanDeposits } from './tables.js';

export type DepositRow = typeof postmanDeposits.$inferSelect;
export type CollectionRow = typeof collections.$inferSelect;

/**
 * Serialises deposits of one postman at one office: the second of two racing deposits waits here, then finds the
 * collections the first took (NOTHING_TO_DEPOSIT) instead of counting them twice.
 */
export async function lockPostman(tx: Tx, officeCode: string, postmanId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`cod/deposit/${officeCode}/${postmanId}`}, 0))`);
}

/** The postman's cash collections at the office not yet deposited, up to a date, locked, in a fixed order. */
export async function lockUndepositedCash(tx: Tx, officeCode: string, postmanId: string, upTo: string): Promise<CollectionRow[]> {
  return tx
    .select()
    .from(collections)
    .where(and(eq(collections.officeCode, officeCode), eq(collections.postmanId, postmanId), eq(collections.mode, 'CASH'), isNull(collections.depositId), lte(collections.businessDate, upTo)))
    .orderBy(asc(collections.articleId))
    .for('update');
}

export async function undepositedCash(db: Db | Tx, officeCode: string, postmanId: string, upTo: string): Promise<string> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${collections.amount}), 0)::text` })
    .from(collections)
    .where(and(eq(collections.officeCode, officeCode), eq(collections.postmanId, postmanId), eq(collections.mode, 'CASH'), isNull(collections.depositId), lte(collections.businessDate, upTo)));
  return row?.total ?? '0';
}

export async function insertDeposit(tx: Tx, row: typeof postmanDeposits.$inferInsert): Promise<void> {
  await tx.insert(postmanDeposits).values(row);
}

/** The deposit's collections: marked with it and due for settlement from its business date. */
export async function markDeposited(tx: Tx, articleIds: readonly string[], depositId: string, dueFrom: string): Promise<number> {
  await lockDueDays(tx, articleIds, dueFrom);
  const updated = await tx
    .update(collections)
    .set({ depositId, dueFrom })
    .where(and(inArray(collections.articleId, [...articleIds]), isNull(collections.depositId)))
    .returning({ id: collections.articleId });
  return updated.length;
}

export async function findDeposit(db: Db | Tx, id: string): Promise<DepositRow | undefined> {
  const [row] = await db.select().from(postmanDeposits).where(eq(postmanDeposits.id, id));
  return row;
}

/** Newest first, (deposited_at, id) as the keyset: `after` resumes behind a page's last row. */
export async function listDeposits(db: Db | Tx, conditions: SQL[], after: { at: string; id: string } | undefined, limit: number): Promise<DepositRow[]> {
  const where = [...conditions];
  if (after) {
    const at = new Date(after.at);
    where.push(or(lt(postmanDeposits.depositedAt, at), and(eq(postmanDeposits.depositedAt, at), lt(postmanDeposits.id, after.id)))!);
  }
  return db.select().from(postmanDeposits).where(and(...where)).orderBy(desc(postmanDeposits.depositedAt), desc(postmanDeposits.id)).limit(limit);
}
