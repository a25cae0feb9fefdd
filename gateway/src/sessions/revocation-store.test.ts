import { describe, expect, it } from 'vitest';
import { createRevocationStore, type FetchRevocations, type Revocation, type RevocationPage } from './revocation-store.js';

const HOUR = 3_600_000;
let clock = 1_800_000_000_000;
const now = () => clock;

/** A feed that answers pages from a list and remembers which cursors it was asked after. */
function fakeFeed(pages: Array<RevocationPage | Error>) {
  const asked: Array<string | undefined> = [];
  const fetchPage: FetchRevocations = async (cursor) => {
    asked.push(cursor);
    const page = pages.shift() ?? { revocations: [], cursor: cursor ?? 'start', hasMore: false };
    if (page instanceof Error) throw page;
    return page;
  };
  return { asked, fetchPage };
}

const person = (minVersion: number, staffId = 'ana', expiresIn = HOUR): Revocation => ({ staffId, minVersion, sessionId: null, expiresAt: new Date(clock + expiresIn) });
const session = (sessionId: string, staffId = 'ana', expiresIn = HOUR): Revocation => ({ staffId, minVersion: null, sessionId, expiresAt: new Date(clock + expiresIn) });

describe('the revocation store', () => {
  it('refuses tokens below the person\'s minimum version and ended sessions, and nothing else', async () => {
    const feed = fakeFeed([{ revocations: [person(2), session('s-9', 'ben'), person(1)], cursor: 'c1', hasMore: false }]);
    const store = createRevocationStore({ fetchPage: feed.fetchPage, now });
    await store.refresh();
    expect(store.verdict({ staffId: 'ana', sessionId: 's-1', sessionVersion: 0 })).toBe('ended');
    expect(store.verdict({ staffId: 'ana', sessionId: 's-1', sessionVersion: 1 })).toBe('ended');
    // A lower minimum arriving later does not lower the bar.
    expect(store.verdict({ staffId: 'ana', sessionId: 's-1', sessionVersion: 2 })).toBe('valid');
    expect(store.verdict({ staffId: 'ben', sessionId: 's-9', sessionVersion: 7 })).toBe('ended');
    expect(store.verdict({ staffId: 'ben', sessionId: 's-8', sessionVersion: 0 })).toBe('valid');
    expect(store.verdict({ staffId: 'cy', sessionId: 's-7', sessionVersion: 0 })).toBe('valid');
  });

  it('follows the cursor page by page, and starts where the last refresh stopped', async () => {
    const feed = fakeFeed([
      { revocations: [person(1)], cursor: 'c1', hasMore: true },
      { revocations: [session('s-2')], cursor: 'c2', hasMore: false },
      { revocations: [person(3, 'ben')], cursor: 'c3', hasMore: false },
    ]);
    const store = createRevocationStore({ fetchPage: feed.fetchPage, now });
    await store.refresh();
    await store.refresh();
    expect(feed.asked).toEqual([undefined, 'c1', 'c2']);
    expect(store.verdict({ staffId: 'ben', sessionId: 'x', sessionVersion: 2 })).toBe('ended');
    expect(store.status()).toMatchObject({ fresh: true, held: 3 });
  });

  it('stops paging, and is not fresh, when a full page does not move the cursor (the rest is out of reach)', async () => {
    const feed = fakeFeed([
      { revocations: [person(1)], cursor: 'c1', hasMore: true },
      { revocations: [person(1)], cursor: 'c1', hasMore: true },
    ]);
    const store = createRevocationStore({ fetchPage: feed.fetchPage, now });
    await store.refresh();
    expect(feed.asked).toEqual([undefined, 'c1']);
    expect(store.status().fresh).toBe(false);
  });

  it('is not fresh while it is further behind than its page budget', async () => {
    const feed = fakeFeed([
      { revocations: [], cursor: 'c1', hasMore: true },
      { revocations: [], cursor: 'c2', hasMore: true },
    ]);
    const store = createRevocationStore({ fetchPage: feed.fetchPage, now, maxPagesPerRefresh: 2 });
    await store.refresh();
    expect(store.status().fresh).toBe(false);
    await store.refresh();
    expect(feed.asked).toEqual([undefined, 'c1', 'c2']);
    expect(store.status().fresh).toBe(true);
  });

  it('fails closed: unverifiable before the first refresh and once the last success is older than the bound', async () => {
    const feed = fakeFeed([new Error('down'), { revocations: [], cursor: 'c1', hasMore: false }, new Error('down again')]);
    const store = createRevocationStore({ fetchPage: feed.fetchPage, now, maxStalenessMs: 5_000 });
    const ana = { staffId: 'ana', sessionId: 's-1', sessionVersion: 0 };
    await expect(store.refresh()).rejects.toThrow('down');
    expect(store.verdict(ana)).toBe('unverifiable');
    await store.refresh();
    expect(store.verdict(ana)).toBe('valid');
    clock += 4_000;
    await expect(store.refresh()).rejects.toThrow('down again');
    // The failed refresh keeps what was known, for as long as the bound allows.
    expect(store.verdict(ana)).toBe('valid');
    clock += 1_001;
    expect(store.verdict(ana)).toBe('unverifiable');
    expect(store.status()).toMatchObject({ fresh: false });
  });

  it('forgets a revocation once every token it could refuse has expired', async () => {
    const feed = fakeFeed([{ revocations: [person(4, 'ana', 10_000), session('s-5', 'ben', 10_000)], cursor: 'c1', hasMore: false }]);
    const store = createRevocationStore({ fetchPage: feed.fetchPage, now });
    await store.refresh();
    expect(store.status().held).toBe(2);
    clock += 10_000;
    await store.refresh();
    expect(store.status().held).toBe(0);
  });

  it('refreshes one at a time however often it is asked', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const store = createRevocationStore({
      now,
      fetchPage: async () => {
        calls += 1;
        await new Promise<void>((resolve) => (release = resolve));
        return { revocations: [], cursor: 'c', hasMore: false };
      },
    });
    const first = store.refresh();
    const second = store.refresh();
    await Promise.resolve();
    release();
    await Promise.all([first, second]);
    expect(calls).toBe(1);
  });

  it('polls until stopped, and reports going stale and recovering once each', async () => {
    const changes: boolean[] = [];
    let failing = false;
    let polls = 0;
    const store = createRevocationStore({
      now: Date.now,
      pollIntervalMs: 10,
      maxStalenessMs: 50,
      fetchPage: async () => {
        polls += 1;
        if (failing) throw new Error('down');
        return { revocations: [], cursor: 'c', hasMore: false };
      },
      onStateChange: ({ fresh }) => changes.push(fresh),
    });
    await store.start();
    await expect.poll(() => polls).toBeGreaterThan(3);
    failing = true;
    await expect.poll(() => changes).toEqual([true, false]);
    failing = false;
    await expect.poll(() => changes).toEqual([true, false, true]);
    store.stop();
    const stoppedAt = polls;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(polls).toBeLessThanOrEqual(stoppedAt + 1);
  });
});
