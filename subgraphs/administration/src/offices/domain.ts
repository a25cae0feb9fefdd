import { isCalendarDate } from '@postal/calendar';
import { BadUserInputError } from '@postal/errors';
import { InvalidAccountOfficeError, InvalidOfficeTypeOrderError, MoveWouldCreateCycleError, OfficeClosedError } from './errors.js';
import type { DeliveryShifts, OfficeAddress, OfficeStatus, OfficeType } from './model.js';

/*
 * The office tree's rules, pure: no database, no GraphQL. The service loads the offices involved (locked), asks these
 * functions, and writes; the database checks the same tree rules again in a trigger.
 */

/** The levels from the top. A level may be skipped (no regions), never inverted. */
export const OFFICE_TYPES: readonly OfficeType[] = ['CIRCLE', 'REGION', 'DIVISION', 'HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE'];

export const MAX_NAME_LENGTH = 200;
export const MAX_ADDRESS_PART_LENGTH = 200;
export const MAX_SEARCH_LENGTH = 100;
/** Deep enough for six levels and a few more, and what office events accept. */
export const MAX_DEPTH = 16;

const CODE_FORMAT = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
/** India Post PIN: six digits, the first (the postal region) 1-9. */
const PIN_FORMAT = /^[1-9][0-9]{5}$/;
/** Landline with STD code or mobile, optionally with +91, digits separated by spaces or hyphens. */
const PHONE_FORMAT = /^\+?[0-9][0-9 -]{5,18}[0-9]$/;
const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;

export interface TreeOffice {
  code: string;
  type: OfficeType;
  path: string;
  status: OfficeStatus;
}

export function typeRank(type: OfficeType): number {
  const rank = OFFICE_TYPES.indexOf(type);
  if (rank < 0) throw new Error(`unknown office type ${type}`);
  return rank;
}

/** Sub and branch offices are "in account with" an accounting office; the levels above do no counter business. */
export function needsAccountOffice(type: OfficeType): boolean {
  return type === 'SUB_OFFICE' || type === 'BRANCH_OFFICE';
}

/** Post offices have a PIN; circles, regions and divisions are administrative units. */
export function needsPin(type: OfficeType): boolean {
  return type === 'HEAD_OFFICE' || type === 'SUB_OFFICE' || type === 'BRANCH_OFFICE';
}

/** Whether `path` is strictly under `ancestorPath` ("is A under B"): a string prefix test. */
export function isUnder(path: string, ancestorPath: string): boolean {
  return path.startsWith(`${ancestorPath}/`);
}

export function childPath(parentPath: string | null, code: string): string {
  return parentPath === null ? code : `${parentPath}/${code}`;
}

/** A path in a moved subtree: the old prefix replaced by the new one. */
export function movedPath(path: string, oldPrefix: string, newPrefix: string): string {
  if (path !== oldPrefix && !isUnder(path, oldPrefix)) throw new Error(`${path} is not in the subtree ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}

/** A child's type is strictly below its parent's; only a circle stands at the top. */
export function checkTypeOrder(type: OfficeType, parentType: OfficeType | null): void {
  if (parentType === null) {
    if (type !== 'CIRCLE') {
      throw new InvalidOfficeTypeOrderError(`a ${type} needs a parent office; only a circle stands at the top`, { type, parentType });
    }
    return;
  }
  if (typeRank(parentType) >= typeRank(type)) {
    throw new InvalidOfficeTypeOrderError(`a ${type} cannot be under a ${parentType}`, { type, parentType });
  }
}

/**
 * The account office of an office at `path`: required exactly for sub and branch offices, and then an active head or
 * sub office strictly above it.
 */
export function checkAccountOffice(
  office: { code: string; type: OfficeType; path: string },
  account: TreeOffice | null,
  field = 'accountOfficeCode',
): void {
  if (!needsAccountOffice(office.type)) {
    if (account !== null) throw new InvalidAccountOfficeError(`a ${office.type} is in account with no office`, { field });
    return;
  }
  if (account === null) throw new InvalidAccountOfficeError(`a ${office.type} must be in account with a head or sub office`, { field });
  if (account.type !== 'HEAD_OFFICE' && account.type !== 'SUB_OFFICE') {
    throw new InvalidAccountOfficeError(`${account.code} is a ${account.type}, not a head or sub office`, { field });
  }
  if (!isUnder(office.path, account.path)) {
    throw new InvalidAccountOfficeError(`${account.code} is not above ${office.code} in the tree`, { field });
  }
  if (account.status === 'CLOSED') throw new OfficeClosedError(account.code, field);
}

/** Where a new sub or branch office is in account with when the caller does not say: its parent, if that can be. */
export function defaultAccountOfficeCode(type: OfficeType, parent: { code: string; type: OfficeType } | null): string | null {
  if (!needsAccountOffice(type) || parent === null) return null;
  return parent.type === 'HEAD_OFFICE' || parent.type === 'SUB_OFFICE' ? parent.code : null;
}

/** A move keeps the tree a tree (the new parent is not in the moved subtree) and the type order. */
export function checkMove(office: TreeOffice & { parentCode: string | null }, newParent: TreeOffice): void {
  if (newParent.code === office.code || isUnder(newParent.path, office.path)) {
    throw new MoveWouldCreateCycleError(office.code, newParent.code);
  }
  if (office.status === 'CLOSED') throw new OfficeClosedError(office.code, 'code');
  if (newParent.status === 'CLOSED') throw new OfficeClosedError(newParent.code, 'newParentCode');
  if (office.parentCode === newParent.code) throw new BadUserInputError('newParentCode', `office ${office.code} is already under ${newParent.code}`);
  checkTypeOrder(office.type, newParent.type);
  if (childPath(newParent.path, office.code).split('/').length > MAX_DEPTH) {
    throw new BadUserInputError('newParentCode', `the tree is at most ${MAX_DEPTH} offices deep`);
  }
}

/** The date an office closes: a real day, not before it opened, not after today (closing ahead is not supported). */
export function checkClosingDate(closedOn: string, openedOn: string, today: string): void {
  if (!isCalendarDate(closedOn)) throw new BadUserInputError('closedOn', 'expected a date YYYY-MM-DD');
  if (closedOn < openedOn) throw new BadUserInputError('closedOn', `the office opened on ${openedOn}`, { openedOn });
  if (closedOn > today) throw new BadUserInputError('closedOn', `an office is closed on or after the day, not ahead (today is ${today})`, { today });
}

// Input checks: each answers the value as stored, or BAD_USER_INPUT naming the field.

export function parseOfficeCode(raw: string, field = 'code'): string {
  const code = raw.trim().toUpperCase();
  if (!CODE_FORMAT.test(code)) throw new BadUserInputError(field, 'an office code is 1-32 of A-Z, 0-9 and "-", starting with a letter or digit');
  return code;
}

export function parseName(raw: string, field = 'name'): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw new BadUserInputError(field, `a name is 1-${MAX_NAME_LENGTH} characters`);
  return name;
}

export function parsePin(raw: string, field = 'pin'): string {
  const pin = raw.replace(/\s/g, '');
  if (!PIN_FORMAT.test(pin)) throw new BadUserInputError(field, 'a PIN is six digits, the first 1-9 (e.g. 110001)');
  return pin;
}

export function parsePhone(raw: string, field = 'phone'): string {
  const phone = raw.trim();
  if (!PHONE_FORMAT.test(phone)) throw new BadUserInputError(field, 'a phone number is 7-20 digits, spaces or hyphens, optionally after +');
  return phone;
}

export function parseEmail(raw: string, field = 'email'): string {
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_FORMAT.test(email)) throw new BadUserInputError(field, 'expected an email address');
  return email;
}

export function parseAddress(raw: { line1: string; line2?: string | null; city: string; district?: string | null; state: string }): OfficeAddress {
  const part = (value: string, field: string) => {
    const text = value.trim().replace(/\s+/g, ' ');
    if (text.length === 0 || text.length > MAX_ADDRESS_PART_LENGTH) {
      throw new BadUserInputError(`address.${field}`, `1-${MAX_ADDRESS_PART_LENGTH} characters`);
    }
    return text;
  };
  const optional = (value: string | null | undefined, field: string) =>
    value === null || value === undefined || value.trim() === '' ? null : part(value, field);
  return {
    line1: part(raw.line1, 'line1'),
    line2: optional(raw.line2, 'line2'),
    city: part(raw.city, 'city'),
    district: optional(raw.district, 'district'),
    state: part(raw.state, 'state'),
  };
}

export const DEFAULT_DELIVERY_SHIFTS: DeliveryShifts = { morning: true, evening: false, sundays: false, holidays: false };

export function parseDeliveryShifts(raw: DeliveryShifts): DeliveryShifts {
  // Sundays and holidays are days a beat runs on, so they need a beat to run.
  if ((raw.sundays || raw.holidays) && !raw.morning && !raw.evening) {
    throw new BadUserInputError('deliveryShifts', 'delivery on Sundays or holidays needs a morning or evening beat');
  }
  return { morning: raw.morning, evening: raw.evening, sundays: raw.sundays, holidays: raw.holidays };
}

/** A search string for codes and names; LIKE's wildcards in it are taken literally by the repository. */
export function parseSearch(raw: string): string {
  const search = raw.trim();
  if (search.length === 0 || search.length > MAX_SEARCH_LENGTH) throw new BadUserInputError('filter.search', `1-${MAX_SEARCH_LENGTH} characters`);
  return search;
}
