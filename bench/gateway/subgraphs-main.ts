/**
 * bench:gateway's subgraph process: the four subgraphs (startSubgraphs from @postal/stack) on the ports and the
 * database the benchmark gives it in the environment, with no gateway; the gateway runs in a process of its own, as
 * in production. The database is migrated and seeded by the benchmark before this starts. Events go through the
 * in-process queue: the only ones the run needs (office.created, audit of the two sign-ins) flow before the load.
 * Read through @postal/config's stackEnv, like `npm start`: DATABASE_URL, IDENTITY_SECRET, JWT_PRIVATE_KEY, LOG_LEVEL,
 * DB_POOL_SIZE, OPERATOR_TIME_ZONE, REDIS_URL (the nonce store, as in production) and the four *_PORT variables.
 */
import { ConfigError, loadConfig, stackEnv } from '@postal/config';
import { openDatabase } from '@postal/db';
import { createMemoryNotifier } from '@postal/notify';
import { createEventQueue } from '@postal/outbox';
import { createLogger, createNonceStore, runUntilSignal } from '@postal/server';
import { startSubgraphs } from '@postal/stack';

let config;
try {
  config = loadConfig(stackEnv);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const { DATABASE_URL, IDENTITY_SECRET, JWT_PRIVATE_KEY } = config;
if (!DATABASE_URL || !IDENTITY_SECRET || !JWT_PRIVATE_KEY) {
  console.error('the bench subgraph process needs DATABASE_URL, IDENTITY_SECRET and JWT_PRIVATE_KEY');
  process.exit(1);
}
const logger = createLogger('bench-subgraphs', config.LOG_LEVEL);
const database = await openDatabase({
  url: DATABASE_URL,
  poolSize: config.DB_POOL_SIZE,
  applicationName: 'bench-gateway-subgraphs',
  onPoolError: (error) => logger.error({ err: error }, 'database pool error'),
});
const queue = createEventQueue({ redisUrl: undefined, logger });
const running = await startSubgraphs({
  database,
  queue,
  logger,
  secrets: { identitySecret: IDENTITY_SECRET, jwtPrivateKey: JWT_PRIVATE_KEY },
  host: '127.0.0.1',
  ports: {
    administration: config.ADMINISTRATION_PORT,
    accounts: config.ACCOUNTS_PORT,
    moneyOrders: config.MONEY_ORDERS_PORT,
    codSettlement: config.COD_SETTLEMENT_PORT,
  },
  timeZone: config.OPERATOR_TIME_ZONE,
  // As production: each subgraph claims the nonce of every signed request in Redis (REDIS_URL), or in memory without it.
  nonces: (subgraph) => createNonceStore({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger: logger.child({ service: subgraph }) }),
  redis: config.REDIS_URL ? { url: config.REDIS_URL, prefix: config.QUEUE_PREFIX } : undefined,
  // Nobody is sent a temporary password in the benchmark.
  notifier: createMemoryNotifier(),
});

runUntilSignal(async () => {
  await running.stop();
  await queue.close();
  await database.close();
}, logger);
