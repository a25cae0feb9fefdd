import { Redis } from 'ioredis';

/**
 * The run keeps everything it puts in Redis (Bull's queues, the signed requests' nonces, the tracking's rate limits)
 * under a prefix of its own, `bench-mo-<pid>`, so it shares the server with other people's work without meeting it;
 * at the end it deletes its own keys, and only those (SCAN on the prefix, never a flush).
 */
export const runPrefix = () => `bench-mo-${process.pid}`;

export async function deleteRunKeys(redisUrl: string, prefix: string): Promise<number> {
  if (!/^bench-mo-\d+$/.test(prefix)) throw new Error(`refusing to delete Redis keys under ${prefix}: not a bench run's prefix`);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
