import { subgraphEnv } from '@postal/config';
import { runStandaloneSubgraph } from '@postal/server';
import { startMoneyOrders } from './start.js';

await runStandaloneSubgraph({
  name: 'money-orders',
  envSchema: subgraphEnv('money-orders'),
  needSecrets: ['identitySecret'],
  start: ({ config, secrets, database, queue, nonces, logger }) =>
    startMoneyOrders({ database, queue, nonces, logger, identitySecret: secrets.identitySecret!, port: config.PORT }),
});
