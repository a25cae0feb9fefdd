import { JobInterruptedError, type JobQueue } from '@postal/jobs';
import type { ArticleDeps } from '../articles/deps.js';
import { processManifest } from '../manifests/process.js';
import { failManifest, unfinishedManifests } from '../manifests/repository.js';

export const MANIFEST_JOB = 'cod-settlement.manifest-upload';
/** Manifests picked up again at start-up, oldest first. */
const RESUME_LIMIT = 1_000;

/** Adds the manifest's job; its id is the manifest's, so adding it again while it is held does nothing. */
export function enqueueManifest(jobs: JobQueue, manifestId: string): Promise<void> {
  return jobs.add(MANIFEST_JOB, { manifestId }, { jobId: manifestId });
}

/**
 * Manifest uploads, one at a time per process (each is up to tens of thousands of registrations). A job that fails is
 * retried by the queue; on its last try the manifest is FAILED with the reason, so it never stays RUNNING with nobody
 * working on it. At start-up manifests still QUEUED or RUNNING are added again (the in-process queue keeps nothing).
 */
export async function startManifestJob(jobs: JobQueue, deps: ArticleDeps): Promise<void> {
  await jobs.handle<{ manifestId: string }>(
    MANIFEST_JOB,
    async (job) => {
      try {
        const manifest = await processManifest(deps, job.data.manifestId, job);
        return { status: manifest.status, registeredCount: manifest.registeredCount, alreadyRegisteredCount: manifest.alreadyRegisteredCount, rejectedCount: manifest.rejectedCount };
      } catch (error) {
        if (!(error instanceof JobInterruptedError) && job.attempt >= job.attempts) await failManifest(deps.database.db, job.data.manifestId, describeFailure(error), deps.clock());
        throw error;
      }
    },
    { concurrency: 1 },
  );
  for (const manifestId of await unfinishedManifests(deps.database.db, RESUME_LIMIT)) await enqueueManifest(jobs, manifestId);
}

/** A fault's description for the manifest's failure column: the class and message, bounded; never a stack. */
function describeFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
