import { createMemoryNonceStore, NonceStoreUnavailableError, type NonceStore } from '@postal/auth';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface RedisNonceStoreOptions {
  redisUrl: string;
  /** Keeps one deployment's (or one test run's) keys apart from another's on a shared Redis: QUEUE_PREFIX. */
  prefix: string;
  logger: Logger;
  /** A claim Redis has not answered by then is an outage (refused, fail closed); default 1,000 ms. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 1_000;

/**
 * Nonces in Redis, so every replica of a subgraph (and every process of `npm start` on REDIS_URL) sees the others'
 * claims: `SET <prefix>:nonce:<audience>:<nonce> 1 NX PX <ttl>` is atomic, so of two copies of one request arriving at
 * two replicas at once exactly one is served. Redis expires the keys itself.
 *
 * Redis unreachable or slow: the claim throws NonceStoreUnavailableError and the request is refused. Serving it
 * without the check would let a captured request be replayed for as long as Redis is down (an outage an attacker might
 * cause), so the check fails closed, like the session feed. The subgraph answers 503 DEPENDENCY_UNAVAILABLE, not 401:
 * the request may well be genuine, nothing was done, and trying again is right (a 401 would tell the gateway, and
 * through it the person, that their credentials are bad).
 */
export function createRedisNonceStore(options: RedisNonceStoreOptions): NonceStore {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const redis = new Redis(options.redisUrl, {
    connectionName: 'postal-nonces',
    // A claim waits through one reconnection attempt at most, and for no longer than the timeout in any case: a
    // request is refused promptly rather than held while Redis is away.
    maxRetriesPerRequest: 1,
    commandTimeout: timeoutMs,
    connectTimeout: timeoutMs,
  });
  // ioredis reports every failed reconnection; one log line per outage is enough, the refusals say the rest.
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    options.logger.error({ err: error }, 'nonce store: Redis is unreachable; signed requests are refused until it is back');
  });
  redis.on('ready', () => {
    if (down) options.logger.info('nonce store: Redis is reachable again');
    down = false;
  });
  return {
    async claim(key, ttlMs) {
      let answer: string | null;
      try {
        answer = await redis.set(`${options.prefix}:nonce:${key}`, '1', 'PX', ttlMs, 'NX');
      } catch (error) {
        throw new NonceStoreUnavailableError('Redis did not answer', { cause: error });
      }
      return answer === 'OK';
    },
    async close() {
      // quit waits for commands in flight; with no connection ioredis just disconnects.
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export interface NonceStoreOptions {
  /** With a Redis URL, Redis; without one, this process's memory (the embedded default, not production). */
  redisUrl?: string | undefined;
  prefix: string;
  logger: Logger;
}

/**
 * The nonce store a subgraph uses, chosen like the event queue: Redis on REDIS_URL (production and CI require it), so
 * replicas sharing Redis refuse each other's replays; in-process memory only on the embedded default.
 */
export function createNonceStore(options: NonceStoreOptions): NonceStore {
  if (options.redisUrl) return createRedisNonceStore({ redisUrl: options.redisUrl, prefix: options.prefix, logger: options.logger });
  options.logger.warn('no Redis URL: signed-request nonces are kept in this process, which protects no other replica');
  return createMemoryNonceStore();
}
