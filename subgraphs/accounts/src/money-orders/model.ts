import type { MoneyOrderMovement } from '@postal/events';

/** A MoneyOrder entity as this subgraph knows it: only its key (money-orders owns the rest). */
export interface MoneyOrderReference {
  reference: string;
}

/** What the ledger answered for one movement of one order (money_order_movements). */
export interface MovementResult {
  reference: string;
  movement: MoneyOrderMovement;
  moneyOrderId: string;
  outcome: 'POSTED' | 'REJECTED';
  entryIds: string[];
  error: { code: string; message: string } | null;
}

/** What reserveMoneyOrderCash is asked: the cash a payout or refund will take at the counter. */
export interface CashReservation {
  reference: string;
  movement: 'PAID' | 'REFUNDED';
  officeCode: string;
  bookingOfficeCode: string;
  amount: string;
  currency: string;
  fromExpired: boolean;
}
