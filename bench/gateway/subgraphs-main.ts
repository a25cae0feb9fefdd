/**
 * bench:gateway's subgraph process: the four subgraphs (startSubgraphs from @postal/stack) on the ports and the
 * database the benchmark gives it in the environment, with no gateway; the gateway runs in a process of its own, as
 * in production. The database is migrated and seeded by the benchmark before this starts.
 * Read through @postal/config's stackEnv, like `npm start`: DATABASE_URL, IDENTITY_SECRET, JWT_PRIVATE_KEY, LOG_LEVEL,
 * DB_POOL_SIZE, OPERATOR_TIME_ZONE, REDIS_URL (the nonce store, as in production), QUEUE_PREFIX and the four *_PORT
 * variables. Two more, the benchmark's own, say how events and notifications travel:
 * - BENCH_EVENT_QUEUE=redis: events go through Bull on REDIS_URL (under QUEUE_PREFIX), as in production, so the
 *   consumers (the ledger's among them) run as they do there; bench:money-orders measures that. Unset: the in-process
 *   queue, which is enough for bench:gateway, whose only events (office.created, the sign-ins' audit) flow before the
 *   load.
 * - BENCH_OUTBOX_DIR=<dir>: notifications are appended to <dir>/notifications/outbox.jsonl (the local outbox
 *   notifier), where bench:money-orders reads the payees' one-time passwords. Unset: kept in memory and dropped.
 */
import { ConfigError, loadConfig, stackEnv } from '@postal/config';
import { openDatabase } from '@postal/db';
import { createLocalOutboxNotifier, createMemoryNotifier } from '@postal/notify';
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
const useRedisQueue = process.env.BENCH_EVENT_QUEUE === 'redis';
if (useRedisQueue && !config.REDIS_URL) {
  console.error('BENCH_EVENT_QUEUE=redis needs REDIS_URL');
  process.exit(1);
}
const queue = createEventQueue({ redisUrl: useRedisQueue ? config.REDIS_URL : undefined, prefix: config.QUEUE_PREFIX, logger });
const outboxDir = process.env.BENCH_OUTBOX_DIR;
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
  // bench:gateway sends nobody anything; bench:money-orders reads the payees' codes from the local outbox.
  notifier: outboxDir ? createLocalOutboxNotifier({ dataDir: outboxDir }) : createMemoryNotifier(),
});

runUntilSignal(async () => {
  await running.stop();
  await queue.close();
  await database.close();
}, logger);
