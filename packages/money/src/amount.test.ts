import { describe, expect, it } from 'vitest';
import { Decimal, MAX_AMOUNT_TEXT_LENGTH, parseAmount } from './index.js';
import { thrown } from './test-support/thrown.js';

describe('parseAmount accepts plain decimals', () => {
  it.each([
    ['0', '0'],
    ['0.5', '0.5'],
    ['5', '5'],
    ['10.50', '10.5'],
    ['-12.34', '-12.34'],
    ['1234567.891', '1234567.891'],
    ['0.000000000000000000000000000000000001', '0.000000000000000000000000000000000001'],
    ['9'.repeat(MAX_AMOUNT_TEXT_LENGTH), '9'.repeat(MAX_AMOUNT_TEXT_LENGTH)],
  ])('%s -> %s', (text, expected) => {
    const value = parseAmount(text);
    expect(Decimal.isDecimal(value)).toBe(true);
    expect(value.toFixed()).toBe(expected);
  });

  it.each(['-0', '-0.00'])('reads %s as plain zero (no negative zero)', (text) => {
    const value = parseAmount(text);
    expect(value.isZero()).toBe(true);
    expect(value.isNegative()).toBe(false);
  });

  it('keeps every digit of a 40-character amount (no float, no 40-digit rounding)', () => {
    const text = '123456789012345678901234567890123456.789';
    expect(text).toHaveLength(40);
    expect(parseAmount(text).toFixed()).toBe(text);
  });

  it('returns a Decimal of the private constructor (precision 40, not the global 20)', () => {
    const third = parseAmount('1').dividedBy(3);
    expect(third.toFixed()).toBe(`0.${'3'.repeat(40)}`);
  });
});

describe('parseAmount rejects anything else with INVALID_AMOUNT and a reason', () => {
  it.each([
    ['', 'empty'],
    [' 5', 'whitespace'],
    ['5 ', 'whitespace'],
    ['1 000', 'whitespace'],
    ['NaN', 'not a finite number'],
    ['Infinity', 'not a finite number'],
    ['-Infinity', 'not a finite number'],
    ['+5', `leading '+'`],
    ['1e5', 'exponent'],
    ['1.5E-3', 'exponent'],
    ['1,000.00', 'grouping'],
    ['1_000', 'grouping'],
    ['007', 'leading zeros'],
    ['00.5', 'leading zeros'],
    ['-01', 'leading zeros'],
    ['.5', `'.'`],
    ['5.', `'.'`],
    ['-', 'not a plain decimal'],
    ['--5', 'not a plain decimal'],
    ['0x1F', 'not a plain decimal'],
    ['1.2.3', 'not a plain decimal'],
    ['١٢٣', 'not a plain decimal'],
    ['9'.repeat(MAX_AMOUNT_TEXT_LENGTH + 1), 'longer than 40'],
    [`-${'9'.repeat(MAX_AMOUNT_TEXT_LENGTH)}`, 'longer than 40'],
  ])('%j (%s)', (text, reason) => {
    const error = thrown(() => parseAmount(text));
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.field).toBe('amount');
    expect(error.message).toContain(reason);
  });

  it.each([[10.5], [null], [undefined], [{}], [10n]])('refuses the non-string %s', (value) => {
    const error = thrown(() => parseAmount(value as unknown as string));
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.message).toContain('must be a string');
  });

  it('names the field it was given', () => {
    expect(thrown(() => parseAmount('x', 'percent')).field).toBe('percent');
  });

  it('does not echo a huge input back in full', () => {
    const error = thrown(() => parseAmount('1'.repeat(100_000)));
    expect(error.message.length).toBeLessThan(200);
  });
});
