import type { OutboxRelay } from '@postal/outbox';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import { AUDIT_QUEUE, storeAuditEvent } from './audit/consumer.js';
import type { LockoutPolicy } from './auth/domain.js';
import { createAuthService } from './auth/service.js';
import type { Context, Services } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { createOfficeService } from './offices/service.js';
import { resolvers } from './resolvers.js';
import { createStaffService } from './staff/service.js';

export interface AdministrationOptions extends SubgraphRuntimeOptions {
  jwtPrivateKey: string;
  tokenTtlSeconds: number;
  lockout: LockoutPolicy;
}

export async function startAdministration(options: AdministrationOptions): Promise<RunningSubgraph> {
  const { database } = options;
  let relay: OutboxRelay | undefined;
  const services: Services = {
    auth: createAuthService({
      database,
      jwtPrivateKey: options.jwtPrivateKey,
      tokenTtlSeconds: options.tokenTtlSeconds,
      lockout: options.lockout,
      clock: options.clock ?? (() => new Date()),
      onEventsStaged: () => relay?.nudge(),
    }),
    offices: createOfficeService(database),
    staff: createStaffService(database),
  };
  const running = await startSubgraph<Context>({
    name: 'administration',
    typeDefs: loadSubgraphTypeDefs('administration'),
    resolvers,
    ...options,
    outboxTables: { outbox, processedEvents },
    eventHandlers: { [AUDIT_QUEUE]: storeAuditEvent },
    buildContext: (request) => ({ ...request, services }),
  });
  relay = running.relay;
  return running;
}
