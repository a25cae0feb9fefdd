import { randomUUID } from 'node:crypto';
import { createServiceClient } from '@postal/service-client';
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

const QUERY =
  'query SessionRevocations($after: String, $first: Int) { sessionRevocations(after: $after, first: $first) { cursor hasMore revocations { staffId minVersion sessionId expiresInMs } } }';

/**
 * Reads the administration subgraph's session feed as the signed service `gateway`, through the one service-to-service
 * client (@postal/service-client). Anything but a well-formed page is DEPENDENCY_UNAVAILABLE, which the store counts as
 * a failed refresh (and, after the staleness bound, refuses staff requests: fail closed).
 */
export function createRevocationFeedClient(options: RevocationFeedClientOptions): FetchRevocations {
  const first = options.pageSize ?? 5_000;
  const client = createServiceClient({
    caller: 'gateway',
    dependency: 'administration',
    url: options.url,
    identitySecret: options.identitySecret,
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  return (after) =>
    client.request({
      query: QUERY,
      variables: { after: after ?? null, first },
      requestId: `sessions-${randomUUID()}`,
      // Expiry is relative (the database's clock against ours could disagree): counted from when the page arrived.
      read: (data) => readPage(data, Date.now()),
    });
}

function readPage(data: unknown, receivedAt: number): RevocationPage | undefined {
  const page = (data as { sessionRevocations?: unknown } | null | undefined)?.sessionRevocations as
    | { cursor?: unknown; hasMore?: unknown; revocations?: unknown }
    | undefined;
  if (!page || typeof page.cursor !== 'string' || typeof page.hasMore !== 'boolean' || !Array.isArray(page.revocations)) return undefined;
  const revocations = page.revocations.map((row) => readRevocation(row, receivedAt));
  if (revocations.some((revocation) => revocation === undefined)) return undefined;
  return { cursor: page.cursor, hasMore: page.hasMore, revocations: revocations as Revocation[] };
}

function readRevocation(value: unknown, receivedAt: number): Revocation | undefined {
  const row = (value ?? {}) as Record<string, unknown>;
  const expiresAt = Number.isSafeInteger(row.expiresInMs) ? new Date(receivedAt + (row.expiresInMs as number)) : undefined;
  const minVersion = row.minVersion;
  const sessionId = row.sessionId;
  const wellFormed =
    typeof row.staffId === 'string' &&
    expiresAt !== undefined &&
    (minVersion === null || Number.isSafeInteger(minVersion)) &&
    (sessionId === null || typeof sessionId === 'string') &&
    (minVersion === null) !== (sessionId === null);
  if (!wellFormed) return undefined;
  return { staffId: row.staffId as string, minVersion: minVersion as number | null, sessionId: sessionId as string | null, expiresAt: expiresAt! };
}
