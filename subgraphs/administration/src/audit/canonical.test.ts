import { describe, expect, it } from 'vitest';
import { CANONICAL_FORMAT, canonicalInstant, canonicalRecord, type CanonicalAuditFields } from './canonical.js';
import { sampleRecord } from './test-support/records.js';

describe('canonicalRecord', () => {
  it('writes every field, sorted, with the format version, absent ones as null', () => {
    const text = canonicalRecord(sampleRecord);
    expect(text.startsWith('{"action":"OFFICE_RENAMED","actor":{"id":"s-1","kind":"staff",')).toBe(true);
    expect(text).toContain(`"format":"${CANONICAL_FORMAT}"`);
    expect(text).toContain('"reason":null');
    expect(text).toContain('"after":{"name":"नई दिल्ली जीपीओ"}');
    expect(Object.keys(JSON.parse(text))).toHaveLength(20);
  });

  it('is deterministic: the same record built in another key order gives the same text', () => {
    const shuffled = Object.fromEntries(Object.entries(sampleRecord).reverse()) as unknown as CanonicalAuditFields;
    expect(canonicalRecord(shuffled)).toBe(canonicalRecord(sampleRecord));
  });

  const changes: Array<[string, Partial<CanonicalAuditFields>]> = [
    ['the id', { id: '43' }],
    ['a microsecond of the record time', { recordedAt: '2026-11-22T10:15:00.456788Z' }],
    ['a reason appearing', { reason: 'typo' }],
    ['a nested value', { before: { name: 'New Delhi GPO ' } }],
    ['a summary key', { before: { Name: 'New Delhi GPO' } }],
    ['null against an empty summary', { before: {} }],
  ];
  it.each(changes)('changes when %s changes', (_name, change) => {
    expect(canonicalRecord({ ...sampleRecord, ...change })).not.toBe(canonicalRecord(sampleRecord));
  });

  it('hashes text as stored: two Unicode spellings of one name are two records', () => {
    const composed = { ...sampleRecord, actorUsername: 'jos\u00e9' };
    const decomposed = { ...sampleRecord, actorUsername: 'jose\u0301' };
    expect(composed.actorUsername.normalize('NFC')).toBe(decomposed.actorUsername.normalize('NFC'));
    expect(canonicalRecord(composed)).not.toBe(canonicalRecord(decomposed));
  });

  it('refuses a timestamp that is not in the fixed format', () => {
    expect(() => canonicalRecord({ ...sampleRecord, occurredAt: '2026-11-22T10:15:00.123Z' })).toThrow(/canonical instant/);
    expect(() => canonicalRecord({ ...sampleRecord, recordedAt: '2026-11-22 10:15:00+00' })).toThrow(/canonical instant/);
  });
});

describe('canonicalInstant', () => {
  it('writes UTC with microseconds', () => {
    expect(canonicalInstant(new Date('2026-11-22T15:45:00.123+05:30'))).toBe('2026-11-22T10:15:00.123000Z');
    expect(() => canonicalInstant(new Date('nonsense'))).toThrow(TypeError);
  });
});
