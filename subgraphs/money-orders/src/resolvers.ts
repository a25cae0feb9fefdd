import { money } from '@postal/money';
import { scalarResolvers, toMoneyOutput } from '@postal/scalars';
import type { Resolvers } from './generated/resolvers-types.js';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    moneyOrderQuote: async (_parent, { amount, product }, { services, identity }) => {
      const quote = await services.tariffs.quote(identity, amount, product ?? 'ELECTRONIC');
      return {
        product: quote.product,
        amount: toMoneyOutput(money(quote.amount, quote.currency)),
        commission: toMoneyOutput(money(quote.commission, quote.currency)),
        // Tax on the commission comes with the tariff's tax rate (tariffs module); none is charged until then.
        tax: toMoneyOutput(money('0', quote.currency)),
        total: toMoneyOutput(money(quote.total, quote.currency)),
        tariffVersion: quote.tariffVersionId,
      };
    },
  },
};
