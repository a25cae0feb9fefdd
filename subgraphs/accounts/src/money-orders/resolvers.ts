import type { Resolvers } from '../generated/resolvers-types.js';

/* Thin: arguments in, the money-order ledger service (which holds the rules, authorization included), records out. */
export const moneyOrderResolvers: Resolvers = {
  Query: {
    moneyOrderControlBalance: (_parent, { asOf, officeCode }, { services, identity }) => services.moneyOrders.moneyOrderControlBalance(identity, asOf, officeCode),
  },
  Mutation: {
    reserveMoneyOrderCash: (_parent, { input }, context) =>
      context.services.moneyOrders.reserveMoneyOrderCash(context, {
        reference: input.reference,
        movement: input.movement,
        officeCode: input.officeCode,
        bookingOfficeCode: input.bookingOfficeCode,
        // The Decimal scalar arrives as a decimal.js value; the ledger takes the decimal text (journal/resolvers.ts).
        amount: input.amount.toFixed(),
        currency: input.currency,
        fromExpired: input.fromExpired ?? false,
      }),
  },
  MoneyOrder: {
    __resolveReference: (reference) => ({ reference: reference.reference }),
    ledgerEntries: (order, _args, { services, identity }) => services.moneyOrders.ledgerEntriesOf(identity, order.reference),
  },
  JournalEntry: {
    moneyOrder: (entry) => (entry.sourceType === 'MONEY_ORDER' && entry.sourceReference ? { reference: entry.sourceReference } : null),
  },
};
