/**
 * Money-order references: 18 digits = the booking's business date as YYMMDD, an 11-digit serial (a database sequence,
 * so unique across offices and restarts) and a Luhn check digit over the first 17. Luhn (ISO/IEC 7812-1) catches every
 * single-digit error and every swap of adjacent digits except 09/90, the mistakes a clerk or a payee makes reading a
 * receipt aloud. Every input that takes a reference checks it before any lookup (INVALID_REFERENCE).
 */
const REFERENCE_SHAPE = /^\d{18}$/;
const SERIAL_DIGITS = 11;

/** The Luhn check digit for a string of digits. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  // From the rightmost digit of the payload, every first (then third, ...) digit is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isValidReference(value: unknown): value is string {
  return typeof value === 'string' && REFERENCE_SHAPE.test(value) && luhnCheckDigit(value.slice(0, 17)) === value[17];
}

/** The reference for a booking on `businessDate` ('YYYY-MM-DD') with this serial (1 .. 10^11 - 1). */
export function referenceOf(businessDate: string, serial: bigint | number): string {
  const serialText = String(serial);
  if (!/^\d+$/.test(serialText) || serialText.length > SERIAL_DIGITS || BigInt(serialText) < 1n) {
    throw new RangeError(`a reference serial is 1 to ${SERIAL_DIGITS} digits, not ${serialText}`);
  }
  const payload = `${businessDate.slice(2, 4)}${businessDate.slice(5, 7)}${businessDate.slice(8, 10)}${serialText.padStart(SERIAL_DIGITS, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}
