import { requireDecimal, toDecimal } from './amount.js';
import { currencyOf } from './currency.js';
import { DECIMAL_PRECISION_DIGITS, Decimal, ownDecimal, type DecimalJsRounding } from './decimal.js';
import { MoneyError, describeInput } from './errors.js';

/**
 * How to round a computed amount to the currency's minor units. There is no default on purpose: every fee, tax or
 * interest rule must say which one it uses, and its tests pin it.
 *
 * - HALF_UP: nearest, ties away from zero (2.345 -> 2.35, -2.345 -> -2.35). Usual for Indian fees and GST.
 * - HALF_EVEN: nearest, ties to the even digit (2.345 -> 2.34, 2.355 -> 2.36). Banker's rounding.
 * - DOWN: towards zero. UP: away from zero. CEILING: towards +infinity. FLOOR: towards -infinity.
 */
export type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'DOWN' | 'UP' | 'CEILING' | 'FLOOR';

const DECIMAL_JS_MODES: Readonly<Record<RoundingMode, DecimalJsRounding>> = {
  HALF_UP: Decimal.ROUND_HALF_UP,
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  DOWN: Decimal.ROUND_DOWN,
  UP: Decimal.ROUND_UP,
  CEILING: Decimal.ROUND_CEIL,
  FLOOR: Decimal.ROUND_FLOOR,
};

export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze(
  Object.keys(DECIMAL_JS_MODES) as RoundingMode[],
);

function decimalJsMode(mode: RoundingMode): DecimalJsRounding {
  // A missing mode would make decimal.js fall back to its configured default: the silent rounding we forbid.
  if (typeof mode !== 'string' || !Object.hasOwn(DECIMAL_JS_MODES, mode)) {
    throw new MoneyError(
      'INVALID_ROUNDING_MODE',
      `rounding mode must be one of ${ROUNDING_MODES.join(', ')}; got ${describeInput(mode)}`,
      { field: 'mode', details: { allowed: ROUNDING_MODES } },
    );
  }
  return DECIMAL_JS_MODES[mode];
}

/**
 * Rounds a computed value to the currency's minor units with the given mode: the one sanctioned way to turn a
 * computed fee or tax into something `money()` accepts. Returns a Decimal with at most `minorUnits` decimal places.
 */
export function roundToMinor(value: Decimal, currency: string, mode: RoundingMode): Decimal {
  const { minorUnits } = currencyOf(currency);
  const rounding = decimalJsMode(mode);
  return ownDecimal(requireDecimal(value, 'value').toDecimalPlaces(minorUnits, rounding));
}

/**
 * percent % of value, unrounded (`percentOf(x, '18')` = x * 18 / 100). Exact: if the product would need more
 * significant digits than Decimal keeps, it throws PRECISION_EXCEEDED rather than round behind the caller's back.
 * Round the result with roundToMinor.
 *
 * @param percent a Decimal or a plain decimal string ("18", "2.5")
 */
export function percentOf(value: Decimal, percent: Decimal | string): Decimal {
  const base = requireDecimal(value, 'value');
  const rate = toDecimal(percent, 'percent');
  // sd() ignores trailing zeros, and the digits of a product never exceed the sum of the factors' digits; dividing
  // by 100 only moves the point.
  if (base.sd() + rate.sd() > DECIMAL_PRECISION_DIGITS) {
    throw new MoneyError(
      'PRECISION_EXCEEDED',
      `${rate.toFixed()}% of ${base.toFixed()} needs more than ${DECIMAL_PRECISION_DIGITS} significant digits`,
      { field: 'value', details: { maxSignificantDigits: DECIMAL_PRECISION_DIGITS } },
    );
  }
  return ownDecimal(base.times(rate).dividedBy(100));
}
