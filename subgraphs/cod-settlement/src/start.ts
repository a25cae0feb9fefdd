import { DEFAULT_TIME_ZONE } from '@postal/calendar';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { resolvers } from './resolvers.js';
import { createFeeService } from './fees/service.js';
import { createLedgerResultsHandler, LEDGER_RESULTS_QUEUE } from './ledger/results.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './offices/repository.js';

export type CodSettlementOptions = SubgraphRuntimeOptions;

export async function startCodSettlement(options: CodSettlementOptions): Promise<RunningSubgraph> {
  const clock = options.clock ?? (() => new Date());
  const services = {
    fees: createFeeService({
      database: options.database,
      clock,
      timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    }),
  };
  return startSubgraph<Context>({
    name: 'cod-settlement',
    typeDefs: loadSubgraphTypeDefs('cod-settlement'),
    resolvers,
    ...options,
    outboxTables: { outbox, processedEvents },
    eventHandlers: {
      [OFFICE_EVENTS_QUEUE]: handleOfficeEvent,
      // Modules that act on an answer (a failed settlement flagged, say) add their listener here.
      [LEDGER_RESULTS_QUEUE]: createLedgerResultsHandler(clock, {}),
    },
    buildContext: (request) => ({ ...request, services }),
  });
}
