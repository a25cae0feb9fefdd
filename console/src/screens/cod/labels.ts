import type { BillerStatus, BillerType, CodArticleStatus, CodCollectionMode, CodExceptionType } from '../../gql/graphql';

export const ARTICLE_STATUSES: CodArticleStatus[] = ['REGISTERED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RTO', 'LOST', 'DAMAGED'];

export const ARTICLE_STATUS_LABELS: Record<CodArticleStatus, string> = {
  REGISTERED: 'Registered',
  OUT_FOR_DELIVERY: 'Out for delivery',
  DELIVERED: 'Delivered',
  DELIVERY_FAILED: 'Delivery failed',
  RTO: 'Returned to origin',
  LOST: 'Lost',
  DAMAGED: 'Damaged',
};

export function articleStatusLabel(status: string): string {
  return ARTICLE_STATUS_LABELS[status as CodArticleStatus] ?? status;
}

export const COLLECTION_MODES: CodCollectionMode[] = ['CASH', 'UPI', 'CARD'];

export const COLLECTION_MODE_LABELS: Record<CodCollectionMode, string> = { CASH: 'Cash', UPI: 'UPI', CARD: 'Card' };

export const EXCEPTION_TYPES: CodExceptionType[] = ['SHORT_COLLECTION', 'EXCESS_COLLECTION', 'SHORT_DEPOSIT', 'EXCESS_DEPOSIT'];

export const EXCEPTION_TYPE_LABELS: Record<CodExceptionType, string> = {
  SHORT_COLLECTION: 'Collected less than the COD amount',
  EXCESS_COLLECTION: 'Collected more than the COD amount',
  SHORT_DEPOSIT: 'Deposit short (staff receivable)',
  EXCESS_DEPOSIT: 'Deposit over (suspense)',
};

export const BILLER_TYPES: BillerType[] = ['ECOMMERCE', 'ONDC', 'GEM'];

export const BILLER_TYPE_LABELS: Record<BillerType, string> = { ECOMMERCE: 'E-commerce seller', ONDC: 'ONDC seller', GEM: 'GeM supplier' };

export const BILLER_STATUSES: BillerStatus[] = ['ACTIVE', 'SUSPENDED', 'CLOSED'];

export const BILLER_STATUS_LABELS: Record<BillerStatus, string> = { ACTIVE: 'Active', SUSPENDED: 'Suspended', CLOSED: 'Closed' };

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** ISO weekdays (1 Monday .. 7 Sunday) in words: "Mon–Fri" for a run, "Mon, Wed, Fri" otherwise. */
export function weekdaysLabel(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  if (sorted.length === 0) return 'none';
  const run = sorted.length >= 3 && sorted.every((day, at) => at === 0 || day === sorted[at - 1]! + 1);
  if (run) return `${WEEKDAYS[sorted[0]! - 1]}–${WEEKDAYS[sorted[sorted.length - 1]! - 1]}`;
  return sorted.map((day) => WEEKDAYS[day - 1]).join(', ');
}

/** The actions the server allows from each status (the article state machine), so the screen offers only those. */
export function articleActions(status: string): { outForDelivery: boolean; deliver: boolean; fail: boolean; rto: boolean; loss: boolean } {
  return {
    outForDelivery: status === 'REGISTERED' || status === 'DELIVERY_FAILED',
    deliver: status === 'OUT_FOR_DELIVERY',
    fail: status === 'OUT_FOR_DELIVERY',
    rto: status === 'REGISTERED' || status === 'DELIVERY_FAILED',
    // LOST or DAMAGED (the claim): any time before delivery, as the server's TRANSITIONS say.
    loss: status === 'REGISTERED' || status === 'OUT_FOR_DELIVERY' || status === 'DELIVERY_FAILED',
  };
}
