import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAccounts } from '@postal/accounts';
import { startAdministration } from '@postal/administration';
import { startCodSettlement } from '@postal/cod-settlement';
import { findRepoRoot, type Database } from '@postal/db';
import { createGateway, isConsoleBuild, type GatewayLimits, type GatewayOptions } from '@postal/gateway';
import { InProcessJobQueue, type JobQueue } from '@postal/jobs';
import { startMoneyOrders } from '@postal/money-orders';
import type { Notifier } from '@postal/notify';
import type { EventQueue } from '@postal/outbox';
import type { Logger, NonceStore, RunningSubgraph } from '@postal/server';

export interface StackOptions {
  /** One database for all four subgraphs, each in its own schema. */
  database: Database;
  queue: EventQueue;
  /**
   * Background jobs (money orders' expiry schedule and bulk bookings): createJobQueue in @postal/jobs, Bull with
   * REDIS_URL, else in-process; the caller's, closed by it after the stack stops. Without one, the stack makes an
   * in-process queue of its own and closes it when it stops.
   */
  jobs?: JobQueue;
  /**
   * Makes the nonce store of one subgraph (createNonceStore in @postal/server: Redis with REDIS_URL, else memory),
   * called once per subgraph; each subgraph closes its own when it stops.
   */
  nonces: (subgraph: SubgraphName) => NonceStore;
  /**
   * REDIS_URL and the key prefix, when there is a Redis: what a subgraph shares between its replicas beyond the event
   * queue (money-orders' public rate limits). Absent on the embedded default, where they are kept in memory.
   */
  redis?: { url: string; prefix: string } | undefined;
  logger: Logger;
  nodeEnv: 'development' | 'test' | 'production';
  secrets: { identitySecret: string; jwtPrivateKey: string; jwtPublicKey: string };
  /** 0 picks a free port (tests). */
  ports: { gateway: number; administration: number; accounts: number; moneyOrders: number; codSettlement: number };
  host?: string;
  tokenTtlSeconds?: number;
  lockout?: { maxFailures: number; lockMinutes: number };
  limits?: GatewayLimits;
  /** How the gateway follows the feed of ended sessions (poll interval, staleness bound). */
  sessions?: GatewayOptions['sessions'];
  timeZone?: string;
  clock?: () => Date;
  /** How people are told temporary passwords (@postal/notify): the local outbox for npm start, memory in tests. */
  notifier: Notifier;
  /** How often money-orders' expiry job runs; default hourly (tests that move the clock run it sooner). */
  moneyOrderExpiryIntervalMs?: number;
  /** LEDGER_START_DATE, for the accounts subgraph. */
  ledgerStartDate?: string | undefined;
  /**
   * The built console the gateway serves at `/`: default the repository's console/dist when it has been built
   * (CONSOLE_DIST); `null` serves none.
   */
  consoleDir?: string | null;
}

/**
 * The repository's console build, found from this file (stack/src or stack/dist, both two levels below the root) so
 * that it does not depend on the directory `npm start` was run from.
 */
export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

type SubgraphName = 'administration' | 'accounts' | 'money-orders' | 'cod-settlement';

export interface RunningStack {
  gatewayUrl: string;
  healthUrl: string;
  /** Where the console is served, when it is (see StackOptions.consoleDir). */
  consoleUrl: string | undefined;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  stop(): Promise<void>;
}

export const DEFAULT_LIMITS: GatewayLimits = { maxDepth: 10, maxAliases: 15, maxCost: 5_000, maxTokens: 2_000 };

/** What the four subgraphs need of the stack's options (the gateway's own are left out). */
export type SubgraphsOptions = Pick<StackOptions, 'database' | 'queue' | 'jobs' | 'logger' | 'host' | 'tokenTtlSeconds' | 'lockout' | 'timeZone' | 'clock' | 'notifier' | 'ledgerStartDate' | 'nonces' | 'redis' | 'moneyOrderExpiryIntervalMs'> & {
  secrets: Pick<StackOptions['secrets'], 'identitySecret' | 'jwtPrivateKey'>;
  ports: Omit<StackOptions['ports'], 'gateway'>;
};

export interface RunningSubgraphs {
  subgraphs: RunningStack['subgraphs'];
  /** Stops each subgraph's HTTP server and relay; the database, the queue and a given job queue are the caller's. */
  stop(): Promise<void>;
}

/**
 * The four subgraphs in one process, each with its own HTTP server, event consumers and outbox relay, without a
 * gateway: startStack puts one in front, and bench:gateway runs the gateway in a process of its own.
 */
export async function startSubgraphs(options: SubgraphsOptions): Promise<RunningSubgraphs> {
  const { database, queue, logger, secrets, ports } = options;
  const host = options.host ?? '127.0.0.1';
  const common = (subgraph: SubgraphName) => ({ database, queue, identitySecret: secrets.identitySecret, nonces: options.nonces(subgraph), host });
  const ownJobs = options.jobs ? undefined : new InProcessJobQueue({ logger: logger.child({ service: 'jobs' }) });
  const jobs = options.jobs ?? ownJobs!;
  const timing = { ...(options.clock ? { clock: options.clock } : {}), ...(options.timeZone ? { timeZone: options.timeZone } : {}) };
  // Consumers first: administration's relay publishes office events and approval decisions to the accounts
  // subgraph's queues. So accounts starts before administration's URL is known (a free port in tests), and is given it
  // as a function read at each call; until administration listens, a manual journal is DEPENDENCY_UNAVAILABLE.
  let administrationUrl: string | undefined;
  const accounts = await startAccounts({
    ...common('accounts'),
    ...timing,
    logger: logger.child({ service: 'accounts' }),
    administrationUrl: () => administrationUrl,
    port: ports.accounts,
    ledgerStartDate: options.ledgerStartDate,
  });
  const moneyOrders = await startMoneyOrders({
    ...common('money-orders'),
    ...timing,
    logger: logger.child({ service: 'money-orders' }),
    port: ports.moneyOrders,
    jobs,
    // Started first above: cash is reserved there at payout and refund.
    accountsUrl: accounts.url,
    // Known once administration listens (below), as for accounts.
    administrationUrl: () => administrationUrl,
    notifier: options.notifier,
    redis: options.redis,
    ...(options.moneyOrderExpiryIntervalMs ? { expiryIntervalMs: options.moneyOrderExpiryIntervalMs } : {}),
  });
  const codSettlement = await startCodSettlement({
    ...common('cod-settlement'),
    ...timing,
    logger: logger.child({ service: 'cod-settlement' }),
    port: ports.codSettlement,
    // Settlement releases go to the approvals inbox; the reconciliation asks accounts; failed payouts tell the seller.
    administrationUrl: () => administrationUrl,
    accountsUrl: accounts.url,
    notifier: options.notifier,
    jobs,
  });
  const administration = await startAdministration({
    ...common('administration'),
    ...timing,
    logger: logger.child({ service: 'administration' }),
    jwtPrivateKey: secrets.jwtPrivateKey,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3_600,
    lockout: options.lockout ?? { maxFailures: 5, lockMinutes: 15 },
    // Started first above, so its real URL (a free port in tests) is known here.
    accountsUrl: accounts.url,
    notifier: options.notifier,
    port: ports.administration,
  });
  administrationUrl = administration.url;
  const subgraphs = { administration, accounts, 'money-orders': moneyOrders, 'cod-settlement': codSettlement };
  return {
    subgraphs,
    async stop() {
      for (const subgraph of Object.values(subgraphs)) await subgraph.stop();
      await ownJobs?.close();
    },
  };
}

/**
 * The whole system in one process: the four subgraphs (startSubgraphs) and the gateway in front, talking to them over
 * real HTTP. `npm start` and the scenario tests run this; in production each runs as its own process
 * (`node dist/main.js`).
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { logger, secrets, ports } = options;
  const host = options.host ?? '127.0.0.1';
  const { subgraphs, stop: stopSubgraphs } = await startSubgraphs(options);

  const gateway = createGateway({
    supergraphSdl: readFileSync(join(findRepoRoot(), 'schema', 'supergraph.graphql'), 'utf8'),
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, running]) => [name, running.url])),
    jwtPublicKey: secrets.jwtPublicKey,
    identitySecret: secrets.identitySecret,
    logger: logger.child({ service: 'gateway' }),
    nodeEnv: options.nodeEnv,
    limits: options.limits ?? DEFAULT_LIMITS,
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...consoleOption(options.consoleDir),
    ...(options.timeZone ? { operatorTimeZone: options.timeZone } : {}),
  });
  const running = await gateway.listen(ports.gateway, host);
  return {
    gatewayUrl: running.url,
    healthUrl: running.url.replace(/\/graphql$/, '/health'),
    consoleUrl: running.consoleUrl,
    subgraphs,
    async stop() {
      await running.stop();
      await stopSubgraphs();
    },
  };
}

/** A console the caller named is handed on as it is (the gateway warns when it is not built); the default only if built. */
function consoleOption(consoleDir: StackOptions['consoleDir']): Pick<GatewayOptions, 'consoleDir'> {
  if (consoleDir === null) return {};
  if (consoleDir !== undefined) return { consoleDir };
  return isConsoleBuild(CONSOLE_DIST) ? { consoleDir: CONSOLE_DIST } : {};
}
