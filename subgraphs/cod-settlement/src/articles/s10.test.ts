import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidS10, s10CheckDigit, s10Of, s10Problem } from './s10.js';

describe('S10 article numbers', () => {
  it.each([
    ['EE123456785IN', undefined],
    ['RR473124829GB', undefined],
    // 11 - (sum mod 11) = 11 reads 5: serial 00000000 sums to 0.
    ['CP000000005IN', undefined],
    ['EE123456784IN', 'CHECK_DIGIT'],
    ['ee123456785IN', 'FORMAT'],
    ['EE12345678IN', 'FORMAT'],
    ['EE1234567855IN', 'FORMAT'],
    ['E1123456785IN', 'FORMAT'],
    ['EE123456785I1', 'FORMAT'],
    [' EE123456785IN', 'FORMAT'],
    ['', 'FORMAT'],
    [42, 'FORMAT'],
  ])('%s is %s', (text, problem) => {
    expect(s10Problem(text)).toBe(problem);
  });

  it.each([
    // sum of 1..8 by weights 8 6 4 2 3 5 9 7 = 8+12+12+8+15+30+63+56 = 204; 204 mod 11 = 6; 11 - 6 = 5
    ['12345678', 5],
    ['47312482', 9],
    ['00000000', 5],
  ])('serial %s has check digit %i', (serial, digit) => {
    expect(s10CheckDigit(serial)).toBe(digit);
  });

  it('maps 10 to 0: a serial whose weighted sum is 1 mod 11', () => {
    // 00000006: 7 * 6 = 42 = 3 * 11 + 9 -> 2; look for a 10 among small serials instead of trusting arithmetic by hand.
    const serial = Array.from({ length: 1000 }, (_, n) => String(n).padStart(8, '0')).find((candidate) => {
      const sum = [8, 6, 4, 2, 3, 5, 9, 7].reduce((total, weight, at) => total + weight * Number(candidate[at]), 0);
      return 11 - (sum % 11) === 10;
    })!;
    expect(s10CheckDigit(serial)).toBe(0);
  });

  const part = fc.stringMatching(/^[A-Z]{2}$/);
  const serial = fc.stringMatching(/^[0-9]{8}$/);

  it('accepts every identifier built with its check digit', () => {
    fc.assert(fc.property(part, serial, part, (service, digits, country) => isValidS10(s10Of(service, digits, country))));
  });

  it('refuses every other check digit', () => {
    fc.assert(
      fc.property(part, serial, part, fc.integer({ min: 1, max: 9 }), (service, digits, country, shift) => {
        const wrong = (s10CheckDigit(digits) + shift) % 10;
        return s10Problem(`${service}${digits}${wrong}${country}`) === 'CHECK_DIGIT';
      }),
    );
  });

  it('catches any single changed serial digit, except where 11 and 5 share the digit 5', () => {
    // Every weight is prime to 11 and a digit changes by 1 to 9, so the weighted sum mod 11 always changes; the check
    // digit then changes too unless the two raw values are 5 and 11 (both printed 5).
    const raw = (text: string) => 11 - ([8, 6, 4, 2, 3, 5, 9, 7].reduce((total, weight, at) => total + weight * Number(text[at]), 0) % 11);
    fc.assert(
      fc.property(serial, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (digits, at, shift) => {
        const changed = digits.slice(0, at) + String((Number(digits[at]) + shift) % 10) + digits.slice(at + 1);
        expect(raw(changed)).not.toBe(raw(digits));
        const collide = [raw(changed), raw(digits)].sort((a, b) => a - b).join() === '5,11';
        expect(s10CheckDigit(changed) === s10CheckDigit(digits)).toBe(collide);
      }),
    );
  });
});
