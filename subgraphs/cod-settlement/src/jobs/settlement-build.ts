import type { JobQueue } from '@postal/jobs';
import { buildDueEverywhere } from '../settlement/build.js';
import type { SettlementDeps } from '../settlement/deps.js';

export const SETTLEMENT_BUILD_JOB = 'cod-settlement.settlement-build';
/**
 * Hourly by default. There is one live batch per biller and cycle date, so the first run of a payout day builds it and
 * later runs that day skip that biller; what becomes due later in the day waits for the next payout day.
 */
export const DEFAULT_SETTLEMENT_BUILD_EVERY_MS = 3_600_000;

/**
 * The settlement build as a repeatable job (issue 12: "a scheduled Bull job"), as money-orders' expiry: with Bull the
 * schedule lives in Redis, so replicas share one; two overlapping runs are safe (the build is at most once per article
 * and serialised per office). The result, offices and batches built, stays with the job for an operator.
 */
export async function startSettlementJob(jobs: JobQueue, deps: SettlementDeps, everyMs = DEFAULT_SETTLEMENT_BUILD_EVERY_MS): Promise<void> {
  await jobs.handle(SETTLEMENT_BUILD_JOB, async () => buildDueEverywhere(deps));
  await jobs.schedule(SETTLEMENT_BUILD_JOB, { everyMs });
}
