import type { Database } from '@postal/db';
import type { EventQueue, OutboxRelay } from '@postal/outbox';
import { loadSubgraphTypeDefs, startSubgraph, type Logger, type RunningSubgraph } from '@postal/server';
import { AUDIT_QUEUE, storeAuditEvent } from './audit/consumer.js';
import type { LockoutPolicy } from './auth/domain.js';
import { createAuthService } from './auth/service.js';
import type { Context, Services } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { createOfficeService } from './offices/service.js';
import { resolvers } from './resolvers.js';
import { createStaffService } from './staff/service.js';

export interface AdministrationOptions {
  database: Database;
  queue: EventQueue;
  logger: Logger;
  identitySecret: string;
  jwtPrivateKey: string;
  tokenTtlSeconds: number;
  lockout: LockoutPolicy;
  port: number;
  host?: string;
  clock?: () => Date;
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
    resolvers: resolvers as never,
    identitySecret: options.identitySecret,
    logger: options.logger,
    database,
    queue: options.queue,
    outboxTables: { outbox, processedEvents },
    eventHandlers: { [AUDIT_QUEUE]: storeAuditEvent },
    buildContext: (request) => ({ ...request, services }),
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
  });
  relay = running.relay;
  return running;
}
