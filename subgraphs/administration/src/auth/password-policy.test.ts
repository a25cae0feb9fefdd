import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PASSWORD_LENGTH,
  passwordProblems,
  TEMPORARY_PASSWORD_ALPHABET,
  TEMPORARY_PASSWORD_LENGTH,
  temporaryPasswordFrom,
} from './password-policy.js';

describe('passwordProblems', () => {
  it.each([
    ['ten characters is enough', 'abcdefghij', 'clerk', []],
    ['nine is too short', 'abcdefghi', 'clerk', ['TOO_SHORT']],
    ['empty is too short', '', 'clerk', ['TOO_SHORT']],
    ['length counts characters, not UTF-16 units (5 emoji are 5, not 10)', '😀😀😀😀😀', 'clerk', ['TOO_SHORT']],
    ['ten Devanagari letters are ten', 'कखगघङचछजझञ', 'clerk', []],
    ['the username, whatever its case', 'Sunita.Rawat', 'sunita.rawat', ['SAME_AS_USERNAME']],
    ['the username with spaces around', '  sunita.rawat ', 'sunita.rawat', ['SAME_AS_USERNAME']],
    ['a short username is both', 'clerk', 'clerk', ['TOO_SHORT', 'SAME_AS_USERNAME']],
    ['containing the username is allowed', 'sunita.rawat-2026', 'sunita.rawat', []],
    ['200 characters is the most', 'x'.repeat(MAX_PASSWORD_LENGTH), 'clerk', []],
    ['201 is too long', 'x'.repeat(MAX_PASSWORD_LENGTH + 1), 'clerk', ['TOO_LONG']],
  ])('%s', (_name, password, username, expected) => {
    expect(passwordProblems(password, username)).toEqual(expected);
  });
});

describe('temporaryPasswordFrom', () => {
  it('has 32 distinct symbols without look-alikes', () => {
    expect(new Set(TEMPORARY_PASSWORD_ALPHABET).size).toBe(32);
    expect(TEMPORARY_PASSWORD_ALPHABET).not.toMatch(/[IO01]/);
  });

  it('maps bytes to symbols: 0 -> A, 31 -> 9, 32 wraps to A', () => {
    const bytes = Uint8Array.from([0, 31, 32, 255, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(temporaryPasswordFrom(bytes)).toBe('A9A9BCDEFGHJ');
  });

  it('is always 12 symbols of the alphabet and meets the password rules', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: TEMPORARY_PASSWORD_LENGTH, maxLength: 32 }), (bytes) => {
        const password = temporaryPasswordFrom(bytes);
        expect(password).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
        expect([...password].every((symbol) => TEMPORARY_PASSWORD_ALPHABET.includes(symbol))).toBe(true);
        expect(passwordProblems(password, 'someone')).toEqual([]);
      }),
    );
  });

  it('refuses too few random bytes rather than padding', () => {
    expect(() => temporaryPasswordFrom(new Uint8Array(11))).toThrow(/12 random bytes/);
  });
});
