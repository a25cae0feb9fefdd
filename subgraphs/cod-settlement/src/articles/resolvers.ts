import { money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { ArticleEventRow, ArticleView, CollectionRow } from './repository.js';

const article = (parent: unknown) => parent as ArticleView;
const event = (parent: unknown) => parent as ArticleEventRow;
const collection = (parent: unknown) => parent as CollectionRow;
const detail = (parent: unknown, key: string) => {
  const value = event(parent).details[key];
  return typeof value === 'string' ? value : null;
};

export const articleResolvers: Resolvers<Context> = {
  Query: {
    codArticle: (_parent, { articleNumber }, context) => context.services.articles.find(context.identity, articleNumber) as never,
    codArticles: (_parent, { filter, first, after }, context) => context.services.articles.list(context.identity, filter, first, after) as never,
  },
  Mutation: {
    registerCodArticle: (_parent, { input }, context) => context.services.articles.register(context.identity, input) as never,
    markOutForDelivery: (_parent, { articleNumber, input }, context) => context.services.articles.markOutForDelivery(context.identity, articleNumber, input, context.requestId) as never,
    recordDelivery: (_parent, { articleNumber, input }, context) => context.services.articles.recordDelivery(context.identity, articleNumber, input, context.requestId) as never,
    recordDeliveryFailure: (_parent, { articleNumber, reason }, context) => context.services.articles.recordDeliveryFailure(context.identity, articleNumber, reason, context.requestId) as never,
    markReturnedToOrigin: (_parent, { articleNumber, reason }, context) => context.services.articles.markReturnedToOrigin(context.identity, articleNumber, reason, context.requestId) as never,
    markLostOrDamaged: (_parent, { articleNumber, input }, context) => context.services.articles.markLostOrDamaged(context.identity, articleNumber, input, context.requestId) as never,
    clearDigitalCollections: async (_parent, { input }, context) => {
      const result = await context.services.articles.clearDigital(context.identity, input, context.requestId);
      return {
        reference: result.reference,
        billers: result.billers.map((biller) => ({ billerCode: biller.billerCode, articleCount: biller.articleCount, amount: toMoneyOutput(money(biller.amount, biller.currency)) })),
      };
    },
  },
  CodArticle: {
    codAmount: (parent) => toMoneyOutput(money(article(parent).codAmount, article(parent).currency)),
    status: (parent) => article(parent).status as never,
    registeredAt: (parent) => article(parent).registeredAt.toISOString(),
    timeline: (parent, _args, context) => context.services.articles.timeline(article(parent).id) as never,
    collection: (parent, _args, context) => context.services.articles.collection(article(parent).id).then((row) => row ?? null) as never,
  },
  CodArticleEvent: {
    type: (parent) => event(parent).type as never,
    fromStatus: (parent) => event(parent).fromStatus as never,
    toStatus: (parent) => event(parent).toStatus as never,
    postmanId: (parent) => detail(parent, 'postmanId'),
    beat: (parent) => detail(parent, 'beat'),
    reason: (parent) => detail(parent, 'reason'),
    claimReference: (parent) => detail(parent, 'claimReference'),
    actor: (parent) => event(parent).actorId,
    occurredAt: (parent) => event(parent).occurredAt.toISOString(),
  },
  CodCollection: {
    amount: (parent) => toMoneyOutput(money(collection(parent).amount, collection(parent).currency)),
    mode: (parent) => collection(parent).mode as never,
    collectedAt: (parent) => collection(parent).collectedAt.toISOString(),
  },
};
