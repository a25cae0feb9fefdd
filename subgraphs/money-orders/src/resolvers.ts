import { money } from '@postal/money';
import { scalarResolvers, toMoneyOutput } from '@postal/scalars';
import type { Context } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { bulkResolvers } from './bulk/resolvers.js';
import { orderResolvers } from './orders/resolvers.js';

export const resolvers: Resolvers<Context> = {
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
    ...orderResolvers.Query,
    ...bulkResolvers.Query,
  },
  Mutation: { ...orderResolvers.Mutation, ...bulkResolvers.Mutation },
  MoneyOrderBulkUpload: bulkResolvers.MoneyOrderBulkUpload!,
  MoneyOrder: orderResolvers.MoneyOrder!,
  Office: orderResolvers.Office!,
};
