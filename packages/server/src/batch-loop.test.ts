import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startBatchLoop } from './batch-loop.js';

const silent = pino({ level: 'silent' });
const HOUR_MS = 3_600_000;

/** Resolves when `predicate` holds, polling every few milliseconds; fails the test after two seconds. */
async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('startBatchLoop', () => {
  it('runs once at start, then only when nudged (an hour between runs), and stops cleanly', async () => {
    let runs = 0;
    const loop = startBatchLoop({ name: 'test', logger: silent, intervalMs: HOUR_MS, runBatch: async () => ((runs += 1), { moreWaiting: false }) });
    try {
      await until(() => runs === 1, 'the first run');
      loop.nudge();
      loop.nudge();
      loop.nudge();
      await until(() => runs === 2, 'the nudged run');
      // A burst of nudges is one run.
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(runs).toBe(2);
    } finally {
      await loop.stop();
    }
    loop.nudge();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toBe(2);
  });

  it('runs again at once while batches come back full', async () => {
    let runs = 0;
    const loop = startBatchLoop({ name: 'test', logger: silent, intervalMs: HOUR_MS, runBatch: async () => ((runs += 1), { moreWaiting: runs < 5 }) });
    try {
      await until(() => runs === 5, 'five runs');
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(runs).toBe(5);
    } finally {
      await loop.stop();
    }
  });

  it('runs again after a nudge that came while a batch was running', async () => {
    let runs = 0;
    let release: (() => void) | undefined;
    const loop = startBatchLoop({
      name: 'test',
      logger: silent,
      intervalMs: HOUR_MS,
      nudgeDelayMs: 1,
      runBatch: async () => {
        runs += 1;
        if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
        return { moreWaiting: false };
      },
    });
    try {
      await until(() => release !== undefined, 'the first run to start');
      loop.nudge();
      await new Promise((resolve) => setTimeout(resolve, 20));
      release!();
      await until(() => runs === 2, 'the run the nudge asked for');
    } finally {
      await loop.stop();
    }
  });

  it('backs off after failures, doubling the wait, ignores nudges meanwhile, and carries on when the job recovers', async () => {
    const started: number[] = [];
    const errors: unknown[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => errors.push(JSON.parse(line)) });
    const loop = startBatchLoop({
      name: 'test job',
      logger,
      intervalMs: 20,
      maxBackoffMs: 80,
      runBatch: async () => {
        started.push(Date.now());
        if (started.length <= 4) throw new Error('database away');
        return { moreWaiting: false };
      },
    });
    try {
      await until(() => started.length === 2, 'the first retry');
      loop.nudge();
      await until(() => started.length === 6, 'recovery');
    } finally {
      await loop.stop();
    }
    const gaps = started.slice(1, 5).map((at, index) => at - started[index]!);
    // 20, 40, 80, then capped at 80 ms; timers may fire late, never early.
    expect(gaps[0]).toBeGreaterThanOrEqual(19);
    expect(gaps[1]).toBeGreaterThanOrEqual(39);
    expect(gaps[2]).toBeGreaterThanOrEqual(79);
    expect(gaps[3]).toBeGreaterThanOrEqual(79);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatchObject({ msg: expect.stringContaining('test job failed'), failures: 1, retryInMs: 20 });
  });
});
