import type { Database } from '@postal/db';
import type { EventQueue } from '@postal/outbox';
import { loadSubgraphTypeDefs, startSubgraph, type Logger, type RunningSubgraph } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './ledger-accounts/office-events.js';
import { createAccountService } from './ledger-accounts/service.js';
import { resolvers } from './resolvers.js';

export interface AccountsOptions {
  database: Database;
  queue: EventQueue;
  logger: Logger;
  identitySecret: string;
  port: number;
  host?: string;
}

export async function startAccounts(options: AccountsOptions): Promise<RunningSubgraph> {
  const services = { accounts: createAccountService(options.database) };
  return startSubgraph<Context>({
    name: 'accounts',
    typeDefs: loadSubgraphTypeDefs('accounts'),
    resolvers: resolvers as never,
    identitySecret: options.identitySecret,
    logger: options.logger,
    database: options.database,
    queue: options.queue,
    outboxTables: { outbox, processedEvents },
    eventHandlers: { [OFFICE_EVENTS_QUEUE]: handleOfficeEvent },
    buildContext: (request) => ({ ...request, services }),
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
  });
}
