import { DEFAULT_TIME_ZONE } from '@postal/calendar';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { resolvers } from './resolvers.js';
import { createFeeService } from './fees/service.js';

export type CodSettlementOptions = SubgraphRuntimeOptions;

export async function startCodSettlement(options: CodSettlementOptions): Promise<RunningSubgraph> {
  const services = {
    fees: createFeeService({
      database: options.database,
      clock: options.clock ?? (() => new Date()),
      timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    }),
  };
  return startSubgraph<Context>({
    name: 'cod-settlement',
    typeDefs: loadSubgraphTypeDefs('cod-settlement'),
    resolvers,
    ...options,
    outboxTables: { outbox, processedEvents },
    buildContext: (request) => ({ ...request, services }),
  });
}
