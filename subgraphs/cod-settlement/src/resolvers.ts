import { money } from '@postal/money';
import { scalarResolvers, toMoneyOutput } from '@postal/scalars';
import type { Resolvers } from './generated/resolvers-types.js';
import { settlementResolvers } from './settlement/resolvers.js';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  ...settlementResolvers,
  Query: {
    ...settlementResolvers.Query,
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
