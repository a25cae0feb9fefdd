import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalEntry } from './canonical.js';
import { CHAIN_START, chainHash, checkSeals, entryHash, GENESIS_CHAIN_HASH, linkEntries, type StoredSeal } from './chain.js';
import { entryAt, sampleEntry } from './test-support/entries.js';

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest('hex');

describe('hashes', () => {
  it('hashes the entry as the UTF-8 bytes of its canonical text', () => {
    expect(entryHash(canonicalEntry(sampleEntry))).toBe(sha256(Buffer.from(canonicalEntry(sampleEntry), 'utf8')));
  });

  it('chains over the raw 32 bytes of the previous chain hash and of the entry hash, from 32 zero bytes', () => {
    const first = entryHash('one');
    expect(GENESIS_CHAIN_HASH).toBe('0'.repeat(64));
    expect(chainHash(GENESIS_CHAIN_HASH, first)).toBe(sha256(Buffer.alloc(32), Buffer.from(first, 'hex')));
    // Not the hex text: that would be 128 bytes of input.
    expect(chainHash(GENESIS_CHAIN_HASH, first)).not.toBe(sha256(Buffer.from(GENESIS_CHAIN_HASH + first, 'utf8')));
  });

  it('refuses anything that is not a lower-case hex SHA-256', () => {
    expect(() => chainHash('A'.repeat(64), entryHash('x'))).toThrow(TypeError);
    expect(() => chainHash(GENESIS_CHAIN_HASH, 'abc')).toThrow(TypeError);
  });
});

describe('linkEntries', () => {
  it('starts at position 1 from the genesis value and continues a head without a gap', () => {
    const entries = [1, 2, 3].map(entryAt);
    const links = linkEntries(null, entries);
    expect(links.map((link) => link.position)).toEqual([1, 2, 3]);
    expect(links[0]!.chainHash).toBe(chainHash(GENESIS_CHAIN_HASH, links[0]!.entryHash));
    expect(links[2]!.chainHash).toBe(chainHash(links[1]!.chainHash, links[2]!.entryHash));
    expect(links[1]).toMatchObject({ entryId: entries[1]!.id, entryXid: entries[1]!.xid, entrySeq: entries[1]!.seq });
    // Sealing in two batches gives the same chain as one.
    const [head] = linkEntries(null, entries.slice(0, 1));
    expect(linkEntries(head!, entries.slice(1))).toEqual(links.slice(1));
  });
});

describe('checkSeals', () => {
  const entries = [1, 2, 3, 4, 5].map(entryAt);
  const stored: StoredSeal[] = linkEntries(null, entries).map((seal, index) => ({ ...seal, entry: entries[index]! }));

  it('passes an intact chain, and checks it the same page by page', () => {
    expect(checkSeals(CHAIN_START, stored)).toMatchObject({ checked: 5, firstBreak: null, next: { position: 6 } });
    const firstPage = checkSeals(CHAIN_START, stored.slice(0, 2));
    expect(checkSeals(firstPage.next, stored.slice(2))).toMatchObject({ checked: 3, firstBreak: null });
  });

  const breaks: Array<[string, (seals: StoredSeal[]) => StoredSeal[], { position: number; entryId: string | null; message: RegExp }]> = [
    ['a changed entry, by itself', (s) => s.map((seal, i) => (i === 2 ? { ...seal, entry: { ...seal.entry!, description: 'edited' } } : seal)), { position: 3, entryId: entries[2]!.id, message: /no longer hashes/ }],
    ['a changed posting amount', (s) => s.map((seal, i) => (i === 1 ? { ...seal, entry: { ...seal.entry!, postings: [{ ...seal.entry!.postings[0]!, amount: '1.00' }, seal.entry!.postings[1]!] } } : seal)), { position: 2, entryId: entries[1]!.id, message: /no longer hashes/ }],
    ['a missing position', (s) => s.filter((_seal, i) => i !== 3), { position: 4, entryId: null, message: /position 4 is missing/ }],
    ['a seal re-hashed to match a changed entry, which no longer chains', (s) => s.map((seal, i) => (i === 1 ? { ...seal, entryHash: entryHash('forged') } : seal)), { position: 2, entryId: entries[1]!.id, message: /does not chain/ }],
    ['a sealed entry that is gone', (s) => s.map((seal, i) => (i === 4 ? { ...seal, entry: null } : seal)), { position: 5, entryId: entries[4]!.id, message: /is gone/ }],
    ['an entry moved to another transaction', (s) => s.map((seal, i) => (i === 0 ? { ...seal, entry: { ...seal.entry!, xid: '9' } } : seal)), { position: 1, entryId: entries[0]!.id, message: /transaction and sequence/ }],
    ['an entry with a value that has no canonical form', (s) => s.map((seal, i) => (i === 0 ? { ...seal, entry: { ...seal.entry!, postedAt: 'yesterday' } } : seal)), { position: 1, entryId: entries[0]!.id, message: /no longer hashes/ }],
  ];
  it.each(breaks)('reports %s', (_name, tamper, expected) => {
    const outcome = checkSeals(CHAIN_START, tamper(stored));
    expect(outcome.firstBreak).toMatchObject({ ...expected, message: expect.stringMatching(expected.message) });
    expect(outcome.checked).toBe(expected.position - 1);
  });

  it('reports seals out of (xid, seq) order, comparing 64-bit xids exactly', () => {
    const big = ['18446744073709551614', '18446744073709551613'].map((xid, i) => ({ ...entryAt(i + 1), xid }));
    const seals = linkEntries(null, big).map((seal, i) => ({ ...seal, entry: big[i]! }));
    expect(checkSeals(CHAIN_START, seals).firstBreak).toMatchObject({ position: 2, message: expect.stringMatching(/out of \(xid, seq\) order/) });
    const sameXid = [entryAt(1), { ...entryAt(2), xid: entryAt(1).xid }];
    const inOrder = linkEntries(null, sameXid).map((seal, i) => ({ ...seal, entry: sameXid[i]! }));
    expect(checkSeals(CHAIN_START, inOrder).firstBreak).toBeNull();
  });
});
