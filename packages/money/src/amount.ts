import { Decimal, ownDecimal } from './decimal.js';
import { MoneyError, describeInput } from './errors.js';

/** Longest amount text accepted, sign and point included. Bounds the work done on hostile input. */
export const MAX_AMOUNT_TEXT_LENGTH = 40;

/** Optional '-', then 0 or digits without a leading zero, then optionally '.' and at least one digit. */
const PLAIN_DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

const EXPECTED = `expected digits with an optional leading '-' and an optional '.' fraction, e.g. "1234.50"`;

/** Names what is wrong with text that failed PLAIN_DECIMAL, so the caller can fix it without guessing. */
function diagnose(text: string): string {
  if (text === '') return 'it is empty';
  if (/\s/.test(text)) return 'it contains whitespace';
  if (/^[+-]?(?:nan|inf|infinity)$/i.test(text)) return 'it is not a finite number';
  if (text.startsWith('+')) return `a leading '+' is not allowed`;
  if (/[0-9.][eE][+-]?[0-9]/.test(text)) return 'exponent notation is not allowed';
  if (text.includes(',') || text.includes('_')) return 'digit grouping separators are not allowed';
  if (/^-?0[0-9]/.test(text)) return 'leading zeros are not allowed';
  if (/^-?\./.test(text) || /\.$/.test(text)) return `the '.' needs digits on both sides`;
  return 'it is not a plain decimal number';
}

/**
 * Parses an amount written as a plain decimal string. Deliberately stricter than `new Decimal(text)`, which would
 * also take "1e5", "0x1F", "Infinity", " 5" and "+5": what we store must be what the person typed, digit for digit.
 * "-0" and "-0.00" are accepted and read as zero.
 *
 * @param field names the input in the error (`amount`, `percent`, ...)
 */
export function parseAmount(text: string, field = 'amount'): Decimal {
  if (typeof text !== 'string') {
    throw new MoneyError('INVALID_AMOUNT', `${field} must be a string of digits; got ${describeInput(text)}`, {
      field,
    });
  }
  if (text.length > MAX_AMOUNT_TEXT_LENGTH) {
    throw new MoneyError(
      'INVALID_AMOUNT',
      `invalid ${field} ${describeInput(text)}: longer than ${MAX_AMOUNT_TEXT_LENGTH} characters`,
      { field, details: { maxLength: MAX_AMOUNT_TEXT_LENGTH } },
    );
  }
  if (!PLAIN_DECIMAL.test(text)) {
    throw new MoneyError('INVALID_AMOUNT', `invalid ${field} ${describeInput(text)}: ${diagnose(text)}; ${EXPECTED}`, {
      field,
    });
  }
  return ownDecimal(new Decimal(text));
}

/**
 * Checks a value typed as Decimal really is a finite one (untyped callers, NaN/Infinity results) and re-homes it in
 * our constructor. Numbers are refused outright: a float has already lost the digits we would need.
 */
export function requireDecimal(value: unknown, field = 'amount'): Decimal {
  if (!Decimal.isDecimal(value)) {
    throw new MoneyError('INVALID_AMOUNT', `${field} must be a Decimal; got ${describeInput(value)}`, { field });
  }
  if (!value.isFinite()) {
    throw new MoneyError('INVALID_AMOUNT', `${field} must be a finite number; got ${value.toString()}`, { field });
  }
  return ownDecimal(value);
}

/** A Decimal as is, or a string through parseAmount: the two ways an amount may arrive. */
export function toDecimal(value: string | Decimal, field = 'amount'): Decimal {
  return typeof value === 'string' ? parseAmount(value, field) : requireDecimal(value, field);
}
