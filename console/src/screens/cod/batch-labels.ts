import type { CodAgingBucket, PayoutStatus, SettlementBatchStatus } from '../../gql/graphql';

export const BATCH_STATUSES: SettlementBatchStatus[] = ['DRAFT', 'SUBMITTED', 'RELEASED', 'PAID', 'FAILED', 'REJECTED', 'CANCELLED'];

export const BATCH_STATUS_LABELS: Record<SettlementBatchStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Waiting for approval',
  RELEASED: 'Released to the bank',
  PAID: 'Paid',
  FAILED: 'Payout failed',
  REJECTED: 'Release rejected',
  CANCELLED: 'Cancelled',
};

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = { PENDING: 'Sent, not yet confirmed', PAID: 'Paid', FAILED: 'Failed', REVERSED: 'Returned by the bank' };

export const AGING_BUCKETS: CodAgingBucket[] = ['D0_2', 'D3_7', 'D8_15', 'D16_30', 'D31_PLUS'];

export const AGING_BUCKET_LABELS: Record<CodAgingBucket, string> = { D0_2: '0–2 days', D3_7: '3–7 days', D8_15: '8–15 days', D16_30: '16–30 days', D31_PLUS: '31 days or more' };

/** A batch may be sent for approval only as a draft; cancelled only before it is released. */
export function batchActions(status: string): { submit: boolean; cancel: boolean } {
  return { submit: status === 'DRAFT', cancel: status === 'DRAFT' || status === 'SUBMITTED' };
}

/** A UTR as the bank gives it: 16 or 22 letters and digits (NEFT 16 or 22, RTGS 22); the server checks the rest. */
export function utrProblem(text: string): string | undefined {
  const value = text.trim().toUpperCase();
  if (value === '') return 'Type the UTR the bank gave.';
  return /^[A-Z0-9]{16}$|^[A-Z0-9]{22}$/.test(value) ? undefined : 'A UTR is 16 or 22 letters and digits.';
}
