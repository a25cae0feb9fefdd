import { administrationEnv, ConfigError, loadConfig, notifierSettings } from '@postal/config';
import { createNotifier } from '@postal/notify';
import { runStandaloneSubgraph } from '@postal/server';
import { administrationStandalone } from './standalone.js';
import { startAdministration } from './start.js';

/** NOTIFIER and its provider's variables, read before anything starts: production refuses the local outbox. */
function readNotifier() {
  try {
    return createNotifier(notifierSettings(loadConfig(administrationEnv)));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const notifier = readNotifier();

await runStandaloneSubgraph({
  ...administrationStandalone,
  start: ({ config, secrets, database, queue, nonces, logger }) =>
    startAdministration({
      database,
      queue,
      nonces,
      logger,
      identitySecret: secrets.identitySecret!,
      jwtPrivateKey: secrets.jwtPrivateKey!,
      tokenTtlSeconds: config.JWT_TTL_SECONDS,
      lockout: { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
      accountsUrl: config.ACCOUNTS_URL,
      notifier,
      port: config.PORT,
    }),
});
