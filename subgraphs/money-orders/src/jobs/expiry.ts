import type { JobQueue } from '@postal/jobs';
import type { OrderDeps } from '../orders/deps.js';
import { expireDue } from '../orders/expiry.js';

export const EXPIRY_JOB = 'money-orders.expiry';
/** Hourly: an order expires once the business day after its last day has begun, so an hour late at most. */
export const DEFAULT_EXPIRY_EVERY_MS = 3_600_000;

/**
 * The expiry sweep as a repeatable job (issue 11: "by a scheduled Bull job"). With Bull the schedule lives in Redis:
 * every replica schedules the same one, so it runs once per hour across them, and expireDueBatch's SKIP LOCKED shares
 * a run's work should two overlap. The job's result is what it changed, kept with the job for an operator to read.
 */
export async function startExpiryJob(jobs: JobQueue, deps: OrderDeps, everyMs = DEFAULT_EXPIRY_EVERY_MS): Promise<void> {
  await jobs.handle(EXPIRY_JOB, async () => expireDue(deps));
  await jobs.schedule(EXPIRY_JOB, { everyMs });
}
