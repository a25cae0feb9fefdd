/**
 * Money-order references as the counter reads them (docs/money-orders.md, the subgraph's orders/reference.ts): 18
 * digits, the booking's business date (YYMMDD), an 11-digit serial and a Luhn check digit. The console checks the
 * shape and the check digit before sending, so a mistyped digit is caught at the field; the server checks again
 * (INVALID_REFERENCE) and decides.
 */
const REFERENCE_LENGTH = 18;

/** What was typed or pasted, without the spaces and dashes a receipt groups it with. */
export function normaliseReference(text: string): string {
  return text.replace(/[\s-]/g, '');
}

/** The Luhn check digit of a string of digits (ISO/IEC 7812-1), the same computation as the server's. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
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

/** Why a typed reference cannot be one, in words; undefined when it can. */
export function referenceProblem(text: string): string | undefined {
  const reference = normaliseReference(text);
  if (reference === '') return 'Enter the 18-digit reference from the receipt.';
  if (!/^\d+$/.test(reference)) return 'A reference has digits only.';
  if (reference.length !== REFERENCE_LENGTH) return `A reference has 18 digits; this has ${reference.length}.`;
  if (luhnCheckDigit(reference.slice(0, 17)) !== reference[17]) return 'The last digit does not check: a digit is mistyped.';
  return undefined;
}

/** Three groups of six digits, the way a clerk reads a reference aloud and a receipt prints it. */
export function groupReference(reference: string): string {
  return reference.length === REFERENCE_LENGTH ? `${reference.slice(0, 6)} ${reference.slice(6, 12)} ${reference.slice(12)}` : reference;
}
