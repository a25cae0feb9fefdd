/**
 * Property-based tests: the rules hold for every amount fast-check can think of, checked against oracles written
 * with bigint minor units (integers, so exact by construction and independent of decimal.js).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  MAX_AMOUNT_INTEGER_DIGITS,
  MoneyError,
  ROUNDING_MODES,
  add,
  compare,
  formatAmount,
  formatINR,
  money,
  parseAmount,
  roundToMinor,
  subtract,
} from './index.js';

const CURRENCIES = [
  { code: 'INR', minorUnits: 2 },
  { code: 'PKR', minorUnits: 2 },
  { code: 'JPY', minorUnits: 0 },
  { code: 'BHD', minorUnits: 3 },
  { code: 'CLF', minorUnits: 4 },
] as const;

/** Half the supported range, so the sum of two amounts is still in range. */
const HALF_RANGE_MAJOR = 10n ** BigInt(MAX_AMOUNT_INTEGER_DIGITS - 1);

/** Writes an integer count of 10^-scale units as a plain decimal: (12345n, 2) -> "123.45". */
function fixed(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

function floorDiv(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator; // truncates towards zero
  return numerator % denominator !== 0n && numerator < 0n !== denominator < 0n ? quotient - 1n : quotient;
}

const currency = fc.constantFrom(...CURRENCIES);
const minorAmount = (minorUnits: number) => {
  const bound = HALF_RANGE_MAJOR * 10n ** BigInt(minorUnits) - 1n;
  // Mix small, realistic amounts with huge ones, well past 2^53.
  return fc.oneof(fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), fc.bigInt({ min: -bound, max: bound }));
};
const sameCurrencyPair = currency.chain((c) =>
  fc.tuple(fc.constant(c), minorAmount(c.minorUnits), minorAmount(c.minorUnits)),
);

describe('money properties', () => {
  it('format then parse round-trips, and the format is the canonical minor-unit string', () => {
    fc.assert(
      fc.property(
        currency.chain((c) => fc.tuple(fc.constant(c), minorAmount(c.minorUnits))),
        ([c, minor]) => {
          const text = fixed(minor, c.minorUnits);
          const value = money(text, c.code);
          expect(formatAmount(value)).toBe(text);
          expect(parseAmount(formatAmount(value)).eq(value.amount)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('add matches integer arithmetic, and subtract undoes add', () => {
    fc.assert(
      fc.property(sameCurrencyPair, ([c, left, right]) => {
        const a = money(fixed(left, c.minorUnits), c.code);
        const b = money(fixed(right, c.minorUnits), c.code);
        const sum = add(a, b);
        expect(formatAmount(sum)).toBe(fixed(left + right, c.minorUnits));
        expect(subtract(sum, b).amount.eq(a.amount)).toBe(true);
        expect(formatAmount(subtract(a, b))).toBe(fixed(left - right, c.minorUnits));
      }),
      { numRuns: 500 },
    );
  });

  it('compare agrees with integer comparison', () => {
    fc.assert(
      fc.property(sameCurrencyPair, ([c, left, right]) => {
        const expected = left < right ? -1 : left > right ? 1 : 0;
        expect(compare(money(fixed(left, c.minorUnits), c.code), money(fixed(right, c.minorUnits), c.code))).toBe(
          expected,
        );
      }),
    );
  });

  it('money() refuses any amount with more places than the currency allows', () => {
    fc.assert(
      fc.property(
        currency,
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 1, max: 3 }),
        (c, units, extraPlaces) => {
          const lastDigitNonZero = units * 10n + (units < 0n ? -7n : 7n);
          const text = fixed(lastDigitNonZero, c.minorUnits + extraPlaces);
          try {
            money(text, c.code);
            expect.unreachable(`${text} ${c.code} was accepted`);
          } catch (error) {
            expect(error).toBeInstanceOf(MoneyError);
            expect((error as MoneyError).code).toBe('INVALID_AMOUNT');
          }
        },
      ),
    );
  });
});

describe('rounding properties', () => {
  // Any value with up to 12 decimal places.
  const anyValue = fc.tuple(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: 0, max: 12 }));

  it('never leaves more places than the minor units, moves less than one minor unit, in the promised direction', () => {
    fc.assert(
      fc.property(currency, anyValue, fc.constantFrom(...ROUNDING_MODES), (c, [units, scale], mode) => {
        const value = new Decimal(fixed(units, scale));
        const rounded = roundToMinor(value, c.code, mode);
        expect(rounded.decimalPlaces()).toBeLessThanOrEqual(c.minorUnits);
        expect(rounded.minus(value).abs().lt(new Decimal(10).pow(-c.minorUnits))).toBe(true);
        // The result is accepted by money() as it is.
        expect(money(rounded, c.code).amount.eq(rounded)).toBe(true);
        if (mode === 'FLOOR') expect(rounded.lte(value)).toBe(true);
        if (mode === 'CEILING') expect(rounded.gte(value)).toBe(true);
        if (mode === 'DOWN') expect(rounded.abs().lte(value.abs())).toBe(true);
        if (mode === 'UP') expect(rounded.abs().gte(value.abs())).toBe(true);
        if (value.decimalPlaces() <= c.minorUnits) expect(rounded.eq(value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('on an exact half, HALF_UP goes away from zero and HALF_EVEN to the even neighbour', () => {
    fc.assert(
      fc.property(currency, fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (c, halves) => {
        const odd = 2n * halves + 1n; // value = odd/2 minor units: always a tie
        const value = new Decimal(fixed(odd * 5n, c.minorUnits + 1));
        const below = floorDiv(odd, 2n);
        const above = below + 1n;
        const awayFromZero = odd > 0n ? above : below;
        const even = below % 2n === 0n ? below : above;
        expect(roundToMinor(value, c.code, 'HALF_UP').toFixed()).toBe(new Decimal(fixed(awayFromZero, c.minorUnits)).toFixed());
        expect(roundToMinor(value, c.code, 'HALF_EVEN').toFixed()).toBe(new Decimal(fixed(even, c.minorUnits)).toFixed());
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatINR properties', () => {
  // Intl.NumberFormat formats a numeric *string* exactly (ECMA-402 NumberFormat v3), so it is a fair oracle for the
  // grouping; formatINR itself never hands Intl or anything else a float.
  const intlEnIn = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  it('groups exactly like Intl en-IN at every size, far beyond 2^53', () => {
    fc.assert(
      fc.property(minorAmount(2), (paise) => {
        const text = fixed(paise, 2);
        expect(formatINR(money(text, 'INR'))).toBe(intlEnIn.format(text as `${number}`));
      }),
      { numRuns: 1000 },
    );
  });

  it('removing the commas gives back the fixed amount', () => {
    fc.assert(
      fc.property(minorAmount(2), (paise) => {
        const value = money(fixed(paise, 2), 'INR');
        expect(formatINR(value).replaceAll(',', '')).toBe(formatAmount(value));
      }),
    );
  });
});
