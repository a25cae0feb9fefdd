import { ExpectedError } from '@postal/errors';
import { Redis } from 'ioredis';
import { RateLimitedError, type RateLimiter } from './rate-limit.js';

/** Redis did not answer: the public endpoint is refused (fail closed) rather than left open to enumeration. */
export class RateLimiterUnavailableError extends ExpectedError {
  constructor() {
    super('SERVICE_UNAVAILABLE', 'tracking is unavailable for a moment: try again shortly');
  }
}

export interface RedisRateLimiterOptions {
  redisUrl: string;
  /** Key prefix, so deployments and test runs sharing a Redis never meet. */
  prefix: string;
  windowMs: number;
  /** A hit Redis has not answered by then is refused; default 1,000 ms. */
  timeoutMs?: number;
  logger?: { error(object: object, message: string): void };
  /** The time windows are counted in (technical time, not the business clock); tests hold it still. */
  now?: () => number;
}

/**
 * Fixed windows counted in Redis (INCR, with the window's expiry set on the first hit, in one MULTI), so every
 * money-orders replica counts against the same limits. Hits count even when refused, so hammering keeps a key limited.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const timeoutMs = options.timeoutMs ?? 1_000;
  const now = options.now ?? Date.now;
  const redis = new Redis(options.redisUrl, { connectionName: 'postal-rate-limit', maxRetriesPerRequest: 1, commandTimeout: timeoutMs, connectTimeout: timeoutMs });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) options.logger?.error({ err: error }, 'rate limiter: Redis is unreachable; public tracking is refused until it is back');
    down = true;
  });
  redis.on('ready', () => void (down = false));
  return {
    async hit(keys) {
      const at = now();
      const window = Math.floor(at / options.windowMs);
      const multi = redis.multi();
      for (const { key } of keys) {
        const name = `${options.prefix}:rate:${window}:${key}`;
        multi.incr(name);
        multi.pexpire(name, options.windowMs * 2);
      }
      let replies: Array<[Error | null, unknown]> | null;
      try {
        replies = await multi.exec();
      } catch {
        throw new RateLimiterUnavailableError();
      }
      if (!replies) throw new RateLimiterUnavailableError();
      const over = keys.some(({ limit }, index) => Number(replies![index * 2]?.[1] ?? 0) > limit);
      if (over) throw new RateLimitedError(Math.ceil((options.windowMs - (at % options.windowMs)) / 1000));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
