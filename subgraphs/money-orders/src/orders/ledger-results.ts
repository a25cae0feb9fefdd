import type { Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { canTransition, type MoneyOrderStatus } from './domain.js';
import { answerMovement, insertTransition, lockOrderById, updateOrder } from './repository.js';

export const LEDGER_RESULTS_QUEUE = 'money-orders.ledger-results';

/**
 * accounts' answer to a movement, in the idempotent consumer's transaction: the movement is marked POSTED (with its
 * entries) or REJECTED (with the rule), once; a redelivered answer changes nothing. A posted booking makes the order
 * AVAILABLE: the money is in MO payable and may be paid out. A rejected one leaves it BOOKED and shows in the
 * reconciliation until a finance officer acts on it.
 */
export function createLedgerResultsHandler(clock: () => Date) {
  return async function handleLedgerResult(tx: Tx, event: AnyEvent): Promise<void> {
    if (event.type !== 'money-order.movement-posted') throw new Error(`${LEDGER_RESULTS_QUEUE} does not take ${event.type} events`);
    const answer = event.payload;
    const order = await lockOrderById(tx, answer.moneyOrderId);
    if (!order) throw new Error(`the ledger answered for money order ${answer.moneyOrderId}, which does not exist here`);
    const recorded = await answerMovement(tx, {
      orderId: order.id,
      movement: answer.movement,
      status: answer.outcome,
      entryIds: answer.entryIds,
      rejection: answer.error ? `${answer.error.code}: ${answer.error.message}` : null,
      at: clock(),
    });
    if (!recorded) return;
    if (answer.movement === 'BOOKED' && answer.outcome === 'POSTED' && canTransition(order.status as MoneyOrderStatus, 'make available')) {
      await updateOrder(tx, order.id, { status: 'AVAILABLE' });
      await insertTransition(tx, { orderId: order.id, fromStatus: order.status, toStatus: 'AVAILABLE', actor: 'ledger', officeCode: order.payingOfficeCode, at: clock(), reason: null });
    }
    // A lock placed while the booking was on its way releases to AVAILABLE once it is posted.
    if (answer.movement === 'BOOKED' && answer.outcome === 'POSTED' && order.status === 'LOCKED' && order.lockedFromStatus === 'BOOKED') {
      await updateOrder(tx, order.id, { lockedFromStatus: 'AVAILABLE' });
    }
  };
}
