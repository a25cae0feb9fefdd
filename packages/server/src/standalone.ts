import { join } from 'node:path';
import { assertProductionServers, ConfigError, databaseUrlFor, loadConfig, resolveSecrets, type CommonConfig, type EnvSource, type Secrets, SUBGRAPH_PORTS } from '@postal/config';
import { migrateSubgraph, openDatabase, type Database } from '@postal/db';
import { createEventQueue, type EventQueue } from '@postal/outbox';
import type { NonceStore } from '@postal/auth';
import type { z } from 'zod';
import { runUntilSignal } from './lifecycle.js';
import { createLogger, type Logger } from './logger.js';
import { createNonceStore } from './nonce-store.js';
import type { RunningSubgraph } from './runtime.js';

export interface StandaloneShared<TConfig> {
  config: TConfig;
  secrets: Partial<Secrets>;
  database: Database;
  queue: EventQueue;
  /** The subgraph's nonce store (Redis on REDIS_URL); the subgraph closes it when it stops. */
  nonces: NonceStore;
  logger: Logger;
}

interface StandaloneOptions<S> {
  name: keyof typeof SUBGRAPH_PORTS;
  envSchema: S;
  needSecrets: Array<keyof Secrets>;
}

/**
 * A subgraph's configuration and secrets, read and checked once before anything starts. Every problem (a bad value,
 * a missing secret in production, a JWT key that is not Ed25519) is a ConfigError naming the variable.
 */
export function readStandaloneConfig<S extends z.ZodType<CommonConfig & { PORT: number }>>(
  options: StandaloneOptions<S>,
  env: EnvSource = process.env,
): { config: z.infer<S>; secrets: Partial<Secrets> } {
  const config = loadConfig(options.envSchema, env);
  const secrets = resolveSecrets({
    nodeEnv: config.NODE_ENV,
    dataDir: config.DATA_DIR,
    identitySecret: config.IDENTITY_SECRET,
    jwtPrivateKey: (config as { JWT_PRIVATE_KEY?: string }).JWT_PRIVATE_KEY,
    need: options.needSecrets,
  });
  assertProductionServers(config, databaseUrlFor(options.name, config));
  return { config, secrets };
}

/**
 * How a subgraph runs on its own, as production runs it (`node dist/main.js`): read and validate the environment once
 * (a bad value stops start-up naming the variable), open its database and the queue, start, and stop cleanly on
 * SIGTERM.
 */
export async function runStandaloneSubgraph<S extends z.ZodType<CommonConfig & { PORT: number }>>(
  options: StandaloneOptions<S> & { start: (shared: StandaloneShared<z.infer<S>>) => Promise<RunningSubgraph> },
): Promise<void> {
  let config: z.infer<S>;
  let secrets: Partial<Secrets>;
  try {
    ({ config, secrets } = readStandaloneConfig(options));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = createLogger(options.name, config.LOG_LEVEL);
  const database = await openDatabase({
    url: databaseUrlFor(options.name, config),
    dataDir: join(config.DATA_DIR, 'pglite'),
    poolSize: config.DB_POOL_SIZE,
    applicationName: `postal-${options.name}`,
    onPoolError: (error) => logger.error({ err: error }, 'database pool error'),
  });
  if (config.MIGRATE_ON_START) await migrateSubgraph(database, options.name);
  const queue = createEventQueue({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger });
  const nonces = createNonceStore({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger });
  const running = await options.start({ config, secrets, database, queue, nonces, logger });
  runUntilSignal(async () => {
    await running.stop();
    await queue.close();
    await database.close();
  }, logger);
}
