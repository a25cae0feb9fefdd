import type { Identity } from '@postal/auth';
import { assertCan, can, type Permission } from '@postal/authz';
import { transaction } from '@postal/db';
import { BadUserInputError, ForbiddenError } from '@postal/errors';
import { actorOf } from './actor.js';
import { deliveryOf, type CodeDelivery } from './book.js';
import { applyChange } from './changes.js';
import type { OrderDeps } from './deps.js';
import { MAX_CODE_RESENDS, nextStatus, OTP_TTL_DAYS, type MoneyOrderStatus } from './domain.js';
import { InvalidReferenceError, InvalidTransitionError, MoneyOrderNotFoundError, ResendLimitError } from './errors.js';
import { sendCode } from './notify.js';
import { isValidReference } from './reference.js';
import { findOrder, lockOrder, updateOrder, type MoneyOrderRow } from './repository.js';
import { OTP_LENGTH, randomDigits, SECRET_CODE_LENGTH } from './secrets.js';

const MAX_REASON_LENGTH = 500;

export function checkReason(value: unknown): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH || /[\u0000-\u001f\u007f]/.test(reason)) {
    throw new BadUserInputError('reason', `a reason is 1 to ${MAX_REASON_LENGTH} printable characters`);
  }
  return reason;
}

/** Which office an action is judged at: the booking office (sender's side) or the paying office (payee's side). */
type Side = 'booking' | 'paying' | 'either';

/**
 * The locked order, if the caller may act on it: out of scope reads as not found (an order number is not a way to
 * learn what exists elsewhere), in scope without the permission is FORBIDDEN.
 */
async function lockForAction(
  tx: Parameters<typeof lockOrder>[0],
  identity: Identity,
  reference: string,
  rule: { permission: Permission; side: Side; whenLocked?: { permission: Permission; side: Side } },
): Promise<MoneyOrderRow> {
  if (!isValidReference(reference)) throw new InvalidReferenceError();
  const order = await lockOrder(tx, reference);
  if (!order || !visible(identity, order)) throw new MoneyOrderNotFoundError(reference);
  const { permission, side } = order.status === 'LOCKED' && rule.whenLocked ? rule.whenLocked : rule;
  const paths = side === 'booking' ? [order.bookingOfficePath] : side === 'paying' ? [order.payingOfficePath] : [order.bookingOfficePath, order.payingOfficePath];
  if (!paths.some((path) => can(identity, permission, path))) {
    assertCan(identity, permission, paths[0]!);
    throw new ForbiddenError(`you may not ${permission} for money order ${reference}`);
  }
  return order;
}

/** Whether the caller may see the order at all: mo.read (or a counter permission) at its booking or paying office. */
export function visible(identity: Identity, order: Pick<MoneyOrderRow, 'bookingOfficePath' | 'payingOfficePath'>): boolean {
  const permissions: Permission[] = ['mo.read', 'mo.book', 'mo.pay', 'mo.manage'];
  return permissions.some((permission) => can(identity, permission, order.bookingOfficePath) || can(identity, permission, order.payingOfficePath));
}

async function simpleChange(
  deps: OrderDeps,
  identity: Identity,
  reference: string,
  rule: { permission: Permission; side: Side; action: 'stopped' | 'returned' | 'locked' | 'released'; whenLocked?: { permission: Permission; side: Side } },
  reasonInput: unknown,
  requestId: string,
): Promise<MoneyOrderRow> {
  const reason = checkReason(reasonInput);
  return transaction(deps.database, 'read committed', async (tx) => {
    const order = await lockForAction(tx, identity, reference, rule);
    const to = nextStatus(order.reference, order.status as MoneyOrderStatus, rule.action, order.lockedFromStatus as MoneyOrderStatus | null);
    const officeCode = rule.side === 'paying' ? order.payingOfficeCode : order.bookingOfficeCode;
    const set =
      rule.action === 'locked'
        ? { lockReason: reason, lockedFromStatus: order.status }
        : order.status === 'LOCKED'
          ? // Released, or refused after the check (returned): the count of wrong codes starts again.
            { lockReason: null, lockedFromStatus: null, failedCodeAttempts: 0 }
          : {};
    return applyChange(tx, deps, { order, to, actor: actorOf(identity), officeCode, reason, set, requestId });
  });
}

export const stopMoneyOrder = (deps: OrderDeps, identity: Identity, reference: string, reason: unknown, requestId: string) =>
  simpleChange(deps, identity, reference, { permission: 'mo.book', side: 'booking', action: 'stopped' }, reason, requestId);

export const returnMoneyOrder = (deps: OrderDeps, identity: Identity, reference: string, reason: unknown, requestId: string) =>
  // The payee refused or was not found (the paying counter), or a locked order was refused after its check (the
  // finance officer who holds the lock).
  simpleChange(deps, identity, reference, { permission: 'mo.pay', side: 'paying', action: 'returned', whenLocked: { permission: 'mo.manage', side: 'either' } }, reason, requestId);

export const lockMoneyOrder = (deps: OrderDeps, identity: Identity, reference: string, reason: unknown, requestId: string) =>
  simpleChange(deps, identity, reference, { permission: 'mo.manage', side: 'either', action: 'locked' }, reason, requestId);

export const releaseMoneyOrder = (deps: OrderDeps, identity: Identity, reference: string, reason: unknown, requestId: string) =>
  simpleChange(deps, identity, reference, { permission: 'mo.manage', side: 'either', action: 'released' }, reason, requestId);

/**
 * Sends the payout code again as a new code (the old one stops working), at most MAX_CODE_RESENDS times. The wrong-code
 * count is not reset: re-sending must not become a way round the lockout.
 */
export async function resendMoneyOrderCode(deps: OrderDeps, identity: Identity, reference: string): Promise<CodeDelivery> {
  const now = deps.clock();
  const { order, code } = await transaction(deps.database, 'read committed', async (tx) => {
    if (!isValidReference(reference)) throw new InvalidReferenceError();
    const locked = await lockOrder(tx, reference);
    if (!locked || !visible(identity, locked)) throw new MoneyOrderNotFoundError(reference);
    if (!can(identity, 'mo.book', locked.bookingOfficePath) && !can(identity, 'mo.pay', locked.payingOfficePath)) {
      throw new ForbiddenError(`you may not send the code of money order ${reference}`);
    }
    if (locked.status !== 'BOOKED' && locked.status !== 'AVAILABLE') throw new InvalidTransitionError(reference, locked.status, 'sent its code again');
    if (locked.codeResends >= MAX_CODE_RESENDS) throw new ResendLimitError(MAX_CODE_RESENDS);
    const instant = locked.product === 'INSTANT';
    const fresh = randomDigits(instant ? SECRET_CODE_LENGTH : OTP_LENGTH);
    const updated = await updateOrder(tx, locked.id, {
      codeHash: deps.hasher.hash(locked.id, 'PAYOUT', fresh),
      codeResends: locked.codeResends + 1,
      codeChannel: deps.notifier.channel,
      codeExpiresAt: instant ? locked.codeExpiresAt : new Date(now.getTime() + OTP_TTL_DAYS * 86_400_000),
    });
    return { order: updated, code: fresh };
  });
  const delivery = await sendCode(deps, order, code, order.product === 'INSTANT' ? 'sender' : 'payee');
  return { ...deliveryOf(order), channel: delivery?.channel ?? 'NOT_SENT' };
}

export async function findVisibleOrder(deps: OrderDeps, identity: Identity, reference: string): Promise<MoneyOrderRow | null> {
  if (!isValidReference(reference)) throw new InvalidReferenceError();
  const order = await findOrder(deps.database.db, reference);
  return order && visible(identity, order) ? order : null;
}
