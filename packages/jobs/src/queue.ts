import type { Logger } from 'pino';

/** The part of a pino logger this package uses; a child logger or `pino({ level: 'silent' })` fits. */
export type JobsLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** Progress as the handler reports it: a percentage, or a small JSON object (e.g. `{ processedRows, totalRows }`). */
export type JobProgress = number | Record<string, unknown>;

/** What a handler is given for one run of one job. Data is plain JSON: what was added, as it would come from Redis. */
export interface JobContext<TData> {
  readonly id: string;
  readonly name: string;
  readonly data: TData;
  /** 1 + the runs that failed before this one: a retry has a higher number (a redelivery after a crash may not). */
  readonly attempt: number;
  /** The most runs this job gets (JobSettings.attempts): when `attempt` equals it, a failure is final. */
  readonly attempts: number;
  /** Records the job's progress where an operator (and getJob) can see it. */
  progress(value: JobProgress): Promise<void>;
  /**
   * Aborted when the queue is closing. A long handler checks it between steps and throws (JobInterruptedError): the
   * job is then retried, by this process after a restart or by another worker, so the handler must be idempotent.
   */
  readonly signal: AbortSignal;
}

export type JobHandler<TData = unknown> = (job: JobContext<TData>) => Promise<unknown>;

export interface HandleOptions {
  /** Jobs of this name run at once by this process; default 1. */
  concurrency?: number;
}

export interface AddJobOptions {
  /**
   * The job's identity. While a job with this id is held (waiting, delayed, running, failed, or among the completed
   * ones kept), adding it again does nothing: a retried request or a second replica does not double the work.
   */
  jobId: string;
  /** Runs no sooner than this many milliseconds from now. */
  delayMs?: number;
}

/** Every N milliseconds (aligned on multiples of N since the epoch, as Bull does), or a cron expression in a time zone. */
export type JobSchedule = { everyMs: number } | { cron: string; timeZone?: string };

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

/** A job as an operator or a test sees it. */
export interface JobInfo {
  id: string;
  name: string;
  state: JobState;
  progress: JobProgress;
  /** Runs that failed so far (Bull's attemptsMade): 0 for a job that completed at its first run. */
  failedAttempts: number;
  failedReason?: string | undefined;
  /** What the handler returned, when it completed (JSON). */
  result?: unknown;
}

/**
 * Background jobs, by name. Delivery is at least once: a job whose worker dies is run again, so handlers are
 * idempotent (they keep their progress in the database and skip what is done).
 */
export interface JobQueue {
  readonly kind: 'bull' | 'in-process';
  /** Registers this process's handler for jobs of `name`; one handler per name per JobQueue. */
  handle<TData>(name: string, handler: JobHandler<TData>, options?: HandleOptions): Promise<void>;
  /** Adds a job; resolves once the queue holds it. Idempotent on jobId (see AddJobOptions). */
  add<TData>(name: string, data: TData, options: AddJobOptions): Promise<void>;
  /**
   * Adds a job of `name` on the schedule, from now on, with `data` each time. One schedule per name: scheduling again
   * with another schedule replaces the old one, and every replica scheduling the same one makes one schedule, not many.
   */
  schedule<TData>(name: string, schedule: JobSchedule, data?: TData): Promise<void>;
  /** Ends the schedule of `name`, if it has one. Jobs already added still run. */
  unschedule(name: string): Promise<void>;
  /** The job as the queue holds it now, or undefined when it holds none with that id. */
  getJob(name: string, jobId: string): Promise<JobInfo | undefined>;
  /** Stops taking jobs, aborts running handlers' signals, waits for them to return, and releases connections. */
  close(): Promise<void>;
}

export class JobQueueClosedError extends Error {
  constructor(name: string) {
    super(`the job queue is closed; cannot use '${name}'`);
    this.name = 'JobQueueClosedError';
  }
}

/** What a handler throws when it stops early because the queue is closing; the job runs again later. */
export class JobInterruptedError extends Error {
  constructor(what: string) {
    super(`${what} stopped because the job queue is closing; it runs again later`);
    this.name = 'JobInterruptedError';
  }
}

/** The options every job is added with; explicit, so that no library default decides them silently. */
export interface JobSettings {
  /** Runs per job, the first included, before it is kept as failed; default 3. */
  attempts?: number;
  /** Exponential backoff's first delay; default 1,000 ms (3 runs wait 1 s, then 2 s). */
  backoffMs?: number;
  /** Completed jobs kept per name, for inspection and for jobId de-duplication; default the last 1,000. */
  keepCompleted?: number;
  /** Failed jobs kept per name until someone looks; default the last 1,000 (a failing hourly job must not grow Redis forever). */
  keepFailed?: number;
}

export const MAX_CONCURRENCY = 64;
export const MAX_ATTEMPTS = 20;
/** A schedule more often than this would be a busy loop, not a job. */
export const MIN_EVERY_MS = 10;

export function checkedConcurrency(concurrency: number | undefined): number {
  const value = concurrency ?? 1;
  if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENCY) {
    throw new RangeError(`concurrency must be an integer from 1 to ${MAX_CONCURRENCY}, not ${value}`);
  }
  return value;
}

export interface ResolvedJobSettings {
  attempts: number;
  backoffMs: number;
  keepCompleted: number;
  keepFailed: number;
}

export function resolvedSettings(settings: JobSettings = {}): ResolvedJobSettings {
  const resolved = {
    attempts: settings.attempts ?? 3,
    backoffMs: settings.backoffMs ?? 1_000,
    keepCompleted: settings.keepCompleted ?? 1_000,
    keepFailed: settings.keepFailed ?? 1_000,
  };
  if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1 || resolved.attempts > MAX_ATTEMPTS) {
    throw new RangeError(`attempts must be an integer from 1 to ${MAX_ATTEMPTS}`);
  }
  if (!(resolved.backoffMs >= 0)) throw new RangeError('backoffMs must not be negative');
  for (const key of ['keepCompleted', 'keepFailed'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 0) throw new RangeError(`${key} must be a whole number`);
  }
  return resolved;
}

export function checkedSchedule(schedule: JobSchedule): JobSchedule {
  if ('everyMs' in schedule) {
    if (!Number.isInteger(schedule.everyMs) || schedule.everyMs < MIN_EVERY_MS) {
      throw new RangeError(`everyMs must be an integer of at least ${MIN_EVERY_MS}`);
    }
    return { everyMs: schedule.everyMs };
  }
  if (typeof schedule.cron !== 'string' || schedule.cron.trim() === '') throw new RangeError('a cron schedule needs an expression');
  return schedule.timeZone ? { cron: schedule.cron, timeZone: schedule.timeZone } : { cron: schedule.cron };
}

export function checkedName(name: string): string {
  if (!/^[a-z0-9][a-z0-9.-]{0,99}$/.test(name)) throw new RangeError(`a job name is lower-case letters, digits, '.' and '-': not '${name}'`);
  return name;
}

/** An error's message for a log line or a failed job, bounded so one failure cannot bloat a record. */
export function describeError(error: unknown, maxLength = 2_000): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** Bull makes ids of its own that are integers, and a repeat's start with 'repeat:'; ours may be neither, so they never meet. */
export function checkedJobId(jobId: string): string {
  if (typeof jobId !== 'string' || jobId.length === 0 || jobId.length > 200 || /^\d+$/.test(jobId) || jobId.startsWith('repeat:')) {
    throw new RangeError(`a job id is 1 to 200 characters, not all digits and not starting with 'repeat:': not '${String(jobId).slice(0, 50)}'`);
  }
  return jobId;
}
