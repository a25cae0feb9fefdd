import { DEFAULT_TIME_ZONE } from '@postal/calendar';
import type { JobQueue } from '@postal/jobs';
import { loadSubgraphTypeDefs, startSubgraph, type RunningSubgraph, type SubgraphRuntimeOptions } from '@postal/server';
import type { Context } from './context.js';
import { outbox, processedEvents } from './db-schema.js';
import { resolvers } from './resolvers.js';
import { createFeeService } from './fees/service.js';
import { createArticleService } from './articles/service.js';
import { createDepositService } from './deposits/index.js';
import { createManifestService } from './manifests/service.js';
import { startManifestJob } from './jobs/manifest-upload.js';
import { createLedgerResultsHandler, LEDGER_RESULTS_QUEUE } from './ledger/results.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './offices/repository.js';

export interface CodSettlementOptions extends SubgraphRuntimeOptions {
  /** Background jobs (@postal/jobs): the manifest uploads. The caller's, closed by whoever created it. */
  jobs: JobQueue;
}

export async function startCodSettlement(options: CodSettlementOptions): Promise<RunningSubgraph> {
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const articleDeps = { database: options.database, clock, timeZone };
  const services = {
    fees: createFeeService({
      database: options.database,
      clock,
      timeZone,
    }),
    articles: createArticleService(articleDeps),
    deposits: createDepositService(articleDeps),
    manifests: createManifestService(articleDeps, options.jobs),
  };
  const running = await startSubgraph<Context>({
    name: 'cod-settlement',
    typeDefs: loadSubgraphTypeDefs('cod-settlement'),
    resolvers,
    ...options,
    outboxTables: { outbox, processedEvents },
    // A manifest CSV (8 MB at most, manifests/csv.ts) in JSON, escaped, with the rest of the request.
    maxBody: '12mb',
    eventHandlers: {
      [OFFICE_EVENTS_QUEUE]: handleOfficeEvent,
      // Modules that act on an answer (a failed settlement flagged, say) add their listener here.
      [LEDGER_RESULTS_QUEUE]: createLedgerResultsHandler(clock, {}),
    },
    buildContext: (request) => ({ ...request, services }),
  });
  await startManifestJob(options.jobs, articleDeps);
  return running;
}
