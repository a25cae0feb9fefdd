import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './ledger-accounts/office-events.js';
import { createAccountService } from './ledger-accounts/service.js';
import { resolvers } from './resolvers.js';

export type AccountsOptions = SubgraphRuntimeOptions;

export async function startAccounts(options: AccountsOptions): Promise<RunningSubgraph> {
  const services = { accounts: createAccountService(options.database) };
  return startSubgraph<Context>({
    name: 'accounts',
    typeDefs: loadSubgraphTypeDefs('accounts'),
    resolvers,
    ...options,
    outboxTables: { outbox, processedEvents },
    eventHandlers: { [OFFICE_EVENTS_QUEUE]: handleOfficeEvent },
    buildContext: (request) => ({ ...request, services }),
  });
}
