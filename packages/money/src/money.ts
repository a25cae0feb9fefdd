import { requireDecimal, toDecimal } from './amount.js';
import { currencyOf, type Currency } from './currency.js';
import { Decimal } from './decimal.js';
import { MoneyError, describeInput } from './errors.js';

/** An amount in a currency, never with more decimal places than the currency's minor units. Build with `money()`. */
export interface Money {
  readonly amount: Decimal;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
}

/**
 * Amounts must stay below 10^30 in absolute value. Far above any postal ledger (India's GDP is about 3 * 10^14
 * rupees), and it is what makes `add`/`subtract` exact: 30 integer digits + 1 carry + at most 4 minor-unit digits
 * (the most any ISO 4217 currency has) = 35 significant digits, within the 40 that Decimal keeps.
 */
export const MAX_AMOUNT_INTEGER_DIGITS = 30;
const AMOUNT_LIMIT = new Decimal(10).pow(MAX_AMOUNT_INTEGER_DIGITS);

/** Throws unless `value` has at most the currency's decimal places and is within the supported magnitude. */
export function assertFitsCurrency(value: Decimal, currency: Currency, field = 'amount'): void {
  const decimalPlaces = value.decimalPlaces();
  if (decimalPlaces > currency.minorUnits) {
    throw new MoneyError(
      'INVALID_AMOUNT',
      `${field} ${value.toFixed()} has ${decimalPlaces} decimal places but ${currency.code} allows ` +
        `${currency.minorUnits} (its minor units); amounts are never rounded silently, round explicitly with ` +
        `roundToMinor if this is a computed value`,
      { field, details: { currency: currency.code, minorUnits: currency.minorUnits } },
    );
  }
  if (value.abs().gte(AMOUNT_LIMIT)) {
    throw new MoneyError(
      'AMOUNT_TOO_LARGE',
      `${field} ${value.toFixed()} is too large: at most ${MAX_AMOUNT_INTEGER_DIGITS} integer digits are supported`,
      { field, details: { maxIntegerDigits: MAX_AMOUNT_INTEGER_DIGITS } },
    );
  }
}

/**
 * Makes a Money, refusing (INVALID_AMOUNT) an amount with more decimal places than the currency allows: "10.005" INR
 * is an error, never 10.01. A string must be a plain decimal (see parseAmount).
 */
export function money(amount: string | Decimal, currency: string): Money {
  const resolvedCurrency = currencyOf(currency);
  const value = toDecimal(amount, 'amount');
  assertFitsCurrency(value, resolvedCurrency);
  return Object.freeze({ amount: value, currency: resolvedCurrency.code });
}

/** Re-checks a Money that may have been built by hand (an object literal, a database row) rather than by `money()`. */
function checked(value: Money, field: string): Money {
  if (typeof value !== 'object' || value === null) {
    throw new MoneyError('INVALID_AMOUNT', `${field} must be a Money; got ${describeInput(value)}`, { field });
  }
  const resolvedCurrency = currencyOf(value.currency);
  const amount = requireDecimal(value.amount, field);
  assertFitsCurrency(amount, resolvedCurrency, field);
  return { amount, currency: resolvedCurrency.code };
}

function sameCurrency(left: Money, right: Money, operation: string): string {
  if (left.currency !== right.currency) {
    throw new MoneyError(
      'CURRENCY_MISMATCH',
      `cannot ${operation} ${left.currency} and ${right.currency}: convert explicitly first`,
      { details: { left: left.currency, right: right.currency } },
    );
  }
  return left.currency;
}

/** left + right, same currency. Exact (see MAX_AMOUNT_INTEGER_DIGITS); AMOUNT_TOO_LARGE if the sum leaves the range. */
export function add(left: Money, right: Money): Money {
  const a = checked(left, 'left');
  const b = checked(right, 'right');
  return money(a.amount.plus(b.amount), sameCurrency(a, b, 'add'));
}

/** left - right, same currency. Exact; the result may be negative. */
export function subtract(left: Money, right: Money): Money {
  const a = checked(left, 'left');
  const b = checked(right, 'right');
  return money(a.amount.minus(b.amount), sameCurrency(a, b, 'subtract'));
}

/** -1, 0 or 1 as left is less than, equal to or greater than right. Same currency only. */
export function compare(left: Money, right: Money): -1 | 0 | 1 {
  const a = checked(left, 'left');
  const b = checked(right, 'right');
  sameCurrency(a, b, 'compare');
  const order = a.amount.comparedTo(b.amount);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

/** True when the amount is greater than zero (zero is not positive). */
export function isPositive(value: Money): boolean {
  return checked(value, 'amount').amount.gt(0);
}
