/**
 * UPI and card collections become due for settlement when the aggregator's credit is seen at the bank: a finance
 * officer of the biller's settlement office clears them (issue 13's matching will call the same rule). One
 * DIGITAL_CLEARED movement per biller, with the total, moves the money from UPI clearing to the bank in the ledger.
 */
import { randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { assertCan, assertHolds, can } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import { transaction, type Tx } from '@postal/db';
import { BadUserInputError } from '@postal/errors';
import { Decimal } from '@postal/money';
import { findBillers } from '../billers/repository.js';
import { stageCodMovement } from '../ledger/movements.js';
import { actorOf, type Actor, type ArticleDeps } from './deps.js';
import { checkText } from './domain.js';
import { ArticleError, ArticleNotFoundError } from './errors.js';
import { findArticlesByNumbers, lockCollectionsOf, markCleared } from './repository.js';
import { s10Problem } from './s10.js';

/** One call clears at most this many articles (an aggregator's daily credit is split into such batches). */
export const MAX_CLEARING_ARTICLES = 1_000;

export interface ClearingInput {
  articleNumbers: unknown;
  reference: unknown;
}

export interface BillerClearing {
  billerCode: string;
  currency: string;
  amount: string;
  articleCount: number;
  movementId: string;
}

function checkNumbers(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CLEARING_ARTICLES) {
    throw new BadUserInputError('articleNumbers', `articleNumbers lists 1 to ${MAX_CLEARING_ARTICLES} articles`);
  }
  const numbers = value.map((number) => {
    if (s10Problem(number) !== undefined) throw new ArticleError('INVALID_ARTICLE_NUMBER', `${JSON.stringify(String(number).slice(0, 20))} is not a valid S10 article number`, { field: 'articleNumbers' });
    return number as string;
  });
  if (new Set(numbers).size !== numbers.length) throw new BadUserInputError('articleNumbers', 'an article is listed twice');
  return numbers;
}

export async function clearDigitalCollections(deps: ArticleDeps, identity: Identity, input: ClearingInput, requestId?: string): Promise<{ reference: string; billers: BillerClearing[] }> {
  assertHolds(identity, 'cod.dispute.manage');
  const numbers = checkNumbers(input.articleNumbers);
  const reference = checkText(input.reference, 'reference', 64);
  const now = deps.clock();
  const today = businessDate(now, deps.timeZone);
  const actor = actorOf(identity);
  return transaction(deps.database, 'read committed', async (tx) => {
    const articles = await findArticlesByNumbers(tx, numbers);
    const billers = await findBillers(tx, [...articles.values()].map((article) => article.billerId));
    for (const number of numbers) {
      const article = articles.get(number);
      const biller = article && billers.get(article.billerId);
      // Visible to whoever may read it, or settle its biller; anything else does not exist for the caller.
      if (!article || !biller || !(can(identity, 'cod.read', article.deliveryOfficePath) || can(identity, 'cod.dispute.manage', biller.settlementOfficePath))) throw new ArticleNotFoundError(number, 'articleNumbers');
      assertCan(identity, 'cod.dispute.manage', { code: biller.settlementOfficeCode, path: biller.settlementOfficePath });
    }
    const ids = numbers.map((number) => articles.get(number)!.id);
    const result = await clearCollectionsIn(tx, { articleIds: ids, numberOf: (id) => numbers[ids.indexOf(id)]!, reference, today, now, actor: actor.event, requestId });
    return { reference, billers: result };
  });
}

/**
 * The articles' UPI/card collections cleared with the aggregator's reference, inside the caller's transaction: one
 * DIGITAL_CLEARED movement per biller with its total (UPI clearing to the bank in the ledger). clearDigitalCollections'
 * own, and reconciliation's when an aggregator's bank credit is matched to the collections (recon/matching/effects.ts).
 * NOT_CLEARABLE for an article without a digital collection or already cleared: nothing is cleared then.
 */
export async function clearCollectionsIn(
  tx: Tx,
  input: { articleIds: string[]; numberOf: (articleId: string) => string; reference: string; today: string; now: Date; actor: Actor['event']; requestId?: string | undefined },
): Promise<BillerClearing[]> {
  const collections = new Map((await lockCollectionsOf(tx, input.articleIds)).map((row) => [row.articleId, row]));
  const byBiller = new Map<string, { total: Decimal; count: number; currency: string }>();
  for (const id of input.articleIds) {
    const number = input.numberOf(id);
    const collection = collections.get(id);
    if (!collection) throw new ArticleError('NOT_CLEARABLE', `article ${number} has no collection`, { field: 'articleNumbers' });
    if (collection.mode === 'CASH') throw new ArticleError('NOT_CLEARABLE', `article ${number} was paid in cash: it is due when deposited`, { field: 'articleNumbers' });
    if (collection.clearedOn) throw new ArticleError('NOT_CLEARABLE', `article ${number} was cleared already on ${collection.clearedOn} (${collection.clearedReference})`, { field: 'articleNumbers' });
    const sum = byBiller.get(collection.billerId) ?? { total: new Decimal(0), count: 0, currency: collection.currency };
    byBiller.set(collection.billerId, { total: sum.total.plus(collection.amount), count: sum.count + 1, currency: sum.currency });
  }
  if ((await markCleared(tx, input.articleIds, input.today, input.reference)) !== input.articleIds.length) throw new Error('collections changed under their locks');
  const billers = await findBillers(tx, [...byBiller.keys()]);
  const result: BillerClearing[] = [];
  for (const [billerId, sum] of [...byBiller.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const biller = billers.get(billerId)!;
    const movementId = await stageCodMovement(
      tx,
      { movement: 'DIGITAL_CLEARED', currency: sum.currency, businessDate: input.today, actor: input.actor, billerCode: biller.code, settlementOfficeCode: biller.settlementOfficeCode, reference: input.reference, amount: sum.total.toFixed() },
      { type: 'CLEARING', id: randomUUID(), billerId },
      { now: input.now, requestId: input.requestId },
    );
    result.push({ billerCode: biller.code, currency: sum.currency, amount: sum.total.toFixed(), articleCount: sum.count, movementId });
  }
  return result;
}
