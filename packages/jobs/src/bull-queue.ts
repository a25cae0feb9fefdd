import Bull from 'bull';
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
  type JobProgress,
  type JobQueue,
  type JobSchedule,
  type JobSettings,
  type JobsLogger,
  type JobState,
} from './queue.js';

/** Bull's stall detection; as in @postal/outbox, tests shorten these so a killed worker's job comes back quickly. */
export interface BullStallSettings {
  /** How long a worker's lock on a job lasts without renewal; default 30 s, Bull's own. */
  lockDurationMs?: number;
  /** How often a worker renews its locks; default half of lockDurationMs, Bull's own rule. */
  lockRenewTimeMs?: number;
  /** How often workers look for jobs whose lock expired (their worker died); default 30 s, Bull's own. */
  stalledIntervalMs?: number;
  /** How many times a stalled job is put back to wait before Bull fails it; default 2 (handlers are idempotent). */
  maxStalledCount?: number;
}

export interface BullJobQueueOptions {
  redisUrl: string;
  /** Bull's key prefix (QUEUE_PREFIX); a per-run prefix keeps test runs apart in one Redis. Default 'bull'. */
  prefix?: string;
  logger: JobsLogger;
  stall?: BullStallSettings;
  jobs?: JobSettings;
  /** A Redis round trip that takes longer than this is an outage; default 10 s. */
  addTimeoutMs?: number;
}

/**
 * The Bull queue that holds jobs of `name`. Job queues are named apart from @postal/outbox's event queues (which are
 * named after their consumer, e.g. 'money-orders.office-events'), so the two never share Redis keys under one prefix.
 */
export function bullQueueName(name: string): string {
  return `jobs.${name}`;
}

/** The job id of a schedule's jobs: Bull makes each run's id from it, the schedule and the run's time. */
const SCHEDULE_JOB_ID = 'schedule';
const DEFAULT_ADD_TIMEOUT_MS = 10_000;

interface Held {
  queue: Bull.Queue;
  /** Aborted at close: running handlers see it and stop between steps. */
  closing: AbortController;
}

/**
 * One Bull queue per job name. Bull runs a job at least once: a job whose worker dies before finishing stalls and is
 * handed to another worker, so handlers are idempotent. Repeatable jobs are Bull's `repeat`: the schedule lives in
 * Redis, so replicas that schedule the same job make one schedule, and it outlives any one process.
 */
export class BullJobQueue implements JobQueue {
  readonly kind = 'bull';
  readonly #queues = new Map<string, Held>();
  readonly #options: BullJobQueueOptions;
  readonly #jobOptions: Bull.JobOptions;
  #closed = false;

  constructor(options: BullJobQueueOptions) {
    this.#options = options;
    const settings = resolvedSettings(options.jobs);
    this.#jobOptions = {
      attempts: settings.attempts,
      backoff: { type: 'exponential', delay: settings.backoffMs },
      removeOnComplete: settings.keepCompleted,
      removeOnFail: settings.keepFailed,
    };
  }

  async handle<TData>(name: string, handler: JobHandler<TData>, options: HandleOptions = {}): Promise<void> {
    const concurrency = checkedConcurrency(options.concurrency);
    const held = this.#held(name);
    await held.queue.isReady();
    // Bull's process() settles only when the queue closes, so it is not awaited; its failures are logged.
    held.queue
      .process(concurrency, async (job: Bull.Job<TData>) =>
        handler({
          id: String(job.id),
          name,
          data: job.data,
          attempt: job.attemptsMade + 1,
          attempts: job.opts.attempts ?? 1,
          progress: async (value: JobProgress) => {
            await job.progress(value);
          },
          signal: held.closing.signal,
        }),
      )
      .catch((error: unknown) => this.#options.logger.error({ job: name, err: error }, 'job worker stopped'));
  }

  async add<TData>(name: string, data: TData, options: AddJobOptions): Promise<void> {
    const queue = this.#held(name).queue;
    const jobOptions: Bull.JobOptions = { ...this.#jobOptions, jobId: checkedJobId(options.jobId) };
    if (options.delayMs !== undefined) jobOptions.delay = options.delayMs;
    // While a job with this id is held (any state, or among the completed kept), Bull ignores the add.
    await this.#withTimeout(queue.add(data, jobOptions), `adding job '${name}'`);
  }

  async schedule<TData>(name: string, schedule: JobSchedule, data?: TData): Promise<void> {
    const wanted = checkedSchedule(schedule);
    const queue = this.#held(name).queue;
    const repeat: Bull.EveryRepeatOptions | Bull.CronRepeatOptions =
      'everyMs' in wanted ? { every: wanted.everyMs } : { cron: wanted.cron, ...(wanted.timeZone ? { tz: wanted.timeZone } : {}) };
    // One schedule per name: a schedule that is not the wanted one (the interval was changed) is removed first.
    for (const existing of await queue.getRepeatableJobs()) {
      if (!sameSchedule(existing, wanted)) await queue.removeRepeatableByKey(existing.key);
    }
    // Bull keys a repeatable job by its id and schedule, so every replica adding this one adds the same one.
    await this.#withTimeout(queue.add(data ?? {}, { ...this.#jobOptions, jobId: SCHEDULE_JOB_ID, repeat }), `scheduling job '${name}'`);
  }

  async unschedule(name: string): Promise<void> {
    const queue = this.#held(name).queue;
    for (const existing of await queue.getRepeatableJobs()) await queue.removeRepeatableByKey(existing.key);
  }

  async getJob(name: string, jobId: string): Promise<JobInfo | undefined> {
    const queue = this.#held(name).queue;
    const first = await queue.getJob(jobId);
    if (!first) return undefined;
    const state = stateOf(await first.getState());
    // The hash and the state are two reads: a job that finished in between is read again, so a finished job's figures
    // are its final ones (a failed job with every attempt counted).
    const job = state === 'completed' || state === 'failed' ? ((await queue.getJob(jobId)) ?? first) : first;
    return {
      id: String(job.id),
      name,
      state,
      progress: job.progress() as JobProgress,
      failedAttempts: job.attemptsMade,
      failedReason: job.failedReason,
      result: job.returnvalue ?? undefined,
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const held of this.#queues.values()) held.closing.abort();
    // Bull's close waits for the jobs this process is running, then disconnects.
    await Promise.all([...this.#queues.values()].map((held) => held.queue.close()));
  }

  #held(name: string): Held {
    if (this.#closed) throw new JobQueueClosedError(name);
    const existing = this.#queues.get(checkedName(name));
    if (existing) return existing;
    const stall = this.#options.stall ?? {};
    const lockDuration = stall.lockDurationMs ?? 30_000;
    const queue = new Bull(bullQueueName(name), this.#options.redisUrl, {
      prefix: this.#options.prefix ?? 'bull',
      settings: {
        lockDuration,
        lockRenewTime: stall.lockRenewTimeMs ?? lockDuration / 2,
        stalledInterval: stall.stalledIntervalMs ?? 30_000,
        maxStalledCount: stall.maxStalledCount ?? 2,
      },
    });
    const logger = this.#options.logger;
    queue.on('error', (error: unknown) => logger.error({ job: name, err: error }, 'bull queue error'));
    queue.on('failed', (job: Bull.Job, error: Error) => {
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      const fields = { job: name, jobId: job.id, attemptsMade: job.attemptsMade, error: describeError(error) };
      if (final) logger.error(fields, 'job failed for good; kept in the failed set');
      else logger.warn(fields, 'job failed; Bull will retry');
    });
    queue.on('stalled', (job: Bull.Job) => logger.warn({ job: name, jobId: job.id }, 'job stalled; running it again'));
    const held = { queue, closing: new AbortController() };
    this.#queues.set(name, held);
    return held;
  }

  #withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    const timeoutMs = this.#options.addTimeoutMs ?? DEFAULT_ADD_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took more than ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

function sameSchedule(existing: Bull.JobInformation, wanted: JobSchedule): boolean {
  if (existing.id !== SCHEDULE_JOB_ID) return false;
  if ('everyMs' in wanted) return !existing.cron && Number(existing.every) === wanted.everyMs;
  return existing.cron === wanted.cron && (existing.tz ?? undefined) === (wanted.timeZone ?? undefined);
}

function stateOf(state: string): JobState {
  switch (state) {
    case 'completed':
    case 'failed':
    case 'delayed':
    case 'active':
      return state;
    default:
      // 'waiting', 'paused' and 'stuck' all mean: not started yet.
      return 'waiting';
  }
}
