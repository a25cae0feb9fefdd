import { SUBGRAPH_PORTS, subgraphEnv } from '@postal/config';
import { runStandaloneSubgraph } from '@postal/server';
import { startCodSettlement } from './start.js';

// Administration's approvals inbox (bank-detail changes): the same default as money-orders' ADMINISTRATION_URL. Read
// here rather than through a cod-settlement schema in @postal/config, which has none of its own yet.
const administrationUrl = process.env.ADMINISTRATION_URL ?? `http://127.0.0.1:${SUBGRAPH_PORTS.administration}/graphql`;

await runStandaloneSubgraph({
  name: 'cod-settlement',
  envSchema: subgraphEnv('cod-settlement'),
  needSecrets: ['identitySecret'],
  start: ({ config, secrets, database, queue, nonces, logger }) =>
    startCodSettlement({ database, queue, nonces, logger, identitySecret: secrets.identitySecret!, port: config.PORT, administrationUrl }),
});
