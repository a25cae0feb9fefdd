import type { Logger } from 'pino';
import { EXPIRY_BATCH_SIZE, type ApprovalService } from './service.js';

/** How often overdue requests are marked EXPIRED. Readers see them as EXPIRED at once anyway (effectiveStatus). */
export const EXPIRY_SWEEP_INTERVAL_MS = 60_000;
/** Batches per sweep, so one sweep is bounded even after a long outage. */
const MAX_BATCHES_PER_SWEEP = 10;

/**
 * The periodic expiry sweep. Several processes may run it at once: rows are taken FOR UPDATE SKIP LOCKED and marked
 * with a conditional update, so each request expires once. Answers a stop function that waits for a running sweep.
 */
export function startExpirySweep(
  approvals: Pick<ApprovalService, 'expireOverdue'>,
  logger: Logger,
  intervalMs = EXPIRY_SWEEP_INTERVAL_MS,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const sweep = async () => {
    for (let batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch += 1) {
      const expired = await approvals.expireOverdue();
      if (expired > 0) logger.info({ expired }, 'approval requests expired');
      if (expired < EXPIRY_BATCH_SIZE) return;
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .catch((error: unknown) => logger.error({ err: error }, 'approval expiry sweep failed; the next one retries'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  // The sweep never keeps a process alive on its own.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
