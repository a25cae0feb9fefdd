import type { Identity } from '@postal/auth';
import { assertPasswordChosen, can, holds, scopeCondition } from '@postal/authz';
import { calendarDateProblem } from '@postal/calendar';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { eq, gte, lte, type SQL } from 'drizzle-orm';
import { billers } from '../billers/tables.js';
import { findOffice } from '../offices/repository.js';
import { withinTree } from '@postal/authz';
import { selfBillerCode } from './biller-scope.js';
import type { ArticleDeps } from './deps.js';
import { ARTICLE_STATUSES } from './domain.js';
import { ArticleError } from './errors.js';
import { findArticleView, listArticles, type ArticleView } from './repository.js';
import { articles } from './tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who may see an article: cod.read (or cod.collect, a postman's) over its delivery office, or its own biller. */
export function mayReadArticle(identity: Identity, article: ArticleView): boolean {
  const biller = selfBillerCode(identity);
  if (biller !== undefined) return biller === article.billerCode;
  return can(identity, 'cod.read', article.deliveryOfficePath) || can(identity, 'cod.collect', article.deliveryOfficePath);
}

export async function findArticle(deps: ArticleDeps, identity: Identity, articleNumber: string): Promise<ArticleView | null> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
  if (typeof articleNumber !== 'string' || !/^[A-Z]{2}[0-9]{9}[A-Z]{2}$/.test(articleNumber)) return null;
  const article = await findArticleView(deps.database.db, articleNumber);
  return article && mayReadArticle(identity, article) ? article : null;
}

export interface ArticleFilter {
  billerCode?: string | null;
  status?: string | null;
  deliveryOfficeCode?: string | null;
  deliveredFrom?: string | null;
  deliveredTo?: string | null;
}

function checkDate(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  if (calendarDateProblem(value) !== undefined) throw new BadUserInputError(field, `${field} is a date, YYYY-MM-DD`);
  return value;
}

/** The caller's articles: cod.read over the delivery office, or a BILLER's own; newest registration first. */
export async function listCodArticles(deps: ArticleDeps, identity: Identity, filter: ArticleFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<ArticleView>> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
  const self = selfBillerCode(identity);
  if (self === undefined && !holds(identity, 'cod.read')) throw new ForbiddenError('you may not cod.read');
  const size = pageSize(first);
  const cursor = decodeCursor(after, 2);
  if (cursor && (Number.isNaN(Date.parse(cursor[0]!)) || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(cursor[0]!) || !UUID.test(cursor[1]!))) throw new BadUserInputError('after', 'the cursor is not one this API issued');
  const conditions: SQL[] = [self !== undefined ? eq(billers.code, self) : scopeCondition(identity, 'cod.read', articles.deliveryOfficePath)];
  if (filter?.billerCode != null) conditions.push(eq(billers.code, filter.billerCode));
  if (filter?.status != null) {
    if (!(ARTICLE_STATUSES as readonly string[]).includes(filter.status)) throw new BadUserInputError('filter.status', 'unknown status');
    conditions.push(eq(articles.status, filter.status));
  }
  if (filter?.deliveryOfficeCode != null) {
    const office = await findOffice(deps.database.db, filter.deliveryOfficeCode);
    if (!office) throw new ArticleError('OFFICE_NOT_FOUND', `no office ${JSON.stringify(filter.deliveryOfficeCode.slice(0, 40))}`, { field: 'filter.deliveryOfficeCode' });
    conditions.push(withinTree(articles.deliveryOfficePath, office.path));
  }
  const from = checkDate(filter?.deliveredFrom, 'filter.deliveredFrom');
  const to = checkDate(filter?.deliveredTo, 'filter.deliveredTo');
  if (from) conditions.push(gte(articles.deliveredOn, from));
  if (to) conditions.push(lte(articles.deliveredOn, to));
  const rows = await listArticles(deps.database.db, conditions, cursor ? { registeredAt: cursor[0]!, id: cursor[1]! } : undefined, size + 1);
  return toConnection(rows, size, (row) => [row.registeredAt.toISOString(), row.id]);
}

