import { can } from '@postal/authz';
import { Decimal, money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import { operatorCurrency } from '../articles/deps.js';
import { findBiller } from '../billers/repository.js';
import { raiseCodDispute, resolveCodDispute } from '../disputes/service.js';
import { disputeRowOut } from '../disputes/resolvers.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { bankHolidays, billerCodSummary, billerRemittances, billerRemittancesCsv, codAging, codReconciliation, officeCodSummary } from '../summaries/service.js';
import { buildSettlementBatches } from './build.js';
import { markPayoutFailed, markPayoutPaid } from './payouts.js';
import { batchLines, payoutFile, payoutOfBatch, settlementBatch, settlementBatchList } from './queries.js';
import { closeUnreleasedBatch, submitSettlementBatches } from './submit.js';

const m = (amount: string | null | undefined, currency: string) => toMoneyOutput(money(new Decimal(amount ?? '0').toFixed(2), currency));

/** Settlement, payouts, disputes and the sellers' figures: thin, each a service call and its mapping. */
export const settlementResolvers: Resolvers = {
  Query: {
    settlementBatches: (_p, { filter, first, after }, ctx) => settlementBatchList(ctx.services.settlement, ctx.identity, filter ?? {}, first, after),
    settlementBatch: (_p, { id }, ctx) => settlementBatch(ctx.services.settlement, ctx.identity, id),
    payoutFile: (_p, { id }, ctx) => payoutFile(ctx.services.settlement, ctx.identity, id),
    codAging: async (_p, { filter }, ctx) =>
      (await codAging(ctx.services.settlement, ctx.identity, filter ?? {})).map((row) => ({ billerCode: row.biller_code, officeCode: row.office_code, bucket: row.bucket as 'D0_2', count: Number(row.count), amount: m(row.amount, row.currency) })),
    codReconciliation: async (_p, { asOf, billerId }, ctx) =>
      (await codReconciliation(ctx.services.settlement, ctx, asOf, billerId)).map((row) => ({ billerId: row.billerId, billerCode: row.billerCode, ledgerPayable: m(row.ledgerPayable, row.currency), unsettled: m(row.unsettled, row.currency), difference: m(row.difference, row.currency) })),
    bankHolidays: (_p, { calendar, year }, ctx) => bankHolidays(ctx.services.settlement, ctx.identity, calendar, year),
  },
  Mutation: {
    buildSettlementBatches: (_p, { input }, ctx) => buildSettlementBatches(ctx.services.settlement, ctx, input),
    submitSettlementBatches: (_p, { ids, note }, ctx) => submitSettlementBatches(ctx.services.settlement, ctx, ids, note),
    cancelSettlementBatch: (_p, { id, reason }, ctx) => closeUnreleasedBatch(ctx.services.settlement, ctx, id, 'CANCELLED', reason),
    markPayoutPaid: (_p, { payoutId, utr }, ctx) => markPayoutPaid(ctx.services.settlement, ctx, payoutId, utr),
    markPayoutFailed: (_p, { payoutId, input }, ctx) => markPayoutFailed(ctx.services.settlement, ctx, payoutId, input),
    raiseCodDispute: async (_p, { articleNumber, input }, ctx) =>
      disputeRowOut(ctx, await raiseCodDispute(ctx.services.settlement, ctx, articleNumber, { kind: input.kind, claimedAmount: input.claimedAmount?.toString() ?? null, note: input.note })),
    resolveCodDispute: async (_p, { id, input }, ctx) =>
      disputeRowOut(ctx, await resolveCodDispute(ctx.services.settlement, ctx, id, { outcome: input.outcome, adjustmentAmount: input.adjustmentAmount?.toString() ?? null, note: input.note })),
  },
  SettlementBatch: {
    billerCode: async (batch, _a, ctx) => (await findBiller(ctx.services.settlement.database.db, batch.billerId))?.code ?? '',
    // The biller as its module shows it (scope and masking are the billers service's).
    biller: (batch, _args, context) => context.services.billers.find(context.identity, batch.billerId) as never,
    status: (batch) => batch.status as 'DRAFT',
    gross: (b) => m(b.gross, b.currency),
    fee: (b) => m(b.fee, b.currency),
    tax: (b) => m(b.tax, b.currency),
    earlyFee: (b) => m(b.earlyFee, b.currency),
    adjustments: (b) => m(b.adjustments, b.currency),
    net: (b) => m(b.net, b.currency),
    payout: async (b, _a, ctx) => (await payoutOfBatch(ctx.services.settlement.database.db, b.id)) ?? null,
    lines: async (batch, { first, after }, ctx) => {
      const page = await batchLines(ctx.services.settlement, batch, first, after);
      return {
        pageInfo: page.pageInfo,
        edges: page.edges.map((e) => ({
          cursor: e.cursor,
          node: { kind: e.node.kind as 'ARTICLE', articleNumber: e.node.articleNumber, disputeId: e.node.disputeId, gross: m(e.node.gross, batch.currency), fee: m(e.node.fee, batch.currency), tax: m(e.node.tax, batch.currency), earlyFee: m(e.node.earlyFee, batch.currency), net: m(e.node.net, batch.currency), dueFrom: e.node.dueFrom, active: e.node.active },
        })),
      };
    },
  },
  Payout: {
    status: (p) => p.status as 'PENDING',
    amount: (p) => m(p.amount, p.currency),
    accountNumber: async (p, _a, ctx) => {
      const batch = await settlementBatch(ctx.services.settlement, ctx.identity, p.batchId);
      const full = batch !== null && can(ctx.identity, 'cod.bank.read', { code: batch.settlementOfficeCode, path: batch.settlementOfficePath });
      return full ? p.accountNumber : `XXXX${p.accountNumber.slice(-4)}`;
    },
  },
  PayoutFile: {
    total: (f) => m(f.total, f.currency),
    fileName: (f) => `${f.templateCode}_${f.settlementOfficeCode}_${f.businessDate.replaceAll('-', '')}_${String(f.fileSerial).padStart(4, '0')}.${f.templateCode.startsWith('HDFC') ? 'csv' : 'txt'}`,
  },
  Biller: {
    codSummary: async (biller, _a, ctx) => {
      const s = await billerCodSummary(ctx.services.settlement, ctx.identity, biller.id);
      return {
        available: m(s.available, s.currency),
        pending: m(s.pending, s.currency),
        initiated: m(s.initiated, s.currency),
        lastRemitted: s.lastRemitted ? { date: s.lastRemitted.date, amount: m(s.lastRemitted.amount, s.currency), utr: s.lastRemitted.utr } : null,
        remittedLast30Days: m(s.remittedLast30Days, s.currency),
        reversals: m(s.reversals, s.currency),
        reversalCount: s.reversalCount,
        averageDaysToRemittance: s.averageDaysToRemittance,
        p95DaysToRemittance: s.p95DaysToRemittance,
      };
    },
    remittances: async (biller, { first, after }, ctx) => {
      const page = await billerRemittances(ctx.services.settlement, ctx.identity, biller.id, first, after);
      return {
        pageInfo: page.pageInfo,
        edges: page.edges.map(({ cursor, node }) => ({
          cursor,
          node: { payoutId: node.id, batchReference: node.reference, status: node.status as 'PAID', amount: m(node.amount, node.currency), utr: node.utr, releasedOn: node.released_on, outcomeOn: node.outcome_on, articleCount: node.article_count, articleNumbers: node.articleNumbers },
        })),
      };
    },
    remittancesCsv: (biller, _a, ctx) => billerRemittancesCsv(ctx.services.settlement, ctx.identity, biller.id),
  },
  Office: {
    codSummary: async (office, { date }, ctx) => {
      const s = await officeCodSummary(ctx.services.settlement, ctx.identity, office.code, date);
      const currency = operatorCurrency(ctx.services.settlement);
      return {
        date: s.date,
        deliveredCount: Number(s.delivered.count),
        deliveredAmount: m(s.delivered.amount, currency),
        collected: s.modes.map((row) => ({ mode: row.mode, count: Number(row.count), amount: m(row.amount, currency), deposited: m(row.deposited, currency) })),
        deposited: m(s.modes.reduce((sum, row) => sum.plus(row.deposited), new Decimal(0)).toFixed(2), currency),
        shortages: m(s.deposits.shortage, currency),
        excess: m(s.deposits.excess, currency),
      };
    },
  },
};
