import { randomBytes } from 'node:crypto';
import { needs, waitFor } from '@postal/testkit';
import Bull from 'bull';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BullJobQueue, bullQueueName, InProcessJobQueue, JobInterruptedError, JobQueueClosedError, type JobInfo, type JobQueue, type JobSettings } from './index.js';

/** Tests assert on jobs and counters, not log lines; LOG_LEVEL=debug shows them. */
const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
const redisUrl = process.env.REDIS_URL ?? '';
/** Every job name the tests use, so each Bull prefix's queues can be deleted afterwards. */
const NAMES = ['test.echo', 'test.once', 'test.progress', 'test.flaky', 'test.tick', 'test.cron', 'test.slow', 'test.other'];

const open: JobQueue[] = [];
const prefixes: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.close()));
  for (const prefix of prefixes.splice(0)) {
    for (const name of NAMES) {
      const queue = new Bull(bullQueueName(name), redisUrl, { prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }
});

type Make = (jobs?: JobSettings, prefix?: string) => JobQueue;
const inProcess: Make = (jobs) => track(new InProcessJobQueue({ logger, jobs: { backoffMs: 10, ...jobs } }));
const bull: Make = (jobs, prefix) => {
  const runPrefix = prefix ?? newPrefix();
  return track(new BullJobQueue({ redisUrl, prefix: runPrefix, logger, jobs: { backoffMs: 10, ...jobs } }));
};
function track(queue: JobQueue): JobQueue {
  open.push(queue);
  return queue;
}
function newPrefix(): string {
  const prefix = `pf-jobs-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  prefixes.push(prefix);
  return prefix;
}
const finished = (queue: JobQueue, name: string, id: string) =>
  waitFor(async () => {
    const job = await queue.getJob(name, id);
    return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined;
  }, { what: `job ${name}/${id} to finish` });

/** The same behaviour asked of both implementations: the seam the subgraphs program against. */
function contract(label: string, make: Make): void {
  describe(label, () => {
    it('runs a named job with its data and keeps what the handler returned', async () => {
      const queue = make();
      await queue.handle<{ n: number }>('test.echo', async (job) => ({ doubled: job.data.n * 2, attempt: job.attempt, attempts: job.attempts, id: job.id }));
      await queue.add('test.echo', { n: 21 }, { jobId: 'job-1' });
      const job = await finished(queue, 'test.echo', 'job-1');
      expect(job).toMatchObject({ state: 'completed', failedAttempts: 0, result: { doubled: 42, attempt: 1, attempts: 3, id: 'job-1' } } satisfies Partial<JobInfo>);
    });

    it('adds a job once per jobId, while it waits and after it has completed', async () => {
      const queue = make();
      await queue.add('test.once', { v: 1 }, { jobId: 'same' });
      await queue.add('test.once', { v: 2 }, { jobId: 'same' });
      let runs = 0;
      const seen: number[] = [];
      await queue.handle<{ v: number }>('test.once', async (job) => {
        runs += 1;
        seen.push(job.data.v);
      });
      await finished(queue, 'test.once', 'same');
      await queue.add('test.once', { v: 3 }, { jobId: 'same' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(runs).toBe(1);
      expect(seen).toEqual([1]);
    });

    it('shows the progress the handler reports while it runs', async () => {
      const queue = make();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      await queue.handle('test.progress', async (job) => {
        await job.progress({ processedRows: 5, totalRows: 10 });
        await gate;
        await job.progress(100);
      });
      await queue.add('test.progress', {}, { jobId: 'p' });
      const running = await waitFor(async () => {
        const job = await queue.getJob('test.progress', 'p');
        return job?.state === 'active' && typeof job.progress === 'object' ? job : undefined;
      }, { what: 'progress to show' });
      expect(running.progress).toEqual({ processedRows: 5, totalRows: 10 });
      release();
      expect(await finished(queue, 'test.progress', 'p')).toMatchObject({ state: 'completed', progress: 100 });
    });

    it('retries a failing job with backoff, then keeps it as failed with the reason', async () => {
      const queue = make({ attempts: 3 });
      const attempts: number[] = [];
      await queue.handle<{ failUntil: number }>('test.flaky', async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < job.data.failUntil) throw new Error(`not yet (${job.attempt})`);
        return 'ok';
      });
      await queue.add('test.flaky', { failUntil: 2 }, { jobId: 'recovers' });
      expect(await finished(queue, 'test.flaky', 'recovers')).toMatchObject({ state: 'completed', failedAttempts: 1, result: 'ok' });
      await queue.add('test.flaky', { failUntil: 99 }, { jobId: 'never' });
      const failed = await finished(queue, 'test.flaky', 'never');
      expect(failed).toMatchObject({ state: 'failed', failedAttempts: 3 });
      expect(failed.failedReason).toContain('not yet (3)');
    });

    it('runs a job on an every-N-ms schedule, one schedule per name, until unscheduled', async () => {
      const queue = make();
      const runs: number[] = [];
      await queue.handle<{ tag: string }>('test.tick', async (job) => void runs.push(job.data.tag === 'b' ? 2 : 1));
      await queue.schedule('test.tick', { everyMs: 150 }, { tag: 'a' });
      // Scheduling again with another interval replaces the first: only the new data runs from then on.
      await queue.schedule('test.tick', { everyMs: 100 }, { tag: 'b' });
      await queue.schedule('test.tick', { everyMs: 100 }, { tag: 'b' });
      await waitFor(() => (runs.filter((run) => run === 2).length >= 3 ? true : undefined), { what: 'three scheduled runs' });
      const before = runs.filter((run) => run === 1).length;
      await queue.unschedule('test.tick');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const stopped = runs.length;
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(runs.length).toBe(stopped);
      // A run of the first schedule may have been on its way when it was replaced, never more than that.
      expect(before).toBeLessThanOrEqual(1);
    });

    it('runs a job on a cron schedule (seconds field)', async () => {
      const queue = make();
      let runs = 0;
      await queue.handle('test.cron', async () => void (runs += 1));
      await queue.schedule('test.cron', { cron: '* * * * * *', timeZone: 'Asia/Kolkata' });
      await waitFor(() => (runs >= 1 ? true : undefined), { what: 'a cron run', timeoutMs: 5_000 });
      await queue.unschedule('test.cron');
    });

    it('refuses a bad schedule, a bad name and a bad job id before anything is queued', async () => {
      const queue = make();
      await expect(queue.schedule('test.tick', { everyMs: 0 })).rejects.toThrow(RangeError);
      await expect(queue.add('Bad Name', {}, { jobId: 'x' })).rejects.toThrow(RangeError);
      await expect(queue.add('test.echo', {}, { jobId: '123' })).rejects.toThrow(RangeError);
      await expect(queue.add('test.echo', {}, { jobId: '' })).rejects.toThrow(RangeError);
    });

    it('closes gracefully: the running handler sees the signal and is waited for; then the queue refuses work', async () => {
      const queue = make({ attempts: 1 });
      let started = false;
      let sawAbort = false;
      let finishedRunning = false;
      await queue.handle('test.slow', async (job) => {
        started = true;
        while (!job.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 10));
        sawAbort = true;
        await new Promise((resolve) => setTimeout(resolve, 100));
        finishedRunning = true;
        throw new JobInterruptedError('the slow job');
      });
      await queue.add('test.slow', {}, { jobId: 's' });
      await waitFor(() => (started ? true : undefined), { what: 'the slow job to start' });
      await queue.close();
      expect(sawAbort).toBe(true);
      expect(finishedRunning).toBe(true);
      await expect(queue.add('test.other', {}, { jobId: 'late' })).rejects.toThrow(JobQueueClosedError);
    });
  });
}

contract('InProcessJobQueue', inProcess);

describe.runIf(needs('redis'))('BullJobQueue [needs Redis]', () => {
  contract('the contract', bull);

  it('holds one schedule however many replicas schedule it, and any replica runs the jobs', async () => {
    const prefix = newPrefix();
    const first = bull(undefined, prefix);
    const second = bull(undefined, prefix);
    await first.schedule('test.tick', { everyMs: 60_000 });
    await second.schedule('test.tick', { everyMs: 60_000 });
    const inspect = new Bull(bullQueueName('test.tick'), redisUrl, { prefix });
    try {
      expect(await inspect.getRepeatableJobs()).toHaveLength(1);
      await second.schedule('test.tick', { everyMs: 30_000 });
      const repeatable = await inspect.getRepeatableJobs();
      expect(repeatable.map((job) => Number(job.every))).toEqual([30_000]);
    } finally {
      await inspect.close();
    }
    const ranIn: string[] = [];
    await second.handle('test.echo', async () => void ranIn.push('second'));
    await first.add('test.echo', {}, { jobId: 'from-first' });
    await finished(second, 'test.echo', 'from-first');
    expect(ranIn).toEqual(['second']);
  });

  it('keeps a waiting job in Redis across a restart: a new queue object runs it', async () => {
    const prefix = newPrefix();
    const before = bull(undefined, prefix);
    await before.add('test.echo', { n: 1 }, { jobId: 'survives' });
    await before.close();
    const after = bull(undefined, prefix);
    await after.handle<{ n: number }>('test.echo', async (job) => job.data.n + 1);
    expect(await finished(after, 'test.echo', 'survives')).toMatchObject({ state: 'completed', result: 2 });
  });
});
