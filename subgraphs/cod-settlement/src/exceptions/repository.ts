import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '@postal/db';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { billers } from '../billers/tables.js';
import { articles } from '../articles/tables.js';
import { codExceptions } from './tables.js';

export type CodExceptionRow = typeof codExceptions.$inferSelect;
export type CodExceptionView = CodExceptionRow & { articleNumber: string | null; billerCode: string | null };

/** Raises an exception in the caller's transaction (the change that caused it commits with it, or neither does). */
export async function raiseException(tx: Tx, row: Omit<typeof codExceptions.$inferInsert, 'id' | 'status'>): Promise<string> {
  const id = randomUUID();
  await tx.insert(codExceptions).values({ ...row, id, status: 'OPEN' });
  return id;
}

/** Newest first, (raised_at, id) as the keyset: `after` resumes behind a page's last row. */
export async function listExceptions(db: Db | Tx, conditions: SQL[], after: { at: string; id: string } | undefined, limit: number): Promise<CodExceptionView[]> {
  const where = [...conditions];
  if (after) {
    const at = new Date(after.at);
    where.push(or(lt(codExceptions.raisedAt, at), and(eq(codExceptions.raisedAt, at), lt(codExceptions.id, after.id)))!);
  }
  return db
    .select({
      id: codExceptions.id,
      type: codExceptions.type,
      status: codExceptions.status,
      currency: codExceptions.currency,
      amount: codExceptions.amount,
      articleId: codExceptions.articleId,
      depositId: codExceptions.depositId,
      officeCode: codExceptions.officeCode,
      officePath: codExceptions.officePath,
      billerId: codExceptions.billerId,
      reason: codExceptions.reason,
      businessDate: codExceptions.businessDate,
      raisedAt: codExceptions.raisedAt,
      raisedBy: codExceptions.raisedBy,
      articleNumber: articles.articleNumber,
      billerCode: billers.code,
    })
    .from(codExceptions)
    .leftJoin(articles, eq(articles.id, codExceptions.articleId))
    .leftJoin(billers, eq(billers.id, codExceptions.billerId))
    .where(and(...where))
    .orderBy(desc(codExceptions.raisedAt), desc(codExceptions.id))
    .limit(limit);
}
