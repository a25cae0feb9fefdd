import { describe, expect, it } from 'vitest';
import { Decimal, money } from '@postal/money';
import { DecimalScalar, toMoneyOutput } from './index.js';

describe('toMoneyOutput', () => {
  it.each([
    ['50', 'INR', '50.00'],
    ['10.5', 'INR', '10.50'],
    ['1500', 'JPY', '1500'],
    ['1.5', 'BHD', '1.500'],
    ['99999999999999999.99', 'INR', '99999999999999999.99'],
  ])('%s %s -> amount %s', (amount, currency, expected) => {
    expect(toMoneyOutput(money(amount, currency))).toEqual({ amount: expected, currency });
  });

  it('keeps its fixed scale through the Decimal scalar', () => {
    expect(DecimalScalar.serialize(toMoneyOutput(money('50', 'INR')).amount)).toBe('50.00');
  });

  it('refuses a hand-built Money with more places than the currency allows', () => {
    expect(() => toMoneyOutput({ amount: new Decimal('1.005'), currency: 'INR' })).toThrow(/INR allows 2/);
  });
});
