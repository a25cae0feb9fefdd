import { subgraphEnv } from '@postal/config';
import { runStandaloneSubgraph } from '@postal/server';
import { startCodSettlement } from './start.js';

await runStandaloneSubgraph({
  name: 'cod-settlement',
  envSchema: subgraphEnv('cod-settlement'),
  needSecrets: ['identitySecret'],
  start: ({ config, secrets, database, queue, nonces, logger }) =>
    startCodSettlement({ database, queue, nonces, logger, identitySecret: secrets.identitySecret!, port: config.PORT }),
});
