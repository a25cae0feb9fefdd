import { JobInterruptedError, type JobQueue } from '@postal/jobs';
import { processBulkUpload } from '../bulk/process.js';
import { failUpload, unfinishedUploads } from '../bulk/repository.js';
import type { OrderDeps } from '../orders/deps.js';
import { describeErrorForJob } from './describe.js';

export const BULK_BOOKING_JOB = 'money-orders.bulk-booking';
/** Uploads picked up again at start-up, oldest first; the rest wait for the next start (or their own retry). */
const RESUME_LIMIT = 1_000;

/** Adds the upload's job; its id is the upload's, so adding it again while it is held does nothing. */
export function enqueueBulkUpload(jobs: JobQueue, uploadId: string): Promise<void> {
  return jobs.add(BULK_BOOKING_JOB, { uploadId }, { jobId: uploadId });
}

/**
 * Bulk bookings, one at a time per process (each is thousands of bookings). A job that fails is retried by the queue;
 * on its last try the upload is marked FAILED with the reason, so it never stays RUNNING with nobody working on it.
 * At start-up the uploads still QUEUED or RUNNING are added again: the in-process queue keeps nothing over a restart,
 * and with Bull the add is a no-op for a job Redis still holds.
 */
export async function startBulkBookingJob(jobs: JobQueue, deps: OrderDeps): Promise<void> {
  await jobs.handle<{ uploadId: string }>(
    BULK_BOOKING_JOB,
    async (job) => {
      try {
        const upload = await processBulkUpload(deps, job.data.uploadId, job);
        return { status: upload.status, bookedCount: upload.bookedCount, rejectedCount: upload.rejectedCount };
      } catch (error) {
        if (!(error instanceof JobInterruptedError) && job.attempt >= job.attempts) {
          await failUpload(deps.database.db, job.data.uploadId, describeErrorForJob(error), deps.clock());
        }
        throw error;
      }
    },
    { concurrency: 1 },
  );
  for (const uploadId of await unfinishedUploads(deps.database.db, RESUME_LIMIT)) await enqueueBulkUpload(jobs, uploadId);
}
