import { SUBGRAPH_PORTS, subgraphEnv } from '@postal/config';
import { createJobQueue } from '@postal/jobs';
import { runStandaloneSubgraph } from '@postal/server';
import { startCodSettlement } from './start.js';

// Administration's approvals inbox (bank-detail changes): the same default as money-orders' ADMINISTRATION_URL. Read
// here rather than through a cod-settlement schema in @postal/config, which has none of its own yet.
const administrationUrl = process.env.ADMINISTRATION_URL ?? `http://127.0.0.1:${SUBGRAPH_PORTS.administration}/graphql`;

await runStandaloneSubgraph({
  name: 'cod-settlement',
  envSchema: subgraphEnv('cod-settlement'),
  needSecrets: ['identitySecret'],
  start: async ({ config, secrets, database, queue, nonces, logger }) => {
    // Manifest uploads: Bull on REDIS_URL, else in-process.
    const jobs = createJobQueue({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger });
    const running = await startCodSettlement({ database, queue, jobs, nonces, logger, identitySecret: secrets.identitySecret!, port: config.PORT, administrationUrl });
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
