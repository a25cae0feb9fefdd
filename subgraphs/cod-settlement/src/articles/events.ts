/**
 * The article's events after registration (out for delivery, delivered with its collection, failed, returned,
 * lost or damaged). Each runs in ONE transaction on the article's row locked FOR UPDATE: the status check, the change,
 * its timeline event, and for a delivery the collection, any exception and the ledger movement, together.
 */
import type { Identity } from '@postal/auth';
import { assertPasswordChosen, can } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import { transaction, type Tx } from '@postal/db';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { currencyOf, Decimal } from '@postal/money';
import { findBiller } from '../billers/repository.js';
import { raiseException } from '../exceptions/repository.js';
import { stageCodMovement } from '../ledger/movements.js';
import { actorOf, type Actor, type ArticleDeps } from './deps.js';
import { checkAmount, checkPaymentReference, checkText, collectionDifference, COLLECTION_MODES, nextStatus, POSTMAN_ID, TRANSITIONS, type ArticleEvent, type ArticleStatus, type CollectionMode } from './domain.js';
import { ArticleError, ArticleNotFoundError, InvalidTransitionError } from './errors.js';
import { findArticleView, insertArticleEvents, insertCollection, lastEventOf, lockArticle, updateArticleStatus, type ArticleView } from './repository.js';
import { s10Problem } from './s10.js';

interface EventContext {
  tx: Tx;
  article: ArticleView;
  actor: Actor;
  now: Date;
  today: string;
  requestId: string | undefined;
}

/** What an event writes besides the status change: its timeline details, and anything else in the transaction. */
type EventWork = (context: EventContext) => Promise<Record<string, unknown>>;

function checkArticleNumber(value: unknown): string {
  if (typeof value !== 'string' || s10Problem(value) !== undefined) {
    throw new ArticleError('INVALID_ARTICLE_NUMBER', `${JSON.stringify(String(value).slice(0, 20))} is not a valid S10 article number`, { field: 'articleNumber' });
  }
  return value;
}

/**
 * An article outside the caller's cod.collect scope is ARTICLE_NOT_FOUND unless they may read it (then FORBIDDEN):
 * a postman at another office learns nothing about where an article goes.
 */
function assertMayCollect(identity: Identity, article: ArticleView): void {
  if (can(identity, 'cod.collect', article.deliveryOfficePath)) return;
  if (can(identity, 'cod.read', article.deliveryOfficePath)) throw new ForbiddenError(`you may not cod.collect at office ${article.deliveryOfficeCode}`);
  throw new ArticleNotFoundError(article.articleNumber);
}

async function applyEvent(deps: ArticleDeps, identity: Identity, articleNumberInput: unknown, event: ArticleEvent, work: EventWork, requestId?: string): Promise<ArticleView> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
  const articleNumber = checkArticleNumber(articleNumberInput);
  const now = deps.clock();
  const today = businessDate(now, deps.timeZone);
  await transaction(deps.database, 'read committed', async (tx) => {
    const article = await lockArticle(tx, articleNumber);
    if (!article) throw new ArticleNotFoundError(articleNumber);
    assertMayCollect(identity, article);
    const from = article.status as ArticleStatus;
    const to = nextStatus(from, event);
    if (!to) throw new InvalidTransitionError(articleNumber, from, event, TRANSITIONS[event].from);
    const details = await work({ tx, article, actor: actorOf(identity), now, today, requestId });
    await updateArticleStatus(tx, article, to, to === 'DELIVERED' ? today : null);
    await insertArticleEvents(tx, [
      { articleId: article.id, type: event, fromStatus: from, toStatus: to, officeCode: article.deliveryOfficeCode, businessDate: today, details, actorId: actorOf(identity).label, occurredAt: now },
    ]);
  });
  return (await findArticleView(deps.database.db, articleNumber))!;
}

/** The postman of the article's current round: the one who took it out last. */
async function currentPostman(context: EventContext): Promise<{ postmanId: string | null; beat: string | null }> {
  const round = await lastEventOf(context.tx, context.article.id, 'OUT_FOR_DELIVERY');
  return { postmanId: (round?.details.postmanId as string | undefined) ?? null, beat: (round?.details.beat as string | undefined) ?? null };
}

export interface DeliveryInput {
  amount: unknown;
  mode: unknown;
  paymentReference?: unknown;
  podReference: unknown;
  postmanId?: unknown;
}

/** DELIVERED: the collection recorded; a difference raised as an exception; the COLLECTED movement staged. */
function deliveryWork(input: DeliveryInput): EventWork {
  return async (context) => {
    const { tx, article } = context;
    if (!(COLLECTION_MODES as readonly unknown[]).includes(input.mode)) throw new BadUserInputError('mode', 'mode is CASH, UPI or CARD');
    const mode = input.mode as CollectionMode;
    const amount = checkAmount(input.amount, article.currency, 'amount', { allowZero: false });
    const amountText = amount.toFixed(currencyOf(article.currency).minorUnits);
    const paymentReference = checkPaymentReference(mode, input.paymentReference);
    const podReference = checkText(input.podReference, 'podReference', 64);
    const round = await currentPostman(context);
    const postmanId = input.postmanId == null || input.postmanId === '' ? round.postmanId : checkText(input.postmanId, 'postmanId', 64, { pattern: POSTMAN_ID, hint: 'letters, digits, . _ -' });
    if (!postmanId) throw new Error(`article ${article.articleNumber} is out for delivery without a postman`);
    const biller = await findBiller(tx, article.billerId);
    if (!biller) throw new Error(`article ${article.articleNumber}: its biller is missing`);
    const difference = collectionDifference(new Decimal(article.codAmount), amount);
    await insertCollection(tx, {
      articleId: article.id,
      billerId: article.billerId,
      currency: article.currency,
      amount: amountText,
      mode,
      paymentReference,
      podReference,
      differs: difference !== undefined,
      postmanId,
      beat: round.beat,
      officeCode: article.deliveryOfficeCode,
      officePath: article.deliveryOfficePath,
      businessDate: context.today,
      collectedAt: context.now,
    });
    if (difference) {
      await raiseException(tx, {
        type: difference.type,
        currency: article.currency,
        amount: difference.amount.toFixed(),
        articleId: article.id,
        depositId: null,
        officeCode: article.deliveryOfficeCode,
        officePath: article.deliveryOfficePath,
        billerId: article.billerId,
        reason: `collected ${amountText} against a COD amount of ${article.codAmount}`,
        businessDate: context.today,
        raisedAt: context.now,
        raisedBy: context.actor.label,
      });
    }
    await stageCodMovement(
      tx,
      { movement: 'COLLECTED', currency: article.currency, businessDate: context.today, actor: context.actor.event, billerCode: biller.code, settlementOfficeCode: biller.settlementOfficeCode, articleNumber: article.articleNumber, officeCode: article.deliveryOfficeCode, mode, amount: amountText },
      { type: 'ARTICLE', id: article.id, billerId: article.billerId },
      { now: context.now, requestId: context.requestId },
    );
    return { postmanId, beat: round.beat, amount: amountText, mode, paymentReference, podReference, differs: difference !== undefined };
  };
}

export function createArticleEvents(deps: ArticleDeps) {
  return {
    markOutForDelivery: (identity: Identity, articleNumber: unknown, input: { postmanId: unknown; beat: unknown }, requestId?: string) =>
      applyEvent(deps, identity, articleNumber, 'OUT_FOR_DELIVERY', async () => ({
        postmanId: checkText(input.postmanId, 'postmanId', 64, { pattern: POSTMAN_ID, hint: 'letters, digits, . _ -' }),
        beat: checkText(input.beat, 'beat', 64),
      }), requestId),
    recordDelivery: (identity: Identity, articleNumber: unknown, input: DeliveryInput, requestId?: string) => applyEvent(deps, identity, articleNumber, 'DELIVERED', deliveryWork(input), requestId),
    recordDeliveryFailure: (identity: Identity, articleNumber: unknown, reason: unknown, requestId?: string) =>
      applyEvent(deps, identity, articleNumber, 'DELIVERY_FAILED', async (context) => ({ reason: checkText(reason, 'reason', 500), ...(await currentPostman(context)) }), requestId),
    markReturnedToOrigin: (identity: Identity, articleNumber: unknown, reason: unknown, requestId?: string) =>
      applyEvent(deps, identity, articleNumber, 'RTO', async () => ({ reason: checkText(reason, 'reason', 500) }), requestId),
    markLostOrDamaged: async (identity: Identity, articleNumber: unknown, input: { kind: unknown; claimReference: unknown; reason: unknown }, requestId?: string) => {
      if (input.kind !== 'LOST' && input.kind !== 'DAMAGED') throw new BadUserInputError('kind', 'kind is LOST or DAMAGED');
      return applyEvent(deps, identity, articleNumber, input.kind, async () => ({ claimReference: checkText(input.claimReference, 'claimReference', 64), reason: checkText(input.reason, 'reason', 500) }), requestId);
    },
  };
}

export type ArticleEvents = ReturnType<typeof createArticleEvents>;
