import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '@postal/db';
import { staff } from '../staff/tables.js';
import { sessionRevocations } from './tables.js';
import type { FeedCursor } from './domain.js';

export type RevocationReason = 'SUSPENDED' | 'LEFT' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'ROLE_REVOKED' | 'ASSIGNED' | 'LOGOUT';

export interface RevocationRow {
  id: number;
  xid: string;
  staffId: string;
  minVersion: number | null;
  sessionId: string | null;
  reason: string;
  revokedAt: Date;
  expiresAt: Date;
}

const columns = {
  id: sessionRevocations.id,
  xid: sessionRevocations.xid,
  staffId: sessionRevocations.staffId,
  minVersion: sessionRevocations.minVersion,
  sessionId: sessionRevocations.sessionId,
  reason: sessionRevocations.reason,
  revokedAt: sessionRevocations.revokedAt,
  expiresAt: sessionRevocations.expiresAt,
};

/** expires_at for a row written now: the longest a token issued before now can live, plus the allowed clock skew. */
const expiresAfter = (lifetimeSeconds: number) => sql`now() + make_interval(secs => ${lifetimeSeconds})`;

/** Raises the person's session version; answers the new one (every token below it is dead). */
export async function raiseSessionVersion(tx: Tx, staffId: string): Promise<number> {
  const [row] = await tx
    .update(staff)
    .set({ sessionVersion: sql`${staff.sessionVersion} + 1` })
    .where(eq(staff.id, staffId))
    .returning({ sessionVersion: staff.sessionVersion });
  if (!row) throw new Error(`staff ${staffId} vanished inside its own transaction`);
  return row.sessionVersion;
}

export async function currentSessionVersion(db: Db | Tx, staffId: string): Promise<number | undefined> {
  const [row] = await db.select({ sessionVersion: staff.sessionVersion }).from(staff).where(eq(staff.id, staffId));
  return row?.sessionVersion;
}

export async function insertRevocation(
  tx: Tx,
  row: { staffId: string; reason: RevocationReason; lifetimeSeconds: number } & ({ minVersion: number } | { sessionId: string }),
): Promise<void> {
  await tx.insert(sessionRevocations).values({
    staffId: row.staffId,
    reason: row.reason,
    minVersion: 'minVersion' in row ? row.minVersion : null,
    sessionId: 'sessionId' in row ? row.sessionId : null,
    expiresAt: expiresAfter(row.lifetimeSeconds),
  });
}

/**
 * One page of the feed, in (xid, id) order, with the oldest transaction still running when the page was read: every
 * row of a transaction below it is visible now or never will be. Only rows that can still refuse a live token.
 */
export async function revocationsAfter(
  db: Db | Tx,
  after: FeedCursor | undefined,
  limit: number,
): Promise<{ rows: Array<RevocationRow & { expiresInMs: number }>; oldestRunningXid: string }> {
  // An expired row refuses nothing (every token it could refuse has expired), so no reader is ever given one.
  const position = after ? sql`(${sessionRevocations.xid}, ${sessionRevocations.id}) > (${after.xid}::xid8, ${after.id}::bigint)` : undefined;
  const condition = and(gt(sessionRevocations.expiresAt, sql`now()`), position);
  // One statement, so the rows and the watermark come from one snapshot.
  const rows = await db
    .select({
      ...columns,
      // How long the row still matters, by the database's own clock: readers add it to theirs, so a reader whose clock
      // disagrees with the database's (skew, a test's faked clock) still forgets the row neither early nor late.
      expiresInMs: sql<number>`ceil(extract(epoch from (${sessionRevocations.expiresAt} - now())) * 1000)::int`.mapWith(Number),
      oldestRunningXid: sql<string>`pg_snapshot_xmin(pg_current_snapshot())::text`,
    })
    .from(sessionRevocations)
    .where(condition)
    .orderBy(asc(sessionRevocations.xid), asc(sessionRevocations.id))
    .limit(limit);
  if (rows.length > 0) {
    return { rows: rows.map(({ oldestRunningXid: _xmin, ...row }) => row), oldestRunningXid: rows[0]!.oldestRunningXid };
  }
  const [watermark] = rowsOf<{ xmin: string }>(await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`));
  return { rows: [], oldestRunningXid: watermark!.xmin };
}
