/**
 * UPU S10 article identifiers (DOMAIN.md, Cash on delivery): two service letters, an eight-digit serial, a check digit
 * and the ISO country of the issuing operator, e.g. `EE123456785IN`. Pure: no I/O.
 */

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const SHAPE = /^([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})$/;

/** The check digit of an eight-digit serial: 11 - (weighted sum mod 11), where 10 reads 0 and 11 reads 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^[0-9]{8}$/.test(serial)) throw new RangeError(`an S10 serial is eight digits, not ${JSON.stringify(serial.slice(0, 20))}`);
  const sum = WEIGHTS.reduce((total, weight, at) => total + weight * Number(serial[at]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

export type S10Problem = 'FORMAT' | 'CHECK_DIGIT';

/** Why a text is not a valid S10 identifier, or undefined when it is one. Upper case only: we store what is printed. */
export function s10Problem(text: unknown): S10Problem | undefined {
  if (typeof text !== 'string' || text.length !== 13) return 'FORMAT';
  const match = SHAPE.exec(text);
  if (!match) return 'FORMAT';
  return Number(match[3]) === s10CheckDigit(match[2]!) ? undefined : 'CHECK_DIGIT';
}

export function isValidS10(text: unknown): text is string {
  return s10Problem(text) === undefined;
}

/** Builds a valid identifier from its parts (tests, generators, the manifest samples). */
export function s10Of(service: string, serial: string, country: string): string {
  if (!/^[A-Z]{2}$/.test(service) || !/^[A-Z]{2}$/.test(country)) throw new RangeError('service and country are two capital letters each');
  return `${service}${serial}${s10CheckDigit(serial)}${country}`;
}
