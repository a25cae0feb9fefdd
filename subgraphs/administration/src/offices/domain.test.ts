import { describe, expect, it } from 'vitest';
import {
  checkAccountOffice,
  checkClosingDate,
  checkMove,
  checkTypeOrder,
  childPath,
  defaultAccountOfficeCode,
  isUnder,
  movedPath,
  OFFICE_TYPES,
  parseAddress,
  parseDeliveryShifts,
  parseEmail,
  parseOfficeCode,
  parsePhone,
  parsePin,
  type TreeOffice,
} from './domain.js';
import type { OfficeType } from './model.js';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('type order: a child is strictly below its parent, levels may be skipped', () => {
  const cases: Array<[OfficeType, OfficeType | null, string | undefined]> = [
    ['CIRCLE', null, undefined],
    ['REGION', null, 'INVALID_OFFICE_TYPE_ORDER'],
    ['BRANCH_OFFICE', null, 'INVALID_OFFICE_TYPE_ORDER'],
    ['REGION', 'CIRCLE', undefined],
    ['DIVISION', 'CIRCLE', undefined], // no regions
    ['HEAD_OFFICE', 'DIVISION', undefined],
    ['SUB_OFFICE', 'HEAD_OFFICE', undefined],
    ['BRANCH_OFFICE', 'SUB_OFFICE', undefined],
    ['BRANCH_OFFICE', 'HEAD_OFFICE', undefined], // a BO directly under its HO
    ['CIRCLE', 'CIRCLE', 'INVALID_OFFICE_TYPE_ORDER'],
    ['SUB_OFFICE', 'SUB_OFFICE', 'INVALID_OFFICE_TYPE_ORDER'],
    ['DIVISION', 'HEAD_OFFICE', 'INVALID_OFFICE_TYPE_ORDER'],
    ['HEAD_OFFICE', 'BRANCH_OFFICE', 'INVALID_OFFICE_TYPE_ORDER'],
    ['CIRCLE', 'REGION', 'INVALID_OFFICE_TYPE_ORDER'],
  ];
  it.each(cases)('a %s under %s: %s', (type, parentType, expected) => {
    expect(codeOf(() => checkTypeOrder(type, parentType))).toBe(expected);
  });

  it('holds for every pair of levels exactly when the parent ranks higher', () => {
    for (const [parentRank, parentType] of OFFICE_TYPES.entries()) {
      for (const [rank, type] of OFFICE_TYPES.entries()) {
        expect(codeOf(() => checkTypeOrder(type, parentType))).toBe(parentRank < rank ? undefined : 'INVALID_OFFICE_TYPE_ORDER');
      }
    }
  });
});

const office = (code: string, type: OfficeType, path: string, status: 'ACTIVE' | 'CLOSED' = 'ACTIVE'): TreeOffice => ({ code, type, path, status });

describe('moves: no cycles, type order, open offices only', () => {
  const division = { ...office('D', 'DIVISION', 'C/D'), parentCode: 'C' };
  const headOffice = { ...office('HO', 'HEAD_OFFICE', 'C/D/HO'), parentCode: 'D' };
  const cases: Array<[string, TreeOffice & { parentCode: string | null }, TreeOffice, string | undefined]> = [
    ['under itself', division, office('D', 'DIVISION', 'C/D'), 'MOVE_WOULD_CREATE_CYCLE'],
    ['under its own child', division, office('HO', 'HEAD_OFFICE', 'C/D/HO'), 'MOVE_WOULD_CREATE_CYCLE'],
    ['under a deeper descendant', division, office('BO', 'BRANCH_OFFICE', 'C/D/HO/SO/BO'), 'MOVE_WOULD_CREATE_CYCLE'],
    ['under a sibling whose code shares a prefix', headOffice, office('D2', 'DIVISION', 'C/D2'), undefined],
    ['under another circle', division, office('C2', 'CIRCLE', 'C2'), undefined],
    ['under a lower type', headOffice, office('SO9', 'SUB_OFFICE', 'C/D9/HO9/SO9'), 'INVALID_OFFICE_TYPE_ORDER'],
    ['under the same type', headOffice, office('HO2', 'HEAD_OFFICE', 'C/D/HO2'), 'INVALID_OFFICE_TYPE_ORDER'],
    ['under its current parent', headOffice, office('D', 'DIVISION', 'C/D'), 'BAD_USER_INPUT'],
    ['under a closed office', headOffice, office('D3', 'DIVISION', 'C/D3', 'CLOSED'), 'OFFICE_CLOSED'],
    ['when it is closed itself', { ...headOffice, status: 'CLOSED' }, office('D3', 'DIVISION', 'C/D3'), 'OFFICE_CLOSED'],
  ];
  it.each(cases)('%s: %s', (_name, moved, newParent, expected) => {
    expect(codeOf(() => checkMove(moved, newParent))).toBe(expected);
  });
});

describe('account offices: an active head or sub office above a sub or branch office, none above', () => {
  const ho = office('HO', 'HEAD_OFFICE', 'C/D/HO');
  const so = office('SO', 'SUB_OFFICE', 'C/D/HO/SO');
  const cases: Array<[string, { code: string; type: OfficeType; path: string }, TreeOffice | null, string | undefined]> = [
    ['a BO in account with its SO', { code: 'BO', type: 'BRANCH_OFFICE', path: 'C/D/HO/SO/BO' }, so, undefined],
    ['a BO in account with its HO', { code: 'BO', type: 'BRANCH_OFFICE', path: 'C/D/HO/SO/BO' }, ho, undefined],
    ['an SO in account with its HO', { code: 'SO', type: 'SUB_OFFICE', path: 'C/D/HO/SO' }, ho, undefined],
    ['a BO with none', { code: 'BO', type: 'BRANCH_OFFICE', path: 'C/D/HO/SO/BO' }, null, 'INVALID_ACCOUNT_OFFICE'],
    ['an SO with none', { code: 'SO', type: 'SUB_OFFICE', path: 'C/D/HO/SO' }, null, 'INVALID_ACCOUNT_OFFICE'],
    ['a BO in account with a division', { code: 'BO', type: 'BRANCH_OFFICE', path: 'C/D/HO/SO/BO' }, office('D', 'DIVISION', 'C/D'), 'INVALID_ACCOUNT_OFFICE'],
    ['a BO in account with an HO elsewhere', { code: 'BO', type: 'BRANCH_OFFICE', path: 'C/D/HO/SO/BO' }, office('HO2', 'HEAD_OFFICE', 'C/D/HO2'), 'INVALID_ACCOUNT_OFFICE'],
    ['a BO in account with an HO whose path is a string prefix', { code: 'BO', type: 'BRANCH_OFFICE', path: 'C/D/HO2/BO' }, ho, 'INVALID_ACCOUNT_OFFICE'],
    ['an SO in account with itself', { code: 'SO', type: 'SUB_OFFICE', path: 'C/D/HO/SO' }, so, 'INVALID_ACCOUNT_OFFICE'],
    ['a BO in account with a closed SO', { code: 'BO', type: 'BRANCH_OFFICE', path: 'C/D/HO/SO/BO' }, { ...so, status: 'CLOSED' }, 'OFFICE_CLOSED'],
    ['an HO with none', { code: 'HO', type: 'HEAD_OFFICE', path: 'C/D/HO' }, null, undefined],
    ['an HO in account with anything', { code: 'HO3', type: 'HEAD_OFFICE', path: 'C/D/HO3' }, ho, 'INVALID_ACCOUNT_OFFICE'],
    ['a division with none', { code: 'D', type: 'DIVISION', path: 'C/D' }, null, undefined],
  ];
  it.each(cases)('%s: %s', (_name, subject, account, expected) => {
    expect(codeOf(() => checkAccountOffice(subject, account))).toBe(expected);
  });

  it('defaults a new sub or branch office to its parent when the parent keeps accounts', () => {
    expect(defaultAccountOfficeCode('BRANCH_OFFICE', { code: 'SO', type: 'SUB_OFFICE' })).toBe('SO');
    expect(defaultAccountOfficeCode('SUB_OFFICE', { code: 'HO', type: 'HEAD_OFFICE' })).toBe('HO');
    expect(defaultAccountOfficeCode('BRANCH_OFFICE', { code: 'D', type: 'DIVISION' })).toBeNull();
    expect(defaultAccountOfficeCode('HEAD_OFFICE', { code: 'D', type: 'DIVISION' })).toBeNull();
  });
});

describe('PIN codes: six digits, the first 1-9', () => {
  const cases: Array<[string, string | undefined]> = [
    ['110001', undefined],
    ['560 001', undefined], // written with a space, stored without
    ['999999', undefined],
    ['011000', 'BAD_USER_INPUT'],
    ['11000', 'BAD_USER_INPUT'],
    ['1100011', 'BAD_USER_INPUT'],
    ['11000A', 'BAD_USER_INPUT'],
    ['', 'BAD_USER_INPUT'],
    ['１１０００１', 'BAD_USER_INPUT'], // full-width digits are not digits here
  ];
  it.each(cases)('%j: %s', (pin, expected) => {
    expect(codeOf(() => parsePin(pin))).toBe(expected);
  });

  it('keeps the PIN a string, so no leading digit is ever lost', () => {
    expect(parsePin('560 001')).toBe('560001');
  });
});

describe('paths', () => {
  it('answers "is A under B" as a strict prefix test on whole segments', () => {
    expect(isUnder('C/D/HO', 'C/D')).toBe(true);
    expect(isUnder('C/D', 'C/D')).toBe(false);
    expect(isUnder('C/D2/HO', 'C/D')).toBe(false);
    expect(isUnder('C', 'C/D')).toBe(false);
  });

  it('builds child paths and rewrites moved ones', () => {
    expect(childPath(null, 'C')).toBe('C');
    expect(childPath('C/D', 'HO')).toBe('C/D/HO');
    expect(movedPath('C/D/HO/SO', 'C/D/HO', 'C/D2/HO')).toBe('C/D2/HO/SO');
    expect(movedPath('C/D/HO', 'C/D/HO', 'C/D2/HO')).toBe('C/D2/HO');
    expect(() => movedPath('C/D/HO2', 'C/D/HO', 'C/D2/HO')).toThrow();
  });
});

describe('other fields', () => {
  it.each([
    ['dl-ndc', 'DL-NDC'],
    [' ndgpo ', 'NDGPO'],
  ])('normalises the code %j to %j', (raw, code) => expect(parseOfficeCode(raw)).toBe(code));

  it.each(['', '-DL', 'DL/NDC', 'DL_NDC', 'A'.repeat(33), 'NDGPO CP'])('refuses the code %j', (raw) => {
    expect(codeOf(() => parseOfficeCode(raw))).toBe('BAD_USER_INPUT');
  });

  it('accepts Indian phone numbers and email addresses, and refuses what they are not', () => {
    expect(parsePhone('011-23364111')).toBe('011-23364111');
    expect(parsePhone('+91 11 2336 4111')).toBe('+91 11 2336 4111');
    expect(codeOf(() => parsePhone('call me'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => parsePhone('12345'))).toBe('BAD_USER_INPUT');
    expect(parseEmail(' PM.NewDelhi@IndiaPost.gov.in ')).toBe('pm.newdelhi@indiapost.gov.in');
    expect(codeOf(() => parseEmail('not-an-email'))).toBe('BAD_USER_INPUT');
  });

  it('needs a first line, city and state in an address, and empties optional parts', () => {
    expect(parseAddress({ line1: ' Sansad  Marg ', city: 'New Delhi', state: 'Delhi', line2: ' ' })).toEqual({
      line1: 'Sansad Marg',
      line2: null,
      city: 'New Delhi',
      district: null,
      state: 'Delhi',
    });
    expect(codeOf(() => parseAddress({ line1: '', city: 'New Delhi', state: 'Delhi' }))).toBe('BAD_USER_INPUT');
  });

  it('refuses Sunday or holiday delivery without a beat to run it', () => {
    expect(codeOf(() => parseDeliveryShifts({ morning: false, evening: false, sundays: true, holidays: false }))).toBe('BAD_USER_INPUT');
    expect(parseDeliveryShifts({ morning: false, evening: true, sundays: true, holidays: true })).toEqual({
      morning: false,
      evening: true,
      sundays: true,
      holidays: true,
    });
  });

  it.each([
    ['2026-11-20', '2020-01-01', '2026-11-22', undefined],
    ['2026-11-22', '2026-11-22', '2026-11-22', undefined],
    ['2026-11-23', '2020-01-01', '2026-11-22', 'BAD_USER_INPUT'], // ahead of today
    ['2019-12-31', '2020-01-01', '2026-11-22', 'BAD_USER_INPUT'], // before it opened
    ['2026-02-30', '2020-01-01', '2026-11-22', 'BAD_USER_INPUT'],
  ])('closing on %s (opened %s, today %s): %s', (closedOn, openedOn, today, expected) => {
    expect(codeOf(() => checkClosingDate(closedOn, openedOn, today))).toBe(expected);
  });
});
