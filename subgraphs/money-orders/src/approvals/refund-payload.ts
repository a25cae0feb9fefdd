import type { RefundApprovalPayload } from '../orders/refund.js';

const KEYS = ['amount', 'currency', 'idempotencyKey', 'officeCode', 'reference'];

/** Reads an approved MO_REFUND payload back (orders/refund.ts writes it): exactly its keys, all non-empty strings. */
export function parseRefundPayload(payload: Record<string, unknown>): { ok: true; payload: RefundApprovalPayload } | { ok: false; problem: string } {
  const keys = Object.keys(payload).sort();
  if (keys.join() !== KEYS.join()) return { ok: false, problem: `a refund carries ${KEYS.join(', ')}; got ${keys.join(', ')}` };
  for (const key of KEYS) {
    const value = payload[key];
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) return { ok: false, problem: `${key} is not a non-empty string` };
  }
  return { ok: true, payload: payload as RefundApprovalPayload };
}
