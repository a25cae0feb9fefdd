/**
 * Where the nonces of signed requests are remembered, so that one signed request is served once. `claim` records a
 * key for `ttlMs` and answers whether this was its first use; a store that cannot tell (Redis down, memory full)
 * throws NonceStoreUnavailableError rather than guess, and the request is refused (fail closed).
 */
export interface NonceStore {
  /** True when the key was not held and now is (first use), false when it was already held (a replay). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Releases the store's resources (a Redis connection). */
  close(): Promise<void>;
}

/** The store could not say whether a nonce was used before; the request must not be served. */
export class NonceStoreUnavailableError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`the nonce store is unavailable: ${reason}`, options);
    this.name = 'NonceStoreUnavailableError';
  }
}

export interface MemoryNonceStoreOptions {
  /**
   * At most this many nonces are held. A full store refuses (fail closed) instead of forgetting a nonce still inside
   * its window, which would let that request be replayed. Default 100,000: ~800 signed requests a second sustained
   * over the two-minute window, far beyond what the one-process embedded default serves.
   */
  maxEntries?: number;
  /** The time source in ms; tests move it. */
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES = 100_000;

/**
 * Nonces in this process's memory: for the embedded default (`npm start` without REDIS_URL), where one process runs
 * every subgraph. It cannot protect replicas of a subgraph from each other; with REDIS_URL the subgraphs use Redis.
 */
export function createMemoryNonceStore(options: MemoryNonceStoreOptions = {}): NonceStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const now = options.now ?? Date.now;
  // Key -> expiry. A Map iterates in insertion order, which with one TTL for every claim is also expiry order, so the
  // sweep below stops at the first live entry; a later-expiring entry inserted earlier only delays a sweep, and a
  // lookup always checks the expiry of the entry it finds.
  const expiries = new Map<string, number>();
  const sweep = (at: number) => {
    for (const [key, expiresAt] of expiries) {
      if (expiresAt > at) break;
      expiries.delete(key);
    }
  };
  return {
    async claim(key, ttlMs) {
      const at = now();
      sweep(at);
      const held = expiries.get(key);
      if (held !== undefined && held > at) return false;
      if (held !== undefined) expiries.delete(key);
      if (expiries.size >= maxEntries) throw new NonceStoreUnavailableError('the in-process nonce store is full');
      expiries.set(key, at + ttlMs);
      return true;
    },
    async close() {
      expiries.clear();
    },
  };
}
