import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billerCodeOf, checkAccountNumber, checkEmail, checkGstin, checkIfsc, checkPhone, checkStatusChange, maskAccountNumber } from './domain.js';
import { gstinCheckCharacter, gstinProblem, isValidGstin } from './gstin.js';
import { REAL_GSTINS } from './test-support/fixtures.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe('GSTIN', () => {
  it.each(REAL_GSTINS)('accepts the published GSTIN %s', (gstin) => {
    expect(gstinProblem(gstin)).toBeUndefined();
    expect(checkGstin(gstin.toLowerCase())).toBe(gstin);
  });

  it.each([
    ['27AAPFU0939F1ZA', 'the check character is wrong'],
    ['27AAPFU0939F1Z4', 'the check character is wrong'],
    ['29AAGCB7383J1ZV', 'the check character is wrong'],
    ['00AAPFU0939F1ZV', 'not a GST state code'],
    ['39AAPFU0939F1ZV', 'not a GST state code'],
    ['27AAPFU0939F1YV', 'a GSTIN is 15 characters'],
    ['27AAPFU0939F0ZV', 'a GSTIN is 15 characters'],
    ['27AAPF10939F1ZV', 'a GSTIN is 15 characters'],
    ['27AAPFU0939F1Z', 'a GSTIN is 15 characters'],
    ['27AAPFU0939F1ZVX', 'a GSTIN is 15 characters'],
    ['', 'a GSTIN is 15 characters'],
  ])('refuses %s (%s)', (gstin, problem) => {
    expect(gstinProblem(gstin)).toContain(problem);
  });

  it('computes the check character of the published examples', () => {
    expect(gstinCheckCharacter('27AAPFU0939F1Z')).toBe('V');
    expect(gstinCheckCharacter('29AAGCB7383J1Z')).toBe('4');
  });

  it('state codes 97 and 99 are valid, 98 is not', () => {
    for (const [state, valid] of [['97', true], ['99', true], ['98', false], ['38', true]] as const) {
      const first14 = `${state}AAPFU0939F1Z`;
      expect(isValidGstin(first14 + gstinCheckCharacter(first14))).toBe(valid);
    }
  });

  it('is INVALID_GSTIN through checkGstin, and absent is allowed', () => {
    expect(code(() => checkGstin('27AAPFU0939F1ZA'))).toBe('INVALID_GSTIN');
    expect(checkGstin(null)).toBeNull();
    expect(checkGstin('  ')).toBeNull();
  });

  it('any single wrong check character is refused, the right one accepted (property)', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const digit = fc.constantFrom(...'0123456789');
    const prefix = fc
      .tuple(fc.integer({ min: 1, max: 38 }), fc.array(letter, { minLength: 5, maxLength: 5 }), fc.array(digit, { minLength: 4, maxLength: 4 }), letter, fc.constantFrom(...'123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'))
      .map(([state, pan1, pan2, pan3, entity]) => `${String(state).padStart(2, '0')}${pan1.join('')}${pan2.join('')}${pan3}${entity}Z`);
    fc.assert(
      fc.property(prefix, fc.constantFrom(...ALPHABET), (first14, other) => {
        const right = gstinCheckCharacter(first14);
        expect(isValidGstin(first14 + right)).toBe(true);
        if (other !== right) expect(isValidGstin(first14 + other)).toBe(false);
      }),
    );
  });
});

describe('bank details', () => {
  it.each([
    ['SBIN0000691', 'OK'],
    ['hdfc0001234', 'OK'],
    ['ICIC0ABC123', 'OK'],
    ['SBIN1000691', 'INVALID_IFSC'],
    ['SBI00000691', 'INVALID_IFSC'],
    ['SBIN000069', 'INVALID_IFSC'],
    ['SBIN00006911', 'INVALID_IFSC'],
    ['SBIN0-00691', 'INVALID_IFSC'],
    ['', 'INVALID_IFSC'],
  ])('IFSC %s: %s', (ifsc, expected) => {
    expect(code(() => checkIfsc(ifsc, 'ifsc'))).toBe(expected);
  });

  it('upper-cases an IFSC', () => expect(checkIfsc(' hdfc0001234 ', 'ifsc')).toBe('HDFC0001234'));

  it.each([
    ['123456789', 'OK'],
    ['123456789012345678', 'OK'],
    ['1234 5678 9012', 'OK'],
    ['12345678', 'INVALID_ACCOUNT_NUMBER'],
    ['1234567890123456789', 'INVALID_ACCOUNT_NUMBER'],
    ['12345678a', 'INVALID_ACCOUNT_NUMBER'],
  ])('account number %s: %s', (number, expected) => {
    expect(code(() => checkAccountNumber(number, 'accountNumber'))).toBe(expected);
  });

  it('masks all but the last four digits', () => {
    expect(maskAccountNumber('001234567890')).toBe('••••••••7890');
  });
});

describe('contact', () => {
  it.each([
    ['9812345678', '+919812345678'],
    ['+91 98123 45678', '+919812345678'],
    ['09812345678', '+919812345678'],
    ['919812345678', '+919812345678'],
    ['+447911123456', '+447911123456'],
  ])('phone %s is %s', (phone, expected) => expect(checkPhone(phone, 'phone')).toBe(expected));

  it.each(['5812345678', '+915812345678', '981234567', '+91981234567', 'phone', ''])('refuses phone %s', (phone) => {
    expect(code(() => checkPhone(phone, 'phone'))).toBe('INVALID_PHONE');
  });

  it.each([
    ['Asha@Example.IN', 'OK'],
    ['asha@example', 'INVALID_EMAIL'],
    ['asha example@x.in', 'INVALID_EMAIL'],
    ['@x.in', 'INVALID_EMAIL'],
  ])('e-mail %s: %s', (email, expected) => expect(code(() => checkEmail(email, 'email'))).toBe(expected));
});

describe('codes and statuses', () => {
  it('codes are BL and six digits', () => {
    expect(billerCodeOf(1)).toBe('BL000001');
    expect(billerCodeOf(999_999)).toBe('BL999999');
    expect(code(() => billerCodeOf(1_000_000))).toBe('BILLER_CODES_EXHAUSTED');
  });

  it('CLOSED is final', () => {
    expect(code(() => checkStatusChange('ACTIVE', 'SUSPENDED'))).toBe('OK');
    expect(code(() => checkStatusChange('SUSPENDED', 'ACTIVE'))).toBe('OK');
    expect(code(() => checkStatusChange('CLOSED', 'ACTIVE'))).toBe('INVALID_STATUS_CHANGE');
  });
});
