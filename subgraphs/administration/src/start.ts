import { DEFAULT_TIME_ZONE } from '@postal/calendar';
import { createApprovalConsumers } from './approvals/execution.js';
import { createApprovalService } from './approvals/service.js';
import { startExpirySweep } from './approvals/sweep.js';
import type { Notifier } from '@postal/notify';
import type { OutboxRelay } from '@postal/outbox';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import { AUDIT_QUEUE, storeAuditEvent } from './audit/consumer.js';
import { startAuditSealer, type AuditSealer } from './audit/sealer.js';
import { createAuditService } from './audit/service.js';
import type { LockoutPolicy } from './auth/domain.js';
import { createAuthService } from './auth/service.js';
import { requestContext, type Context, type Services } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { createAccountsClient } from './offices/accounts-client.js';
import { createOfficeService } from './offices/service.js';
import { resolvers } from './resolvers.js';
import { createRoleService } from './roles/service.js';
import { createSessionService } from './sessions/service.js';
import { createStaffService } from './staff/service.js';

export interface AdministrationOptions extends SubgraphRuntimeOptions {
  jwtPrivateKey: string;
  tokenTtlSeconds: number;
  lockout: LockoutPolicy;
  /** The accounts subgraph's GraphQL URL: closing an office asks it about balances (offices/accounts-client.ts). */
  accountsUrl: string;
  /** How people are told their temporary passwords (and, later, one-time codes): @postal/notify. */
  notifier: Notifier;
  /** How often the audit sealer looks for unsealed records when nobody nudges it; default 1000 ms. */
  auditSealIntervalMs?: number;
}

/** Audit events stored at once by this process (per queue, see @postal/outbox); the database's pool bounds it too. */
const AUDIT_CONSUMER_CONCURRENCY = 8;

export async function startAdministration(options: AdministrationOptions): Promise<RunningSubgraph> {
  const { database } = options;
  let relay: OutboxRelay | undefined;
  let sealer: AuditSealer | undefined;
  const clock = options.clock ?? (() => new Date());
  const approvals = createApprovalService({ database, clock, identitySecret: options.identitySecret, onEventsStaged: () => relay?.nudge() });
  const { tokenTtlSeconds } = options;
  const roles = createRoleService({ database, clock, approvals, tokenTtlSeconds, onEventsStaged: () => relay?.nudge() });
  const services: Services = {
    approvals,
    roles,
    audit: createAuditService(database),
    sessions: createSessionService({ database, tokenTtlSeconds, onEventsStaged: () => relay?.nudge() }),
    auth: createAuthService({
      database,
      jwtPrivateKey: options.jwtPrivateKey,
      tokenTtlSeconds: options.tokenTtlSeconds,
      lockout: options.lockout,
      clock: options.clock ?? (() => new Date()),
      onEventsStaged: () => relay?.nudge(),
    }),
    offices: createOfficeService({
      database,
      accounts: createAccountsClient({ url: options.accountsUrl, identitySecret: options.identitySecret }),
      clock: options.clock ?? (() => new Date()),
      timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
      onEventsStaged: () => relay?.nudge(),
    }),
    staff: createStaffService({
      database,
      notifier: options.notifier,
      clock: options.clock ?? (() => new Date()),
      timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
      tokenTtlSeconds,
      onEventsStaged: () => relay?.nudge(),
    }),
  };
  const running = await startSubgraph<Context>({
    name: 'administration',
    typeDefs: loadSubgraphTypeDefs('administration'),
    resolvers,
    ...options,
    outboxTables: { outbox, processedEvents },
    eventHandlers: {
      [AUDIT_QUEUE]: async (tx, event) => {
        await storeAuditEvent(tx, event);
        sealer?.nudge();
      },
      // Maker-checker: execute administration's approved kinds, record other owners' results.
      ...createApprovalConsumers({ clock, identitySecret: options.identitySecret, executors: { ROLE_GRANT: roles.executeRoleGrant } }),
    },
    // Audit records are stored several at a time: storing needs no order (the sealer orders the chain).
    eventConcurrency: { [AUDIT_QUEUE]: AUDIT_CONSUMER_CONCURRENCY },
    buildContext: (request) => requestContext(request, services, database),
  });
  relay = running.relay;
  // Chains stored audit records in batches (audit/sealer.ts). Records stored before it starts are pending, not lost.
  const auditSealer = startAuditSealer({
    database,
    logger: options.logger.child({ component: 'audit-sealer' }),
    ...(options.auditSealIntervalMs !== undefined ? { intervalMs: options.auditSealIntervalMs } : {}),
  });
  sealer = auditSealer;
  const stopExpirySweep = startExpirySweep(approvals, options.logger.child({ component: 'approval-expiry' }));
  return {
    ...running,
    async stop() {
      await running.stop();
      // Unsealed records stay pending for the next start; the sealer only ends its running batch.
      await auditSealer.stop();
      await stopExpirySweep();
    },
  };
}
