import { subgraphEnv } from '@postal/config';
import { runStandaloneSubgraph } from '@postal/server';
import { startAccounts } from './start.js';

await runStandaloneSubgraph({
  name: 'accounts',
  envSchema: subgraphEnv('accounts'),
  needSecrets: ['identitySecret'],
  start: ({ config, secrets, database, queue, logger }) =>
    startAccounts({ database, queue, logger, identitySecret: secrets.identitySecret!, port: config.PORT }),
});
