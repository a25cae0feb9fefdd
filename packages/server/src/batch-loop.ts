import type { Logger } from './logger.js';

/**
 * A background loop that runs a batch job (sealing a hash chain, sweeping expired rows) in one process: it runs once at
 * start, again at once while batches come back full, otherwise after `intervalMs` or sooner when nudged; after a
 * failure it backs off, doubling up to `maxBackoffMs`. Each run is the job's own transaction, so a failure leaves
 * nothing half done and the next run starts again from what is committed.
 */
export interface BatchLoop {
  /** Asks for a run soon (say, after a write the job should pick up); many nudges in a burst make one run. */
  nudge(): void;
  /** Ends the loop after the running batch; resolves when it has ended. */
  stop(): Promise<void>;
}

export interface BatchLoopOptions {
  /** For the logs: what this loop does (`journal sealing`). */
  name: string;
  logger: Logger;
  /** One batch. Answers whether more is waiting at once (a full batch), so the loop runs again without waiting. */
  runBatch: () => Promise<{ moreWaiting: boolean }>;
  /** Wait between runs when nothing more was waiting; default 1,000 ms. */
  intervalMs?: number;
  /** Longest wait after repeated failures; default 30,000 ms. */
  maxBackoffMs?: number;
  /**
   * A nudge waits this long before waking the loop, so the transaction that nudged has committed (a handler often
   * nudges before its commit) and a burst of writes is picked up together; default 25 ms.
   */
  nudgeDelayMs?: number;
}

/** Failures beyond this many no longer double the wait (2^20 intervals is past any sensible maxBackoffMs). */
const MAX_BACKOFF_DOUBLINGS = 20;

export function startBatchLoop(options: BatchLoopOptions): BatchLoop {
  const intervalMs = options.intervalMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const nudgeDelayMs = options.nudgeDelayMs ?? 25;
  const { logger, name, runBatch } = options;
  let stopped = false;
  let failures = 0;
  let nudgeTimer: NodeJS.Timeout | undefined;
  /** A nudge that came while a batch was running: run again without waiting. */
  let nudgedWhileRunning = false;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  async function loop(): Promise<void> {
    while (!stopped) {
      let delayMs = intervalMs;
      try {
        const { moreWaiting } = await runBatch();
        failures = 0;
        if (moreWaiting) delayMs = 0;
      } catch (error) {
        failures += 1;
        delayMs = Math.min(intervalMs * 2 ** Math.min(failures - 1, MAX_BACKOFF_DOUBLINGS), maxBackoffMs);
        logger.error({ err: error, failures, retryInMs: delayMs }, `${name} failed; the batch was rolled back and will be retried`);
      }
      if (nudgedWhileRunning && failures === 0) delayMs = 0;
      nudgedWhileRunning = false;
      if (delayMs > 0 && !stopped) await sleep(delayMs);
    }
  }

  const running = loop();
  return {
    nudge() {
      // While failing, the backoff decides: nudges from a busy writer must not turn it into a tight retry loop.
      if (stopped || failures > 0 || nudgeTimer) return;
      nudgeTimer = setTimeout(() => {
        nudgeTimer = undefined;
        if (wake) wake();
        else nudgedWhileRunning = true;
      }, nudgeDelayMs);
      nudgeTimer.unref();
    },
    async stop() {
      stopped = true;
      if (nudgeTimer) clearTimeout(nudgeTimer);
      wake?.();
      await running;
    },
  };
}
