/**
 * Booking limits: pure rules over limit data (no I/O). Two kinds:
 * - PER_ORDER: the most one order of a product may carry. The tariff's maxAmount is what the tariff can price; a
 *   limit is the regulator's cap on top of it, and can change without a new tariff.
 * - PER_SENDER_MONTH: the most one sender (identified by phone and ID document) may send in a calendar month of the
 *   booking's business date, over every product of the row's cap group.
 *
 * Decisions (issue 11 leaves them open):
 * - SERVICE orders (government and departmental payments) have no sender cap: the "sender" is a department paying
 *   many payees, not a person, and the retail cap is about persons. They keep the tariff's per-order maximum.
 * - A refund, stop, return or expiry does not give the allowance back. The cap bounds what a person moves through
 *   the counters in a month; if a refund restored it, booking and stopping orders would launder any amount past it.
 *   An order whose booking transaction rolls back never counted (the reservation is in that transaction).
 */
import { Decimal, formatAmount, money } from '@postal/money';
import { isCalendarDate } from '@postal/calendar';
import type { MoneyOrderProduct } from '../tariffs/domain.js';
import { LimitExceededError } from './errors.js';

export type LimitKind = 'PER_ORDER' | 'PER_SENDER_MONTH';
export const LIMIT_KINDS: readonly LimitKind[] = Object.freeze(['PER_ORDER', 'PER_SENDER_MONTH']);

export interface MoneyOrderLimit {
  readonly id: string;
  readonly kind: LimitKind;
  readonly product: MoneyOrderProduct;
  /** PER_SENDER_MONTH: the products whose bookings share one monthly total; null for PER_ORDER. */
  readonly capGroup: string | null;
  readonly currency: string;
  /** The cap, inclusive, in major units ("25000"). */
  readonly amount: string;
  /** 'YYYY-MM-DD', inclusive. */
  readonly effectiveFrom: string;
  /** 'YYYY-MM-DD', exclusive; null while in force. */
  readonly effectiveTo: string | null;
}

/** The retail products of the India 2024 regulations; SERVICE is not retail (see above). */
const RETAIL: readonly MoneyOrderProduct[] = ['ORDINARY', 'ELECTRONIC', 'INSTANT'];

/**
 * India's limits, as the seed migration inserts them. DOMAIN.md: "2024 regulations: Rs 10,000 per MO, Rs 25,000 per
 * sender per month for retail". From 2024-12-16, the day the engineering brief gives the 2024 ORDINARY tariff (DOMAIN.md
 * gives no day). INSTANT is retail here as the issue says, although DOMAIN.md gives iMOs a range of Rs 1,000 - 50,000:
 * there is no iMO tariff yet, and whoever adds one decides whether iMOs keep these limits (a new limit row).
 * Pakistan: DOMAIN.md gives no limits, so a PKR operator has none beyond the tariff's maximum.
 */
export const INDIA_LIMITS: readonly MoneyOrderLimit[] = Object.freeze([
  ...RETAIL.map((product) =>
    Object.freeze({
      id: `IN-LIMIT-PER_ORDER-${product}-2024-12-16`,
      kind: 'PER_ORDER' as const,
      product,
      capGroup: null,
      currency: 'INR',
      amount: '10000',
      effectiveFrom: '2024-12-16',
      effectiveTo: null,
    }),
  ),
  ...RETAIL.map((product) =>
    Object.freeze({
      id: `IN-LIMIT-PER_SENDER_MONTH-${product}-2024-12-16`,
      kind: 'PER_SENDER_MONTH' as const,
      product,
      capGroup: 'RETAIL',
      currency: 'INR',
      amount: '25000',
      effectiveFrom: '2024-12-16',
      effectiveTo: null,
    }),
  ),
]);

function isInForce(limit: MoneyOrderLimit, onDate: string): boolean {
  return limit.effectiveFrom <= onDate && (limit.effectiveTo === null || onDate < limit.effectiveTo);
}

/**
 * The limit of `kind` for `product` in force on `onDate`, or undefined (no such limit). More than one is a data
 * fault (the seed validation refuses it), so it fails loudly rather than picking one.
 */
export function selectLimit(limits: readonly MoneyOrderLimit[], kind: LimitKind, product: string, onDate: string): MoneyOrderLimit | undefined {
  const inForce = limits.filter((limit) => limit.kind === kind && limit.product === product && isInForce(limit, onDate));
  if (inForce.length > 1) throw new Error(`limits ${inForce.map((limit) => limit.id).join(', ')} overlap on ${onDate}`);
  return inForce[0];
}

function display(currency: string, amount: Decimal): string {
  return `${currency} ${formatAmount(money(amount, currency))}`;
}

/** LIMIT_EXCEEDED when `amount` is above the per-order limit. */
export function checkOrderLimit(limit: MoneyOrderLimit | undefined, amount: Decimal): void {
  if (!limit) return;
  const cap = new Decimal(limit.amount);
  if (amount.lte(cap)) return;
  throw new LimitExceededError(`one money order (${limit.product}) may carry at most ${display(limit.currency, cap)}`, {
    kind: 'PER_ORDER',
    limit: formatAmount(money(cap, limit.currency)),
    currency: limit.currency,
    limitId: limit.id,
  });
}

/** The refusal when a reservation would take the sender's month past the cap; `booked` is what they already have. */
export function monthlyCapExceeded(limit: MoneyOrderLimit, month: string, booked: Decimal, amount: Decimal): LimitExceededError {
  const cap = new Decimal(limit.amount);
  const left = Decimal.max(cap.minus(booked), 0);
  return new LimitExceededError(
    `this sender may send at most ${display(limit.currency, cap)} in ${month}; ${display(limit.currency, left)} is left, not ${display(limit.currency, amount)}`,
    {
      kind: 'PER_SENDER_MONTH',
      limit: formatAmount(money(cap, limit.currency)),
      remaining: formatAmount(money(left, limit.currency)),
      currency: limit.currency,
      month,
      limitId: limit.id,
    },
  );
}

/** Checks limit data before the seed inserts it: consistent rows and no two of a kind in force for one product. */
export function validateLimits(limits: readonly MoneyOrderLimit[]): void {
  const ids = new Set<string>();
  limits.forEach((limit, index) => {
    if (ids.has(limit.id)) throw new Error(`limit id ${limit.id} is used twice`);
    ids.add(limit.id);
    if (!LIMIT_KINDS.includes(limit.kind)) throw new Error(`limit ${limit.id}: unknown kind ${limit.kind}`);
    if ((limit.kind === 'PER_SENDER_MONTH') !== (limit.capGroup !== null)) throw new Error(`limit ${limit.id}: a cap group is for PER_SENDER_MONTH only`);
    if (!new Decimal(money(limit.amount, limit.currency).amount).gt(0)) throw new Error(`limit ${limit.id}: amount must be positive`);
    if (!isCalendarDate(limit.effectiveFrom) || (limit.effectiveTo !== null && !(isCalendarDate(limit.effectiveTo) && limit.effectiveTo > limit.effectiveFrom))) {
      throw new Error(`limit ${limit.id}: bad effective dates`);
    }
    for (const other of limits.slice(index + 1)) {
      const same = other.kind === limit.kind && other.product === limit.product && other.currency === limit.currency;
      const overlaps =
        (limit.effectiveTo === null || other.effectiveFrom < limit.effectiveTo) && (other.effectiveTo === null || limit.effectiveFrom < other.effectiveTo);
      if (same && overlaps) throw new Error(`limits ${limit.id} and ${other.id} overlap`);
    }
  });
}
