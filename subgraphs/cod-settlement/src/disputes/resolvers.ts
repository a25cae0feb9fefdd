import { Decimal, money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { listCodDisputes } from './queries.js';
import { articleById, type DisputeRow, type DisputeView } from './repository.js';

const m = (amount: string, currency: string) => toMoneyOutput(money(new Decimal(amount).toFixed(2), currency));

/** A dispute in the API's shape, from a list row (which carries its article's number and its biller). */
export function disputeOut(row: DisputeView) {
  return {
    id: row.id,
    articleNumber: row.articleNumber,
    billerId: row.billerId,
    billerCode: row.billerCode,
    settlementOfficeCode: row.settlementOfficeCode,
    kind: row.kind as 'NOT_RECEIVED',
    status: row.status as 'OPEN',
    claimedAmount: row.claimedAmount ? m(row.claimedAmount, row.currency) : null,
    adjustmentAmount: row.adjustmentAmount ? m(row.adjustmentAmount, row.currency) : null,
    note: row.note,
    resolutionNote: row.resolutionNote,
    raisedOn: row.raisedOn,
    raisedAt: row.raisedAt.toISOString(),
    resolvedOn: row.resolvedOn,
  };
}

/** A dispute a mutation answers (a bare row): its article and biller looked up once. */
export async function disputeRowOut(context: Context, row: DisputeRow) {
  const found = await articleById(context.services.settlement.database.db, row.articleId);
  return disputeOut({ ...row, articleNumber: found?.article.articleNumber ?? '', billerCode: found?.biller.code ?? '', settlementOfficeCode: found?.biller.settlementOfficeCode ?? '' });
}

/** The disputes list: thin, the service call and the mapping. */
export const disputeResolvers: Resolvers<Context> = {
  Query: {
    codDisputes: async (_parent, { filter, first, after }, context) => {
      const page = await listCodDisputes(context.services.settlement, context.identity, filter, first, after);
      return { pageInfo: page.pageInfo, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: disputeOut(node) })) };
    },
  },
};
