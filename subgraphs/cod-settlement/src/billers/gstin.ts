/**
 * The GSTIN (Goods and Services Tax Identification Number): 15 characters, the state code (2 digits), the holder's
 * PAN (5 letters, 4 digits, 1 letter), the entity number for that PAN in the state (1-9, then A-Z), 'Z' by default,
 * and a check character over the first 14 computed by the GSTN's base-36 algorithm. Pure.
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHAPE = /^([0-9]{2})[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/** 01 (Jammu and Kashmir) to 38 (Ladakh); 97 (other territory) and 99 (centre jurisdiction). */
function isStateCode(code: number): boolean {
  return (code >= 1 && code <= 38) || code === 97 || code === 99;
}

/**
 * The check character of a GSTIN's first 14 characters: each character's index in 0-9A-Z times a factor alternating
 * 1, 2 (from 1); each product contributes its base-36 quotient plus remainder; the check is (36 - sum mod 36) mod 36.
 */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i += 1) {
    const value = ALPHABET.indexOf(first14[i]!);
    if (value < 0) throw new RangeError(`'${first14[i]}' is not a GSTIN character`);
    const product = value * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return ALPHABET[(36 - (sum % 36)) % 36]!;
}

/** Why `text` is not a valid GSTIN, or undefined when it is one. */
export function gstinProblem(text: string): string | undefined {
  const match = SHAPE.exec(text);
  if (!match) return 'a GSTIN is 15 characters: state code, PAN, entity number, Z and a check character';
  if (!isStateCode(Number(match[1]))) return `${match[1]} is not a GST state code`;
  if (gstinCheckCharacter(text.slice(0, 14)) !== text[14]) return 'the check character is wrong';
  return undefined;
}

export function isValidGstin(text: string): boolean {
  return gstinProblem(text) === undefined;
}
