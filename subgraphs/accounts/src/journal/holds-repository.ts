import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '@postal/db';
import type { HoldRecord } from './model.js';
import { holds } from './tables.js';

/* The holds' queries (holds.ts decides; this reads and writes). */

const holdColumns = {
  id: holds.id,
  officeCode: holds.officeCode,
  description: holds.description,
  sourceType: holds.sourceType,
  sourceReference: holds.sourceReference,
  debitAccountCode: holds.debitAccountCode,
  creditAccountCode: holds.creditAccountCode,
  amount: holds.amount,
  currency: holds.currency,
  status: holds.status,
  expiresAt: holds.expiresAt,
  actor: holds.actor,
  idempotencyKey: holds.idempotencyKey,
  createdAt: holds.createdAt,
  resolvedAt: holds.resolvedAt,
  capturedAmount: holds.capturedAmount,
  captureEntryId: holds.captureEntryId,
  resolutionReason: holds.resolutionReason,
};

export async function findHold(db: Db | Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<(HoldRecord & { requestHash: string }) | undefined> {
  const query = db
    .select({ ...holdColumns, requestHash: holds.requestHash })
    .from(holds)
    .where(eq(holds.id, id));
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] as (HoldRecord & { requestHash: string }) | undefined;
}

export async function findHoldByKey(db: Db | Tx, idempotencyKey: string): Promise<(HoldRecord & { requestHash: string }) | undefined> {
  const rows = await db
    .select({ ...holdColumns, requestHash: holds.requestHash })
    .from(holds)
    .where(eq(holds.idempotencyKey, idempotencyKey));
  return rows[0] as (HoldRecord & { requestHash: string }) | undefined;
}

/** A hold as placed (written with its reservation by insertHoldAndReserve in repository.ts, under the account locks). */
export type { NewHoldRow } from './repository.js';

/** Records a pending hold's capture (a hold resolves once: a hold no longer PENDING is left as it is). */
export async function markHoldCaptured(tx: Tx, holdId: string, change: { capturedAmount: string; captureEntryId: string; resolvedAt: Date }): Promise<void> {
  await tx
    .update(holds)
    .set({ status: 'CAPTURED', ...change })
    .where(and(eq(holds.id, holdId), eq(holds.status, 'PENDING')));
}

/** Records a pending hold's void, with its reason. */
export async function markHoldVoided(tx: Tx, holdId: string, change: { resolvedAt: Date; resolutionReason: string }): Promise<void> {
  await tx
    .update(holds)
    .set({ status: 'VOIDED', ...change })
    .where(and(eq(holds.id, holdId), eq(holds.status, 'PENDING')));
}

/** Pending holds past their expiry, oldest expiry first, locked; holds another transaction has locked are skipped. */
export async function lockDueHolds(
  tx: Tx,
  now: Date,
  limit: number,
): Promise<Array<Pick<HoldRecord, 'id' | 'debitAccountCode' | 'creditAccountCode' | 'amount'>>> {
  return tx
    .select({ id: holds.id, debitAccountCode: holds.debitAccountCode, creditAccountCode: holds.creditAccountCode, amount: holds.amount })
    .from(holds)
    .where(and(eq(holds.status, 'PENDING'), lte(holds.expiresAt, now)))
    .orderBy(holds.expiresAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Records the expiry of the holds named that are still pending. */
export async function markHoldsExpired(tx: Tx, holdIds: readonly string[], resolvedAt: Date): Promise<void> {
  await tx
    .update(holds)
    .set({ status: 'EXPIRED', resolvedAt, resolutionReason: 'expired' })
    .where(sql`${holds.id} in (${sql.join(holdIds.map((id) => sql`${id}`), sql`, `)}) and ${holds.status} = 'PENDING'`);
}
