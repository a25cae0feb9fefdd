import { MAX_CLOCK_SKEW_MS, type SignedRequestContext } from '@postal/auth';
import type { Database, Tx } from '@postal/db';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { auditEvent } from '../audit/events.js';
import { outbox, processedEvents } from '../db-schema.js';
import { formatFeedCursor, nextFeedCursor, parseFeedCursor } from './domain.js';
import { insertRevocation, raiseSessionVersion, revocationsAfter, type RevocationReason, type RevocationRow } from './repository.js';

/** The longest token lifetime the configuration allows (JWT_TTL_SECONDS): a safe default where none is given. */
export const MAX_TOKEN_LIFETIME_SECONDS = 86_400;
/**
 * Pages of the feed. Only revocations younger than a token lifetime are in the first page, and later ones hold the
 * rows since the oldest transaction still running (offered again until it ends), so one page is the usual answer; a
 * reader that meets more than a page of rows behind one long transaction cannot get past them and must fail closed.
 */
const FEED_PAGE_DEFAULT = 500;
const FEED_PAGE_MAX = 10_000;
/** The one service that reads the feed: the gateway, the only door for staff tokens. */
const FEED_READER = 'gateway';

const outboxTables = { outbox, processedEvents };

/**
 * How long a revocation written now must be kept: every token issued before it has expired by then, even on a gateway
 * whose clock is behind ours by the skew the signed identities allow.
 */
export function revocationLifetimeSeconds(tokenTtlSeconds: number = MAX_TOKEN_LIFETIME_SECONDS): number {
  return tokenTtlSeconds + Math.ceil(MAX_CLOCK_SKEW_MS / 1000);
}

/**
 * Ends every session of a person, in the caller's transaction (the command that makes them stale): raises their
 * session version and writes the feed row the gateway refuses older tokens by. Answers the new version.
 */
export async function endAllSessionsInTx(tx: Tx, staffId: string, reason: Exclude<RevocationReason, 'LOGOUT'>, tokenTtlSeconds?: number): Promise<number> {
  const minVersion = await raiseSessionVersion(tx, staffId);
  await insertRevocation(tx, { staffId, reason, minVersion, lifetimeSeconds: revocationLifetimeSeconds(tokenTtlSeconds) });
  return minVersion;
}

/** A feed row as the gateway reads it: the stored row less its transaction id, with its remaining life. */
export type SessionRevocationView = Omit<RevocationRow, 'id' | 'xid'> & {
  id: string;
  /** Milliseconds until expiresAt, by the database's clock when the page was read. */
  expiresInMs: number;
};

export interface SessionServiceOptions {
  database: Database;
  tokenTtlSeconds: number;
  onEventsStaged?: () => void;
}

export function createSessionService(options: SessionServiceOptions) {
  const { database } = options;
  return {
    /** Ends the calling session (its token's id); the person's other sessions go on. */
    async logout(context: SignedRequestContext): Promise<boolean> {
      const { identity } = context;
      if (identity.kind !== 'staff') throw new UnauthenticatedError();
      // Every token the gateway passes on has a session id; one without it could not be ended, so it is refused.
      if (identity.sessionId === undefined) throw new UnauthenticatedError('this session cannot be ended; sign in again');
      const sessionId = identity.sessionId;
      await database.db.transaction(async (tx) => {
        await insertRevocation(tx, {
          staffId: identity.staffId,
          reason: 'LOGOUT',
          sessionId,
          lifetimeSeconds: revocationLifetimeSeconds(options.tokenTtlSeconds),
        });
        await stageEvents(tx, outboxTables, [
          auditEvent(context, { action: 'LOGGED_OUT', outcome: 'SUCCESS', target: { type: 'Staff', id: identity.staffId }, officeCode: identity.officeCode }),
        ]);
      });
      options.onEventsStaged?.();
      return true;
    },

    /** The feed, for the gateway only (a signed service identity; hidden from the gateway's own API). */
    async revocations(context: SignedRequestContext, after: string | null | undefined, first: number | null | undefined) {
      const { identity } = context;
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (identity.kind !== 'service' || identity.service !== FEED_READER) throw new ForbiddenError('the session feed is for the gateway');
      const cursor = after === null || after === undefined ? undefined : parseFeedCursor(after);
      if (after !== null && after !== undefined && cursor === undefined) throw new BadUserInputError('after', 'not a cursor this feed gave');
      const limit = first ?? FEED_PAGE_DEFAULT;
      if (!Number.isInteger(limit) || limit < 1 || limit > FEED_PAGE_MAX) throw new BadUserInputError('first', `first must be between 1 and ${FEED_PAGE_MAX}`);
      const { rows, oldestRunningXid } = await revocationsAfter(database.db, cursor, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const next = nextFeedCursor(last && { xid: last.xid, id: String(last.id) }, rows.length > limit, oldestRunningXid);
      return { revocations: page.map(view), cursor: formatFeedCursor(next), hasMore: rows.length > limit };
    },
  };
}

function view(row: RevocationRow & { expiresInMs: number }): SessionRevocationView {
  return {
    id: String(row.id),
    staffId: row.staffId,
    minVersion: row.minVersion,
    sessionId: row.sessionId,
    reason: row.reason,
    revokedAt: row.revokedAt,
    expiresAt: row.expiresAt,
    expiresInMs: row.expiresInMs,
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
