import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { bankAccountView } from './bank-account-view.js';
import type { BillerRow } from './repository.js';

/** Biller rows become the Biller type here; the parent of every Biller field below is the row (cast once). */
const row = (parent: unknown) => parent as BillerRow;

export const billerResolvers: Resolvers<Context> = {
  Query: {
    biller: (_parent, { id }, context) => context.services.billers.find(context.identity, id) as never,
    billerByCode: (_parent, { code }, context) => context.services.billers.findByCode(context.identity, code) as never,
    billers: (_parent, { filter, first, after }, context) => context.services.billers.list(context.identity, filter, first, after) as never,
  },
  Mutation: {
    registerBiller: (_parent, { input }, context) => context.services.billers.register(context, input as never) as never,
    updateBiller: (_parent, { id, input, expectedVersion }, context) => context.services.billers.update(context, id, input, expectedVersion) as never,
    requestBillerBankChange: async (_parent, { billerId, bankAccount, reason }, context) => {
      const change = await context.services.billers.requestBankChange(context, billerId, bankAccount, reason);
      return {
        biller: change.biller as never,
        bankAccount: bankAccountView(context.identity, change.biller, change.bankAccount) as never,
        approvalRequest: { id: change.approvalRequestId },
      };
    },
  },
  Biller: {
    __resolveReference: (reference, context) => context.services.billers.find(context.identity, reference.id) as never,
    contact: (parent) => ({ name: row(parent).contactName, email: row(parent).contactEmail, phone: row(parent).contactPhone }),
    bankAccount: async (parent, _args, context) => {
      const account = await context.billerLoaders.activeBankAccount.load(row(parent).id);
      return account ? (bankAccountView(context.identity, row(parent), account) as never) : null;
    },
    pendingBankChange: (parent, _args, context) => context.services.billers.pendingBankChange(context.identity, row(parent)) as never,
    bankAccounts: (parent, _args, context) => context.services.billers.bankAccounts(context.identity, row(parent)) as never,
  },
};
