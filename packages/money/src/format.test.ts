import { describe, expect, it } from 'vitest';
import { Decimal, formatAmount, formatINR, formatIndian, money } from './index.js';
import { thrown } from './test-support/thrown.js';

describe('formatAmount', () => {
  it.each([
    ['50', 'INR', '50.00'],
    ['10.5', 'INR', '10.50'],
    ['-0.05', 'INR', '-0.05'],
    ['-0', 'INR', '0.00'],
    ['1500', 'JPY', '1500'],
    ['1.5', 'BHD', '1.500'],
    ['12345678901234567890123456789.99', 'INR', '12345678901234567890123456789.99'],
  ])('%s %s -> %s', (amount, currency, expected) => {
    expect(formatAmount(money(amount, currency))).toBe(expected);
  });

  it('refuses a hand-built Money with extra places instead of rounding it', () => {
    expect(thrown(() => formatAmount({ amount: new Decimal('1.005'), currency: 'INR' })).code).toBe('INVALID_AMOUNT');
  });
});

describe('formatINR (lakh/crore grouping)', () => {
  it.each([
    ['0', '0.00'],
    ['5', '5.00'],
    ['999', '999.00'],
    ['1000', '1,000.00'],
    ['12345', '12,345.00'],
    ['100000', '1,00,000.00'],
    ['1234567', '12,34,567.00'],
    ['10000000', '1,00,00,000.00'],
    ['-1234567.5', '-12,34,567.50'],
    ['-100', '-100.00'],
    ['99999999999999999.99', '99,99,99,99,99,99,99,999.99'],
  ])('%s -> %s', (amount, expected) => {
    expect(formatINR(money(amount, 'INR'))).toBe(expected);
  });

  it('stays exact above 2^53 where a float would not', () => {
    const amount = '99999999999999999.99';
    const viaFloat = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2 }).format(Number(amount));
    expect(viaFloat).toBe('1,00,00,00,00,00,00,00,000.00'); // what we must not produce
    expect(formatINR(money(amount, 'INR'))).toBe('99,99,99,99,99,99,99,999.99');
  });

  it('refuses other currencies; formatIndian groups any', () => {
    expect(thrown(() => formatINR(money('1', 'PKR'))).code).toBe('CURRENCY_MISMATCH');
    expect(formatIndian(money('1234567.5', 'PKR'))).toBe('12,34,567.50');
    expect(formatIndian(money('1234567', 'JPY'))).toBe('12,34,567');
    expect(formatIndian(money('1234567.125', 'BHD'))).toBe('12,34,567.125');
  });
});
