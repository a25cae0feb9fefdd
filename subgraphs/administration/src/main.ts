import { administrationEnv } from '@postal/config';
import { runStandaloneSubgraph } from '@postal/server';
import { startAdministration } from './start.js';

await runStandaloneSubgraph({
  name: 'administration',
  envSchema: administrationEnv,
  needSecrets: ['identitySecret', 'jwtPrivateKey'],
  start: ({ config, secrets, database, queue, logger }) =>
    startAdministration({
      database,
      queue,
      logger,
      identitySecret: secrets.identitySecret!,
      jwtPrivateKey: secrets.jwtPrivateKey!,
      tokenTtlSeconds: config.JWT_TTL_SECONDS,
      lockout: { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
      accountsUrl: config.ACCOUNTS_URL,
      port: config.PORT,
    }),
});
