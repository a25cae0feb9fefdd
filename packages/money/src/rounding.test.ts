import { describe, expect, it } from 'vitest';
import { Decimal, ROUNDING_MODES, percentOf, roundToMinor, type RoundingMode } from './index.js';
import { thrown } from './test-support/thrown.js';

describe('roundToMinor', () => {
  // One row per value, one column per mode: the whole behaviour on a page.
  const table: [string, Record<RoundingMode, string>][] = [
    ['2.345', { HALF_UP: '2.35', HALF_EVEN: '2.34', DOWN: '2.34', UP: '2.35', CEILING: '2.35', FLOOR: '2.34' }],
    ['2.355', { HALF_UP: '2.36', HALF_EVEN: '2.36', DOWN: '2.35', UP: '2.36', CEILING: '2.36', FLOOR: '2.35' }],
    ['2.3449', { HALF_UP: '2.34', HALF_EVEN: '2.34', DOWN: '2.34', UP: '2.35', CEILING: '2.35', FLOOR: '2.34' }],
    ['-2.345', { HALF_UP: '-2.35', HALF_EVEN: '-2.34', DOWN: '-2.34', UP: '-2.35', CEILING: '-2.34', FLOOR: '-2.35' }],
    ['2.3', { HALF_UP: '2.3', HALF_EVEN: '2.3', DOWN: '2.3', UP: '2.3', CEILING: '2.3', FLOOR: '2.3' }],
    ['86.4274', { HALF_UP: '86.43', HALF_EVEN: '86.43', DOWN: '86.42', UP: '86.43', CEILING: '86.43', FLOOR: '86.42' }],
    ['-0.001', { HALF_UP: '0', HALF_EVEN: '0', DOWN: '0', UP: '-0.01', CEILING: '0', FLOOR: '-0.01' }],
  ];

  for (const [value, expectations] of table) {
    it.each(ROUNDING_MODES)(`${value} INR %s`, (mode) => {
      expect(roundToMinor(new Decimal(value), 'INR', mode).toFixed()).toBe(expectations[mode]);
    });
  }

  it.each([
    ['JPY', '1234.5', 'HALF_UP', '1235'],
    ['JPY', '1234.5', 'HALF_EVEN', '1234'],
    ['BHD', '1.23456', 'HALF_UP', '1.235'],
    ['CLF', '1.234567', 'DOWN', '1.2345'],
  ] as const)('%s %s %s -> %s', (currency, value, mode, expected) => {
    expect(roundToMinor(new Decimal(value), currency, mode).toFixed()).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(roundToMinor(new Decimal('-0.001'), 'INR', 'HALF_UP').isNegative()).toBe(false);
  });

  it.each([undefined, 'half_up', 'ROUND_HALF_UP', 4])('refuses the mode %j (no silent default)', (mode) => {
    const error = thrown(() => roundToMinor(new Decimal('1.005'), 'INR', mode as unknown as RoundingMode));
    expect(error.code).toBe('INVALID_ROUNDING_MODE');
    expect(error.message).toContain('HALF_UP, HALF_EVEN, DOWN, UP, CEILING, FLOOR');
  });

  it('refuses an unknown currency and a non-finite value', () => {
    expect(thrown(() => roundToMinor(new Decimal('1'), 'XYZ', 'HALF_UP')).code).toBe('INVALID_CURRENCY');
    expect(thrown(() => roundToMinor(new Decimal(NaN), 'INR', 'HALF_UP')).code).toBe('INVALID_AMOUNT');
  });
});

describe('percentOf', () => {
  it.each([
    ['4321.37', '2', '86.4274'],
    ['1000', '2', '20'],
    ['86.43', '18', '15.5574'],
    ['1', '0.5', '0.005'],
    ['1000', '0', '0'],
    ['-200', '18', '-36'],
  ])('%s * %s%% = %s', (value, percent, expected) => {
    expect(percentOf(new Decimal(value), percent).toFixed()).toBe(expected);
    expect(percentOf(new Decimal(value), new Decimal(percent)).toFixed()).toBe(expected);
  });

  it('refuses a malformed percent with INVALID_AMOUNT on field percent', () => {
    const error = thrown(() => percentOf(new Decimal('100'), '18%'));
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.field).toBe('percent');
  });

  it('refuses, rather than rounds, a product beyond 40 significant digits', () => {
    const value = new Decimal('1234567890123456789012345.67');
    // 27 + 13 significant digits fit; 27 + 14 might not, so it is refused.
    expect(percentOf(value, '1.234567890123').toFixed()).toBe('15241578753233197380023.3196281105481741');
    expect(thrown(() => percentOf(value, '1.2345678901234')).code).toBe('PRECISION_EXCEEDED');
  });
});
