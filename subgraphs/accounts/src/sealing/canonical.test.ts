import { describe, expect, it } from 'vitest';
import { canonicalEntry, JOURNAL_CANONICAL_FORMAT, type CanonicalEntryFields } from './canonical.js';
import { sampleEntry } from './test-support/entries.js';

describe('canonicalEntry', () => {
  it('writes every field, keys sorted, with the format version, absent ones as null, postings in line order', () => {
    expect(canonicalEntry(sampleEntry)).toBe(
      '{"actor":{"id":"money-orders","kind":"service"},"approvalRequestId":null,"approvedBy":null,' +
        '"description":"Money order MO-1 booked, नई दिल्ली","effectiveDate":"2026-11-20",' +
        `"format":"${JOURNAL_CANONICAL_FORMAT}","holdId":null,"id":"0b5c2f4e-8d1a-4e55-9a57-3f0c1d2e4b6a",` +
        `"idempotencyKey":"mo-1-book","officeCode":"HO1","postedAt":"2026-11-20T04:45:00.123456Z",` +
        '"postings":[{"accountCode":"HO1:1100","amount":"1050.50","currency":"INR","line":1,"side":"DEBIT"},' +
        '{"accountCode":"HO1:2100","amount":"1050.50","currency":"INR","line":2,"side":"CREDIT"}],' +
        `"requestHash":"${'a'.repeat(64)}","reversesEntryId":null,"seq":"42","sourceReference":"MO-1","sourceType":"MONEY_ORDER"}`,
    );
  });

  it('is the same whatever order postings and keys come in', () => {
    const shuffled = Object.fromEntries(Object.entries({ ...sampleEntry, postings: [...sampleEntry.postings].reverse() }).reverse());
    expect(canonicalEntry(shuffled as unknown as CanonicalEntryFields)).toBe(canonicalEntry(sampleEntry));
  });

  const changes: Array<[string, Partial<CanonicalEntryFields>]> = [
    ['the description', { description: 'Money order MO-1 booked, नई दिल्ली ' }],
    ['a microsecond of postedAt', { postedAt: '2026-11-20T04:45:00.123457Z' }],
    ['the effective date', { effectiveDate: '2026-11-19' }],
    ['the seq', { seq: '43' }],
    ['the actor', { actor: { kind: 'service', id: 'cod' } }],
    ['an approver appearing', { approvedBy: { kind: 'staff', id: 's-2' } }],
    ['the reversal link', { reversesEntryId: '1b5c2f4e-8d1a-4e55-9a57-3f0c1d2e4b6a' }],
    ['an amount', { postings: [{ ...sampleEntry.postings[0]!, amount: '1050.51' }, sampleEntry.postings[1]!] }],
    ['only the scale of an amount', { postings: [{ ...sampleEntry.postings[0]!, amount: '1050.5' }, sampleEntry.postings[1]!] }],
    ['a side', { postings: [{ ...sampleEntry.postings[0]!, side: 'CREDIT' }, sampleEntry.postings[1]!] }],
    ['a posting dropped', { postings: [sampleEntry.postings[0]!] }],
  ];
  it.each(changes)('changes when %s changes', (_name, change) => {
    expect(canonicalEntry({ ...sampleEntry, ...change })).not.toBe(canonicalEntry(sampleEntry));
  });

  const refused: Array<[string, Partial<CanonicalEntryFields>]> = [
    ['a postedAt with milliseconds only', { postedAt: '2026-11-20T04:45:00.123Z' }],
    ['a postedAt with an offset', { postedAt: '2026-11-20 10:15:00.123456+05:30' }],
    ['an effective date as a timestamp', { effectiveDate: '2026-11-20T00:00:00Z' }],
    ['a seq that is not an integer', { seq: '4.2e1' }],
    ['an amount in exponent form', { postings: [{ ...sampleEntry.postings[0]!, amount: '1.0505e3' }] }],
    ['an amount that is a JS number', { postings: [{ ...sampleEntry.postings[0]!, amount: 1050.5 as unknown as string }] }],
    ['an actor JSON cannot carry exactly', { actor: { id: Number.POSITIVE_INFINITY } }],
  ];
  it.each(refused)('refuses %s', (_name, change) => {
    expect(() => canonicalEntry({ ...sampleEntry, ...change })).toThrow(TypeError);
  });
});
