import { mergeResolverMaps } from '@postal/server';
import { scalarResolvers } from '@postal/scalars';
import { auditResolvers } from './audit/resolvers.js';
import { approvalResolvers } from './approvals/resolvers.js';
import { JsonScalar } from './approvals/json-scalar.js';
import { authResolvers } from './auth/resolvers.js';
import type { Context } from './context.js';
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

/**
 * Mutation fields run one after another; each starts with the request's loaders emptied, so the answer it returns (and
 * any later field's) is read after the change, never from what an earlier field of the same request loaded.
 */
function freshLoadersPerMutation(map: Resolvers): Resolvers {
  const mutation = map.Mutation as Record<string, (parent: unknown, args: unknown, context: Context, info: unknown) => unknown> | undefined;
  if (!mutation) return map;
  const wrapped = Object.fromEntries(
    Object.entries(mutation).map(([field, resolve]) => [
      field,
      (parent: unknown, args: unknown, context: Context, info: unknown) => {
        context.loaders.clearAll();
        return resolve(parent, args, context, info);
      },
    ]),
  );
  return { ...map, Mutation: wrapped } as Resolvers;
}

export const resolvers: Resolvers = { ...scalarResolvers, JSON: JsonScalar, ...freshLoadersPerMutation(mergeResolverMaps(modules)) };
