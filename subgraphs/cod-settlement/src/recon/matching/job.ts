/**
 * Matching as a job: after each import, a run over every statement it stored (by the rule set in force, as the system),
 * so a finance officer opens a statement already matched; a person can run it again at any time (runReconMatching).
 * The job id is the statement's, so adding it twice while it waits runs it once; a run is idempotent anyway.
 */
import { randomUUID } from 'node:crypto';
import type { JobQueue } from '@postal/jobs';
import type { ReconDeps } from '../deps.js';
import { importStatements } from '../imports/repository.js';
import { createMatchingService } from './service.js';

export const MATCHING_JOB = 'cod-settlement.recon-matching';

export function enqueueMatching(jobs: JobQueue, bankAccountId: string, statementId: string): Promise<void> {
  return jobs.add(MATCHING_JOB, { bankAccountId, statementId }, { jobId: `match-${statementId}` });
}

/**
 * The statements an import stored, each matched by the job; those it found already imported were matched then. Called
 * once the import has committed: a queue that cannot take the job now must not turn a stored import into an error (a
 * retry would answer the same import and add nothing), so it is logged, and a person runs the matching on demand.
 */
export async function matchStatementsOf(deps: Pick<ReconDeps, 'database' | 'jobs' | 'logger'>, importId: string): Promise<void> {
  for (const statement of await importStatements(deps.database.db, importId)) {
    if (statement.alreadyImported) continue;
    try {
      await enqueueMatching(deps.jobs, statement.bankAccountId, statement.id);
    } catch (error) {
      deps.logger?.warn({ err: error, importId, statementId: statement.id }, 'the matching job was not added; run it on demand (runReconMatching)');
    }
  }
}

export async function startMatchingJob(jobs: JobQueue, deps: ReconDeps): Promise<void> {
  const matching = createMatchingService(deps);
  await jobs.handle<{ bankAccountId: string; statementId: string }>(
    MATCHING_JOB,
    async (job) => {
      const run = await matching.run({ identity: { kind: 'service', service: 'cod-settlement' }, requestId: `matching-${randomUUID()}`, clientAddress: undefined }, { bankAccountId: job.data.bankAccountId, statementId: job.data.statementId });
      await job.progress(100);
      return { runId: run.id, confirmed: run.confirmedCount, suggested: run.suggestedCount };
    },
    { concurrency: 1 },
  );
}
