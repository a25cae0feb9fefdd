import { describe, expect, it } from 'vitest';
import { Decimal as GlobalDecimal } from 'decimal.js';
import {
  Decimal,
  MAX_AMOUNT_INTEGER_DIGITS,
  add,
  compare,
  isPositive,
  money,
  subtract,
  type Money,
} from './index.js';
import { thrown } from './test-support/thrown.js';

describe('money() accepts amounts that fit the currency', () => {
  it.each([
    ['10.5', 'INR', '10.5'],
    ['10.50', 'INR', '10.5'],
    ['10.05', 'INR', '10.05'],
    ['-3', 'INR', '-3'],
    ['1500', 'JPY', '1500'],
    ['1.125', 'BHD', '1.125'],
    ['0.0001', 'CLF', '0.0001'],
  ])('%s %s', (amount, currency, expected) => {
    const value = money(amount, currency);
    expect(value.currency).toBe(currency);
    expect(value.amount.toFixed()).toBe(expected);
  });

  it('accepts a Decimal and re-homes one made by the global decimal.js', () => {
    const value = money(new GlobalDecimal('1'), 'INR');
    // Our constructor keeps 40 digits; the global one would give 20.
    expect(value.amount.dividedBy(3).toFixed()).toHaveLength(42);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(money('1', 'INR'))).toBe(true);
  });

  it('accepts amounts just under 10^30', () => {
    expect(money('9'.repeat(MAX_AMOUNT_INTEGER_DIGITS) + '.99', 'INR').amount.toFixed()).toHaveLength(33);
  });
});

describe('money() refuses, never rounds', () => {
  it.each([
    ['10.005', 'INR', 'INVALID_AMOUNT', 'INR allows 2'],
    ['10.001', 'PKR', 'INVALID_AMOUNT', 'PKR allows 2'],
    ['10.5', 'JPY', 'INVALID_AMOUNT', 'JPY allows 0'],
    ['1.0001', 'BHD', 'INVALID_AMOUNT', 'BHD allows 3'],
    ['1e3', 'INR', 'INVALID_AMOUNT', 'exponent'],
    ['10', 'inr', 'INVALID_CURRENCY', 'upper-case'],
    ['10', 'XYZ', 'INVALID_CURRENCY', 'ISO 4217'],
    ['1' + '0'.repeat(MAX_AMOUNT_INTEGER_DIGITS), 'INR', 'AMOUNT_TOO_LARGE', 'integer digits'],
    ['-1' + '0'.repeat(MAX_AMOUNT_INTEGER_DIGITS), 'INR', 'AMOUNT_TOO_LARGE', 'integer digits'],
  ])('%s %s -> %s', (amount, currency, code, message) => {
    const error = thrown(() => money(amount, currency));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('names the currency and its minor units in details too', () => {
    expect(thrown(() => money('10.005', 'INR')).details).toEqual({ currency: 'INR', minorUnits: 2 });
  });

  it.each([
    ['NaN', new Decimal(NaN)],
    ['Infinity', new Decimal(Infinity)],
    ['a number', 10.5],
    ['null', null],
  ])('refuses %s as an amount', (_label, amount) => {
    expect(thrown(() => money(amount as unknown as Decimal, 'INR')).code).toBe('INVALID_AMOUNT');
  });
});

describe('add / subtract / compare / isPositive', () => {
  const inr = (amount: string) => money(amount, 'INR');

  it.each([
    ['10.50', '0.75', '11.25', '9.75'],
    ['0.10', '0.20', '0.3', '-0.1'],
    ['99999999999999999.99', '0.01', '100000000000000000', '99999999999999999.98'],
    ['-5', '5', '0', '-10'],
  ])('%s and %s', (left, right, sum, difference) => {
    expect(add(inr(left), inr(right)).amount.toFixed()).toBe(sum);
    expect(subtract(inr(left), inr(right)).amount.toFixed()).toBe(difference);
  });

  it('is exact at the top of the range', () => {
    const big = '9'.repeat(MAX_AMOUNT_INTEGER_DIGITS - 1) + '.99';
    expect(add(inr(big), inr('0.01')).amount.toFixed()).toBe('1' + '0'.repeat(MAX_AMOUNT_INTEGER_DIGITS - 1));
    expect(subtract(inr(`-${big}`), inr(big)).amount.toFixed()).toBe(`-1${'9'.repeat(MAX_AMOUNT_INTEGER_DIGITS - 1)}.98`);
  });

  it('reports AMOUNT_TOO_LARGE when a sum leaves the range', () => {
    const top = inr('9'.repeat(MAX_AMOUNT_INTEGER_DIGITS));
    expect(thrown(() => add(top, inr('1'))).code).toBe('AMOUNT_TOO_LARGE');
  });

  it.each([
    ['add', () => add(inr('1'), money('1', 'PKR'))],
    ['subtract', () => subtract(inr('1'), money('1', 'PKR'))],
    ['compare', () => compare(inr('1'), money('1', 'PKR'))],
  ])('%s refuses two currencies with CURRENCY_MISMATCH', (operation, action) => {
    const error = thrown(action);
    expect(error.code).toBe('CURRENCY_MISMATCH');
    expect(error.message).toContain(`${operation} INR and PKR`);
  });

  it('re-checks a hand-built Money', () => {
    const handBuilt: Money = { amount: new Decimal('1.005'), currency: 'INR' };
    expect(thrown(() => add(handBuilt, inr('1'))).code).toBe('INVALID_AMOUNT');
    expect(thrown(() => isPositive({ amount: new Decimal('1'), currency: 'inr' })).code).toBe('INVALID_CURRENCY');
  });

  it.each([
    ['1', '2', -1],
    ['2', '1', 1],
    ['2.50', '2.5', 0],
    ['-1', '0', -1],
  ] as const)('compare(%s, %s) = %i', (left, right, expected) => {
    expect(compare(inr(left), inr(right))).toBe(expected);
  });

  it.each([
    ['0.01', true],
    ['0', false],
    ['-0', false],
    ['-0.01', false],
  ])('isPositive(%s) = %s', (amount, expected) => {
    expect(isPositive(inr(amount))).toBe(expected);
  });
});
