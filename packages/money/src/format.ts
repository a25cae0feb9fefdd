import { requireDecimal } from './amount.js';
import { currencyOf } from './currency.js';
import { MoneyError } from './errors.js';
import { assertFitsCurrency, type Money } from './money.js';

/**
 * The amount with exactly the currency's minor units: "50.00" INR, "1500" JPY, "-0.125" BHD. No grouping, no
 * symbol, no exponent; parseAmount reads it back to the same value. This is the wire and storage format.
 */
export function formatAmount(value: Money): string {
  const currency = currencyOf(value.currency);
  const amount = requireDecimal(value.amount);
  // A hand-built Money could carry extra places; toFixed would then round them away silently.
  assertFitsCurrency(amount, currency);
  return amount.toFixed(currency.minorUnits);
}

/**
 * Groups a plain fixed amount the Indian way: the last three integer digits, then pairs (lakh, crore).
 * "1234567.00" -> "12,34,567.00". Pure string work, so it is exact at any size; a JS number is not past 2^53.
 */
function groupIndian(fixed: string): string {
  const negative = fixed.startsWith('-');
  const unsigned = negative ? fixed.slice(1) : fixed;
  const [integerDigits = '', fraction] = unsigned.split('.');
  let grouped = integerDigits;
  if (integerDigits.length > 3) {
    const leading = integerDigits.slice(0, -3).replace(/\B(?=(?:[0-9]{2})+$)/g, ',');
    grouped = `${leading},${integerDigits.slice(-3)}`;
  }
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * Display form for Indian readers in any currency's minor units, the grouping `Intl.NumberFormat('en-IN')` uses
 * (12,34,567.00), built from the exact string rather than a float. No currency symbol.
 */
export function formatIndian(value: Money): string {
  return groupIndian(formatAmount(value));
}

/** Display form of an INR amount: "12,34,567.00". Refuses other currencies (CURRENCY_MISMATCH). */
export function formatINR(value: Money): string {
  if (value.currency !== 'INR') {
    throw new MoneyError('CURRENCY_MISMATCH', `formatINR formats INR amounts; got ${String(value.currency)}`, {
      field: 'currency',
    });
  }
  return formatIndian(value);
}
