/**
 * The order lifecycle as pure rules: which status may follow which, and the dates an order lives by. No I/O here; the
 * service applies these on a locked row, and the database's CHECK constraints say the same again.
 */
import { InvalidTransitionError } from './errors.js';

export type MoneyOrderStatus = 'BOOKED' | 'AVAILABLE' | 'PAID' | 'LOCKED' | 'STOPPED' | 'RETURNED' | 'EXPIRED' | 'REFUNDED' | 'VOID';
export const MONEY_ORDER_STATUSES: readonly MoneyOrderStatus[] = ['BOOKED', 'AVAILABLE', 'PAID', 'LOCKED', 'STOPPED', 'RETURNED', 'EXPIRED', 'REFUNDED', 'VOID'];

/** What people and jobs do to an order; each names the statuses it may start from and the one it leads to. */
export type MoneyOrderAction = 'make available' | 'paid' | 'locked' | 'released' | 'stopped' | 'returned' | 'expired' | 'refunded' | 'voided';

const TRANSITIONS: Readonly<Record<Exclude<MoneyOrderAction, 'released'>, { from: readonly MoneyOrderStatus[]; to: MoneyOrderStatus }>> = {
  // The ledger has posted the booking: the money is in MO payable and the order may be paid at the paying office.
  'make available': { from: ['BOOKED'], to: 'AVAILABLE' },
  paid: { from: ['AVAILABLE'], to: 'PAID' },
  // Held for a check (anti-money-laundering, a complaint, too many wrong codes). Released back, or refused: returned.
  locked: { from: ['BOOKED', 'AVAILABLE'], to: 'LOCKED' },
  // Only before payment: the sender's right (UPU: "stopped by the remitter").
  stopped: { from: ['BOOKED', 'AVAILABLE'], to: 'STOPPED' },
  // The payee refused it or could not be found; a lock refused after its check also returns the order.
  returned: { from: ['AVAILABLE', 'LOCKED'], to: 'RETURNED' },
  // End of the second month after the month of issue, unpaid (the expiry job). A LOCKED order waits for its check.
  expired: { from: ['AVAILABLE'], to: 'EXPIRED' },
  refunded: { from: ['STOPPED', 'RETURNED', 'EXPIRED'], to: 'REFUNDED' },
  // Expired and unclaimed by the sender for a year more.
  voided: { from: ['EXPIRED'], to: 'VOID' },
};

/** The status an action leads to, or INVALID_TRANSITION naming where the order is. */
export function nextStatus(reference: string, from: MoneyOrderStatus, action: MoneyOrderAction, lockedFrom?: MoneyOrderStatus | null): MoneyOrderStatus {
  if (action === 'released') {
    if (from !== 'LOCKED' || !lockedFrom) throw new InvalidTransitionError(reference, from, action);
    return lockedFrom;
  }
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) throw new InvalidTransitionError(reference, from, action);
  return rule.to;
}

export function canTransition(from: MoneyOrderStatus, action: Exclude<MoneyOrderAction, 'released'>): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** Statuses whose amount the MO payable control accounts still owe: booked and not yet paid, refunded or void. */
export const OUTSTANDING_STATUSES: readonly MoneyOrderStatus[] = ['BOOKED', 'AVAILABLE', 'LOCKED', 'STOPPED', 'RETURNED', 'EXPIRED'];

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day an order booked on `bookedOn` may be paid: the end of the second month after the month of issue. */
export function expiryDate(bookedOn: string): string {
  const [year, month] = parts(bookedOn);
  // Months counted from zero: the month of issue + 2, and day 0 of the month after that is its last day.
  const lastDay = new Date(Date.UTC(year, month + 2, 0));
  return format(lastDay.getUTCFullYear(), lastDay.getUTCMonth() + 1, lastDay.getUTCDate());
}

/** The last day an expired order may still be refunded: a year after its expiry (29 February falls to the 28th). */
export function voidDate(expiresOn: string): string {
  const [year, month, day] = parts(expiresOn);
  const sameDay = new Date(Date.UTC(year + 1, month - 1, day));
  if (sameDay.getUTCMonth() !== month - 1) return format(year + 1, month, 28);
  return format(year + 1, month, day);
}

/** Calendar month of a business date, 'YYYY-MM': the period of the per-sender cap. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** How many wrong codes lock an order (issue 11). */
export const MAX_CODE_ATTEMPTS = 5;
/** How many times the code may be sent again after the first. */
export const MAX_CODE_RESENDS = 3;
/** A payee's OTP works for 30 days from when it was sent; a new one can be sent (bounded) after that. */
export const OTP_TTL_DAYS = 30;
/** A sender's stop code works for 15 minutes. */
export const STOP_CODE_TTL_MS = 15 * 60_000;
/** Wrong stop codes before the stop code is spent (a new one must be asked for). */
export const MAX_STOP_CODE_ATTEMPTS = 3;
/** A message to the payee: at most this many characters. */
export const MAX_MESSAGE_LENGTH = 100;
