import type { Identity } from '@postal/auth';
import { assertHolds, assertPasswordChosen, holds, type Permission } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import type { Database, Tx } from '@postal/db';
import { Decimal } from '@postal/money';
import { checkOrderLimit, monthlyCapExceeded, selectLimit, type MoneyOrderLimit } from './domain.js';
import { limitsInForce, monthlyTotal, reserveMonthly } from './repository.js';

export interface LimitServiceOptions {
  database: Database;
  clock: () => Date;
  timeZone: string;
  /** The operator's currency: only its limits apply. */
  currency: string;
}

/** The booking's limit checks, in the booking's transaction (the orders Pricing seam). */
export function limitChecks(currency: string) {
  return {
    /** LIMIT_EXCEEDED when `amount` is above the product's per-order limit on `onDate`. */
    async assertOrderLimit(tx: Tx, product: string, amount: string, onDate: string): Promise<void> {
      const limits = await limitsInForce(tx, currency, onDate, { kind: 'PER_ORDER', product });
      checkOrderLimit(selectLimit(limits, 'PER_ORDER', product, onDate), new Decimal(amount));
    },

    /**
     * Adds the amount to the sender's calendar month under the product's cap group, or LIMIT_EXCEEDED when that
     * passes the cap; a product without a monthly cap (SERVICE) reserves nothing. Atomic (reserveMonthly), and part
     * of the booking's transaction: a booking that fails later gives the amount back by rolling back.
     */
    async reserveSenderMonthly(
      tx: Tx,
      reservation: { senderKey: string; month: string; product: string; amount: string; currency: string; onDate: string },
    ): Promise<void> {
      if (reservation.currency !== currency) {
        throw new Error(`a ${reservation.currency} booking reached the ${currency} operator's limits`);
      }
      const limits = await limitsInForce(tx, currency, reservation.onDate, { kind: 'PER_SENDER_MONTH', product: reservation.product });
      const limit = selectLimit(limits, 'PER_SENDER_MONTH', reservation.product, reservation.onDate);
      if (!limit) return;
      const key = { senderKey: reservation.senderKey, month: reservation.month, currency, capGroup: limit.capGroup! };
      if (await reserveMonthly(tx, { ...key, amount: reservation.amount, cap: limit.amount })) return;
      throw monthlyCapExceeded(limit, reservation.month, new Decimal(await monthlyTotal(tx, key)), new Decimal(reservation.amount));
    },
  };
}

export function createLimitService(options: LimitServiceOptions) {
  return {
    /** The limits in force on today's business date. Anyone who may quote or propose tariffs may read them. */
    async inForce(identity: Identity): Promise<MoneyOrderLimit[]> {
      assertHoldsAny(identity, ['mo.quote', 'mo.tariff.manage']);
      const today = businessDate(options.clock(), options.timeZone);
      return limitsInForce(options.database.db, options.currency, today);
    },
  };
}

/** Signed in and holding at least one of the permissions; otherwise the first one's UNAUTHENTICATED / FORBIDDEN. */
export function assertHoldsAny(identity: Identity, permissions: readonly [Permission, ...Permission[]]): void {
  if (permissions.some((permission) => holds(identity, permission))) return assertPasswordChosen(identity);
  assertHolds(identity, permissions[0]);
}

export type LimitService = ReturnType<typeof createLimitService>;
