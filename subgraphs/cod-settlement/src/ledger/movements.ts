import { randomUUID } from 'node:crypto';
import type { Tx } from '@postal/db';
import { newEvent, type CodMovementPayload } from '@postal/events';
import { stageEvents } from '@postal/outbox';
import { outbox, processedEvents } from '../db-schema.js';
import { insertLedgerMovement } from './repository.js';

/** A movement as a module describes it: the event payload without its id (given here), and what moved. */
export type CodMovementInput = DistributiveOmit<CodMovementPayload, 'movementId'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export interface MovementSubject {
  type: 'ARTICLE' | 'DEPOSIT' | 'PAYOUT' | 'DISPUTE' | 'CLEARING';
  id: string;
  billerId?: string | null;
}

/**
 * Records a COD movement and stages its `cod.movement` event in the caller's transaction, so the ledger hears of it
 * exactly when the change that caused it commits (the outbox relay publishes after commit). Answers the movement id:
 * the ledger's idempotency key, which the caller may keep (a payout keeps its SETTLED movement's, to reverse it).
 */
export async function stageCodMovement(
  tx: Tx,
  movement: CodMovementInput,
  subject: MovementSubject,
  options: { now: Date; requestId?: string | undefined; movementId?: string },
): Promise<string> {
  const movementId = options.movementId ?? randomUUID();
  const event = newEvent('cod.movement', { ...movement, movementId } as CodMovementPayload, {
    source: 'cod-settlement',
    requestId: options.requestId,
    occurredAt: options.now,
  });
  await insertLedgerMovement(tx, {
    movementId,
    movement: movement.movement,
    subjectType: subject.type,
    subjectId: subject.id,
    billerId: subject.billerId ?? null,
    officeCode: officeOf(movement),
    businessDate: movement.businessDate,
    payload: event.payload as unknown as Record<string, unknown>,
    stagedAt: options.now,
  });
  await stageEvents(tx, { outbox, processedEvents }, [event]);
  return movementId;
}

/** The office whose books the movement's main entry lands in: where cash moved, else the biller's settlement office. */
function officeOf(movement: CodMovementInput): string {
  switch (movement.movement) {
    case 'COLLECTED':
      return movement.mode === 'CASH' ? movement.officeCode : movement.settlementOfficeCode;
    case 'DEPOSITED':
      return movement.officeCode;
    default:
      return movement.settlementOfficeCode;
  }
}
