import { money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import type { Match } from '@postal/matching';
import type { Context } from '../../context.js';
import type { Resolvers } from '../../generated/resolvers-types.js';
import { findBankAccount } from '../bank-accounts/repository.js';
import { linesByIds } from '../imports/repository.js';
import { matchItems, matchLineIds, type MatchRow, type RunRow } from './repository.js';
import { parseItemKey } from './sources.js';

const m = (amount: string, currency: string) => toMoneyOutput(money(amount, currency));
const match = (parent: unknown) => parent as MatchRow;
const run = (parent: unknown) => parent as RunRow;

export const matchingResolvers: Resolvers<Context> = {
  Query: {
    reconRuleSet: async (_parent, _args, context) => JSON.stringify(await context.services.matching.ruleSet(context.identity)),
    reconRuleSets: async (_parent, _args, context) =>
      (await context.services.matching.ruleSets(context.identity)).map((row) => ({
        version: row.version,
        status: row.status as never,
        ruleSet: JSON.stringify(row.rules),
        reason: row.reason,
        approvalRequestId: row.approvalRequestId,
        proposedBy: row.proposedBy,
        proposedAt: row.proposedAt.toISOString(),
        decidedAt: row.decidedAt?.toISOString() ?? null,
      })),
    reconMatches: (_parent, { filter, first, after }, context) => context.services.matching.list(context.identity, filter, first, after) as never,
    reconMatch: (_parent, { id }, context) => context.services.matching.find(context.identity, id) as never,
    reconRun: (_parent, { id }, context) => context.services.matching.findRun(context.identity, id) as never,
    reconMatchesCsv: (_parent, { filter }, context) => context.services.matching.csv(context.identity, filter),
    reconOpenItems: async (_parent, { bankAccountId }, context) =>
      (await context.services.matching.openItems(context.identity, bankAccountId)).map((item) => {
        const { kind, id } = parseItemKey(item.id);
        return {
          kind: kind as never,
          id,
          amount: m(item.amount, item.currency),
          direction: item.direction as never,
          date: item.date,
          utr: item.references.utr ?? null,
          batchReference: item.references.batchReference ?? null,
          rrn: item.references.rrn ?? null,
          groupKey: item.groupKey ?? null,
          counterpartyName: item.counterparty?.name ?? null,
        };
      }),
  },
  Mutation: {
    runReconMatching: (_parent, { input }, context) => context.services.matching.run(context, input) as never,
    proposeReconRuleSet: async (_parent, { ruleSet, reason }, context) => {
      const row = await context.services.matching.proposeRuleSet(context, ruleSet, reason);
      return { version: row.version, status: row.status as never, ruleSet: JSON.stringify(row.rules), reason: row.reason, approvalRequestId: row.approvalRequestId, proposedBy: row.proposedBy, proposedAt: row.proposedAt.toISOString(), decidedAt: null };
    },
    confirmReconMatch: (_parent, { id }, context) => context.services.matching.confirm(context, id) as never,
    rejectReconMatch: (_parent, { id, reason }, context) => context.services.matching.reject(context, id, reason) as never,
    unmatchReconMatch: (_parent, { id, reason }, context) => context.services.matching.unmatch(context, id, reason) as never,
    matchReconManually: (_parent, { input }, context) => context.services.matching.manual(context, input) as never,
  },
  ReconMatch: {
    bankAccount: async (parent, _args, context) => (await findBankAccount(context.services.recon.database.db, match(parent).bankAccountId)) as never,
    status: (parent) => match(parent).status as never,
    difference: (parent) => m(match(parent).difference, match(parent).currency),
    lines: async (parent, _args, context) => {
      const db = context.services.recon.database.db;
      return (await linesByIds(db, await matchLineIds(db, match(parent).id))) as never;
    },
    items: async (parent, _args, context) =>
      (await matchItems(context.services.recon.database.db, match(parent).id)).map((item) => ({ kind: item.itemKind as never, id: item.itemId, amount: m(item.amount, match(parent).currency) })),
    createdAt: (parent) => match(parent).createdAt.toISOString(),
    decidedAt: (parent) => match(parent).decidedAt?.toISOString() ?? null,
  },
  ReconRun: {
    bankAccount: async (parent, _args, context) => (await findBankAccount(context.services.recon.database.db, run(parent).bankAccountId)) as never,
    preview: async (parent) => {
      const account = run(parent);
      return ((account.preview ?? []) as Match[]).map((preview) => ({
        ruleId: preview.ruleId,
        strategy: preview.strategy,
        status: preview.status,
        confidence: preview.confidence,
        difference: m(preview.difference, preview.currency),
        lineIds: preview.lineIds,
        itemIds: preview.itemIds,
        evidence: preview.evidence.map((e) => ({ ...e, detail: e.detail ?? null })),
      }));
    },
    runBy: (parent) => run(parent).actorLabel,
    createdAt: (parent) => run(parent).createdAt.toISOString(),
  },
};
