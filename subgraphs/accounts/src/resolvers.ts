import { scalarResolvers } from '@postal/scalars';
import { businessDayResolvers } from './business-days/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { journalResolvers } from './journal/resolvers.js';
import { ledgerAccountResolvers } from './ledger-accounts/resolvers.js';
import { reportResolvers } from './reports/resolvers.js';
import { sealingResolvers } from './sealing/resolvers.js';

/**
 * The subgraph's resolver map: each module's resolvers (`<module>/resolvers.ts`), merged type by type, as in the
 * administration subgraph. Resolvers are thin: read arguments, call a service with the signed caller, map the result.
 */
const modules: Resolvers[] = [ledgerAccountResolvers, journalResolvers, businessDayResolvers, reportResolvers, sealingResolvers];

function merge(maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const target = (merged[type] ??= {});
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`two modules resolve ${type}.${field}`);
        target[field] = resolver;
      }
    }
  }
  return merged as Resolvers;
}

export const resolvers: Resolvers = { ...scalarResolvers, ...merge(modules) };
