import cronParser from 'cron-parser';
import {
  checkedConcurrency,
  checkedJobId,
  checkedName,
  checkedSchedule,
  describeError,
  JobQueueClosedError,
  resolvedSettings,
  type AddJobOptions,
  type HandleOptions,
  type JobHandler,
  type JobInfo,
  type JobQueue,
  type JobSchedule,
  type JobSettings,
  type JobsLogger,
  type ResolvedJobSettings,
} from './queue.js';

export interface InProcessJobQueueOptions {
  logger: JobsLogger;
  jobs?: JobSettings;
}

interface Job extends JobInfo {
  data: unknown;
  timer?: NodeJS.Timeout;
}

interface Queue {
  readonly name: string;
  handler?: JobHandler<unknown>;
  concurrency: number;
  running: number;
  /** Ids in the order they became ready to run. */
  readonly ready: string[];
  readonly jobs: Map<string, Job>;
  /** Finished ids, oldest first, so the oldest are forgotten past keepCompleted / keepFailed. */
  readonly completed: string[];
  readonly failed: string[];
  schedule?: { key: string; timer?: NodeJS.Timeout };
}

/** setTimeout takes at most 2^31-1 ms (about 24.8 days); a longer wait is slept in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The job queue of the embedded default (no REDIS_URL), and of tests; NOT for production. It keeps jobs in this
 * process's memory, so a job waiting or running when the process stops is gone: work that must survive keeps its state
 * in the database and is added again at start-up (as bulk uploads are). It behaves as BullJobQueue does otherwise:
 * jobId de-duplication while a job is held, retries with exponential backoff, progress, schedules, a graceful close.
 */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process';
  readonly #queues = new Map<string, Queue>();
  readonly #running = new Set<Promise<void>>();
  readonly #closing = new AbortController();
  readonly #logger: JobsLogger;
  readonly #settings: ResolvedJobSettings;

  constructor(options: InProcessJobQueueOptions) {
    this.#logger = options.logger;
    this.#settings = resolvedSettings(options.jobs);
  }

  async handle<TData>(name: string, handler: JobHandler<TData>, options: HandleOptions = {}): Promise<void> {
    const queue = this.#queue(name);
    if (queue.handler) throw new Error(`jobs '${name}' already have a handler in this process`);
    queue.handler = handler as JobHandler<unknown>;
    queue.concurrency = checkedConcurrency(options.concurrency);
    this.#pump(queue);
  }

  async add<TData>(name: string, data: TData, options: AddJobOptions): Promise<void> {
    const queue = this.#queue(name);
    const id = checkedJobId(options.jobId);
    if (queue.jobs.has(id)) return;
    // Handlers see what they would see from Redis: plain JSON, sharing nothing with the caller.
    const job: Job = { id, name, state: 'waiting', progress: 0, failedAttempts: 0, data: JSON.parse(JSON.stringify(data ?? {})) };
    queue.jobs.set(id, job);
    if (options.delayMs !== undefined && options.delayMs > 0) this.#delay(queue, job, options.delayMs);
    else this.#makeReady(queue, job);
  }

  async schedule<TData>(name: string, schedule: JobSchedule, data?: TData): Promise<void> {
    const wanted = checkedSchedule(schedule);
    if ('cron' in wanted) nextCronTime(wanted, Date.now()); // refuses a bad expression now, not at the first run
    const queue = this.#queue(name);
    const key = JSON.stringify(wanted);
    if (queue.schedule?.key === key) return;
    await this.unschedule(name);
    const plan = { key } as NonNullable<Queue['schedule']>;
    queue.schedule = plan;
    const arm = () => {
      if (this.#closing.signal.aborted || queue.schedule !== plan) return;
      const now = Date.now();
      // As Bull: the next multiple of the interval since the epoch, or the cron expression's next time.
      const at = 'everyMs' in wanted ? Math.floor(now / wanted.everyMs) * wanted.everyMs + wanted.everyMs : nextCronTime(wanted, now);
      const fire = () => {
        if (Date.now() < at) return void (plan.timer = setTimeout(fire, Math.min(at - Date.now(), MAX_TIMER_MS)));
        if (queue.schedule !== plan || this.#closing.signal.aborted) return;
        void this.add(name, data ?? {}, { jobId: `schedule:${at}` }).catch((error: unknown) => this.#logger.error({ job: name, err: error }, 'scheduled job not added'));
        arm();
      };
      plan.timer = setTimeout(fire, Math.min(at - now, MAX_TIMER_MS));
    };
    arm();
  }

  async unschedule(name: string): Promise<void> {
    const queue = this.#queue(name);
    if (queue.schedule?.timer) clearTimeout(queue.schedule.timer);
    delete queue.schedule;
  }

  async getJob(name: string, jobId: string): Promise<JobInfo | undefined> {
    const job = this.#queues.get(name)?.jobs.get(jobId);
    if (!job) return undefined;
    const { data: _data, timer: _timer, ...info } = job;
    return structuredClone(info);
  }

  async close(): Promise<void> {
    this.#closing.abort();
    for (const queue of this.#queues.values()) {
      if (queue.schedule?.timer) clearTimeout(queue.schedule.timer);
      for (const job of queue.jobs.values()) if (job.timer) clearTimeout(job.timer);
    }
    // Handlers already running see the aborted signal and are waited for; jobs not started are dropped (see above).
    await Promise.allSettled([...this.#running]);
  }

  #queue(name: string): Queue {
    if (this.#closing.signal.aborted) throw new JobQueueClosedError(name);
    const existing = this.#queues.get(checkedName(name));
    if (existing) return existing;
    const queue: Queue = { name, concurrency: 1, running: 0, ready: [], jobs: new Map(), completed: [], failed: [] };
    this.#queues.set(name, queue);
    return queue;
  }

  #delay(queue: Queue, job: Job, delayMs: number): void {
    job.state = 'delayed';
    job.timer = setTimeout(() => {
      delete job.timer;
      this.#makeReady(queue, job);
    }, Math.min(delayMs, MAX_TIMER_MS));
  }

  #makeReady(queue: Queue, job: Job): void {
    job.state = 'waiting';
    queue.ready.push(job.id);
    this.#pump(queue);
  }

  /** Starts ready jobs while the queue has a handler and room under its concurrency. */
  #pump(queue: Queue): void {
    while (queue.handler && queue.running < queue.concurrency && queue.ready.length > 0 && !this.#closing.signal.aborted) {
      const job = queue.jobs.get(queue.ready.shift()!);
      if (!job) continue;
      const run = this.#run(queue, queue.handler, job);
      this.#running.add(run);
      void run.finally(() => this.#running.delete(run));
    }
  }

  async #run(queue: Queue, handler: JobHandler<unknown>, job: Job): Promise<void> {
    queue.running += 1;
    job.state = 'active';
    try {
      const result = await handler({
        id: job.id,
        name: job.name,
        data: JSON.parse(JSON.stringify(job.data)),
        attempt: job.failedAttempts + 1,
        attempts: this.#settings.attempts,
        progress: async (value) => {
          job.progress = JSON.parse(JSON.stringify(value));
        },
        signal: this.#closing.signal,
      });
      job.state = 'completed';
      job.result = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
      this.#forget(queue, queue.completed, job.id, this.#settings.keepCompleted);
    } catch (error) {
      job.failedReason = describeError(error);
      job.failedAttempts += 1;
      const fields = { job: job.name, jobId: job.id, failedAttempts: job.failedAttempts, error: job.failedReason };
      if (job.failedAttempts < this.#settings.attempts && !this.#closing.signal.aborted) {
        this.#logger.warn(fields, 'job failed; retrying');
        this.#delay(queue, job, this.#settings.backoffMs * 2 ** (job.failedAttempts - 1));
      } else {
        this.#logger.error(fields, 'job failed for good');
        job.state = 'failed';
        this.#forget(queue, queue.failed, job.id, this.#settings.keepFailed);
      }
    } finally {
      queue.running -= 1;
      this.#pump(queue);
    }
  }

  /** Keeps the newest `keep` finished jobs of a kind, as Bull's removeOnComplete / removeOnFail do. */
  #forget(queue: Queue, finished: string[], id: string, keep: number): void {
    finished.push(id);
    while (finished.length > keep) queue.jobs.delete(finished.shift()!);
  }
}

function nextCronTime(schedule: { cron: string; timeZone?: string }, now: number): number {
  const options = { currentDate: new Date(now), ...(schedule.timeZone ? { tz: schedule.timeZone } : {}) };
  return cronParser.parseExpression(schedule.cron, options).next().getTime();
}
