import type { BaseContext } from '@apollo/server';
import type { NonceStore } from '@postal/auth';
import type { Database, Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { startEventWorkers, startOutboxRelay, type EventQueue, type OutboxRelay, type OutboxTables } from '@postal/outbox';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { createSubgraphServer, type SubgraphServerOptions } from './subgraph-server.js';

export interface StartSubgraphOptions<TContext extends BaseContext>
  extends Omit<SubgraphServerOptions<TContext>, 'checkHealth' | 'buildContext'> {
  database: Database;
  queue: EventQueue;
  outboxTables: OutboxTables;
  /** Consumer queue name -> effect, run exactly once per event (see @postal/outbox consumeIdempotently). */
  eventHandlers?: Record<string, (tx: Tx, event: AnyEvent) => Promise<void>>;
  /** Consumer queue name -> events of that queue handled at once by this process; default 1 (see @postal/outbox). */
  eventConcurrency?: Record<string, number>;
  buildContext: SubgraphServerOptions<TContext>['buildContext'];
  port: number;
  host?: string;
  relayPollIntervalMs?: number;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  relay: OutboxRelay;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Starts one subgraph: its event consumers, its outbox relay and its HTTP server. The database and the queue are the
 * caller's (one each per process, shared by the subgraphs that `npm start` runs together) and are not closed here.
 */
export async function startSubgraph<TContext extends BaseContext>(options: StartSubgraphOptions<TContext>): Promise<RunningSubgraph> {
  const { database, queue, logger } = options;
  for (const [consumer, handle] of Object.entries(options.eventHandlers ?? {})) {
    await startEventWorkers({
      database,
      tables: options.outboxTables,
      queue,
      logger,
      handlers: { [consumer]: handle },
      concurrency: options.eventConcurrency?.[consumer] ?? 1,
    });
  }
  const relay = startOutboxRelay({
    database,
    tables: options.outboxTables,
    queue,
    logger,
    ...(options.relayPollIntervalMs !== undefined ? { pollIntervalMs: options.relayPollIntervalMs } : {}),
  });
  const server = createSubgraphServer({
    ...options,
    checkHealth: async () => {
      await database.db.execute(sql`select 1`);
    },
  });
  const running = await server.listen(options.port, options.host);
  return {
    name: options.name,
    url: running.url,
    port: running.port,
    relay,
    logger,
    async stop() {
      await running.stop();
      await relay.stop();
    },
  };
}

/** What every subgraph's start function takes from its launcher (standalone main or the stack). */
export interface SubgraphRuntimeOptions {
  database: Database;
  queue: EventQueue;
  logger: Logger;
  identitySecret: string;
  /**
   * The nonces of the signed requests this subgraph served (createNonceStore: Redis on REDIS_URL, so its replicas
   * refuse each other's replays). One per subgraph: it is closed when the subgraph stops.
   */
  nonces: NonceStore;
  port: number;
  host?: string;
  /** The time source; tests fix it. */
  clock?: () => Date;
  /** The operator's time zone, for business dates. */
  timeZone?: string;
}
