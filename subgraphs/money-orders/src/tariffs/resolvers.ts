import { money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import type { Context } from '../context.js';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.js';
import type { TariffVersion } from './domain.js';

function tariffOutput(version: TariffVersion) {
  return { ...version, rule: JSON.stringify(version.rule) };
}

/** Thin: the tariff service does the checks; amounts travel as decimal strings. */
export const tariffResolvers: { Query: QueryResolvers<Context>; Mutation: MutationResolvers<Context> } = {
  Query: {
    moneyOrderQuote: async (_parent, { amount, product }, { services, identity }) => {
      const quote = await services.tariffs.quote(identity, amount, product ?? 'ELECTRONIC');
      return {
        product: quote.product,
        amount: toMoneyOutput(money(quote.amount, quote.currency)),
        commission: toMoneyOutput(money(quote.commission, quote.currency)),
        tax: toMoneyOutput(money(quote.tax, quote.currency)),
        total: toMoneyOutput(money(quote.total, quote.currency)),
        tariffVersion: quote.tariffVersionId,
      };
    },
    moneyOrderTariffs: async (_parent, { product }, { services, identity }) =>
      (await services.tariffs.list(identity, product ?? null)).map(tariffOutput) as never,
  },
  Mutation: {
    proposeMoneyOrderTariff: async (_parent, { input }, { services, identity, requestId }) => {
      const submitted = await services.tariffs.propose(
        identity,
        {
          product: input.product,
          currency: input.currency ?? 'INR',
          effectiveFrom: input.effectiveFrom,
          minAmount: input.minAmount.toFixed(),
          maxAmount: input.maxAmount.toFixed(),
          wholeUnitsOnly: input.wholeUnitsOnly,
          rule: input.rule,
          taxRatePercent: (input.taxRatePercent ?? '0').toString(),
        },
        requestId,
      );
      return { id: submitted.id };
    },
  },
};
