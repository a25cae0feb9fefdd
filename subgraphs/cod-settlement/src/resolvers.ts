import { money } from '@postal/money';
import { scalarResolvers, toMoneyOutput } from '@postal/scalars';
import { mergeResolverMaps } from '@postal/server';
import type { Context } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { billerResolvers } from './billers/resolvers.js';
import { contractResolvers } from './contracts/resolvers.js';
import { articleResolvers } from './articles/resolvers.js';
import { depositResolvers } from './deposits/resolvers.js';
import { manifestResolvers } from './manifests/resolvers.js';
import { settlementResolvers } from './settlement/resolvers.js';
import { disputeResolvers } from './disputes/resolvers.js';
import { reconResolvers } from './recon/resolvers.js';
import { matchingResolvers } from './recon/matching/resolvers.js';

const feeResolvers: Resolvers<Context> = {
  Query: {
    codFeeQuote: async (_parent, { codAmount }, { services, identity }) => {
      const quote = await services.fees.quote(identity, codAmount);
      const asMoney = (amount: typeof quote.fee) => toMoneyOutput(money(amount, quote.currency));
      return {
        codAmount: asMoney(quote.codAmount),
        fee: asMoney(quote.fee),
        tax: asMoney(quote.tax),
        total: asMoney(quote.total),
        feeSchedule: quote.scheduleId,
      };
    },
  },
};

/** Each module's resolvers, merged (two modules resolving one field fail at start-up), and the shared scalars. */
export const resolvers: Resolvers<Context> = {
  ...scalarResolvers,
  ...mergeResolverMaps<Resolvers<Context>>([
    feeResolvers,
    billerResolvers,
    contractResolvers,
    articleResolvers,
    depositResolvers,
    manifestResolvers,
    settlementResolvers as Resolvers<Context>,
    disputeResolvers,
    reconResolvers,
    matchingResolvers,
  ]),
};
