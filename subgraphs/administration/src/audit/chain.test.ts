import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRecord, type CanonicalAuditFields } from './canonical.js';
import { GENESIS_HASH, chainHash, checkLinks, linkRecords, type StoredLink } from './chain.js';
import { sampleRecord } from './test-support/records.js';

const record = (id: number, change: Partial<CanonicalAuditFields> = {}): CanonicalAuditFields => ({
  ...sampleRecord,
  id: String(id),
  eventId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  ...change,
});
const stored = (links: ReturnType<typeof linkRecords>, records: CanonicalAuditFields[]): StoredLink[] =>
  links.map((link, index) => ({ ...link, record: records[index]! }));

describe('chainHash', () => {
  it('is SHA-256 over the 32 raw bytes of the previous hash followed by the UTF-8 canonical record', () => {
    const canonical = canonicalRecord(sampleRecord);
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.alloc(32), Buffer.from(canonical, 'utf8')]))
      .digest('hex');
    expect(chainHash(GENESIS_HASH, canonical)).toBe(expected);
    // Known answer: SHA-256 of 32 zero bytes followed by "abc".
    expect(chainHash(GENESIS_HASH, 'abc')).toBe(createHash('sha256').update(Buffer.concat([Buffer.alloc(32), Buffer.from('abc')])).digest('hex'));
  });

  it('refuses a previous hash that is not 64 lowercase hex digits', () => {
    for (const bad of ['', 'abc', GENESIS_HASH.toUpperCase().replace(/0/g, 'A'), `${GENESIS_HASH}0`]) {
      expect(() => chainHash(bad, 'x')).toThrow(TypeError);
    }
  });
});

describe('linkRecords', () => {
  it('starts at position 1 from the genesis hash and chains each record to the one before', () => {
    const records = [record(1), record(2), record(3)];
    const links = linkRecords(null, records);
    expect(links.map((link) => link.position)).toEqual([1, 2, 3]);
    expect(links[0]!.previousHash).toBe(GENESIS_HASH);
    expect(links[1]!.previousHash).toBe(links[0]!.hash);
    expect(links[2]!.hash).toBe(chainHash(links[1]!.hash, canonicalRecord(records[2]!)));
    expect(links.map((link) => link.recordId)).toEqual(['1', '2', '3']);
  });

  it('continues from a head without a gap, giving what one long run would have', () => {
    const records = [record(1), record(2), record(3), record(4)];
    const whole = linkRecords(null, records);
    const firstHalf = linkRecords(null, records.slice(0, 2));
    const secondHalf = linkRecords(firstHalf.at(-1)!, records.slice(2));
    expect([...firstHalf, ...secondHalf]).toEqual(whole);
  });

  it('chains in the order given (sealing order), not by record id', () => {
    const inOrder = linkRecords(null, [record(1), record(2)]);
    const lateLowId = linkRecords(null, [record(2), record(1)]);
    expect(lateLowId.map((link) => link.recordId)).toEqual(['2', '1']);
    expect(lateLowId[1]!.hash).not.toBe(inOrder[1]!.hash);
  });
});

describe('checkLinks', () => {
  const records = [record(1), record(2), record(3), record(4), record(5)];
  const links = linkRecords(null, records);
  const start = { position: 1, previousHash: GENESIS_HASH };

  it('accepts an intact chain and answers where to carry on', () => {
    const result = checkLinks(start, stored(links, records));
    expect(result).toEqual({ checked: 5, firstBreak: null, next: { position: 6, previousHash: links[4]!.hash } });
  });

  it('checks a range from the stored hash of the position before it, page by page', () => {
    const all = stored(links, records);
    const first = checkLinks({ position: 3, previousHash: links[1]!.hash }, all.slice(2, 4));
    const second = checkLinks(first.next, all.slice(4));
    expect([first.checked, second.checked, second.firstBreak]).toEqual([2, 1, null]);
  });

  it('names an altered record by itself, not every record after it', () => {
    const altered = stored(links, records.map((r) => (r.id === '3' ? { ...r, reason: 'edited later' } : r)));
    expect(checkLinks(start, altered)).toMatchObject({ checked: 2, firstBreak: { position: 3, recordId: '3', reason: 'HASH_MISMATCH' } });
    // The records after it still check against the stored hashes.
    expect(checkLinks({ position: 4, previousHash: links[2]!.hash }, altered.slice(3)).firstBreak).toBeNull();
  });

  it('catches a changed stored hash, a re-pointed link, a missing record, a missing position and a swapped event id', () => {
    const all = stored(links, records);
    const cases: Array<[StoredLink[], { position: number; recordId: string | null; reason: string }]> = [
      [all.map((l) => (l.position === 2 ? { ...l, hash: 'f'.repeat(64) } : l)), { position: 2, recordId: '2', reason: 'HASH_MISMATCH' }],
      [all.map((l) => (l.position === 4 ? { ...l, previousHash: links[1]!.hash } : l)), { position: 4, recordId: '4', reason: 'LINK_MISMATCH' }],
      [all.map((l) => (l.position === 5 ? { ...l, record: null } : l)), { position: 5, recordId: '5', reason: 'RECORD_MISSING' }],
      [all.filter((l) => l.position !== 3), { position: 3, recordId: null, reason: 'POSITION_MISSING' }],
      [all.map((l) => (l.position === 1 ? { ...l, eventId: records[1]!.eventId } : l)), { position: 1, recordId: '1', reason: 'HASH_MISMATCH' }],
      [all.map((l) => (l.position === 2 ? { ...l, record: { ...l.record!, occurredAt: 'garbage' } } : l)), { position: 2, recordId: '2', reason: 'HASH_MISMATCH' }],
    ];
    for (const [tampered, expected] of cases) expect(checkLinks(start, tampered).firstBreak).toEqual(expected);
  });

  it('finds any single altered record in a random chain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), fc.string({ minLength: 1 }), (length, pick, reason) => {
        const many = Array.from({ length }, (_, index) => record(index + 1));
        const chain = stored(linkRecords(null, many), many);
        const victim = (pick % length) + 1;
        const tampered = chain.map((l) => (l.position === victim ? { ...l, record: { ...l.record!, reason: `${l.record!.reason}${reason}` } } : l));
        expect(checkLinks(start, tampered).firstBreak).toEqual({ position: victim, recordId: String(victim), reason: 'HASH_MISMATCH' });
      }),
    );
  });
});
