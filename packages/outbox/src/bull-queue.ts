import type { EventEnvelope } from '@postal/events';
import Bull from 'bull';
import { describeError, type OutboxLogger } from './logger.js';
import { checkedConcurrency, QueueClosedError, type ConsumeOptions, type EventHandler, type EventQueue } from './queue.js';

/** Bull's stall detection. Tests shorten these to make a killed worker's job come back in about a second. */
export interface BullStallSettings {
  /** How long a worker's lock on a job lasts without renewal; default 30 s, Bull's own. */
  lockDurationMs?: number;
  /** How often a worker renews its locks; default half of lockDurationMs, Bull's own rule. */
  lockRenewTimeMs?: number;
  /** How often workers look for jobs whose lock expired (their worker died); default 30 s, Bull's own. */
  stalledIntervalMs?: number;
  /**
   * How many times a stalled job is put back to wait before Bull fails it; default 2 (Bull's is 1). Handlers are
   * idempotent, so a second redelivery after two worker crashes is harmless, and failing the job would need a person.
   */
  maxStalledCount?: number;
}

/** The options every job is added with; explicit, so no Bull default decides them silently. */
export interface BullJobSettings {
  /** Tries per job, the first included, before it is kept as failed; default 8. */
  attempts?: number;
  /** Exponential backoff's first delay; default 500 ms, so 8 tries span about a minute (0.5+1+2+...+32 s). */
  backoffMs?: number;
  /** Completed jobs kept for inspection and for jobId de-duplication; default the last 1000. */
  keepCompleted?: number;
}

export interface BullEventQueueOptions {
  redisUrl: string;
  /** Bull's key prefix; a per-run prefix keeps test runs apart in one Redis. Default 'bull'. */
  prefix?: string;
  logger: OutboxLogger;
  stall?: BullStallSettings;
  jobs?: BullJobSettings;
  /** A Redis round trip that takes longer than this is an outage; default 10 s. */
  publishTimeoutMs?: number;
}

const DEFAULT_PUBLISH_TIMEOUT_MS = 10_000;

/**
 * One Bull queue per consumer queue name. Bull delivers at least once: a job whose worker dies before acknowledging it
 * stalls and is handed to another worker, which is why handlers are wrapped in consumeIdempotently.
 */
export class BullEventQueue implements EventQueue {
  readonly kind = 'bull';
  readonly #queues = new Map<string, Bull.Queue<EventEnvelope>>();
  readonly #options: BullEventQueueOptions;
  readonly #jobOptions: Bull.JobOptions;
  #closed = false;

  constructor(options: BullEventQueueOptions) {
    this.#options = options;
    const jobs = options.jobs ?? {};
    this.#jobOptions = {
      attempts: jobs.attempts ?? 8,
      backoff: { type: 'exponential', delay: jobs.backoffMs ?? 500 },
      removeOnComplete: jobs.keepCompleted ?? 1_000,
      // Failed jobs are kept until a person has looked at them: each is an event a consumer never handled.
      removeOnFail: false,
    };
  }

  /**
   * Adds the event as a job whose id is the event id. While a job with that id is still held (waiting, active,
   * delayed, failed, or among the kept completed ones) Bull ignores the re-add, so a relay retry rarely doubles a job;
   * when it does, the idempotent consumer skips the second one.
   */
  async publish(queue: string, event: EventEnvelope): Promise<void> {
    const timeoutMs = this.#options.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS;
    await withTimeout(this.#queue(queue).add(event, { ...this.#jobOptions, jobId: event.id }), timeoutMs, `publishing to '${queue}'`);
  }

  async consume(queue: string, handler: EventHandler, options: ConsumeOptions = {}): Promise<void> {
    const concurrency = checkedConcurrency(options.concurrency);
    const bullQueue = this.#queue(queue);
    await bullQueue.isReady();
    // Bull's process() settles only when the queue closes, so it is not awaited; its failures are logged.
    bullQueue
      .process(concurrency, async (job: Bull.Job<EventEnvelope>) => handler(job.data))
      .catch((error: unknown) => this.#options.logger.error({ queue, err: error }, 'event worker stopped'));
  }

  async close(): Promise<void> {
    this.#closed = true;
    // Bull's close waits for the jobs this process is running, then disconnects.
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()));
  }

  #queue(name: string): Bull.Queue<EventEnvelope> {
    if (this.#closed) throw new QueueClosedError(name);
    const existing = this.#queues.get(name);
    if (existing) return existing;
    const stall = this.#options.stall ?? {};
    const lockDuration = stall.lockDurationMs ?? 30_000;
    const queue = new Bull<EventEnvelope>(name, this.#options.redisUrl, {
      prefix: this.#options.prefix ?? 'bull',
      settings: {
        lockDuration,
        lockRenewTime: stall.lockRenewTimeMs ?? lockDuration / 2,
        stalledInterval: stall.stalledIntervalMs ?? 30_000,
        maxStalledCount: stall.maxStalledCount ?? 2,
      },
    });
    const logger = this.#options.logger;
    queue.on('error', (error: unknown) => logger.error({ queue: name, err: error }, 'bull queue error'));
    queue.on('failed', (job: Bull.Job<EventEnvelope>, error: Error) => {
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      const fields = { queue: name, eventId: job.id, attemptsMade: job.attemptsMade, error: describeError(error) };
      if (final) logger.error(fields, 'event failed for good; kept in the failed set');
      else logger.warn(fields, 'event handler failed; Bull will retry');
    });
    queue.on('stalled', (job: Bull.Job<EventEnvelope>) => logger.warn({ queue: name, eventId: job.id }, 'event stalled; redelivering'));
    this.#queues.set(name, queue);
    return queue;
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
