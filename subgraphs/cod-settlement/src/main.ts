import { ConfigError, codSettlementEnv, loadConfig, notifierSettings } from '@postal/config';
import { createNotifier } from '@postal/notify';
import { createJobQueue } from '@postal/jobs';
import { runStandaloneSubgraph } from '@postal/server';
import { startCodSettlement } from './start.js';

/** NOTIFIER and its provider's variables, read before anything starts: production refuses the local outbox. */
function readConfig() {
  try {
    const config = loadConfig(codSettlementEnv);
    return { config, notifier: createNotifier(notifierSettings(config)) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const { config: codConfig, notifier } = readConfig();

await runStandaloneSubgraph({
  name: 'cod-settlement',
  envSchema: codSettlementEnv,
  needSecrets: ['identitySecret'],
  start: async ({ config, secrets, database, queue, nonces, logger }) => {
    // Manifest uploads and the settlement schedule: Bull on REDIS_URL (one schedule across replicas), else in-process.
    const jobs = createJobQueue({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger });
    const running = await startCodSettlement({
      database,
      queue,
      jobs,
      nonces,
      logger,
      identitySecret: secrets.identitySecret!,
      port: config.PORT,
      administrationUrl: codConfig.ADMINISTRATION_URL,
      accountsUrl: codConfig.ACCOUNTS_URL,
      notifier,
      settlementBuildIntervalMs: codConfig.COD_SETTLEMENT_INTERVAL_MS,
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
