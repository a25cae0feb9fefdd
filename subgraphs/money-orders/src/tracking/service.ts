import { createHash } from 'node:crypto';
import type { RequestContext as FullRequestContext } from '@postal/server';

/** What tracking reads of a request: who asks (anonymous, usually), from where, and the request id. */
type RequestContext = Pick<FullRequestContext, 'identity' | 'requestId' | 'clientAddress'>;
import { transaction } from '@postal/db';
import { actorOf } from '../orders/actor.js';
import { applyChange } from '../orders/changes.js';
import type { OrderDeps } from '../orders/deps.js';
import { canTransition, MAX_STOP_CODE_ATTEMPTS, nextStatus, STOP_CODE_TTL_MS, type MoneyOrderStatus } from '../orders/domain.js';
import { InvalidReferenceError, WrongCodeError } from '../orders/errors.js';
import { checkReason } from '../orders/lifecycle.js';
import { sendCode } from '../orders/notify.js';
import { checkPhone } from '../orders/parties.js';
import { isValidReference } from '../orders/reference.js';
import { findOrder, lockOrder, updateOrder, type MoneyOrderRow } from '../orders/repository.js';
import { normaliseCode, OTP_LENGTH, randomDigits } from '../orders/secrets.js';
import type { RateLimiter } from './rate-limit.js';

/** Per window (a minute): lookups per client address, and per order whoever asks. */
export const TRACKING_LIMITS = { perClient: 20, perReference: 10 } as const;
export const TRACKING_WINDOW_MS = 60_000;

export interface Tracking {
  reference: string;
  status: string;
  bookedOn: string;
  expiresOn: string;
  settledOn: string | null;
  stoppable: boolean;
}

function trackingOf(order: MoneyOrderRow): Tracking {
  return {
    reference: order.reference,
    status: order.status,
    bookedOn: order.bookedOn,
    expiresOn: order.expiresOn,
    settledOn: order.settledOn,
    stoppable: canTransition(order.status as MoneyOrderStatus, 'stopped'),
  };
}

/** Compares phones without a timing difference between "no order" and "wrong phone" worth measuring. */
function samePhone(a: string, b: string): boolean {
  return createHash('sha256').update(a).digest('hex') === createHash('sha256').update(b).digest('hex');
}

export function createTrackingService(deps: OrderDeps, limiter: RateLimiter) {
  async function guard(request: RequestContext, reference: string) {
    await limiter.hit([
      { key: `client:${request.clientAddress ?? 'unknown'}`, limit: TRACKING_LIMITS.perClient },
      { key: `reference:${reference}`, limit: TRACKING_LIMITS.perReference },
    ]);
  }

  /** The order for a reference and sender phone, or null for no order and for a wrong phone alike. */
  async function match(reference: string, senderPhone: string): Promise<MoneyOrderRow | null> {
    let phone: string;
    try {
      phone = checkPhone(senderPhone, 'senderPhone');
    } catch {
      return null;
    }
    const order = await findOrder(deps.database.db, reference);
    return order && samePhone(order.senderPhone, phone) ? order : null;
  }

  return {
    async track(request: RequestContext, reference: string, senderPhone: string): Promise<Tracking | null> {
      if (!isValidReference(reference)) throw new InvalidReferenceError();
      await guard(request, reference);
      const order = await match(reference, senderPhone);
      return order ? trackingOf(order) : null;
    },

    /** Sends a stop code to the sender's phone when it matches; the answer is true either way. */
    async requestStopCode(request: RequestContext, reference: string, senderPhone: string): Promise<boolean> {
      if (!isValidReference(reference)) throw new InvalidReferenceError();
      await guard(request, reference);
      const order = await match(reference, senderPhone);
      if (!order || !canTransition(order.status as MoneyOrderStatus, 'stopped')) return true;
      const code = randomDigits(OTP_LENGTH);
      const updated = await updateOrder(deps.database.db, order.id, {
        stopCodeHash: deps.hasher.hash(order.id, 'STOP', code),
        stopCodeExpiresAt: new Date(deps.clock().getTime() + STOP_CODE_TTL_MS),
        stopCodeAttempts: 0,
      });
      await sendCode(deps, updated, code, 'stop');
      return true;
    },

    /** The sender stops the order with the code from their phone. */
    async stopAsSender(request: RequestContext, reference: string, senderPhone: string, codeInput: string, reasonInput: string): Promise<Tracking> {
      if (!isValidReference(reference)) throw new InvalidReferenceError();
      await guard(request, reference);
      const reason = checkReason(reasonInput);
      const code = normaliseCode(codeInput) ?? '';
      const outcome = await transaction(deps.database, 'read committed', async (tx) => {
        const order = await lockOrder(tx, reference);
        const matched = order && samePhone(order.senderPhone, checkPhone(senderPhone, 'senderPhone')) ? order : null;
        const live = matched?.stopCodeHash && matched.stopCodeExpiresAt && matched.stopCodeExpiresAt.getTime() >= deps.clock().getTime() && matched.stopCodeAttempts < MAX_STOP_CODE_ATTEMPTS;
        if (!matched || !live || !deps.hasher.matches(matched.id, 'STOP', code, matched.stopCodeHash!)) {
          if (matched?.stopCodeHash) await updateOrder(tx, matched.id, { stopCodeAttempts: Math.min(matched.stopCodeAttempts + 1, MAX_STOP_CODE_ATTEMPTS) });
          return { refused: new WrongCodeError(matched ? Math.max(MAX_STOP_CODE_ATTEMPTS - matched.stopCodeAttempts - 1, 0) : 0, 'code') };
        }
        const to = nextStatus(matched.reference, matched.status as MoneyOrderStatus, 'stopped');
        const stopped = await applyChange(tx, deps, {
          order: matched,
          to,
          actor: actorOf(request.identity),
          officeCode: null,
          reason: `stopped by the sender: ${reason}`,
          set: { stopCodeHash: null, stopCodeExpiresAt: null, stopCodeAttempts: 0 },
          requestId: request.requestId,
        });
        return { stopped };
      });
      if ('refused' in outcome) throw outcome.refused;
      return trackingOf(outcome.stopped);
    },
  };
}

export type TrackingService = ReturnType<typeof createTrackingService>;
