import { scalarResolvers } from '@postal/scalars';
import { auditResolvers } from './audit/resolvers.js';
import { approvalResolvers } from './approvals/resolvers.js';
import { JsonScalar } from './approvals/json-scalar.js';
import { authResolvers } from './auth/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { officeResolvers } from './offices/resolvers.js';
import { roleResolvers } from './roles/resolvers.js';
import { sessionResolvers } from './sessions/resolvers.js';
import { staffResolvers } from './staff/resolvers.js';

/**
 * The subgraph's resolver map: each module's resolvers (`<module>/resolvers.ts`), merged type by type. Resolvers are
 * thin: read arguments, call a service with the signed caller, return what it gives.
 */
const modules: Resolvers[] = [auditResolvers, authResolvers, officeResolvers, staffResolvers, approvalResolvers, roleResolvers, sessionResolvers];

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

export const resolvers: Resolvers = { ...scalarResolvers, JSON: JsonScalar, ...merge(modules) };
