import type { Db, Tx } from '@postal/db';
import { and, asc, desc, eq, getTableColumns, lt, or, type SQL } from 'drizzle-orm';
import { articles, collections } from '../articles/tables.js';
import { billers } from '../billers/tables.js';
import { disputeEvents, disputes } from './tables.js';

export type DisputeRow = typeof disputes.$inferSelect;

/** The article with its biller and collection, by number. */
export async function articleForDispute(db: Db | Tx, articleNumber: string) {
  const [row] = await db
    .select({ article: articles, biller: billers, collection: collections })
    .from(articles)
    .innerJoin(billers, eq(billers.id, articles.billerId))
    .leftJoin(collections, eq(collections.articleId, articles.id))
    .where(eq(articles.articleNumber, articleNumber));
  return row;
}

/** The article with its biller, by id. */
export async function articleById(db: Db | Tx, articleId: string) {
  const [row] = await db.select({ article: articles, biller: billers }).from(articles).innerJoin(billers, eq(billers.id, articles.billerId)).where(eq(articles.id, articleId));
  return row;
}

export async function insertDispute(tx: Tx, row: typeof disputes.$inferInsert): Promise<void> {
  await tx.insert(disputes).values(row);
}

export async function lockDispute(tx: Tx, id: string): Promise<DisputeRow | undefined> {
  const [row] = await tx.select().from(disputes).where(eq(disputes.id, id)).for('update');
  return row;
}

export async function updateDispute(tx: Tx, id: string, changes: Partial<DisputeRow>): Promise<void> {
  await tx.update(disputes).set(changes).where(eq(disputes.id, id));
}

export async function recordDisputeEvent(tx: Tx, event: typeof disputeEvents.$inferInsert): Promise<void> {
  await tx.insert(disputeEvents).values(event);
}

export async function disputeTimeline(db: Db | Tx, disputeId: string) {
  return db.select().from(disputeEvents).where(eq(disputeEvents.disputeId, disputeId)).orderBy(asc(disputeEvents.id));
}

export async function disputesOfBiller(db: Db | Tx, billerId: string, status?: string) {
  return db
    .select()
    .from(disputes)
    .where(status ? and(eq(disputes.billerId, billerId), eq(disputes.status, status)) : eq(disputes.billerId, billerId))
    .orderBy(desc(disputes.raisedAt))
    .limit(200);
}

/** A dispute as the list shows it: with its article's number and its biller's code and settlement office. */
export type DisputeView = DisputeRow & { articleNumber: string; billerCode: string; settlementOfficeCode: string };

/**
 * codDisputes' page: newest raised first, (raised_at, id) as the keyset, `conditions` over disputes and billers (the
 * caller's scope among them). `limit` is the page size plus one, to tell whether another page follows.
 */
export async function listDisputes(db: Db | Tx, conditions: SQL[], after: { raisedAt: string; id: string } | undefined, limit: number): Promise<DisputeView[]> {
  const where = [...conditions];
  if (after) {
    const at = new Date(after.raisedAt);
    where.push(or(lt(disputes.raisedAt, at), and(eq(disputes.raisedAt, at), lt(disputes.id, after.id)))!);
  }
  return db
    .select({ ...getTableColumns(disputes), articleNumber: articles.articleNumber, billerCode: billers.code, settlementOfficeCode: billers.settlementOfficeCode })
    .from(disputes)
    .innerJoin(articles, eq(articles.id, disputes.articleId))
    .innerJoin(billers, eq(billers.id, disputes.billerId))
    .where(and(...where))
    .orderBy(desc(disputes.raisedAt), desc(disputes.id))
    .limit(limit);
}
