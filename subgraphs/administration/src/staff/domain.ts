/**
 * Staff rules, pure: identifiers, names, and what each status allows. No I/O; the service loads, asks, writes.
 */
import { BILLER_CODE_PATTERN } from '@postal/auth';
import type { StaffStatus } from './model.js';
import {
  BillerBindingLockedError,
  InvalidBillerCodeError,
  InvalidContactError,
  InvalidEmployeeIdError,
  InvalidNameError,
  InvalidReasonError,
  InvalidUsernameError,
  StaffAlreadyLeftError,
  StaffNotActiveError,
  StaffNotSuspendedError,
} from './errors.js';

/**
 * An employee id is the operator's 8-digit employee number (India Post's HR system numbers staff with 8 digits). The
 * database checks the same pattern (staff_employee_id_format). Spaces a clerk may type between digit groups are
 * dropped; anything else is refused, never guessed at.
 */
export const EMPLOYEE_ID_PATTERN = /^[0-9]{8}$/;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const MAX_NAME_LENGTH = 200;
export const MAX_REASON_LENGTH = 500;

export function parseEmployeeId(raw: string): string {
  const compact = raw.replace(/[\s-]/g, '');
  if (!EMPLOYEE_ID_PATTERN.test(compact)) throw new InvalidEmployeeIdError();
  return compact;
}

/** Usernames are stored lower-case: `Clerk` and `clerk` are one person (login lower-cases too). */
export function parseUsername(raw: string): string {
  const username = raw.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new InvalidUsernameError();
  return username;
}

/** A person's name as typed, with runs of whitespace made one space; 1 to 200 characters, no control characters. */
export function parseName(raw: string): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) throw new InvalidNameError();
  return name;
}

/** E.164: a plus, a country code and the number, 8 to 15 digits in all (the database checks the same). */
export const MOBILE_PATTERN = /^\+[1-9][0-9]{7,14}$/;
export const MAX_EMAIL_LENGTH = 254;
/** Deliberately loose (one @, a dot in the domain, no spaces): the provider is the judge of deliverability. */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * A contact field as given: undefined leaves it as it is, null or an empty string clears it. A mobile may be typed
 * with spaces or dashes between digit groups; they are dropped. An e-mail's domain is lower-cased.
 */
export function parseMobile(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const compact = (raw ?? '').replace(/[\s-]/g, '');
  if (compact.length === 0) return null;
  if (!MOBILE_PATTERN.test(compact)) throw new InvalidContactError('mobile', 'a mobile number in international form, e.g. +919812345678');
  return compact;
}

export function parseEmail(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const email = (raw ?? '').trim();
  if (email.length === 0) return null;
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) throw new InvalidContactError('email', `an e-mail address of at most ${MAX_EMAIL_LENGTH} characters`);
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
}

/**
 * The biller a person acts for, as typed: undefined leaves it as it is, null or an empty string means none. Spaces
 * are dropped and letters upper-cased (`bl 000001` is BL000001); only the shape is checked here, since the billers
 * are cod-settlement's, which refuses a code it does not know when the person uses it.
 */
export function parseBillerCode(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const code = (raw ?? '').replace(/\s/g, '').toUpperCase();
  if (code.length === 0) return null;
  if (!BILLER_CODE_PATTERN.test(code)) throw new InvalidBillerCodeError();
  return code;
}

/**
 * Whether a person's biller binding may go from `current` to `next`: only while they hold no role (see
 * BillerBindingLockedError). Which roles go with a binding is the role rules' question, asked at each grant.
 */
export function assertBindingChangeable(roles: readonly string[], current: string | null, next: string | null): void {
  if (next !== current && roles.length > 0) throw new BillerBindingLockedError();
}

export type StaffCommand = 'UPDATE' | 'ASSIGN' | 'SUSPEND' | 'REINSTATE' | 'MARK_LEFT' | 'RESET_PASSWORD';

/**
 * What each command needs of the current status, and the status after it. LEFT is final: nothing changes a leaver
 * (their record stays for the audit trail). Suspension is reversible; an administrator may still correct the name,
 * move or reset the password of a suspended person, so they come back ready to work.
 */
export function nextStatus(current: StaffStatus, command: StaffCommand): StaffStatus {
  if (current === 'LEFT') throw new StaffAlreadyLeftError();
  switch (command) {
    case 'SUSPEND':
      if (current !== 'ACTIVE') throw new StaffNotActiveError();
      return 'SUSPENDED';
    case 'REINSTATE':
      if (current !== 'SUSPENDED') throw new StaffNotSuspendedError();
      return 'ACTIVE';
    case 'MARK_LEFT':
      return 'LEFT';
    case 'UPDATE':
    case 'ASSIGN':
    case 'RESET_PASSWORD':
      return current;
  }
}

/** The leaving date may be today or earlier (in the operator's time zone), never a day still to come. */
export function leavingDateProblem(leftOn: string, today: string): string | undefined {
  return leftOn > today ? 'the leaving date cannot be in the future' : undefined;
}

export function parseReason(raw: string): string {
  const reason = raw.replace(/\s+/g, ' ').trim();
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) throw new InvalidReasonError();
  return reason;
}
