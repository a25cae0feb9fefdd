/**
 * Password rules and temporary passwords, pure (the random bytes are passed in so tests can fix them).
 */

export const MIN_PASSWORD_LENGTH = 10;
/** An upper bound, so a megabyte "password" cannot make scrypt and the request body the attack. */
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'SAME_AS_USERNAME' | 'SAME_AS_CURRENT';

/**
 * What is wrong with a new password, by the rules that need no hash: at least 10 characters (counted as the user sees
 * them: code points, after the same NFKC normalisation the hash uses), at most 200, and not the username in any case.
 * "Not the current one" needs the stored hash, so the service checks it and adds SAME_AS_CURRENT.
 */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  const problems: PasswordProblem[] = [];
  if (length < MIN_PASSWORD_LENGTH) problems.push('TOO_SHORT');
  if (length > MAX_PASSWORD_LENGTH) problems.push('TOO_LONG');
  if (normalised.trim().toLowerCase() === username.toLowerCase()) problems.push('SAME_AS_USERNAME');
  return problems;
}

/**
 * 32 symbols: capitals and digits without the look-alikes I, O, 0 and 1, so a temporary password read out over the phone or copied from
 * a screen survives; 32 divides 256, so every byte maps to a symbol with equal chance.
 */
export const TEMPORARY_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const TEMPORARY_PASSWORD_LENGTH = 12;

/** 12 symbols of 32: 60 bits from a CSPRNG, far beyond guessing within the lockout's five tries. */
export function temporaryPasswordFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < TEMPORARY_PASSWORD_LENGTH) throw new Error(`a temporary password needs ${TEMPORARY_PASSWORD_LENGTH} random bytes`);
  let password = '';
  for (let index = 0; index < TEMPORARY_PASSWORD_LENGTH; index += 1) {
    password += TEMPORARY_PASSWORD_ALPHABET[randomBytes[index]! % TEMPORARY_PASSWORD_ALPHABET.length];
  }
  return password;
}
