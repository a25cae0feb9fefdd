import { ExpectedError } from '@postal/errors';

/** Too many tries from one client, or at one order: the public tracking page's guard against enumeration. */
export class RateLimitedError extends ExpectedError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `too many requests: try again in ${retryAfterSeconds} seconds`, { details: { retryAfterSeconds } });
  }
}

export interface RateLimiter {
  /** Counts one hit on each key; RATE_LIMITED when any key is over its limit in the current window. */
  hit(keys: Array<{ key: string; limit: number }>): Promise<void>;
  close?(): Promise<void>;
}

/**
 * Fixed windows counted in this process's memory, bounded in size (the oldest window is dropped whole): the embedded
 * default and tests. With REDIS_URL the stack uses the Redis limiter (redis-rate-limit.ts), which every replica shares.
 */
export function createMemoryRateLimiter(options: { windowMs: number; now?: () => number; maxKeys?: number }): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  let windowStart = now();
  let counts = new Map<string, number>();
  return {
    async hit(keys) {
      const at = now();
      if (at - windowStart >= options.windowMs || counts.size + keys.length > maxKeys) {
        windowStart = at;
        counts = new Map();
      }
      const over = keys.some(({ key, limit }) => (counts.get(key) ?? 0) >= limit);
      // Hits count even when refused, so hammering a limited key keeps it limited.
      for (const { key } of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      if (over) throw new RateLimitedError(Math.ceil((options.windowMs - (at - windowStart)) / 1000));
    },
  };
}
