import type { Database } from '@postal/db';
import type { EventQueue } from '@postal/outbox';
import { DEFAULT_TIME_ZONE, loadSubgraphTypeDefs, startSubgraph, type Logger, type RunningSubgraph } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { resolvers } from './resolvers.js';
import { createFeeService } from './fees/service.js';

export interface CodSettlementOptions {
  database: Database;
  queue: EventQueue;
  logger: Logger;
  identitySecret: string;
  port: number;
  host?: string;
  clock?: () => Date;
  timeZone?: string;
}

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
    resolvers: resolvers as never,
    identitySecret: options.identitySecret,
    logger: options.logger,
    database: options.database,
    queue: options.queue,
    outboxTables: { outbox, processedEvents },
    buildContext: (request) => ({ ...request, services }),
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
  });
}
