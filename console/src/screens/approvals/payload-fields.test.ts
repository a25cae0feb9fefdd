import { describe, expect, it } from 'vitest';
import { beforeAfter, humanize, payloadFields, sameValue } from './payload-fields';

describe('a payload made readable', () => {
  it('labels keys in words', () => {
    expect(humanize('officeCode')).toBe('Office code');
    expect(humanize('staffId')).toBe('Staff id');
    expect(humanize('idempotencyKey')).toBe('Idempotency key');
    expect(humanize('MO_number')).toBe('Mo number');
  });

  it('lists every leaf, arrays numbered from 1, money as money, nothing dropped', () => {
    const fields = payloadFields({
      orderNumber: 'MO-1',
      refund: { amount: '1050.00', currency: 'INR' },
      lines: [{ n: 1, urgent: true }, { n: 2, urgent: false }],
      note: null,
      tags: [],
      extra: {},
    });
    expect(fields.map((field) => [field.path.join(' › '), field.value])).toEqual([
      ['Order number', { kind: 'text', text: 'MO-1' }],
      ['Refund', { kind: 'money', money: { amount: '1050.00', currency: 'INR' } }],
      ['Lines › #1 › N', { kind: 'text', text: '1' }],
      ['Lines › #1 › Urgent', { kind: 'text', text: 'Yes' }],
      ['Lines › #2 › N', { kind: 'text', text: '2' }],
      ['Lines › #2 › Urgent', { kind: 'text', text: 'No' }],
      ['Note', { kind: 'none' }],
      ['Tags', { kind: 'text', text: '(none)' }],
      ['Extra', { kind: 'text', text: '(empty)' }],
    ]);
  });

  it('never reads an amount-like object with other keys as money', () => {
    expect(payloadFields({ fee: { amount: '1.00', currency: 'INR', note: 'x' } }).map((field) => field.value.kind)).toEqual(['text', 'text', 'text']);
    expect(payloadFields({ fee: { amount: 1, currency: 'INR' } })[0]!.value.kind).toBe('text');
  });

  it('puts before and after side by side, field by field, with the other fields apart', () => {
    const diff = beforeAfter({ officeCode: 'SMHO', before: { name: 'Sansad Marg', pin: '110001' }, after: { name: 'Sansad Marg HO', pin: '110001', phone: '011-1' } });
    expect(diff?.changes.map((change) => [change.path.join(' › '), change.before, change.after, sameValue(change.before, change.after)])).toEqual([
      ['Name', { kind: 'text', text: 'Sansad Marg' }, { kind: 'text', text: 'Sansad Marg HO' }, false],
      ['Pin', { kind: 'text', text: '110001' }, { kind: 'text', text: '110001' }, true],
      ['Phone', { kind: 'none' }, { kind: 'text', text: '011-1' }, false],
    ]);
    expect(diff?.rest.map((field) => field.path.join(' › '))).toEqual(['Office code']);
    expect(beforeAfter({ after: { name: 'New' }, before: null })?.changes[0]).toMatchObject({ before: { kind: 'none' }, after: { kind: 'text', text: 'New' } });
    expect(beforeAfter({ name: 'no diff here' })).toBeNull();
    expect(beforeAfter({ before: 'text', after: 'text' })).toBeNull();
  });
});
