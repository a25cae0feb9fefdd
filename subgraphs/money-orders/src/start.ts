import { DEFAULT_TIME_ZONE } from '@postal/calendar';
import type { Notifier } from '@postal/notify';
import type { JobQueue } from '@postal/jobs';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import { createApprovalSubmitter } from './approvals/administration-client.js';
import { APPROVALS_QUEUE, createMoneyOrdersApprovalExecutor } from './approvals/executor.js';
import type { Context } from './context.js';
import { createLimitService } from './limits/service.js';
import { outbox, processedEvents } from './db-schema.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './offices/events.js';
import type { OrderDeps } from './orders/deps.js';
import { createBulkService } from './bulk/service.js';
import { startBulkBookingJob } from './jobs/bulk-booking.js';
import { startExpiryJob } from './jobs/expiry.js';
import { createLedgerClient } from './orders/ledger-client.js';
import { createLedgerResultsHandler, LEDGER_RESULTS_QUEUE } from './orders/ledger-results.js';
import { createOrderLoaders } from './orders/loaders.js';
import { operatorPricing } from './orders/pricing.js';
import { createCodeHasher } from './orders/secrets.js';
import { createOrderService } from './orders/service.js';
import { resolvers } from './resolvers.js';
import { createTariffService } from './tariffs/service.js';
import { createMemoryRateLimiter } from './tracking/rate-limit.js';
import { createRedisRateLimiter } from './tracking/redis-rate-limit.js';
import { createTrackingService, TRACKING_WINDOW_MS } from './tracking/service.js';

export interface MoneyOrdersOptions extends SubgraphRuntimeOptions {
  /** The accounts subgraph's GraphQL URL: cash reserved at the counter, and the control balance. */
  accountsUrl: string | (() => string | undefined);
  /**
   * Administration's GraphQL URL: the approvals inbox (refunds above the limit, tariff changes). A function when it is
   * only known later (the stack starts money-orders before administration); undefined means not known yet.
   */
  administrationUrl: string | (() => string | undefined);
  /** How payees' and senders' codes travel (SMS; the local outbox in the embedded default). */
  notifier: Notifier;
  /** The key codes are hashed under; derived from the identity secret when not given (secrets.ts). */
  codeSecret?: string;
  /** The operator's currency; default INR. */
  currency?: string;
  /** Refunds above this go through the approvals inbox; default Rs 5,000. */
  refundApprovalAbove?: string;
  /** Redis shared by the replicas (the public tracking's rate limits); absent: kept in this process's memory. */
  redis?: { url: string; prefix: string } | undefined;
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
  const currency = options.currency ?? 'INR';
  const approvals = createApprovalSubmitter({ url: options.administrationUrl, identitySecret: options.identitySecret });
  const deps: OrderDeps = {
    database: options.database,
    clock,
    timeZone,
    currency,
    outbox: { outbox, processedEvents },
    notifier: options.notifier,
    hasher: createCodeHasher(options.codeSecret ?? options.identitySecret),
    ledger: createLedgerClient({ url: options.accountsUrl, identitySecret: options.identitySecret }),
    pricing: operatorPricing(currency),
    approvals,
    logger: options.logger,
    refundApprovalAbove: options.refundApprovalAbove ?? '5000',
  };
  const rateLimiter = options.redis
    ? createRedisRateLimiter({ redisUrl: options.redis.url, prefix: `${options.redis.prefix}:money-orders`, windowMs: TRACKING_WINDOW_MS, logger: options.logger })
    : createMemoryRateLimiter({ windowMs: TRACKING_WINDOW_MS });
  const services = {
    tariffs: createTariffService({ database: options.database, clock, timeZone, currency, approvals }),
    limits: createLimitService({ database: options.database, clock, timeZone, currency }),
    orders: createOrderService(deps),
    tracking: createTrackingService(deps, rateLimiter),
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
      [APPROVALS_QUEUE]: createMoneyOrdersApprovalExecutor(deps, { identitySecret: options.identitySecret }),
    },
    buildContext: (request) => ({ ...request, services, loaders: createOrderLoaders(options.database.db) }),
  });
  await startExpiryJob(options.jobs, deps, options.expiryIntervalMs);
  await startBulkBookingJob(options.jobs, deps);
  return {
    ...running,
    async stop() {
      await running.stop();
      await rateLimiter.close?.();
    },
  };
}
