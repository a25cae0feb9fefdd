import { BullJobQueue, type BullStallSettings } from './bull-queue.js';
import { InProcessJobQueue } from './in-process-queue.js';
import type { JobQueue, JobSettings, JobsLogger } from './queue.js';

export interface CreateJobQueueOptions {
  /** With a Redis URL the queue is Bull; without one, the in-process queue (embedded default, not production). */
  redisUrl?: string | undefined;
  /** Bull's key prefix (QUEUE_PREFIX), for isolation between deployments or test runs. */
  prefix?: string | undefined;
  logger: JobsLogger;
  jobs?: JobSettings;
  bull?: { stall?: BullStallSettings; addTimeoutMs?: number };
}

/** The job queue a process uses, chosen like @postal/outbox's event queue: Bull on REDIS_URL, else in-process. */
export function createJobQueue(options: CreateJobQueueOptions): JobQueue {
  if (options.redisUrl) {
    return new BullJobQueue({
      redisUrl: options.redisUrl,
      logger: options.logger,
      ...(options.prefix !== undefined && { prefix: options.prefix }),
      ...(options.jobs && { jobs: options.jobs }),
      ...options.bull,
    });
  }
  options.logger.warn('no Redis URL: background jobs run in this process and are lost when it stops; for trying the system, not production');
  return new InProcessJobQueue({ logger: options.logger, ...(options.jobs && { jobs: options.jobs }) });
}
