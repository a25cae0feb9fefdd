import type { Resolvers } from '../generated/resolvers-types.js';

/** Thin: arguments in, a call to the report service (which holds the rules, authorization included), reports out. */
export const reportResolvers: Resolvers = {
  Query: {
    accountStatement: (_parent, args, { services, identity }) =>
      services.reports.accountStatement(identity, { accountCode: args.accountCode, from: args.from, to: args.to, first: args.first, after: args.after }),
    trialBalance: (_parent, { asOf, officeCode, currency }, { services, identity }) => services.reports.trialBalance(identity, { asOf, officeCode, currency }),
  },
  StatementLine: {
    entry: (line, _args, { services, identity }) => services.journal.getEntry(identity, line.entryId),
  },
};
