import type { DeliveryShiftsInput, OfficeAddressInput, OfficeType, UpdateOfficeInput } from '../../gql/graphql';
import { readOfficeCode } from './office-types';

/*
 * What the office forms hold as the person types, and the API inputs made from it: pure, so it is tested without a
 * browser (office-drafts.test.ts).
 */

/** An address as typed: every part a string, empty when left blank. */
export interface AddressDraft {
  line1: string;
  line2: string;
  city: string;
  district: string;
  state: string;
}

export const EMPTY_ADDRESS: AddressDraft = { line1: '', line2: '', city: '', district: '', state: '' };

export function addressDraftOf(address: { line1: string; line2: string | null; city: string; district: string | null; state: string } | null): AddressDraft {
  if (!address) return EMPTY_ADDRESS;
  return { line1: address.line1, line2: address.line2 ?? '', city: address.city, district: address.district ?? '', state: address.state };
}

/** Null when nothing was typed (no address); otherwise the input, blank optional parts left out. */
export function addressInputOf(draft: AddressDraft): OfficeAddressInput | null {
  if (Object.values(draft).every((part) => part.trim() === '')) return null;
  return {
    line1: draft.line1,
    city: draft.city,
    state: draft.state,
    ...(draft.line2.trim() ? { line2: draft.line2 } : {}),
    ...(draft.district.trim() ? { district: draft.district } : {}),
  };
}

/** An address is all or nothing: once any part is typed, line 1, city and state are needed (the server's rule). */
export function addressGaps(draft: AddressDraft): Partial<Record<keyof AddressDraft, string>> {
  if (addressInputOf(draft) === null) return {};
  const gaps: Partial<Record<keyof AddressDraft, string>> = {};
  for (const part of ['line1', 'city', 'state'] as const) if (!draft[part].trim()) gaps[part] = 'Needed for an address.';
  return gaps;
}

/** The address parts' local errors out of a form's errors keyed `address.<part>`. */
export function addressLocal(errors: Record<string, string>): Partial<Record<keyof AddressDraft, string>> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key.startsWith('address.')).map(([key, message]) => [key.slice('address.'.length), message]));
}

export const DEFAULT_SHIFTS: DeliveryShiftsInput = { morning: true, evening: false, sundays: false, holidays: false };

export interface Updatable {
  code: string;
  name: string;
  type: OfficeType;
  pin: string | null;
  address: { line1: string; line2: string | null; city: string; district: string | null; state: string } | null;
  contact: { phone: string | null; email: string | null };
  deliveryShifts: DeliveryShiftsInput;
  accountOffice: { code: string } | null;
}

const sameShifts = (a: DeliveryShiftsInput, b: DeliveryShiftsInput) =>
  a.morning === b.morning && a.evening === b.evening && a.sundays === b.sundays && a.holidays === b.holidays;

/**
 * Only what the person changed is sent (the input leaves the rest as it is); a contact emptied is sent as null, which
 * clears it. The server refuses clearing what may not be empty (a post office's PIN) and says so next to the field.
 */
export function changesOf(office: Updatable, draft: { pin: string; phone: string; email: string; address: AddressDraft; shifts: DeliveryShiftsInput; accountOfficeCode: string }): UpdateOfficeInput {
  const input: UpdateOfficeInput = {};
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  if (text(draft.pin) !== office.pin) input.pin = text(draft.pin);
  if (text(draft.phone) !== office.contact.phone) input.phone = text(draft.phone);
  if (text(draft.email) !== office.contact.email) input.email = text(draft.email);
  const address = addressInputOf(draft.address);
  const before = addressInputOf(addressDraftOf(office.address));
  if (JSON.stringify(address) !== JSON.stringify(before)) input.address = address;
  if (!sameShifts(draft.shifts, office.deliveryShifts)) input.deliveryShifts = draft.shifts;
  const account = readOfficeCode(draft.accountOfficeCode) ?? (draft.accountOfficeCode.trim() ? draft.accountOfficeCode : null);
  if (account !== null && account !== office.accountOffice?.code) input.accountOfficeCode = account;
  return input;
}

