import { accountsEnv } from '@postal/config';
import { runStandaloneSubgraph } from '@postal/server';
import { startAccounts } from './start.js';

await runStandaloneSubgraph({
  name: 'accounts',
  envSchema: accountsEnv,
  needSecrets: ['identitySecret'],
  start: ({ config, secrets, database, queue, nonces, logger }) =>
    startAccounts({
      database,
      queue,
      nonces,
      logger,
      identitySecret: secrets.identitySecret!,
      administrationUrl: config.ADMINISTRATION_URL,
      ledgerStartDate: config.LEDGER_START_DATE,
      port: config.PORT,
    }),
});
