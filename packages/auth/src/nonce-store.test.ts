import { describe, expect, it } from 'vitest';
import { createMemoryNonceStore, MAX_CLOCK_SKEW_MS, NONCE_TTL_MS, NonceStoreUnavailableError } from './index.js';

describe('the in-process nonce store', () => {
  it('answers true for a first use and false for every later one while it is held', async () => {
    const store = createMemoryNonceStore();
    expect(await store.claim('administration:n1', NONCE_TTL_MS)).toBe(true);
    expect(await store.claim('administration:n1', NONCE_TTL_MS)).toBe(false);
    expect(await store.claim('administration:n1', NONCE_TTL_MS)).toBe(false);
    expect(await store.claim('administration:n2', NONCE_TTL_MS)).toBe(true);
  });

  it('holds a nonce for twice the clock skew, the whole window its timestamp passes in, and then forgets it', async () => {
    expect(NONCE_TTL_MS).toBe(2 * MAX_CLOCK_SKEW_MS);
    let now = 1_000_000;
    const store = createMemoryNonceStore({ now: () => now });
    expect(await store.claim('accounts:n', NONCE_TTL_MS)).toBe(true);
    now += NONCE_TTL_MS - 1;
    expect(await store.claim('accounts:n', NONCE_TTL_MS)).toBe(false);
    now += 1;
    expect(await store.claim('accounts:n', NONCE_TTL_MS)).toBe(true);
  });

  it('frees the memory of expired nonces, so a bounded store keeps taking new ones', async () => {
    let now = 0;
    const store = createMemoryNonceStore({ maxEntries: 3, now: () => now });
    for (const key of ['a', 'b', 'c']) expect(await store.claim(key, 1_000)).toBe(true);
    // Full of nonces still inside their window: forgetting one would let its request be replayed, so it refuses.
    await expect(store.claim('d', 1_000)).rejects.toBeInstanceOf(NonceStoreUnavailableError);
    now = 1_000;
    for (const key of ['d', 'e', 'f']) expect(await store.claim(key, 1_000)).toBe(true);
    expect(await store.claim('d', 1_000)).toBe(false);
  });
});
