import type { MoneyOrderPaymentMode, MoneyOrderProduct, MoneyOrderStatus } from '../../gql/graphql';

export const PRODUCTS: MoneyOrderProduct[] = ['ELECTRONIC', 'ORDINARY', 'INSTANT', 'SERVICE'];
export const PRODUCT_LABELS: Record<MoneyOrderProduct, string> = {
  ELECTRONIC: 'Electronic (eMO)',
  ORDINARY: 'Ordinary',
  INSTANT: 'Instant (iMO)',
  SERVICE: 'Service (no commission)',
};

export const STATUSES: MoneyOrderStatus[] = ['BOOKED', 'AVAILABLE', 'PAID', 'LOCKED', 'STOPPED', 'RETURNED', 'EXPIRED', 'REFUNDED', 'VOID'];
export const STATUS_LABELS: Record<MoneyOrderStatus, string> = {
  BOOKED: 'Booked',
  AVAILABLE: 'Available for payment',
  PAID: 'Paid',
  LOCKED: 'Locked',
  STOPPED: 'Stopped',
  RETURNED: 'Returned',
  EXPIRED: 'Expired',
  REFUNDED: 'Refunded',
  VOID: 'Void',
};

export const PAYMENT_MODES: MoneyOrderPaymentMode[] = ['CASH', 'UPI', 'CARD'];
export const PAYMENT_MODE_LABELS: Record<MoneyOrderPaymentMode, string> = { CASH: 'Cash', UPI: 'UPI', CARD: 'Card' };

export function productLabel(product: string): string {
  return PRODUCT_LABELS[product as MoneyOrderProduct] ?? product;
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as MoneyOrderStatus] ?? status;
}

/** The badge class: settled orders green, held ones amber, stopped/returned/expired red. */
export function statusClass(status: string): string {
  switch (status) {
    case 'PAID':
    case 'REFUNDED':
      return 'status status-ok';
    case 'BOOKED':
    case 'AVAILABLE':
      return 'status';
    case 'LOCKED':
      return 'status status-pending';
    default:
      return 'status status-rejected';
  }
}

/**
 * What may be done to an order in each status: the subgraph's lifecycle (orders/domain.ts), copied only to decide
 * which buttons a screen offers. The server decides and answers INVALID_TRANSITION otherwise.
 */
export type OrderAction = 'pay' | 'stop' | 'return' | 'refund' | 'lock' | 'release';
const ALLOWED: Record<OrderAction, readonly string[]> = {
  pay: ['AVAILABLE'],
  stop: ['BOOKED', 'AVAILABLE'],
  return: ['AVAILABLE', 'LOCKED'],
  refund: ['STOPPED', 'RETURNED', 'EXPIRED'],
  lock: ['BOOKED', 'AVAILABLE'],
  release: ['LOCKED'],
};

export function allows(status: string, action: OrderAction): boolean {
  return ALLOWED[action].includes(status);
}

export const MOVEMENT_LABELS: Record<string, string> = {
  BOOKED: 'Booking',
  PAID: 'Payout',
  REFUNDED: 'Refund',
  EXPIRED: 'Expiry',
  VOIDED: 'Void',
};
