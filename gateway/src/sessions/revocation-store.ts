/**
 * Which staff sessions have ended, kept in memory and refreshed from the administration subgraph's feed of
 * revocations (a suspension, a departure, a password change or reset, a revoked role, a move, a logout). Why here:
 * the gateway is the only door for staff tokens (subgraphs accept only gateway- or service-signed identities), so one
 * check here covers every operation of every subgraph, with no database read per request; and the feed is small,
 * since only revocations younger than a token's lifetime can refuse anything.
 *
 * Fail closed: if the store has not refreshed successfully for longer than `maxStalenessMs`, it cannot say that a
 * session is still alive, and says so ('unverifiable'); the caller refuses staff requests until it recovers.
 *
 * Nothing here knows about the GraphQL engine or HTTP: the feed is a function, so the store outlives the gateway engine.
 */

export interface Revocation {
  staffId: string;
  /** Every token of the person below this session version has ended... */
  minVersion: number | null;
  /** ...or this one session has. */
  sessionId: string | null;
  /** Every token the revocation can refuse has expired by then; it is forgotten after. */
  expiresAt: Date;
}

export interface RevocationPage {
  revocations: Revocation[];
  /** Where the next page starts; opaque. */
  cursor: string;
  /** More rows are ready now. */
  hasMore: boolean;
}

/** Fetches the page after `cursor` (the first page, of every revocation still in force, without one). */
export type FetchRevocations = (cursor: string | undefined) => Promise<RevocationPage>;

export interface SessionFacts {
  staffId: string;
  sessionId: string;
  sessionVersion: number;
}

export type SessionVerdict = 'valid' | 'ended' | 'unverifiable';

export interface RevocationStoreStatus {
  /** Refreshed successfully within the staleness bound. */
  fresh: boolean;
  /** When the last successful refresh began (ms since the epoch), if ever. */
  lastRefreshedAt: number | undefined;
  /** Revocations held (people and sessions). */
  held: number;
}

export interface RevocationStoreOptions {
  fetchPage: FetchRevocations;
  /** How often to poll the feed; default 1000 ms. */
  pollIntervalMs?: number;
  /** Longest time without a successful refresh before sessions are unverifiable; default 5000 ms. */
  maxStalenessMs?: number;
  /** Pages fetched in one refresh at most (each up to the feed's page size); default 20. */
  maxPagesPerRefresh?: number;
  now?: () => number;
  /** Told when the store goes stale and when it recovers (not at every failed poll). */
  onStateChange?: (change: { fresh: boolean; error?: unknown }) => void;
}

export const DEFAULT_SESSION_POLL_INTERVAL_MS = 1_000;
export const DEFAULT_SESSION_MAX_STALENESS_MS = 5_000;
const DEFAULT_MAX_PAGES_PER_REFRESH = 20;

export interface RevocationStore {
  /** Whether a session is still alive, as far as the feed says. */
  verdict(session: SessionFacts): SessionVerdict;
  status(): RevocationStoreStatus;
  /** One catch-up with the feed (every page ready now); rejects if the feed could not be read. */
  refresh(): Promise<void>;
  /** A first refresh (awaited; a failure is reported, not thrown), then polling until `stop`. */
  start(): Promise<void>;
  stop(): void;
}

export function createRevocationStore(options: RevocationStoreOptions): RevocationStore {
  const now = options.now ?? Date.now;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_SESSION_POLL_INTERVAL_MS;
  const maxStalenessMs = options.maxStalenessMs ?? DEFAULT_SESSION_MAX_STALENESS_MS;
  const maxPages = options.maxPagesPerRefresh ?? DEFAULT_MAX_PAGES_PER_REFRESH;
  /** Per person: the highest minimum version seen, and when the last revocation that set it expires. */
  const minimumVersions = new Map<string, { minVersion: number; expiresAt: number }>();
  const endedSessions = new Map<string, number>();
  let cursor: string | undefined;
  let lastRefreshedAt: number | undefined;
  let wasFresh: boolean | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let inFlight: Promise<void> | undefined;

  const fresh = () => lastRefreshedAt !== undefined && now() - lastRefreshedAt <= maxStalenessMs;

  function apply(revocation: Revocation): void {
    const expiresAt = revocation.expiresAt.getTime();
    if (revocation.sessionId !== null) {
      endedSessions.set(revocation.sessionId, Math.max(expiresAt, endedSessions.get(revocation.sessionId) ?? 0));
    }
    if (revocation.minVersion !== null) {
      const held = minimumVersions.get(revocation.staffId);
      // A higher minimum refuses everything a lower one does; the later expiry covers the tokens of both.
      minimumVersions.set(revocation.staffId, {
        minVersion: Math.max(revocation.minVersion, held?.minVersion ?? 0),
        expiresAt: Math.max(expiresAt, held?.expiresAt ?? 0),
      });
    }
  }

  function forgetExpired(at: number): void {
    for (const [sessionId, expiresAt] of endedSessions) if (expiresAt <= at) endedSessions.delete(sessionId);
    for (const [staffId, held] of minimumVersions) if (held.expiresAt <= at) minimumVersions.delete(staffId);
  }

  async function catchUp(): Promise<void> {
    // The start of the refresh, not its end: a revocation committed while the pages were in flight may be missing.
    const startedAt = now();
    let caughtUp = false;
    for (let page = 0; page < maxPages && !caughtUp; page += 1) {
      const { revocations, cursor: next, hasMore } = await options.fetchPage(cursor);
      for (const revocation of revocations) apply(revocation);
      const stuck = hasMore && next === cursor;
      caughtUp = !hasMore;
      cursor = next;
      // A full page that does not move the cursor is rows re-offered behind a transaction still running, more than a
      // page of them: the rest cannot be reached, so the store does not call itself fresh (fail closed; see feed).
      if (stuck) break;
    }
    // Behind by more than the page budget: not fresh yet; the next poll goes on from here.
    if (!caughtUp) return;
    lastRefreshedAt = startedAt;
    forgetExpired(startedAt);
  }

  function noteState(error?: unknown): void {
    const isFresh = fresh();
    if (isFresh !== wasFresh) options.onStateChange?.(error === undefined ? { fresh: isFresh } : { fresh: isFresh, error });
    wasFresh = isFresh;
  }

  const refresh = (): Promise<void> => {
    // One refresh at a time: a slow feed must not pile up requests.
    inFlight ??= catchUp().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  async function poll(): Promise<void> {
    try {
      await refresh();
      noteState();
    } catch (error) {
      noteState(error);
    }
    if (!stopped) {
      timer = setTimeout(() => void poll(), pollIntervalMs);
      // A poll never keeps the process alive on its own.
      timer.unref();
    }
  }

  return {
    verdict(session) {
      if (!fresh()) return 'unverifiable';
      if (endedSessions.has(session.sessionId)) return 'ended';
      const held = minimumVersions.get(session.staffId);
      if (held !== undefined && session.sessionVersion < held.minVersion) return 'ended';
      return 'valid';
    },
    status: () => ({ fresh: fresh(), lastRefreshedAt, held: endedSessions.size + minimumVersions.size }),
    refresh,
    async start() {
      stopped = false;
      await poll();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
