import { createHash } from 'node:crypto';
import { canonicalEntry, type CanonicalEntryFields } from './canonical.js';

/**
 * The journal's hash chain, as pure functions. Hashes are stored and compared as 64 lowercase hex digits.
 * - entry_hash(n) = SHA-256(UTF-8 of the canonical entry, canonical.ts).
 * - chain_hash(n) = SHA-256(chain_hash(n-1) || entry_hash(n)), over the 32 raw bytes of each (not their hex text).
 * - Genesis: chain_hash(0), the value position 1 chains from, is 32 zero bytes (GENESIS_CHAIN_HASH, 64 '0's), the
 *   same convention as the administration audit trail.
 * Position n is the n-th entry in (xid, seq) order among those sealed (sealer.ts says why that order).
 */
export const GENESIS_CHAIN_HASH = '0'.repeat(64);
const HEX_HASH = /^[0-9a-f]{64}$/;

export function entryHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function chainHash(previousChainHash: string, entryHashHex: string): string {
  for (const hash of [previousChainHash, entryHashHex]) {
    if (!HEX_HASH.test(hash)) throw new TypeError(`not a SHA-256 hex digest: ${hash}`);
  }
  return createHash('sha256').update(Buffer.from(previousChainHash, 'hex')).update(Buffer.from(entryHashHex, 'hex')).digest('hex');
}

/** An entry as read for sealing: its canonical fields and where it sits in the sealing order. */
export interface SealableEntry extends CanonicalEntryFields {
  /** The writing transaction's xid8, as decimal text. */
  xid: string;
}

/** The last seal: the chain continues from its position and hash, and its (xid, seq) is the sealing watermark. */
export interface SealHead {
  position: number;
  chainHash: string;
  entryXid: string;
  entrySeq: string;
}

/** One row of accounts.journal_seals, as the sealer writes it. */
export interface NewSeal {
  position: number;
  entryId: string;
  entryXid: string;
  entrySeq: string;
  entryHash: string;
  chainHash: string;
}

/** Chains `entries`, in the order given, onto `head`: positions continue without a gap. */
export function linkEntries(head: Pick<SealHead, 'position' | 'chainHash'> | null, entries: readonly SealableEntry[]): NewSeal[] {
  let position = head?.position ?? 0;
  let previous = head?.chainHash ?? GENESIS_CHAIN_HASH;
  return entries.map((entry) => {
    position += 1;
    const hash = entryHash(canonicalEntry(entry));
    const seal = { position, entryId: entry.id, entryXid: entry.xid, entrySeq: entry.seq, entryHash: hash, chainHash: chainHash(previous, hash) };
    previous = seal.chainHash;
    return seal;
  });
}

/** A seal as stored, with the entry it names as stored now (null when that entry is gone). */
export interface StoredSeal extends NewSeal {
  entry: SealableEntry | null;
}

/** Where a check stands: the position it expects next, and the stored seal before it (null before position 1). */
export interface ChainCursor {
  position: number;
  previous: Pick<SealHead, 'chainHash' | 'entryXid' | 'entrySeq'> | null;
}

export const CHAIN_START: ChainCursor = { position: 1, previous: null };

export interface ChainBreak {
  position: number;
  entryId: string | null;
  message: string;
}

/**
 * Checks stored seals in position order from `cursor`, stopping at the first break. Each seal is checked against the
 * stored hash of the one before it, so one altered entry is reported by itself, not as the cause of every seal after
 * it. Answers the next cursor, so a long chain is checked page by page in bounded memory.
 */
export function checkSeals(cursor: ChainCursor, seals: readonly StoredSeal[]): { checked: number; firstBreak: ChainBreak | null; next: ChainCursor } {
  let expected = cursor;
  let checked = 0;
  for (const seal of seals) {
    const broken = checkSeal(expected, seal);
    if (broken) return { checked, firstBreak: broken, next: expected };
    checked += 1;
    expected = { position: seal.position + 1, previous: seal };
  }
  return { checked, firstBreak: null, next: expected };
}

function checkSeal(expected: ChainCursor, seal: StoredSeal): ChainBreak | null {
  const { position, entryId } = seal;
  if (position !== expected.position) {
    return { position: expected.position, entryId: null, message: `chain position ${expected.position} is missing: the next seal is at ${position}` };
  }
  const previousHash = expected.previous?.chainHash ?? GENESIS_CHAIN_HASH;
  if (!HEX_HASH.test(seal.entryHash) || chainHash(previousHash, seal.entryHash) !== seal.chainHash) {
    return { position, entryId, message: `the seal at position ${position} does not chain from the one before it` };
  }
  if (expected.previous && compareOrder(seal, expected.previous) <= 0) {
    return { position, entryId, message: `the seal at position ${position} is out of (xid, seq) order` };
  }
  const { entry } = seal;
  if (entry === null) return { position, entryId, message: `entry ${entryId}, sealed at position ${position}, is gone` };
  if (entry.xid !== seal.entryXid || entry.seq !== seal.entrySeq) {
    return { position, entryId, message: `entry ${entryId} no longer has the transaction and sequence it was sealed with at position ${position}` };
  }
  let recomputed: string | null;
  try {
    recomputed = entryHash(canonicalEntry(entry));
  } catch {
    // A stored value with no canonical form (forced in around the constraints) was not what was sealed.
    recomputed = null;
  }
  if (recomputed !== seal.entryHash) {
    return { position, entryId, message: `entry ${entryId} no longer hashes to what was sealed at position ${position}: a row of it was changed` };
  }
  return null;
}

/** Orders seals by (xid, seq); both are decimal text of 64-bit integers, compared exactly. */
function compareOrder(a: Pick<SealHead, 'entryXid' | 'entrySeq'>, b: Pick<SealHead, 'entryXid' | 'entrySeq'>): number {
  const byXid = BigInt(a.entryXid) - BigInt(b.entryXid);
  if (byXid !== 0n) return byXid < 0n ? -1 : 1;
  const bySeq = BigInt(a.entrySeq) - BigInt(b.entrySeq);
  return bySeq === 0n ? 0 : bySeq < 0n ? -1 : 1;
}
