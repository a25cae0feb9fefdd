import { ConfigError, loadConfig, moneyOrdersEnv, notifierSettings } from '@postal/config';
import { createNotifier } from '@postal/notify';
import { createJobQueue } from '@postal/jobs';
import { runStandaloneSubgraph } from '@postal/server';
import { startMoneyOrders } from './start.js';

/** NOTIFIER and its provider's variables, read before anything starts: production refuses the local outbox. */
function readConfig() {
  try {
    const config = loadConfig(moneyOrdersEnv);
    return { config, notifier: createNotifier(notifierSettings(config)) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const { config: moneyOrdersConfig, notifier } = readConfig();

await runStandaloneSubgraph({
  name: 'money-orders',
  envSchema: moneyOrdersEnv,
  needSecrets: ['identitySecret'],
  start: async ({ config, secrets, database, queue, nonces, logger }) => {
    // The expiry schedule and bulk bookings: Bull on REDIS_URL (so the schedule is one across replicas), else in-process.
    const jobs = createJobQueue({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger });
    const running = await startMoneyOrders({
      database,
      queue,
      jobs,
      nonces,
      logger,
      identitySecret: secrets.identitySecret!,
      port: config.PORT,
      accountsUrl: moneyOrdersConfig.ACCOUNTS_URL,
      administrationUrl: moneyOrdersConfig.ADMINISTRATION_URL,
      notifier,
      redis: config.REDIS_URL ? { url: config.REDIS_URL, prefix: config.QUEUE_PREFIX } : undefined,
      expiryIntervalMs: moneyOrdersConfig.MO_EXPIRY_INTERVAL_MS,
    });
    return {
      ...running,
      async stop() {
        await running.stop();
        // Running jobs finish (or stop between steps) before the database they write to is closed.
        await jobs.close();
      },
    };
  },
});
