import { scalarResolvers } from '@postal/scalars';
import { mergeResolverMaps } from '@postal/server';
import type { Context } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { limitResolvers } from './limits/resolvers.js';
import { bulkResolvers } from './bulk/resolvers.js';
import { orderResolvers } from './orders/resolvers.js';
import { tariffResolvers } from './tariffs/resolvers.js';

/** Each module's resolvers, merged (two modules resolving one field fail at start-up), and the shared scalars. */
export const resolvers: Resolvers<Context> = {
  ...scalarResolvers,
  ...mergeResolverMaps<Resolvers<Context>>([tariffResolvers, limitResolvers, orderResolvers as Resolvers<Context>, bulkResolvers as Resolvers<Context>]),
};
