import { mergeResolverMaps } from '@postal/server';
import { scalarResolvers } from '@postal/scalars';
import { businessDayResolvers } from './business-days/resolvers.js';
import { codResolvers } from './cod/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { journalResolvers } from './journal/resolvers.js';
import { ledgerAccountResolvers } from './ledger-accounts/resolvers.js';
import { moneyOrderResolvers } from './money-orders/resolvers.js';
import { reportResolvers } from './reports/resolvers.js';
import { sealingResolvers } from './sealing/resolvers.js';

/**
 * The subgraph's resolver map: each module's resolvers (`<module>/resolvers.ts`), merged type by type, as in the
 * administration subgraph. Resolvers are thin: read arguments, call a service with the signed caller, map the result.
 */
const modules: Resolvers[] = [ledgerAccountResolvers, journalResolvers, businessDayResolvers, reportResolvers, sealingResolvers, moneyOrderResolvers, codResolvers];

export const resolvers: Resolvers = { ...scalarResolvers, ...mergeResolverMaps(modules) };
