/**
 * A subgraph's resolver map from its modules' maps (`<module>/resolvers.ts`), merged type by type. Two modules
 * resolving the same field is a wiring mistake, so it fails at start-up rather than letting one silently win.
 */
export function mergeResolverMaps<TResolvers extends object>(maps: readonly TResolvers[]): TResolvers {
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
  return merged as TResolvers;
}
