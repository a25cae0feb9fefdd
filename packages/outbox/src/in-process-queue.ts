import type { EventEnvelope } from '@postal/events';
import { describeError, sleep, type OutboxLogger } from './logger.js';
import { checkedConcurrency, QueueClosedError, type ConsumeOptions, type EventHandler, type EventQueue } from './queue.js';

export interface InProcessQueueOptions {
  logger: OutboxLogger;
  /** Tries per publish, the first included; default 5, at most 20. */
  attempts?: number;
  /** Wait before the second try, doubling before each further one; default 100 ms (5 tries wait 1.5 s in all). */
  backoffMs?: number;
}

const DEFAULT_ATTEMPTS = 5;
const MAX_ATTEMPTS = 20;
const DEFAULT_BACKOFF_MS = 100;

export class NoConsumerError extends Error {
  constructor(readonly queue: string) {
    super(`no consumer is registered for queue '${queue}' in this process`);
    this.name = 'NoConsumerError';
  }
}

export class DeliveryFailedError extends Error {
  constructor(
    readonly queue: string,
    readonly eventId: string,
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(`queue '${queue}': event ${eventId} failed ${attempts} time(s): ${describeError(options.cause)}`, options);
    this.name = 'DeliveryFailedError';
  }
}

interface Consumer {
  readonly handler: EventHandler;
  readonly concurrency: number;
  running: number;
  readonly waiting: Array<() => void>;
}

/**
 * The queue for the embedded default and for trying the system out, NOT for production: it keeps nothing, so it is
 * only safe because `publish` resolves after the handler has succeeded. The relay marks an outbox row published only
 * then, so an event whose handler never ran (the process died, the handler kept failing, no handler was registered
 * yet) is still unpublished in the outbox and is published again later. Production uses BullEventQueue, where work is
 * spread over processes and survives their restarts.
 */
export class InProcessEventQueue implements EventQueue {
  readonly kind = 'in-process';
  readonly #consumers = new Map<string, Consumer>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #closing = new AbortController();
  readonly #logger: OutboxLogger;
  readonly #attempts: number;
  readonly #backoffMs: number;

  constructor(options: InProcessQueueOptions) {
    this.#logger = options.logger;
    this.#attempts = options.attempts ?? DEFAULT_ATTEMPTS;
    this.#backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    if (!Number.isInteger(this.#attempts) || this.#attempts < 1 || this.#attempts > MAX_ATTEMPTS) {
      throw new RangeError(`attempts must be an integer from 1 to ${MAX_ATTEMPTS}`);
    }
    if (!(this.#backoffMs >= 0)) throw new RangeError('backoffMs must not be negative');
  }

  /**
   * Resolves only after the queue's handler has succeeded for this event, trying `attempts` times with exponential
   * backoff; rejects when every try failed, when no handler is registered (so the relay retries later rather than
   * this queue holding the event in memory, where a crash would lose it), or when the queue closes.
   */
  publish(queue: string, event: EventEnvelope): Promise<void> {
    if (this.#closing.signal.aborted) return Promise.reject(new QueueClosedError(queue));
    const consumer = this.#consumers.get(queue);
    if (!consumer) return Promise.reject(new NoConsumerError(queue));
    const delivery = this.#deliver(queue, consumer, event);
    this.#inFlight.add(delivery);
    return delivery.finally(() => this.#inFlight.delete(delivery));
  }

  async consume(queue: string, handler: EventHandler, options: ConsumeOptions = {}): Promise<void> {
    if (this.#closing.signal.aborted) throw new QueueClosedError(queue);
    if (this.#consumers.has(queue)) throw new Error(`queue '${queue}' already has a handler in this process`);
    this.#consumers.set(queue, { handler, concurrency: checkedConcurrency(options.concurrency), running: 0, waiting: [] });
  }

  async close(): Promise<void> {
    this.#closing.abort();
    // Deliveries waiting out a backoff give up at once; handlers already running are waited for.
    await Promise.allSettled([...this.#inFlight]);
  }

  async #deliver(queue: string, consumer: Consumer, event: EventEnvelope): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.#runLimited(consumer, () => consumer.handler(copyOf(event)));
        return;
      } catch (error) {
        if (attempt >= this.#attempts || this.#closing.signal.aborted) {
          throw new DeliveryFailedError(queue, event.id, attempt, { cause: error });
        }
        const delayMs = this.#backoffMs * 2 ** (attempt - 1);
        this.#logger.warn({ queue, eventId: event.id, attempt, delayMs, err: error }, 'event handler failed; retrying');
        await sleep(delayMs, this.#closing.signal);
      }
    }
  }

  /** Runs `task` when fewer than `concurrency` handlers of this consumer are running, like Bull's concurrency. */
  async #runLimited(consumer: Consumer, task: () => Promise<void>): Promise<void> {
    while (consumer.running >= consumer.concurrency) {
      await new Promise<void>((resolve) => consumer.waiting.push(resolve));
    }
    consumer.running += 1;
    try {
      await task();
    } finally {
      consumer.running -= 1;
      consumer.waiting.shift()?.();
    }
  }
}

/** Handlers see what they would see from Redis: plain JSON, sharing nothing with the publisher. */
function copyOf(event: EventEnvelope): EventEnvelope {
  return JSON.parse(JSON.stringify(event)) as EventEnvelope;
}
