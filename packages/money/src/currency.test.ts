import { describe, expect, it } from 'vitest';
import { currencyOf } from './index.js';
import { thrown } from './test-support/thrown.js';

describe('currencyOf', () => {
  it.each([
    ['INR', 2],
    ['PKR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['BHD', 3],
    ['CLF', 4],
  ])('%s has %i minor units', (code, minorUnits) => {
    expect(currencyOf(code)).toEqual({ code, minorUnits });
  });

  it.each([
    ['inr', 'upper-case'],
    ['Inr', 'upper-case'],
    ['IN', '3-letter'],
    ['INRR', '3-letter'],
    [' INR', '3-letter'],
    ['', '3-letter'],
    ['ZZZ', 'not an ISO 4217'],
    ['ABC', 'not an ISO 4217'],
  ])('rejects %j with INVALID_CURRENCY (%s)', (code, reason) => {
    const error = thrown(() => currencyOf(code));
    expect(error.code).toBe('INVALID_CURRENCY');
    expect(error.field).toBe('currency');
    expect(error.message).toContain(reason);
  });

  it('rejects a non-string', () => {
    expect(thrown(() => currencyOf(356 as unknown as string)).code).toBe('INVALID_CURRENCY');
  });
});
