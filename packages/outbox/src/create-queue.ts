import { BullEventQueue, type BullJobSettings, type BullStallSettings } from './bull-queue.js';
import { InProcessEventQueue } from './in-process-queue.js';
import type { OutboxLogger } from './logger.js';
import type { EventQueue } from './queue.js';

export interface CreateEventQueueOptions {
  /** With a Redis URL the queue is Bull; without one, the in-process queue (embedded default, not production). */
  redisUrl?: string | undefined;
  /** Bull's key prefix, for isolation between deployments or test runs. */
  prefix?: string | undefined;
  logger: OutboxLogger;
  bull?: { stall?: BullStallSettings; jobs?: BullJobSettings; publishTimeoutMs?: number };
  inProcess?: { attempts?: number; backoffMs?: number };
}

export function createEventQueue(options: CreateEventQueueOptions): EventQueue {
  if (options.redisUrl) {
    return new BullEventQueue({
      redisUrl: options.redisUrl,
      logger: options.logger,
      ...(options.prefix !== undefined && { prefix: options.prefix }),
      ...options.bull,
    });
  }
  options.logger.warn('no Redis URL: events go through the in-process queue, which is for trying the system, not production');
  return new InProcessEventQueue({ logger: options.logger, ...options.inProcess });
}
