import { rowsOf, type Db, type Tx } from '@postal/db';
import { and, asc, desc, eq, getTableColumns, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { lockDueDays } from './due-days.js';
import { billers } from '../billers/tables.js';
import { articleEvents, articles, collections } from './tables.js';

export type ArticleRow = typeof articles.$inferSelect;
export type NewArticleRow = typeof articles.$inferInsert;
export type ArticleEventRow = typeof articleEvents.$inferSelect;
export type NewArticleEventRow = typeof articleEvents.$inferInsert;
export type CollectionRow = typeof collections.$inferSelect;
/** An article with its biller's code, as every answer shows it. */
export type ArticleView = ArticleRow & { billerCode: string };

const view = { ...getTableColumns(articles), billerCode: billers.code };

/** Rows per INSERT: a chunk of a manifest goes in one statement, well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 1_000;

export async function findArticleView(db: Db | Tx, articleNumber: string): Promise<ArticleView | undefined> {
  const [row] = await db.select(view).from(articles).innerJoin(billers, eq(billers.id, articles.billerId)).where(eq(articles.articleNumber, articleNumber));
  return row;
}

export async function findArticlesByNumbers(db: Db | Tx, numbers: readonly string[]): Promise<Map<string, ArticleRow>> {
  if (numbers.length === 0) return new Map();
  const rows = await db.select().from(articles).where(inArray(articles.articleNumber, [...new Set(numbers)]));
  return new Map(rows.map((row) => [row.articleNumber, row]));
}

/** The article locked for its status change (the one row every event of it goes through). */
export async function lockArticle(tx: Tx, articleNumber: string): Promise<ArticleView | undefined> {
  const [row] = await tx.select().from(articles).where(eq(articles.articleNumber, articleNumber)).for('update');
  if (!row) return undefined;
  const [biller] = await tx.select({ code: billers.code }).from(billers).where(eq(billers.id, row.billerId));
  return { ...row, billerCode: biller!.code };
}

/**
 * Inserts the new articles, skipping numbers taken already; answers the numbers written. The rows travel as one JSON
 * parameter per chunk (jsonb_to_recordset), which PostgreSQL reads far faster than thousands of bound parameters.
 */
export async function insertArticles(tx: Tx, rows: readonly NewArticleRow[]): Promise<Set<string>> {
  const written = new Set<string>();
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const payload = JSON.stringify(
      rows.slice(start, start + INSERT_CHUNK).map((row) => ({
        id: row.id,
        article_number: row.articleNumber,
        biller_id: row.billerId,
        currency: row.currency,
        cod_amount: row.codAmount,
        booking_office_code: row.bookingOfficeCode,
        delivery_office_code: row.deliveryOfficeCode,
        delivery_office_path: row.deliveryOfficePath,
        status: row.status,
        manifest_id: row.manifestId ?? null,
        booked_on: row.bookedOn,
        registered_by: row.registeredBy,
        registered_at: row.registeredAt.toISOString(),
      })),
    );
    const result = await tx.execute(sql`
      insert into ${articles} (id, article_number, biller_id, currency, cod_amount, booking_office_code, delivery_office_code, delivery_office_path, status, manifest_id, booked_on, registered_by, registered_at)
      select id, article_number, biller_id, currency, cod_amount, booking_office_code, delivery_office_code, delivery_office_path, status, manifest_id, booked_on, registered_by, registered_at
      from jsonb_to_recordset(${payload}::jsonb) as v(id uuid, article_number text, biller_id uuid, currency text, cod_amount numeric, booking_office_code text, delivery_office_code text, delivery_office_path text, status text, manifest_id uuid, booked_on date, registered_by text, registered_at timestamptz)
      on conflict (article_number) do nothing
      returning article_number`);
    for (const row of rowsOf<{ article_number: string }>(result)) written.add(row.article_number);
  }
  return written;
}

export async function insertArticleEvents(tx: Tx, rows: readonly NewArticleEventRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const payload = JSON.stringify(
      rows.slice(start, start + INSERT_CHUNK).map((row) => ({
        article_id: row.articleId,
        type: row.type,
        from_status: row.fromStatus ?? null,
        to_status: row.toStatus,
        office_code: row.officeCode,
        business_date: row.businessDate,
        details: row.details,
        actor_id: row.actorId,
        occurred_at: row.occurredAt.toISOString(),
      })),
    );
    await tx.execute(sql`
      insert into ${articleEvents} (article_id, type, from_status, to_status, office_code, business_date, details, actor_id, occurred_at)
      select article_id, type, from_status, to_status, office_code, business_date, details, actor_id, occurred_at
      from jsonb_to_recordset(${payload}::jsonb) as v(article_id uuid, type text, from_status text, to_status text, office_code text, business_date date, details jsonb, actor_id text, occurred_at timestamptz)`);
  }
}

/** The status change on the locked row; its version must be the one read (the lock makes that certain). */
export async function updateArticleStatus(tx: Tx, article: ArticleRow, status: string, deliveredOn: string | null): Promise<void> {
  const updated = await tx
    .update(articles)
    .set({ status, deliveredOn: deliveredOn ?? article.deliveredOn, version: article.version + 1 })
    .where(and(eq(articles.id, article.id), eq(articles.version, article.version)))
    .returning({ id: articles.id });
  if (updated.length !== 1) throw new Error(`article ${article.articleNumber} changed under its lock`);
}

export async function insertCollection(tx: Tx, row: typeof collections.$inferInsert): Promise<void> {
  await tx.insert(collections).values(row);
}

export async function findCollection(db: Db | Tx, articleId: string): Promise<CollectionRow | undefined> {
  const [row] = await db.select().from(collections).where(eq(collections.articleId, articleId));
  return row;
}

export async function timelineOf(db: Db | Tx, articleId: string): Promise<ArticleEventRow[]> {
  return db.select().from(articleEvents).where(eq(articleEvents.articleId, articleId)).orderBy(asc(articleEvents.id));
}

/** The latest event of a type (the postman of the current round: its OUT_FOR_DELIVERY). */
export async function lastEventOf(db: Db | Tx, articleId: string, type: string): Promise<ArticleEventRow | undefined> {
  const [row] = await db
    .select()
    .from(articleEvents)
    .where(and(eq(articleEvents.articleId, articleId), eq(articleEvents.type, type)))
    .orderBy(desc(articleEvents.id))
    .limit(1);
  return row;
}

/** A page of articles, newest registration first, after a keyset cursor. */
export async function listArticles(db: Db | Tx, conditions: SQL[], after: { registeredAt: string; id: string } | undefined, limit: number): Promise<ArticleView[]> {
  const where = [...conditions];
  if (after) {
    const at = new Date(after.registeredAt);
    where.push(or(lt(articles.registeredAt, at), and(eq(articles.registeredAt, at), lt(articles.id, after.id)))!);
  }
  return db
    .select(view)
    .from(articles)
    .innerJoin(billers, eq(billers.id, articles.billerId))
    .where(and(...where))
    .orderBy(desc(articles.registeredAt), desc(articles.id))
    .limit(limit);
}

/** Collections locked for a change of their due state (clearing), in article id order so two clearings never deadlock. */
export async function lockCollectionsOf(tx: Tx, articleIds: readonly string[]): Promise<CollectionRow[]> {
  if (articleIds.length === 0) return [];
  return tx.select().from(collections).where(inArray(collections.articleId, [...articleIds])).orderBy(asc(collections.articleId)).for('update');
}

export async function markCleared(tx: Tx, articleIds: readonly string[], clearedOn: string, reference: string): Promise<number> {
  await lockDueDays(tx, articleIds, clearedOn);
  const updated = await tx
    .update(collections)
    .set({ clearedOn, clearedReference: reference, dueFrom: clearedOn })
    .where(and(inArray(collections.articleId, [...articleIds]), sql`${collections.clearedOn} is null`, sql`${collections.mode} <> 'CASH'`))
    .returning({ id: collections.articleId });
  return updated.length;
}
