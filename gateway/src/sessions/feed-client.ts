import { randomUUID } from 'node:crypto';
import { signIdentity } from '@postal/auth';
import type { FetchRevocations, Revocation, RevocationPage } from './revocation-store.js';

export interface RevocationFeedClientOptions {
  /** The administration subgraph's GraphQL endpoint (not the gateway's: the feed is hidden from its API). */
  url: string;
  identitySecret: string;
  /** A page that has not come by then is a failed refresh; default 2000 ms. */
  timeoutMs?: number;
  /** Revocations per page; default 5000 (the feed allows 10,000). */
  pageSize?: number;
}

export class RevocationFeedError extends Error {
  constructor(reason: string) {
    super(`the session feed could not be read: ${reason}`);
    this.name = 'RevocationFeedError';
  }
}

const QUERY =
  'query SessionRevocations($after: String, $first: Int) { sessionRevocations(after: $after, first: $first) { cursor hasMore revocations { staffId minVersion sessionId expiresInMs } } }';

/**
 * Reads the administration subgraph's session feed over HTTP as the signed service `gateway` (the same HMAC scheme
 * the gateway signs every subgraph request with). Anything but a well-formed page is a RevocationFeedError, which the
 * store counts as a failed refresh.
 */
export function createRevocationFeedClient(options: RevocationFeedClientOptions): FetchRevocations {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const first = options.pageSize ?? 5_000;
  return async (after) => {
    const headers = signIdentity({ identity: { kind: 'service', service: 'gateway' }, requestId: `sessions-${randomUUID()}`, clientAddress: undefined }, options.identitySecret);
    let body: unknown;
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: QUERY, variables: { after: after ?? null, first } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new RevocationFeedError(`HTTP ${response.status}`);
      body = await response.json();
    } catch (error) {
      if (error instanceof RevocationFeedError) throw error;
      throw new RevocationFeedError(error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : 'unreachable');
    }
    return readPage(body);
  };
}

function readPage(body: unknown): RevocationPage {
  const { data, errors } = (body ?? {}) as { data?: { sessionRevocations?: unknown }; errors?: Array<{ message?: unknown }> };
  if (Array.isArray(errors) && errors.length > 0) throw new RevocationFeedError(`it answered ${String(errors[0]?.message)}`);
  const page = data?.sessionRevocations as { cursor?: unknown; hasMore?: unknown; revocations?: unknown } | undefined;
  if (!page || typeof page.cursor !== 'string' || typeof page.hasMore !== 'boolean' || !Array.isArray(page.revocations)) {
    throw new RevocationFeedError('its answer was not understood');
  }
  // Expiry is relative (the database's clock against ours could disagree): counted from when the page arrived.
  const receivedAt = Date.now();
  return { cursor: page.cursor, hasMore: page.hasMore, revocations: page.revocations.map((row) => readRevocation(row, receivedAt)) };
}

function readRevocation(value: unknown, receivedAt: number): Revocation {
  const row = (value ?? {}) as Record<string, unknown>;
  const expiresAt = Number.isSafeInteger(row.expiresInMs) ? new Date(receivedAt + (row.expiresInMs as number)) : undefined;
  const minVersion = row.minVersion;
  const sessionId = row.sessionId;
  const wellFormed =
    typeof row.staffId === 'string' &&
    expiresAt !== undefined &&
    !Number.isNaN(expiresAt.getTime()) &&
    (minVersion === null || Number.isSafeInteger(minVersion)) &&
    (sessionId === null || typeof sessionId === 'string') &&
    (minVersion === null) !== (sessionId === null);
  if (!wellFormed) throw new RevocationFeedError('a revocation was not understood');
  return { staffId: row.staffId as string, minVersion: minVersion as number | null, sessionId: sessionId as string | null, expiresAt: expiresAt! };
}
