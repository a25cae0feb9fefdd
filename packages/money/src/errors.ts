import { ExpectedError } from '@postal/errors';

/**
 * Stable, machine-readable reasons a money operation refused. Callers (API error mapping, tests) switch on these,
 * so they are never renamed, only added to.
 */
export type MoneyErrorCode =
  /** Not a 3-letter upper-case ISO 4217 code, or not a code ISO 4217 knows. */
  | 'INVALID_CURRENCY'
  /** Not a plain decimal string, not finite, or more decimal places than the currency's minor units. */
  | 'INVALID_AMOUNT'
  /** An amount (given or computed) at or above the supported magnitude; see MAX_AMOUNT_INTEGER_DIGITS. */
  | 'AMOUNT_TOO_LARGE'
  /** Two amounts in different currencies were combined or compared. */
  | 'CURRENCY_MISMATCH'
  /** A rounding mode outside RoundingMode (only reachable from untyped callers). */
  | 'INVALID_ROUNDING_MODE'
  /** A product would need more significant digits than Decimal keeps, so it would be rounded silently. */
  | 'PRECISION_EXCEEDED';

export interface MoneyErrorOptions {
  /** The input at fault, e.g. `amount`, `currency`, `percent`. */
  field?: string;
  /** Extra facts safe to show the caller (limits, allowed values). */
  details?: Record<string, unknown>;
}

/**
 * A money rule said no. An expected error (a stable code, the field at fault), so one that reaches the API is shown to
 * the caller as it is rather than masked as an internal error.
 */
export class MoneyError extends ExpectedError {
  declare readonly code: MoneyErrorCode;

  constructor(code: MoneyErrorCode, message: string, options: MoneyErrorOptions = {}) {
    super(code, message, options);
    this.name = 'MoneyError';
  }
}

export function isMoneyError(error: unknown): error is MoneyError {
  return error instanceof MoneyError;
}

const MAX_QUOTED_INPUT_CHARS = 50;

/** Describes a rejected input for an error message without echoing megabytes of it back. */
export function describeInput(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > MAX_QUOTED_INPUT_CHARS ? `${value.slice(0, MAX_QUOTED_INPUT_CHARS)}...` : value;
    return JSON.stringify(shown);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}
