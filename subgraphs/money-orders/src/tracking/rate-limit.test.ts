import { randomBytes } from 'node:crypto';
import { needs } from '@postal/testkit';
import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter, type RateLimiter } from './rate-limit.js';
import { createRedisRateLimiter } from './redis-rate-limit.js';

const codeOf = (error: unknown) => (error as { code?: string }).code;

async function hits(limiter: RateLimiter, count: number, keys: Array<{ key: string; limit: number }>): Promise<Array<string | undefined>> {
  const answers: Array<string | undefined> = [];
  for (let i = 0; i < count; i += 1) answers.push(await limiter.hit(keys).then(() => 'ok', codeOf));
  return answers;
}

describe('the memory rate limiter', () => {
  it('allows the limit in a window, refuses after it on any key, and starts again in the next window', async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter({ windowMs: 60_000, now: () => now });
    expect(await hits(limiter, 4, [{ key: 'a', limit: 3 }])).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
    // Another key is limited on its own, but a request carrying a limited key is refused.
    expect(await hits(limiter, 1, [{ key: 'b', limit: 3 }])).toEqual(['ok']);
    expect(await hits(limiter, 1, [{ key: 'b', limit: 3 }, { key: 'a', limit: 3 }])).toEqual(['RATE_LIMITED']);
    now = 60_000;
    expect(await hits(limiter, 1, [{ key: 'a', limit: 3 }])).toEqual(['ok']);
  });
});

describe.runIf(needs('redis'))('the Redis rate limiter [needs Redis]', () => {
  it('counts across replicas: two limiters on one Redis share the limit', async () => {
    const prefix = `pf-test-${process.pid}-${randomBytes(4).toString('hex')}`;
    // One instant for the whole test, so no window boundary falls inside it.
    const at = Date.now();
    const options = { redisUrl: process.env.REDIS_URL!, prefix, windowMs: 60_000, now: () => at };
    const [one, two] = [createRedisRateLimiter(options), createRedisRateLimiter(options)];
    try {
      const keys = [{ key: 'reference:123', limit: 4 }];
      const answers = [...(await hits(one, 2, keys)), ...(await hits(two, 2, keys)), ...(await hits(one, 1, keys)), ...(await hits(two, 1, keys))];
      expect(answers).toEqual(['ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
      // The next window starts again.
      const later = createRedisRateLimiter({ ...options, now: () => at + 60_000 });
      try {
        expect(await hits(later, 1, keys)).toEqual(['ok']);
      } finally {
        await later.close?.();
      }
    } finally {
      await one.close?.();
      await two.close?.();
    }
  });

  it('refuses (fails closed) when Redis does not answer', async () => {
    const limiter = createRedisRateLimiter({ redisUrl: 'redis://127.0.0.1:1', prefix: 'pf-test-down', windowMs: 60_000, timeoutMs: 200 });
    try {
      expect(await hits(limiter, 1, [{ key: 'x', limit: 10 }])).toEqual(['SERVICE_UNAVAILABLE']);
    } finally {
      await limiter.close?.();
    }
  });
});
