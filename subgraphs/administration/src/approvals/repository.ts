import { and, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@postal/db';
import type { ApprovalStatus } from './domain.js';
import type { ApprovalKind } from './kinds.js';
import type { ApprovalRequestRecord } from './model.js';
import type { ApprovalPayload } from './payload.js';
import { approvalRequests } from './tables.js';

type Row = typeof approvalRequests.$inferSelect;

/** A stored row as a record, with the status as stored (the service turns it into the effective one). */
export function toRecord(row: Row): ApprovalRequestRecord {
  return {
    id: row.id,
    kind: row.kind as ApprovalKind,
    subgraph: row.subgraph,
    summary: row.summary,
    payload: row.payload as ApprovalPayload,
    payloadHash: row.payloadHash,
    maker: { id: row.makerId, username: row.makerUsername },
    officeCode: row.officeCode,
    officePath: row.officePath,
    status: row.status as ApprovalStatus,
    checker: row.checkerId !== null && row.checkerUsername !== null ? { id: row.checkerId, username: row.checkerUsername } : null,
    reason: row.reason,
    comment: row.comment,
    result: row.result as Record<string, unknown> | null,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    executedAt: row.executedAt,
    expiresAt: row.expiresAt,
  };
}

export async function insertApprovalRequest(tx: Tx, row: typeof approvalRequests.$inferInsert): Promise<ApprovalRequestRecord> {
  const [inserted] = await tx.insert(approvalRequests).values(row).returning();
  return toRecord(inserted!);
}

export async function findApprovalRequest(
  db: Db | Tx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApprovalRequestRecord | undefined> {
  const query = db.select().from(approvalRequests).where(eq(approvalRequests.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ? toRecord(row) : undefined;
}

/**
 * PENDING -> APPROVED/REJECTED/EXPIRED, only if the row is still PENDING: the caller holds the row lock, and this
 * condition is the second guard (a caller that finds no row updated knows someone else decided first).
 */
export async function markDecided(
  tx: Tx,
  id: string,
  decision:
    | { status: 'APPROVED'; checkerId: string; checkerUsername: string; decidedAt: Date; comment: string | null }
    | { status: 'REJECTED'; checkerId: string; checkerUsername: string; decidedAt: Date; reason: string }
    | { status: 'EXPIRED'; decidedAt: Date },
): Promise<ApprovalRequestRecord | undefined> {
  const [row] = await tx
    .update(approvalRequests)
    .set(decision)
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'PENDING')))
    .returning();
  return row ? toRecord(row) : undefined;
}

/** APPROVED -> EXECUTED/FAILED, only if still APPROVED: an execution records its outcome once. */
export async function markExecuted(
  tx: Tx,
  id: string,
  outcome: { status: 'EXECUTED' | 'FAILED'; executedAt: Date; result: Record<string, unknown> },
): Promise<ApprovalRequestRecord | undefined> {
  const [row] = await tx
    .update(approvalRequests)
    .set(outcome)
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'APPROVED')))
    .returning();
  return row ? toRecord(row) : undefined;
}

/** Overdue PENDING requests, locked; rows another sweeper holds are skipped rather than waited for. */
export async function lockOverdue(tx: Tx, now: Date, limit: number): Promise<ApprovalRequestRecord[]> {
  const rows = await tx
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.status, 'PENDING'), lte(approvalRequests.expiresAt, now)))
    .orderBy(approvalRequests.expiresAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows.map(toRecord);
}

/** A role grant for this staff member and role that is waiting for a checker or approved and not yet executed. */
export async function openRoleGrantExists(db: Db | Tx, staffId: string, role: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.kind, 'ROLE_GRANT'),
        inArray(approvalRequests.status, ['PENDING', 'APPROVED']),
        sql`(${approvalRequests.payload}->>'staffId') = ${staffId}`,
        sql`(${approvalRequests.payload}->>'role') = ${role}`,
        // An overdue PENDING one can no longer be approved, so it does not block a new request.
        sql`(${approvalRequests.status} = 'APPROVED' or ${approvalRequests.expiresAt} > ${now.toISOString()}::timestamptz)`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * Role grants to one person, as SQL: the grantee is named in the payload (its staffId), which the partial index
 * approval_requests_open_role_grants_idx covers for the open ones a staff screen asks for.
 */
export function roleGrantsToCondition(staffId: string): SQL {
  return and(eq(approvalRequests.kind, 'ROLE_GRANT'), sql`(${approvalRequests.payload}->>'staffId') = ${staffId}`)!;
}

/** The effective-status filter (an overdue PENDING row counts as EXPIRED), as SQL. */
export function statusCondition(status: ApprovalStatus, now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  switch (status) {
    case 'PENDING':
      return sql`(${approvalRequests.status} = 'PENDING' and ${approvalRequests.expiresAt} > ${at})`;
    case 'EXPIRED':
      return sql`(${approvalRequests.status} = 'EXPIRED' or (${approvalRequests.status} = 'PENDING' and ${approvalRequests.expiresAt} <= ${at}))`;
    default:
      return eq(approvalRequests.status, status);
  }
}

/** One keyset page, newest first. `visible` is the caller's visibility as SQL; the rest are the client's filters. */
export async function listApprovalRequests(
  db: Db | Tx,
  options: {
    visible: SQL;
    filters: SQL[];
    after: { createdAt: string; id: string } | undefined;
    limit: number;
  },
): Promise<ApprovalRequestRecord[]> {
  const after = options.after
    ? sql`(${approvalRequests.createdAt}, ${approvalRequests.id}) < (${options.after.createdAt}::timestamptz, ${options.after.id}::uuid)`
    : undefined;
  const rows = await db
    .select()
    .from(approvalRequests)
    .where(and(options.visible, ...options.filters, after))
    .orderBy(desc(approvalRequests.createdAt), desc(approvalRequests.id))
    .limit(options.limit);
  return rows.map(toRecord);
}
