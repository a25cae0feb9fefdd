import { randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { assertHolds } from '@postal/authz';
import { businessDate, calendarDateProblem } from '@postal/calendar';
import { transaction, type Db, type Tx } from '@postal/db';
import { ForbiddenError } from '@postal/errors';
import { currencyOf } from '@postal/money';
import { billers } from '../billers/tables.js';
import { contractInForce } from '../contracts/repository.js';
import type { ContractRow } from '../contracts/repository.js';
import { findOffices } from '../offices/repository.js';
import { inArray } from 'drizzle-orm';
import { actorOf, type Actor, type ArticleDeps } from './deps.js';
import { ArticleError } from './errors.js';
import { checkRegistration, contractKey, sameFacts, type CheckedArticle, type RegistrationInput, type RegistrationLookups, type RowError } from './registration.js';
import { findArticlesByNumbers, findArticleView, insertArticleEvents, insertArticles, type ArticleRow, type ArticleView } from './repository.js';

export type RegistrationOutcome =
  | { kind: 'REGISTERED'; article: ArticleRow }
  | { kind: 'ALREADY_REGISTERED'; article: ArticleRow }
  | { kind: 'CONFLICT'; error: RowError };

/** Billers, offices and contracts for a set of inputs, each looked up once. */
export async function lookupsFor(db: Db | Tx, inputs: readonly RegistrationInput[], today: string): Promise<RegistrationLookups> {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const codes = [...new Set(inputs.map((input) => text(input.billerCode)).filter((code) => /^BL[0-9]{6}$/.test(code)))];
  const billerRows = codes.length === 0 ? [] : await db.select().from(billers).where(inArray(billers.code, codes));
  const billersByCode = new Map(billerRows.map((row) => [row.code, row]));
  const officeCodes = inputs.flatMap((input) => [text(input.bookingOfficeCode), text(input.deliveryOfficeCode)]).filter((code) => code.length > 0 && code.length <= 64);
  const offices = await findOffices(db, [...new Set(officeCodes)]);
  const contracts = new Map<string, ContractRow | undefined>();
  for (const input of inputs) {
    const biller = billersByCode.get(text(input.billerCode));
    const onDate = input.bookedOn == null || input.bookedOn === '' ? today : text(input.bookedOn);
    if (!biller || calendarDateProblem(onDate) !== undefined) continue;
    const key = contractKey(biller.id, onDate);
    if (!contracts.has(key)) contracts.set(key, await contractInForce(db, biller.id, onDate));
  }
  return { billers: billersByCode, offices, contracts };
}

/**
 * Writes checked articles in the caller's transaction: new numbers are inserted with their REGISTERED event; a
 * number taken already is the same article when its facts agree, else a conflict. Numbers repeated within the call
 * count once (the first) and compare with it.
 */
export async function writeArticles(tx: Tx, checked: readonly CheckedArticle[], context: { actor: Actor; now: Date; today: string; manifestId?: string | null }): Promise<RegistrationOutcome[]> {
  const rows = new Map<string, ArticleRow>();
  for (const article of checked) {
    if (rows.has(article.articleNumber)) continue;
    rows.set(article.articleNumber, {
      id: randomUUID(),
      articleNumber: article.articleNumber,
      billerId: article.biller.id,
      currency: article.biller.currency,
      codAmount: article.codAmount.toFixed(currencyOf(article.biller.currency).minorUnits),
      bookingOfficeCode: article.bookingOffice.code,
      deliveryOfficeCode: article.deliveryOffice.code,
      deliveryOfficePath: article.deliveryOffice.path,
      status: 'REGISTERED',
      manifestId: context.manifestId ?? null,
      bookedOn: article.bookedOn,
      deliveredOn: null,
      registeredBy: context.actor.label,
      registeredAt: context.now,
      version: 1,
    });
  }
  const written = await insertArticles(tx, [...rows.values()]);
  const insertedRows = [...rows.values()].filter((row) => written.has(row.articleNumber));
  await insertArticleEvents(
    tx,
    insertedRows.map((row) => ({
      articleId: row.id,
      type: 'REGISTERED',
      fromStatus: null,
      toStatus: 'REGISTERED',
      officeCode: row.bookingOfficeCode,
      businessDate: context.today,
      details: { codAmount: row.codAmount, manifestId: row.manifestId },
      actorId: context.actor.label,
      occurredAt: context.now,
    })),
  );
  const existing = await findArticlesByNumbers(tx, checked.map((article) => article.articleNumber).filter((number) => !written.has(number)));
  const claimed = new Set<string>();
  return checked.map((article): RegistrationOutcome => {
    const mine = rows.get(article.articleNumber)!;
    if (written.has(article.articleNumber) && !claimed.has(article.articleNumber)) {
      claimed.add(article.articleNumber);
      return { kind: 'REGISTERED', article: mine };
    }
    const other = written.has(article.articleNumber) ? mine : existing.get(article.articleNumber);
    if (!other) throw new Error(`article ${article.articleNumber} was neither inserted nor found`);
    if (sameFacts(other, article)) return { kind: 'ALREADY_REGISTERED', article: other };
    return { kind: 'CONFLICT', error: { field: 'articleNumber', code: 'ARTICLE_CONFLICT', message: `article ${article.articleNumber} is registered already with other facts (biller, amount, offices or date)` } };
  });
}

/** registerCodArticle: one article, checked by the manifest's rules; the same article again answers the existing one. */
export async function registerArticle(deps: ArticleDeps, identity: Identity, input: RegistrationInput): Promise<ArticleView> {
  assertHolds(identity, 'cod.article.register');
  const now = deps.clock();
  const today = businessDate(now, deps.timeZone);
  const articleNumber = await transaction(deps.database, 'read committed', async (tx) => {
    const { article, errors } = checkRegistration(input, await lookupsFor(tx, [input], today), identity, today);
    const first = errors[0];
    if (first) {
      if (first.code === 'FORBIDDEN') throw new ForbiddenError(first.message);
      throw new ArticleError(first.code, first.message, { field: first.field ?? 'input', details: { errors } });
    }
    const [outcome] = await writeArticles(tx, [article!], { actor: actorOf(identity), now, today });
    if (outcome!.kind === 'CONFLICT') throw new ArticleError('ARTICLE_CONFLICT', outcome!.error.message, { field: 'articleNumber' });
    return article!.articleNumber;
  });
  const view = await findArticleView(deps.database.db, articleNumber);
  if (!view) throw new Error(`article ${articleNumber} was registered but is not visible`);
  return view;
}
