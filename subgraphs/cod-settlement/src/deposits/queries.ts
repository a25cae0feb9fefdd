import type { Identity } from '@postal/auth';
import { assertHolds, assertPasswordChosen, scopeCondition, withinTree } from '@postal/authz';
import { calendarDateProblem } from '@postal/calendar';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { decodeCursor, toConnection, type Connection } from '@postal/server';
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { articleEvents, articles, collections } from '../articles/tables.js';
import { billers } from '../billers/tables.js';
import { operatorCurrency, type ArticleDeps } from '../articles/deps.js';
import { checkText, POSTMAN_ID } from '../articles/domain.js';
import type { ArticleView } from '../articles/repository.js';
import { findOffice } from '../offices/repository.js';
import { DepositError } from './errors.js';
import { listDeposits, undepositedCash, type DepositRow } from './repository.js';
import { mayReadOffice } from './service.js';
import { postmanDeposits } from './tables.js';
import { getTableColumns } from 'drizzle-orm';

/** A page is bounded (500, what these lists answered before they paged); a screen asks for the next with `after`. */
export const MAX_LIST = 500;

export function listLimit(first: number | null | undefined, fallback = 100): number {
  const limit = first ?? fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST) throw new BadUserInputError('first', `first is 1 to ${MAX_LIST}`);
  return limit;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A keyset cursor of these lists (an instant and a row id, as toConnection issued it), or BAD_USER_INPUT. */
export function instantCursor(after: string | null | undefined): { at: string; id: string } | undefined {
  const key = decodeCursor(after, 2);
  if (!key) return undefined;
  if (!ISO_INSTANT.test(key[0]!) || Number.isNaN(Date.parse(key[0]!)) || !UUID.test(key[1]!)) throw new BadUserInputError('after', 'the cursor is not one this API issued');
  return { at: key[0]!, id: key[1]! };
}

export function checkDate(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  if (calendarDateProblem(value) !== undefined) throw new BadUserInputError(field, `${field} is a date, YYYY-MM-DD`);
  return value;
}

export interface DepositFilter {
  officeCode?: string | null;
  postmanId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Deposits in the caller's cod.read scope, newest first, a keyset page at a time. */
export async function listCodDeposits(deps: ArticleDeps, identity: Identity, filter: DepositFilter | null | undefined, first: number | null | undefined, after?: string | null): Promise<Connection<DepositRow>> {
  assertHolds(identity, 'cod.read');
  const limit = listLimit(first);
  const cursor = instantCursor(after);
  const conditions: SQL[] = [scopeCondition(identity, 'cod.read', postmanDeposits.officePath)];
  if (filter?.officeCode != null) {
    const office = await findOffice(deps.database.db, filter.officeCode);
    if (!office) throw new DepositError('OFFICE_NOT_FOUND', `no office ${JSON.stringify(filter.officeCode.slice(0, 40))}`, { field: 'filter.officeCode' });
    conditions.push(withinTree(postmanDeposits.officePath, office.path));
  }
  if (filter?.postmanId != null) conditions.push(eq(postmanDeposits.postmanId, filter.postmanId));
  const from = checkDate(filter?.from, 'filter.from');
  const to = checkDate(filter?.to, 'filter.to');
  if (from) conditions.push(gte(postmanDeposits.businessDate, from));
  if (to) conditions.push(lte(postmanDeposits.businessDate, to));
  const rows = await listDeposits(deps.database.db, conditions, cursor, limit + 1);
  return toConnection(rows, limit, (row) => [row.depositedAt.toISOString(), row.id]);
}

/** The most articles a day sheet lists: a beat is a few hundred at most. */
const MAX_BEAT = 1_000;

export interface DaySheet {
  officeCode: string;
  postmanId: string;
  date: string;
  currency: string;
  outForDelivery: ArticleView[];
  delivered: ArticleView[];
  failed: ArticleView[];
  cashCollected: string;
  digitalCollected: string;
  cashExpected: string;
}

/**
 * The postman's beat on a date: every article they took out that day, by what became of it, what they collected,
 * and the cash they are expected to deposit (every cash collection of theirs at the office not yet deposited).
 */
export async function postmanDaySheet(deps: ArticleDeps, identity: Identity, officeCode: string, postmanIdInput: string, dateInput: string): Promise<DaySheet> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
  const office = typeof officeCode === 'string' && officeCode.length <= 64 ? await findOffice(deps.database.db, officeCode) : undefined;
  if (!office || office.status !== 'ACTIVE') throw new DepositError('OFFICE_NOT_FOUND', `no open office ${JSON.stringify(String(officeCode).slice(0, 40))}`, { field: 'officeCode' });
  if (!mayReadOffice(identity, office)) throw new ForbiddenError(`you may not see the day sheets of office ${office.code}`);
  const postmanId = checkText(postmanIdInput, 'postmanId', 64, { pattern: POSTMAN_ID });
  const date = checkDate(dateInput, 'date')!;
  const db = deps.database.db;
  // The articles the postman took out that day (their latest state), each once.
  const taken = db
    .selectDistinct({ id: articleEvents.articleId })
    .from(articleEvents)
    .where(and(eq(articleEvents.officeCode, office.code), eq(articleEvents.businessDate, date), eq(articleEvents.type, 'OUT_FOR_DELIVERY'), sql`${articleEvents.details}->>'postmanId' = ${postmanId}`));
  const rows: ArticleView[] = await db
    .select({ ...getTableColumns(articles), billerCode: billers.code })
    .from(articles)
    .innerJoin(billers, eq(billers.id, articles.billerId))
    .where(sql`${articles.id} in ${taken}`)
    .orderBy(articles.articleNumber)
    .limit(MAX_BEAT);
  const [sums] = await db
    .select({
      cash: sql<string>`coalesce(sum(${collections.amount}) filter (where ${collections.mode} = 'CASH'), 0)::text`,
      digital: sql<string>`coalesce(sum(${collections.amount}) filter (where ${collections.mode} <> 'CASH'), 0)::text`,
    })
    .from(collections)
    .where(and(eq(collections.officeCode, office.code), eq(collections.postmanId, postmanId), eq(collections.businessDate, date)));
  return {
    officeCode: office.code,
    postmanId,
    date,
    currency: operatorCurrency(deps),
    outForDelivery: rows.filter((row) => row.status === 'OUT_FOR_DELIVERY'),
    delivered: rows.filter((row) => row.status === 'DELIVERED'),
    failed: rows.filter((row) => row.status === 'DELIVERY_FAILED'),
    cashCollected: sums?.cash ?? '0',
    digitalCollected: sums?.digital ?? '0',
    cashExpected: await undepositedCash(db, office.code, postmanId, date),
  };
}
