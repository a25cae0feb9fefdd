import { data as iso4217 } from 'currency-codes';
import { MoneyError, describeInput } from './errors.js';

export interface Currency {
  /** ISO 4217 alphabetic code, upper case: `INR`. */
  readonly code: string;
  /** Decimal places of the currency's minor unit: INR 2 (paise), JPY 0, BHD 3. */
  readonly minorUnits: number;
}

// Built once: currency-codes' own `code()` scans the list each call and accepts lower case, which would let "inr"
// into a Money and break equality checks between currencies.
const CURRENCIES: ReadonlyMap<string, Currency> = new Map(
  iso4217.map((record) => [record.code, Object.freeze({ code: record.code, minorUnits: record.digits })]),
);

const ISO_4217_SHAPE = /^[A-Z]{3}$/;

/** Looks up an ISO 4217 currency. Only the canonical upper-case code is accepted. */
export function currencyOf(code: string): Currency {
  if (typeof code !== 'string' || !ISO_4217_SHAPE.test(code)) {
    throw new MoneyError(
      'INVALID_CURRENCY',
      `currency must be a 3-letter upper-case ISO 4217 code such as "INR"; got ${describeInput(code)}`,
      { field: 'currency' },
    );
  }
  const currency = CURRENCIES.get(code);
  if (!currency) {
    throw new MoneyError('INVALID_CURRENCY', `"${code}" is not an ISO 4217 currency code`, { field: 'currency' });
  }
  return currency;
}
