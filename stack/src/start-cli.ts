import { join, relative } from 'node:path';
import { ConfigError, gatewayLimits } from '@postal/config';
import { createNotifier } from '@postal/notify';
import { openDatabase } from '@postal/db';
import { createJobQueue } from '@postal/jobs';
import { createEventQueue } from '@postal/outbox';
import { createLogger, createNonceStore, runUntilSignal } from '@postal/server';
import { DEMO_PASSWORD, DEMO_STAFF } from '@postal/administration';
import { readStackConfig } from './config.js';
import { migrateAll, seedDemo } from './setup.js';
import { CONSOLE_DIST, startStack } from './stack.js';

/**
 * `npm start`: the whole system in one process, on the embedded default unless DATABASE_URL / REDIS_URL say
 * otherwise. Migrates, seeds the demo data once, starts the four subgraphs and the gateway, prints where they are.
 */
function readConfig(): ReturnType<typeof readStackConfig> {
  try {
    return readStackConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const { config, secrets, notifier } = readConfig();
const logger = createLogger('postal-finance', config.LOG_LEVEL);
const database = await openDatabase({
  url: config.DATABASE_URL,
  dataDir: join(config.DATA_DIR, 'pglite'),
  poolSize: config.DB_POOL_SIZE,
  applicationName: 'postal-finance',
  onPoolError: (error) => logger.error({ err: error }, 'database pool error'),
});
await migrateAll(database);
const seeded = config.SEED_DEMO && config.NODE_ENV !== 'production' ? await seedDemo(database, config.NODE_ENV) : undefined;
const queue = createEventQueue({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger });
const jobs = createJobQueue({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger: logger.child({ service: 'jobs' }) });
const stack = await startStack({
  database,
  queue,
  jobs,
  nonces: (subgraph) => createNonceStore({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger: logger.child({ service: subgraph }) }),
  redis: config.REDIS_URL ? { url: config.REDIS_URL, prefix: config.QUEUE_PREFIX } : undefined,
  logger,
  nodeEnv: config.NODE_ENV,
  secrets,
  host: '127.0.0.1',
  ports: {
    gateway: config.PORT,
    administration: config.ADMINISTRATION_PORT,
    accounts: config.ACCOUNTS_PORT,
    moneyOrders: config.MONEY_ORDERS_PORT,
    codSettlement: config.COD_SETTLEMENT_PORT,
  },
  tokenTtlSeconds: config.JWT_TTL_SECONDS,
  lockout: { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
  limits: gatewayLimits(config),
  sessions: { pollIntervalMs: config.SESSION_POLL_INTERVAL_MS, maxStalenessMs: config.SESSION_MAX_STALENESS_MS },
  timeZone: config.OPERATOR_TIME_ZONE,
  notifier: createNotifier(notifier),
  ledgerStartDate: config.LEDGER_START_DATE,
  moneyOrderExpiryIntervalMs: config.MO_EXPIRY_INTERVAL_MS,
});

const lines = [
  '',
  'Postal Finance is running.',
  stack.consoleUrl
    ? `  Console:            http://localhost:${new URL(stack.consoleUrl).port}/`
    : `  Console:            not served: ${relative(process.cwd(), CONSOLE_DIST) || CONSOLE_DIST}/index.html is missing (npm run build makes it; npm start runs that first)`,
  `  GraphQL (gateway):  ${stack.gatewayUrl}`,
  `  Health:             ${stack.healthUrl}`,
  ...Object.values(stack.subgraphs).map((s) => `  ${`${s.name}:`.padEnd(20)}${s.url}`),
  `  Database:           ${database.description}`,
  `  Queue:              ${config.REDIS_URL ? 'Bull on REDIS_URL' : 'in-process (set REDIS_URL for Bull)'}`,
  `  Jobs:               ${config.REDIS_URL ? 'Bull on REDIS_URL (money-order expiry hourly, bulk bookings)' : 'in-process (set REDIS_URL for Bull)'}`,
  `  Replay check:       ${config.REDIS_URL ? 'nonces in Redis on REDIS_URL' : 'nonces in this process (set REDIS_URL for Redis)'}`,
  `  Notifications:      ${notifier.kind === 'local' ? 'local outbox: npm run notifications -- <username>' : notifier.kind}`,
  ...(seeded
    ? [
        `  Demo data:          ${seeded.offices} offices and ${seeded.staff} staff added this run (idempotent)`,
        `  Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_STAFF.map((s) => `${s.username} (${s.roles.join(', ')} at ${s.officeCode})`).join(', ')}`,
      ]
    : []),
  '  Stop with Ctrl+C.',
  '',
];
console.log(lines.join('\n'));

runUntilSignal(async () => {
  await stack.stop();
  await jobs.close();
  await queue.close();
  await database.close();
}, logger);
