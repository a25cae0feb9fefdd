import { createHash } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { assertCan } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import { transaction, type Tx } from '@postal/db';
import { Decimal } from '@postal/money';
import { makerIdOf } from '../approvals/administration-client.js';
import { actorOf } from './actor.js';
import { checkIdempotencyKey } from './book.js';
import { applyChange, type Actor } from './changes.js';
import type { OrderDeps } from './deps.js';
import { nextStatus, type MoneyOrderStatus } from './domain.js';
import { IdempotencyConflictError, InvalidReferenceError, LedgerPendingError, MoneyOrderNotFoundError, WrongIdDocumentError } from './errors.js';
import { visible } from './lifecycle.js';
import { counterOffice } from './offices.js';
import { normaliseIdDocument } from './parties.js';
import { isValidReference } from './reference.js';
import { findOrder, findOrderById, findRequest, insertRequest, lockOrder, movementsOf, type MoneyOrderRow } from './repository.js';

export interface RefundInput {
  reference: string;
  officeCode: string;
  senderIdDocument: string;
  idempotencyKey: string;
}

export interface Refunded {
  order: MoneyOrderRow;
  approvalRequestId: string | null;
}

/** The MO_REFUND payload: what the checker approves, and what money-orders executes once approved. */
export interface RefundApprovalPayload {
  reference: string;
  officeCode: string;
  amount: string;
  currency: string;
  idempotencyKey: string;
  [key: string]: unknown;
}

/**
 * Hands the amount (never the commission) back to the sender of a STOPPED, RETURNED or EXPIRED order, at a counter
 * office in the caller's mo.book scope, against the ID document given at booking. The ledger must have posted the
 * booking (and the expiry, for an expired order) first, so the refund never overtakes them. Above the refund limit the
 * refund is submitted to the approvals inbox and done when a checker approves it (approvals/executor.ts, MO_REFUND).
 */
export async function refundMoneyOrder(deps: OrderDeps, identity: Identity, input: RefundInput, requestId: string): Promise<Refunded> {
  if (!isValidReference(input.reference)) throw new InvalidReferenceError();
  const key = checkIdempotencyKey(input.idempotencyKey);
  const document = normaliseIdDocument(input.senderIdDocument, 'senderIdDocument');
  const office = await counterOffice(deps.database.db, input.officeCode, 'officeCode');
  assertCan(identity, 'mo.book', office);
  const requestHash = refundRequestHash(input.reference, office.code);
  const earlier = await findRequest(deps.database.db, key);
  if (earlier) return replay(deps, earlier, requestHash, key);
  const order = await checkRefundable(deps, identity, input.reference, document);
  if (new Decimal(order.amount).gt(deps.refundApprovalAbove)) {
    if (!deps.approvals) throw new Error('refunds above the limit need the approvals inbox, which is not configured');
    const payload: RefundApprovalPayload = { reference: order.reference, officeCode: office.code, amount: order.amount, currency: order.currency, idempotencyKey: key };
    const submitted = await deps.approvals.submit(
      { kind: 'MO_REFUND', officeCode: office.code, summary: `Refund money order ${order.reference}: ${order.currency} ${order.amount} to ${order.senderName}`, payload, makerId: makerIdOf(identity) },
      requestId,
    );
    await transaction(deps.database, 'read committed', async (tx) => {
      if (!(await insertRequest(tx, { idempotencyKey: key, action: 'REFUND', orderId: order.id, requestHash, approvalRequestId: submitted.id, createdAt: deps.clock() }))) {
        throw new IdempotencyConflictError(key);
      }
    });
    return { order, approvalRequestId: submitted.id };
  }
  // The cash is reserved at the counter before the transaction, so none is open while the ledger is asked (the
  // embedded default's one connection would be held by it); the refund then re-checks everything under the lock.
  const holdId = await deps.ledger.reserveCash(
    { reference: order.reference, movement: 'REFUNDED', officeCode: office.code, bookingOfficeCode: order.bookingOfficeCode, amount: order.amount, currency: order.currency, fromExpired: order.status === 'EXPIRED' },
    requestId,
  );
  const refunded = await transaction(deps.database, 'read committed', (tx) => refundInTx(tx, deps, actorOf(identity), order.reference, office.code, key, requestHash, requestId, holdId));
  return { order: refunded, approvalRequestId: null };
}

/** What a refund request is, for its idempotency key: the same order at the same office. The approvals executor uses it too. */
export function refundRequestHash(reference: string, officeCode: string): string {
  return createHash('sha256').update(JSON.stringify(['refund/1', reference, officeCode]), 'utf8').digest('hex');
}

async function replay(deps: OrderDeps, earlier: { action: string; requestHash: string; orderId: string; approvalRequestId: string | null }, requestHash: string, key: string): Promise<Refunded> {
  if (earlier.action !== 'REFUND' || earlier.requestHash !== requestHash) throw new IdempotencyConflictError(key);
  const order = await findOrderById(deps.database.db, earlier.orderId);
  return { order: order!, approvalRequestId: earlier.approvalRequestId };
}

async function checkRefundable(deps: OrderDeps, identity: Identity, reference: string, document: string): Promise<MoneyOrderRow> {
  const order = await findOrder(deps.database.db, reference);
  if (!order || !visible(identity, order)) throw new MoneyOrderNotFoundError(reference);
  nextStatus(order.reference, order.status as MoneyOrderStatus, 'refunded');
  if (order.senderIdDocument !== document) throw new WrongIdDocumentError();
  await assertLedgerCaughtUp(deps, order);
  return order;
}

/** The booking (and, for an expired order, the expiry) must be POSTED before money goes back out. */
async function assertLedgerCaughtUp(deps: OrderDeps, order: MoneyOrderRow, tx?: Tx): Promise<void> {
  const movements = (await movementsOf(tx ?? deps.database.db, [order.id])).get(order.id) ?? [];
  const needed = order.status === 'EXPIRED' ? ['BOOKED', 'EXPIRED'] : ['BOOKED'];
  for (const kind of needed) {
    if (movements.find((movement) => movement.movement === kind)?.status !== 'POSTED') throw new LedgerPendingError(order.reference, kind);
  }
}

/**
 * The refund itself, on the locked row: REFUNDED and the REFUNDED movement, with the counter's cash reservation when the
 * clerk made one (refundMoneyOrder). An approved refund (approvals/executor.ts) runs inside the inbox consumer's
 * transaction, where the ledger must not be asked: it goes without a reservation, and a counter whose cash cannot
 * cover it shows as the ledger's REJECTED movement in the reconciliation.
 */
export async function refundInTx(tx: Tx, deps: OrderDeps, actor: Actor, reference: string, officeCode: string, key: string, requestHash: string, requestId: string, holdId?: string): Promise<MoneyOrderRow> {
  const order = await lockOrder(tx, reference);
  if (!order) throw new MoneyOrderNotFoundError(reference);
  const to = nextStatus(order.reference, order.status as MoneyOrderStatus, 'refunded');
  await assertLedgerCaughtUp(deps, order, tx);
  const fromExpired = order.status === 'EXPIRED';
  const claimed = await insertRequest(tx, { idempotencyKey: key, action: 'REFUND', orderId: order.id, requestHash, createdAt: deps.clock() });
  if (!claimed) {
    const earlier = await findRequest(tx, key);
    // An approved refund runs under the key its maker claimed at submission.
    if (!earlier || earlier.orderId !== order.id || earlier.action !== 'REFUND') throw new IdempotencyConflictError(key);
  }
  return applyChange(tx, deps, {
    order,
    to,
    actor,
    officeCode,
    set: { settledOfficeCode: officeCode, settledOn: businessDate(deps.clock(), deps.timeZone) },
    movement: { kind: 'REFUNDED', officeCode, ...(holdId ? { holdId } : {}), fromExpired },
    requestId,
  });
}
