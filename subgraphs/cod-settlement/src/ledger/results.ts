import type { Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { answerLedgerMovement, findLedgerMovement, type LedgerMovementRow } from './repository.js';

/** Where cod-settlement hears accounts' answers (packages/events catalogue). */
export const LEDGER_RESULTS_QUEUE = 'cod-settlement.ledger-results';

/** What a module does when one of its movements is answered (in the same transaction): e.g. nothing, or flag it. */
export type MovementAnswered = (tx: Tx, movement: LedgerMovementRow) => Promise<void>;

/**
 * accounts' answer to a COD movement, in the idempotent consumer's transaction: recorded once (a redelivered answer
 * changes nothing), then handed to the listener for its movement type, if any. A REJECTED movement stays visible
 * (ledger_movements.status) for the reconciliation and a finance officer; nothing is retried for ever.
 */
export function createLedgerResultsHandler(clock: () => Date, listeners: Partial<Record<string, MovementAnswered>> = {}) {
  return async function handleLedgerResult(tx: Tx, event: AnyEvent): Promise<void> {
    if (event.type !== 'cod.movement-posted') throw new Error(`${LEDGER_RESULTS_QUEUE} does not take ${event.type} events`);
    const answer = event.payload;
    const known = await findLedgerMovement(tx, answer.movementId);
    if (!known) throw new Error(`the ledger answered for COD movement ${answer.movementId}, which does not exist here`);
    const recorded = await answerLedgerMovement(tx, {
      movementId: answer.movementId,
      status: answer.outcome,
      entryIds: answer.entryIds,
      rejection: answer.error ? `${answer.error.code}: ${answer.error.message}` : null,
      at: clock(),
    });
    if (recorded) await listeners[recorded.movement]?.(tx, recorded);
  };
}
