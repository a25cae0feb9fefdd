import { createHash } from 'node:crypto';
import type { ApprovalPayloadParse } from '@postal/server';
import type { BatchRow } from './repository.js';

/** What a checker approves: the batches and their figures, and a hash of them that the executor recomputes. */
export interface ReleasePayload {
  settlementOfficeCode: string;
  currency: string;
  note: string;
  batches: Array<{ id: string; reference: string; articleCount: number; gross: string; net: string }>;
  totalNet: string;
  /** sha256 over each batch's id and figures, in id order: a batch changed since submission does not match. */
  hash: string;
}

/** The figures that must not change between submission and release, canonical (numerics as PostgreSQL prints them). */
export function releaseHash(batches: readonly BatchRow[]): string {
  const canonical = [...batches]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((b) => [b.id, b.billerId, b.articleCount, b.gross, b.fee, b.tax, b.earlyFee, b.adjustments, b.net].join('|'))
    .join('\n');
  return createHash('sha256').update(canonical).digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseReleasePayload(payload: Record<string, unknown>): ApprovalPayloadParse<ReleasePayload> {
  const p = payload as Partial<ReleasePayload>;
  if (typeof p.settlementOfficeCode !== 'string' || p.settlementOfficeCode.length === 0) return { ok: false, problem: 'settlementOfficeCode' };
  if (typeof p.hash !== 'string' || !/^[0-9a-f]{64}$/.test(p.hash)) return { ok: false, problem: 'hash' };
  if (!Array.isArray(p.batches) || p.batches.length === 0 || p.batches.length > MAX_BATCHES_PER_RELEASE) return { ok: false, problem: 'batches' };
  for (const batch of p.batches) {
    if (!batch || typeof batch.id !== 'string' || !UUID.test(batch.id)) return { ok: false, problem: 'batches.id' };
  }
  if (typeof p.currency !== 'string' || typeof p.totalNet !== 'string' || typeof p.note !== 'string') return { ok: false, problem: 'currency, totalNet or note' };
  return { ok: true, payload: p as ReleasePayload };
}

/** One approval releases at most this many batches (one per biller; a head office settles a few hundred). */
export const MAX_BATCHES_PER_RELEASE = 500;
