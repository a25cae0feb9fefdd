import type { Resolvers } from '../generated/resolvers-types.js';

/* Thin: arguments in, the COD ledger service (which holds the rules, authorization included), records out. */
export const codResolvers: Resolvers = {
  Query: {
    codPayableBalances: (_parent, { settlementOfficeCode, billerCodes, asOf }, { services, identity }) =>
      services.cod.codPayableBalances(identity, { settlementOfficeCode, billerCodes: billerCodes ?? null, asOf: asOf ?? null }),
  },
  Mutation: {
    prepareBankLedgerAccount: (_parent, { input }, context) => context.services.cod.prepareBankLedgerAccount(context, input) as never,
  },
};
