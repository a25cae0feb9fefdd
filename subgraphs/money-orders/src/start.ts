import { DEFAULT_TIME_ZONE } from '@postal/calendar';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { resolvers } from './resolvers.js';
import { createTariffService } from './tariffs/service.js';

export type MoneyOrdersOptions = SubgraphRuntimeOptions;

export async function startMoneyOrders(options: MoneyOrdersOptions): Promise<RunningSubgraph> {
  const services = {
    tariffs: createTariffService({
      database: options.database,
      clock: options.clock ?? (() => new Date()),
      timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    }),
  };
  return startSubgraph<Context>({
    name: 'money-orders',
    typeDefs: loadSubgraphTypeDefs('money-orders'),
    resolvers,
    ...options,
    outboxTables: { outbox, processedEvents },
    buildContext: (request) => ({ ...request, services }),
  });
}
