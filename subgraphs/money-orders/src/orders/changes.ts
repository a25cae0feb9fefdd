import type { Tx } from '@postal/db';
import { newEvent, type MoneyOrderMovement } from '@postal/events';
import { stageEvents } from '@postal/outbox';
import { Decimal } from '@postal/money';
import { businessDate } from '@postal/calendar';
import type { OrderDeps } from './deps.js';
import type { MoneyOrderStatus } from './domain.js';
import { insertMovement, insertTransition, updateOrder, type MoneyOrderRow, type NewMoneyOrderRow } from './repository.js';

/** Who did it, for the timeline and the ledger: a username, 'sender', or a service. */
export interface Actor {
  label: string;
  event: { kind: 'staff' | 'service' | 'anonymous'; id?: string; username?: string; officeCode?: string };
}

export interface Change {
  order: MoneyOrderRow;
  to: MoneyOrderStatus;
  actor: Actor;
  officeCode: string | null;
  reason?: string | null;
  /** Other columns changed with the status. */
  set?: Partial<NewMoneyOrderRow>;
  movement?: { kind: MoneyOrderMovement; officeCode: string; holdId?: string; fromExpired?: boolean };
  requestId?: string | undefined;
}

/** The change to MO payable (credit positive) each movement makes: what the reconciliation expects the ledger to hold. */
function payableChange(kind: MoneyOrderMovement, amount: string): string {
  switch (kind) {
    case 'BOOKED':
      return new Decimal(amount).toFixed();
    case 'EXPIRED':
      // From MO payable to expired MO payable: both are control accounts, so the total does not change.
      return '0';
    default:
      return new Decimal(amount).negated().toFixed();
  }
}

/**
 * Applies one status change to a locked order: the row, the timeline, and, when money moves, the ledger movement and
 * its event, all in the caller's transaction (the event is published after commit by the outbox relay).
 */
export async function applyChange(tx: Tx, deps: OrderDeps, change: Change): Promise<MoneyOrderRow> {
  const now = deps.clock();
  const { order } = change;
  const updated = await updateOrder(tx, order.id, { ...change.set, status: change.to });
  await insertTransition(tx, { orderId: order.id, fromStatus: order.status, toStatus: change.to, actor: change.actor.label, officeCode: change.officeCode, at: now, reason: change.reason ?? null });
  if (change.movement) await stageMovement(tx, deps, updated, change.movement, change.actor, change.requestId);
  return updated;
}

export async function stageMovement(
  tx: Tx,
  deps: OrderDeps,
  order: MoneyOrderRow,
  movement: NonNullable<Change['movement']>,
  actor: Actor,
  requestId: string | undefined,
): Promise<void> {
  const now = deps.clock();
  const isBooking = movement.kind === 'BOOKED';
  const event = newEvent(
    'money-order.movement',
    {
      movement: movement.kind,
      moneyOrderId: order.id,
      reference: order.reference,
      product: order.product as 'ORDINARY',
      currency: order.currency,
      bookingOfficeCode: order.bookingOfficeCode,
      officeCode: movement.officeCode,
      businessDate: businessDate(now, deps.timeZone),
      amount: new Decimal(order.amount).toFixed(),
      commission: isBooking ? new Decimal(order.commission).toFixed() : '0',
      tax: isBooking ? new Decimal(order.tax).toFixed() : '0',
      paymentMode: order.paymentMode as 'CASH',
      fromExpired: movement.fromExpired ?? false,
      ...(movement.holdId ? { holdId: movement.holdId } : {}),
      actor: actor.event,
    },
    { source: 'money-orders', requestId, occurredAt: now },
  );
  await insertMovement(tx, {
    orderId: order.id,
    movement: movement.kind,
    eventId: event.id,
    bookingOfficePath: order.bookingOfficePath,
    payableChange: payableChange(movement.kind, order.amount),
    businessDate: event.payload.businessDate,
    createdAt: now,
  });
  await stageEvents(tx, deps.outbox, [event]);
}
