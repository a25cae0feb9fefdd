import { describe, expect, it } from 'vitest';
import { addressGaps, addressInputOf, changesOf, EMPTY_ADDRESS, addressDraftOf, type Updatable } from './office-drafts';
import { fieldProblems, placeProblems } from './office-problems';
import { needsPin, pinProblem, readOfficeCode, typesUnder } from './office-types';

const subOffice: Updatable = {
  code: 'NDGPO-CP',
  name: 'Connaught Place SO',
  type: 'SUB_OFFICE',
  pin: '110001',
  address: { line1: 'Connaught Place', line2: null, city: 'New Delhi', district: null, state: 'Delhi' },
  contact: { phone: '+91 11 2336 4111', email: null },
  deliveryShifts: { morning: true, evening: false, sundays: false, holidays: false },
  accountOffice: { code: 'NDGPO' },
};

/** The form as it opens: the office as it is. */
const untouched = () => ({
  pin: subOffice.pin ?? '',
  phone: subOffice.contact.phone ?? '',
  email: subOffice.contact.email ?? '',
  address: addressDraftOf(subOffice.address),
  shifts: { ...subOffice.deliveryShifts },
  accountOfficeCode: subOffice.accountOffice?.code ?? '',
});

describe('the update form sends only what changed', () => {
  it('sends nothing for a form left as it opened', () => {
    expect(changesOf(subOffice, untouched())).toEqual({});
  });

  it('sends a changed field, and an emptied contact as null (which clears it)', () => {
    expect(changesOf(subOffice, { ...untouched(), email: 'cp@indiapost.example', phone: '  ' })).toEqual({ email: 'cp@indiapost.example', phone: null });
  });

  it('sends the whole address when a part changes, without blank optional parts; null when all are emptied', () => {
    const address = { ...addressDraftOf(subOffice.address), district: 'New Delhi' };
    expect(changesOf(subOffice, { ...untouched(), address })).toEqual({
      address: { line1: 'Connaught Place', city: 'New Delhi', district: 'New Delhi', state: 'Delhi' },
    });
    expect(changesOf(subOffice, { ...untouched(), address: EMPTY_ADDRESS })).toEqual({ address: null });
  });

  it('sends shifts and the account office (upper case) only when they differ', () => {
    expect(changesOf(subOffice, { ...untouched(), shifts: { ...subOffice.deliveryShifts, evening: true }, accountOfficeCode: 'ndgpo' })).toEqual({
      deliveryShifts: { morning: true, evening: true, sundays: false, holidays: false },
    });
    expect(changesOf(subOffice, { ...untouched(), accountOfficeCode: 'dl-ndc' })).toEqual({ accountOfficeCode: 'DL-NDC' });
  });
});

describe('addresses are all or nothing', () => {
  it('needs line 1, city and state once any part is typed', () => {
    expect(addressGaps(EMPTY_ADDRESS)).toEqual({});
    expect(addressGaps({ ...EMPTY_ADDRESS, line1: 'Pusa Road' })).toEqual({ city: 'Needed for an address.', state: 'Needed for an address.' });
    expect(addressInputOf(EMPTY_ADDRESS)).toBeNull();
  });
});

describe('the tree rules a form checks before sending (the server checks them again)', () => {
  it('offers only the types strictly below the parent', () => {
    expect(typesUnder('DIVISION')).toEqual(['HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE']);
    expect(typesUnder('BRANCH_OFFICE')).toEqual([]);
    expect(typesUnder(null)).toEqual(['CIRCLE']);
    expect(needsPin('DIVISION')).toBe(false);
    expect(needsPin('BRANCH_OFFICE')).toBe(true);
  });

  it('reads codes and PINs as the server does', () => {
    expect(readOfficeCode(' dl-ndc ')).toBe('DL-NDC');
    expect(readOfficeCode('x y')).toBeUndefined();
    expect(readOfficeCode('-AB')).toBeUndefined();
    expect(pinProblem('110 001')).toBeUndefined();
    expect(pinProblem('011001')).toMatch(/six digits/);
    expect(pinProblem('11001')).toMatch(/six digits/);
  });
});

describe('problems are shown next to the field they belong to', () => {
  const problem = (code: string, field?: string) => ({ message: 'refused', code, field, requestId: undefined });

  it('places a refusal that names no field by its code, and leaves the others alone', () => {
    const placed = placeProblems([problem('INVALID_OFFICE_TYPE_ORDER'), problem('FORBIDDEN'), problem('BAD_USER_INPUT', 'pin')], { INVALID_OFFICE_TYPE_ORDER: 'type' });
    expect(placed.map((p) => p.field)).toEqual(['type', undefined, 'pin']);
  });

  it('adds the stable code to the message shown under a field', () => {
    expect(fieldProblems([problem('BAD_USER_INPUT', 'address.city'), problem('FORBIDDEN')], 'address.city').map((p) => p.message)).toEqual(['refused (BAD_USER_INPUT)']);
  });
});
