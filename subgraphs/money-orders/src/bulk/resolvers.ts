import { money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { BulkUploadRow } from './repository.js';

const row = (parent: unknown) => parent as BulkUploadRow;

export const bulkResolvers: Resolvers<Context> = {
  Query: {
    moneyOrderBulkUpload: (_parent, { id }, context) => context.services.bulk.find(context.identity, id) as never,
  },
  Mutation: {
    bookMoneyOrders: (_parent, { input }, context) => context.services.bulk.submit(context.identity, input, context.requestId) as never,
  },
  MoneyOrderBulkUpload: {
    status: (parent) => row(parent).status as never,
    mode: (parent) => row(parent).mode as never,
    bookedAmount: (parent) => toMoneyOutput(money(row(parent).bookedAmount, row(parent).currency)),
    rejections: (parent, { first }, context) => context.services.bulk.rejections(row(parent), first),
    rejectionReportCsv: (parent, _args, context) => context.services.bulk.report(row(parent)),
    createdAt: (parent) => row(parent).createdAt.toISOString(),
    finishedAt: (parent) => row(parent).finishedAt?.toISOString() ?? null,
  },
};
