import { money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import type { Context } from '../context.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';

export const limitResolvers: { Query: QueryResolvers<Context> } = {
  Query: {
    moneyOrderLimits: async (_parent, _args, { services, identity }) =>
      (await services.limits.inForce(identity)).map((limit) => ({ ...limit, amount: toMoneyOutput(money(limit.amount, limit.currency)) })),
  },
};
