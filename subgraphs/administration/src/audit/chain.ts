import { createHash } from 'node:crypto';
import { canonicalRecord, type CanonicalAuditFields } from './canonical.js';

/**
 * The hash chain over the audit trail, as pure functions: `hash = SHA-256(previous hash || canonical record)`, where
 * the previous hash is the 32 raw bytes of the record before (32 zero bytes before the first) and the canonical
 * record is its UTF-8 text (canonical.ts). Hashes are stored and compared as 64 lowercase hex digits.
 */

export const GENESIS_HASH = '0'.repeat(64);
const HEX_HASH = /^[0-9a-f]{64}$/;

export function chainHash(previousHash: string, canonical: string): string {
  if (!HEX_HASH.test(previousHash)) throw new TypeError(`not a SHA-256 hex digest: ${previousHash}`);
  return createHash('sha256').update(Buffer.from(previousHash, 'hex')).update(canonical, 'utf8').digest('hex');
}

/** The last sealed position and its hash; null before anything was sealed. */
export interface ChainHead {
  position: number;
  hash: string;
}

/** One row of administration.audit_chain. */
export interface ChainLink {
  position: number;
  recordId: string;
  eventId: string;
  previousHash: string;
  hash: string;
}

/** Chains `records`, in the order given, onto `head`: positions continue without a gap. */
export function linkRecords(head: ChainHead | null, records: readonly CanonicalAuditFields[]): ChainLink[] {
  let position = head?.position ?? 0;
  let previousHash = head?.hash ?? GENESIS_HASH;
  return records.map((record) => {
    position += 1;
    const hash = chainHash(previousHash, canonicalRecord(record));
    const link = { position, recordId: record.id, eventId: record.eventId, previousHash, hash };
    previousHash = hash;
    return link;
  });
}

/**
 * Why a record fails verification:
 * - HASH_MISMATCH: the record (or its seal) is not what was sealed: a stored field was changed;
 * - LINK_MISMATCH: the seal does not name the hash of the record before it (a seal was changed or re-chained);
 * - RECORD_MISSING: the seal is there, the record it sealed is gone;
 * - POSITION_MISSING: a position of the chain is gone (a seal was deleted);
 * - UNSEALED: a stored record is neither sealed nor waiting to be (its place in the sealing queue was removed).
 */
export type ChainBreakReason = 'HASH_MISMATCH' | 'LINK_MISMATCH' | 'RECORD_MISSING' | 'POSITION_MISSING' | 'UNSEALED';

export interface ChainBreak {
  position: number | null;
  recordId: string | null;
  reason: ChainBreakReason;
}

/** A seal as stored, with the record it points at as stored now (null when that record is gone). */
export interface StoredLink extends ChainLink {
  record: CanonicalAuditFields | null;
}

/** Where a check stands: the position it expects next and the stored hash that position must follow. */
export interface ChainCursor {
  position: number;
  previousHash: string;
}

/**
 * Checks stored links in position order from `cursor`, stopping at the first break. Each link is checked against the
 * stored hash of the one before it, so one altered record is reported once, by itself, and not as the cause of
 * every record after it. Answers the next cursor, so a long range is checked page by page in bounded memory.
 */
export function checkLinks(
  cursor: ChainCursor,
  links: readonly StoredLink[],
): { checked: number; firstBreak: ChainBreak | null; next: ChainCursor } {
  let expected = cursor;
  let checked = 0;
  for (const link of links) {
    const broken = checkLink(expected, link);
    if (broken) return { checked, firstBreak: broken, next: expected };
    checked += 1;
    expected = { position: link.position + 1, previousHash: link.hash };
  }
  return { checked, firstBreak: null, next: expected };
}

function checkLink(expected: ChainCursor, link: StoredLink): ChainBreak | null {
  if (link.position !== expected.position) return { position: expected.position, recordId: null, reason: 'POSITION_MISSING' };
  const at = { position: link.position, recordId: link.recordId };
  if (link.previousHash !== expected.previousHash) return { ...at, reason: 'LINK_MISMATCH' };
  if (link.record === null) return { ...at, reason: 'RECORD_MISSING' };
  if (link.record.id !== link.recordId || link.record.eventId !== link.eventId) return { ...at, reason: 'HASH_MISMATCH' };
  let recomputed: string;
  try {
    recomputed = chainHash(link.previousHash, canonicalRecord(link.record));
  } catch {
    // A stored value with no canonical form (say, a timestamp forced out of range) was not what was sealed.
    return { ...at, reason: 'HASH_MISMATCH' };
  }
  return recomputed === link.hash ? null : { ...at, reason: 'HASH_MISMATCH' };
}
