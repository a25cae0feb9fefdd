import type { Db, Tx } from '@postal/db';
import { and, asc, eq } from 'drizzle-orm';
import { ledgerMovements } from './tables.js';

export type LedgerMovementRow = typeof ledgerMovements.$inferSelect;
export type NewLedgerMovementRow = typeof ledgerMovements.$inferInsert;

export async function insertLedgerMovement(tx: Tx, row: NewLedgerMovementRow): Promise<void> {
  await tx.insert(ledgerMovements).values(row);
}

/** Records the ledger's answer once: false when the movement was already answered (a redelivered answer). */
export async function answerLedgerMovement(
  tx: Tx,
  answer: { movementId: string; status: 'POSTED' | 'REJECTED'; entryIds: string[]; rejection: string | null; at: Date },
): Promise<LedgerMovementRow | undefined> {
  const [row] = await tx
    .update(ledgerMovements)
    .set({ status: answer.status, entryIds: answer.entryIds, rejection: answer.rejection, answeredAt: answer.at })
    .where(and(eq(ledgerMovements.movementId, answer.movementId), eq(ledgerMovements.status, 'STAGED')))
    .returning();
  return row;
}

export async function findLedgerMovement(db: Db | Tx, movementId: string): Promise<LedgerMovementRow | undefined> {
  const [row] = await db.select().from(ledgerMovements).where(eq(ledgerMovements.movementId, movementId));
  return row;
}

/** What moved a subject in the ledger (an article's collection, a payout's settlement and its reversal), in order. */
export async function movementsOf(db: Db | Tx, subjectType: LedgerMovementRow['subjectType'], subjectId: string): Promise<LedgerMovementRow[]> {
  return db
    .select()
    .from(ledgerMovements)
    .where(and(eq(ledgerMovements.subjectType, subjectType), eq(ledgerMovements.subjectId, subjectId)))
    .orderBy(asc(ledgerMovements.stagedAt), asc(ledgerMovements.movementId));
}
