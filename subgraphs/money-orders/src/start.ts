import { DEFAULT_TIME_ZONE } from '@postal/calendar';
import type { Notifier } from '@postal/notify';
import type { JobQueue } from '@postal/jobs';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './offices/events.js';
import type { OrderDeps } from './orders/deps.js';
import { createBulkService } from './bulk/service.js';
import { startBulkBookingJob } from './jobs/bulk-booking.js';
import { startExpiryJob } from './jobs/expiry.js';
import { createLedgerClient } from './orders/ledger-client.js';
import { createLedgerResultsHandler, LEDGER_RESULTS_QUEUE } from './orders/ledger-results.js';
import { createOrderLoaders } from './orders/loaders.js';
import { tariffPricing } from './orders/pricing.js';
import { createCodeHasher } from './orders/secrets.js';
import { createOrderService } from './orders/service.js';
import { resolvers } from './resolvers.js';
import { createTariffService } from './tariffs/service.js';
import { createMemoryRateLimiter } from './tracking/rate-limit.js';
import { createTrackingService } from './tracking/service.js';

export interface MoneyOrdersOptions extends SubgraphRuntimeOptions {
  /** The accounts subgraph's GraphQL URL: cash reserved at the counter, and the control balance. */
  accountsUrl: string | (() => string | undefined);
  /** How payees' and senders' codes travel (SMS; the local outbox in the embedded default). */
  notifier: Notifier;
  /** The key codes are hashed under; derived from the identity secret when not given (secrets.ts). */
  codeSecret?: string;
  /** The operator's currency; default INR. */
  currency?: string;
  /** Refunds above this go through the approvals inbox; default Rs 5,000. */
  refundApprovalAbove?: string;
  /**
   * Background jobs (@postal/jobs: Bull on REDIS_URL, else in-process): the expiry sweep and bulk bookings. The
   * caller's, like the event queue: closed by whoever created it, after the subgraph has stopped.
   */
  jobs: JobQueue;
  /** How often the expiry job runs; default hourly (it acts once a day's orders are past their last day). */
  expiryIntervalMs?: number;
}

export async function startMoneyOrders(options: MoneyOrdersOptions): Promise<RunningSubgraph> {
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const deps: OrderDeps = {
    database: options.database,
    clock,
    timeZone,
    currency: options.currency ?? 'INR',
    outbox: { outbox, processedEvents },
    notifier: options.notifier,
    hasher: createCodeHasher(options.codeSecret ?? options.identitySecret),
    ledger: createLedgerClient({ url: options.accountsUrl, identitySecret: options.identitySecret }),
    pricing: {
      ...tariffPricing(),
      assertOrderLimit: async () => undefined,
      reserveSenderMonthly: async () => undefined,
    },
    logger: options.logger,
    refundApprovalAbove: options.refundApprovalAbove ?? '5000',
  };
  const services = {
    tariffs: createTariffService({ database: options.database, clock, timeZone }),
    orders: createOrderService(deps),
    tracking: createTrackingService(deps, createMemoryRateLimiter({ windowMs: 60_000 })),
    bulk: createBulkService(deps, options.jobs),
  };
  const running = await startSubgraph<Context>({
    name: 'money-orders',
    typeDefs: loadSubgraphTypeDefs('money-orders'),
    resolvers: resolvers as never,
    ...options,
    outboxTables: { outbox, processedEvents },
    eventHandlers: {
      [OFFICE_EVENTS_QUEUE]: handleOfficeEvent,
      [LEDGER_RESULTS_QUEUE]: createLedgerResultsHandler(clock),
    },
    buildContext: (request) => ({ ...request, services, loaders: createOrderLoaders(options.database.db) }),
  });
  await startExpiryJob(options.jobs, deps, options.expiryIntervalMs);
  await startBulkBookingJob(options.jobs, deps);
  return running;
}
