import type { MoneyOrderMovement, MoneyOrderMovementPayload } from '@postal/events';
import { Decimal } from '@postal/money';
import { accountCode } from '../ledger-accounts/chart.js';
import type { PostingInput } from '../journal/model.js';

/*
 * The posting rules of money orders (DOMAIN.md, Accounting; issue 11, "Money in the ledger"), as pure functions: a
 * movement in, the entries it makes out. Each entry lies within one office, so it balances there by itself; an order
 * paid (or refunded) at another office than the one that booked it crosses through both offices' inter-office clearing
 * accounts (1600), which net to zero across the network:
 *   BOOKED at B:   Dr cash 1100 (CASH) or digital clearing 1400 (UPI, CARD) total / Cr MO payable 2100 amount /
 *                  Cr commission 4100 / Cr tax payable 2300 (zero legs left out)
 *   PAID at P:     P = B: Dr 2100 / Cr 1100 at B
 *                  P ≠ B: at B Dr 2100 / Cr 1600, and at P Dr 1600 / Cr 1100
 *   REFUNDED at R: as PAID, drawing on expired MO payable 2110 instead of 2100 when the order had expired
 *   EXPIRED:       at B Dr 2100 / Cr 2110
 *   VOIDED:        at B Dr 2110 / Cr unclaimed MO income 4300
 */

export const HEADS = {
  cash: '1100',
  digitalClearing: '1400',
  interOffice: '1600',
  moPayable: '2100',
  expiredMoPayable: '2110',
  taxPayable: '2300',
  commission: '4100',
  unclaimedIncome: '4300',
} as const;

/** The source every money-order entry carries: its order's reference. */
export const MONEY_ORDER_SOURCE = 'MONEY_ORDER';

/** One entry of a movement: a name unique within the movement, its office, and its lines. */
export interface MovementLeg {
  leg: 'booking' | 'cash' | 'liability' | 'expiry' | 'void';
  officeCode: string;
  description: string;
  postings: PostingInput[];
  /** The leg that pays cash out at the counter: what the movement's hold (reserveMoneyOrderCash) reserved. */
  paysCash: boolean;
}

/** The entry's idempotency key: one entry per (reference, movement, leg), whatever event carried the movement. */
export function entryKey(reference: string, movement: MoneyOrderMovement, leg: MovementLeg['leg']): string {
  return `money-order/${reference}/${movement}/${leg}`;
}

/** The hold's idempotency key: one reservation per (reference, movement). */
export function holdKey(reference: string, movement: 'PAID' | 'REFUNDED'): string {
  return `money-order-hold/${reference}/${movement}`;
}

const debit = (officeCode: string, head: string, amount: string): PostingInput => ({ accountCode: accountCode(officeCode, head), side: 'DEBIT', amount });
const credit = (officeCode: string, head: string, amount: string): PostingInput => ({ accountCode: accountCode(officeCode, head), side: 'CREDIT', amount });
const nonZero = (amount: string) => !new Decimal(amount).isZero();

const VERBS: Record<MoneyOrderMovement, string> = { BOOKED: 'booked', PAID: 'paid', REFUNDED: 'refunded', EXPIRED: 'expired', VOIDED: 'void, unclaimed' };

/** What a payout or refund needs to know: where the cash goes out, where the liability sits, which liability. */
export interface CashMovement {
  reference: string;
  movement: 'PAID' | 'REFUNDED';
  officeCode: string;
  bookingOfficeCode: string;
  amount: string;
  fromExpired: boolean;
}

/**
 * A payout or refund: one entry at the booking office when the cash goes out there, else the liability leg at the
 * booking office and the cash leg at the counter office, through clearing.
 */
export function cashMovementLegs(movement: CashMovement): MovementLeg[] {
  const { officeCode: counter, bookingOfficeCode: booking, amount, reference } = movement;
  const liability = movement.fromExpired ? HEADS.expiredMoPayable : HEADS.moPayable;
  const description = `Money order ${reference} ${VERBS[movement.movement]}`;
  if (counter === booking) {
    return [{ leg: 'cash', officeCode: booking, description, postings: [debit(booking, liability, amount), credit(booking, HEADS.cash, amount)], paysCash: true }];
  }
  return [
    {
      leg: 'liability',
      officeCode: booking,
      description: `${description} at ${counter}`,
      postings: [debit(booking, liability, amount), credit(booking, HEADS.interOffice, amount)],
      paysCash: false,
    },
    {
      leg: 'cash',
      officeCode: counter,
      description: `${description} (booked at ${booking})`,
      postings: [debit(counter, HEADS.interOffice, amount), credit(counter, HEADS.cash, amount)],
      paysCash: true,
    },
  ];
}

/** Every entry a movement makes, in the order they are posted. */
export function movementLegs(payload: MoneyOrderMovementPayload): MovementLeg[] {
  const booking = payload.bookingOfficeCode;
  const { reference, amount } = payload;
  const description = `Money order ${reference} ${VERBS[payload.movement]}`;
  switch (payload.movement) {
    case 'BOOKED': {
      const total = new Decimal(payload.amount).plus(payload.commission).plus(payload.tax).toFixed();
      const received = payload.paymentMode === 'CASH' ? HEADS.cash : HEADS.digitalClearing;
      const postings = [debit(booking, received, total), credit(booking, HEADS.moPayable, amount)];
      if (nonZero(payload.commission)) postings.push(credit(booking, HEADS.commission, payload.commission));
      if (nonZero(payload.tax)) postings.push(credit(booking, HEADS.taxPayable, payload.tax));
      return [{ leg: 'booking', officeCode: booking, description: `${description} (${payload.paymentMode})`, postings, paysCash: false }];
    }
    case 'PAID':
    case 'REFUNDED':
      return cashMovementLegs({ reference, movement: payload.movement, officeCode: payload.officeCode, bookingOfficeCode: booking, amount, fromExpired: payload.movement === 'REFUNDED' && payload.fromExpired });
    case 'EXPIRED':
      return [{ leg: 'expiry', officeCode: booking, description, postings: [debit(booking, HEADS.moPayable, amount), credit(booking, HEADS.expiredMoPayable, amount)], paysCash: false }];
    case 'VOIDED':
      return [{ leg: 'void', officeCode: booking, description, postings: [debit(booking, HEADS.expiredMoPayable, amount), credit(booking, HEADS.unclaimedIncome, amount)], paysCash: false }];
  }
}
