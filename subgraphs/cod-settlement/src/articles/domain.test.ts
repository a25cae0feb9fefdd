import { Decimal } from '@postal/money';
import { describe, expect, it } from 'vitest';
import { ARTICLE_EVENTS, ARTICLE_STATUSES, checkAmount, checkPaymentReference, collectionDifference, nextStatus, type ArticleEvent, type ArticleStatus } from './domain.js';

/** Every legal transition, written out by hand from the issue (not derived from TRANSITIONS, which it checks). */
const LEGAL: Array<[ArticleStatus, ArticleEvent, ArticleStatus]> = [
  ['REGISTERED', 'OUT_FOR_DELIVERY', 'OUT_FOR_DELIVERY'],
  ['DELIVERY_FAILED', 'OUT_FOR_DELIVERY', 'OUT_FOR_DELIVERY'],
  ['OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERED'],
  ['OUT_FOR_DELIVERY', 'DELIVERY_FAILED', 'DELIVERY_FAILED'],
  ['REGISTERED', 'RTO', 'RTO'],
  ['DELIVERY_FAILED', 'RTO', 'RTO'],
  ['REGISTERED', 'LOST', 'LOST'],
  ['OUT_FOR_DELIVERY', 'LOST', 'LOST'],
  ['DELIVERY_FAILED', 'LOST', 'LOST'],
  ['REGISTERED', 'DAMAGED', 'DAMAGED'],
  ['OUT_FOR_DELIVERY', 'DAMAGED', 'DAMAGED'],
  ['DELIVERY_FAILED', 'DAMAGED', 'DAMAGED'],
];

describe('the article state machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  const illegal = ARTICLE_STATUSES.flatMap((from) => ARTICLE_EVENTS.filter((event) => !LEGAL.some(([f, e]) => f === from && e === event)).map((event) => [from, event] as const));
  it('has 42 pairs, 12 legal and 30 refused', () => {
    expect(ARTICLE_STATUSES.length * ARTICLE_EVENTS.length).toBe(42);
    expect(illegal).toHaveLength(30);
  });
  it.each(illegal)('%s refuses %s', (from, event) => {
    expect(nextStatus(from, event)).toBeUndefined();
  });
});

describe('amounts and references', () => {
  it.each([
    ['100', true],
    ['100.50', true],
    ['0.01', true],
    ['100.505', false],
    ['0', false],
    ['-5', false],
    ['1e3', false],
    ['', false],
    [' 5', false],
  ])('COD amount %s is accepted: %s', (text, ok) => {
    const run = () => checkAmount(text, 'INR', 'codAmount', { allowZero: false });
    if (ok) expect(run().toFixed(2)).toBe(new Decimal(text).toFixed(2));
    else expect(run).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'codAmount' }));
  });

  it('takes zero collected (a recorded zero is still a short collection)', () => {
    expect(checkAmount('0', 'INR', 'amount', { allowZero: true }).isZero()).toBe(true);
  });

  it.each([
    ['UPI', '123456789012', '123456789012'],
    ['UPI', '12345678901', undefined],
    ['UPI', 'ABCDEFGHIJKL', undefined],
    ['UPI', null, undefined],
    ['CARD', 'A1B2C3', 'A1B2C3'],
    ['CARD', 'a1b2c3', undefined],
    ['CARD', '', undefined],
    ['CASH', null, null],
    ['CASH', '123456789012', undefined],
  ] as const)('%s with %s', (mode, reference, expected) => {
    const run = () => checkPaymentReference(mode, reference);
    if (expected === undefined) expect(run).toThrow(expect.objectContaining({ code: 'INVALID_PAYMENT_REFERENCE' }));
    else expect(run()).toBe(expected);
  });

  it('names the difference of a collection', () => {
    expect(collectionDifference(new Decimal('500'), new Decimal('500.00'))).toBeUndefined();
    expect(collectionDifference(new Decimal('500'), new Decimal('450'))).toEqual({ type: 'SHORT_COLLECTION', amount: new Decimal('50') });
    expect(collectionDifference(new Decimal('500'), new Decimal('510.5'))).toEqual({ type: 'EXCESS_COLLECTION', amount: new Decimal('10.5') });
  });
});
