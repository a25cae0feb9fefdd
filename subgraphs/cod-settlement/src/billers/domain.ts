/**
 * Billers' rules, pure: what a registration or a change may carry (names, GSTIN, contact, bank details), the code
 * format, the status changes allowed, and how a bank account is shown to someone who may not see it in full.
 */
import { BadUserInputError } from '@postal/errors';
import { BillerError } from './errors.js';
import { gstinProblem } from './gstin.js';

export const BILLER_TYPES = ['ECOMMERCE', 'ONDC', 'GEM'] as const;
export type BillerType = (typeof BILLER_TYPES)[number];
export const BILLER_STATUSES = ['ACTIVE', 'SUSPENDED', 'CLOSED'] as const;
export type BillerStatus = (typeof BILLER_STATUSES)[number];

/** Bounds on what a person may type (a biller's name on a payout file, a reason in the audit trail). */
export const LIMITS = { name: 120, contactName: 100, email: 254, holderName: 100, reason: 500, search: 100 } as const;

const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
const ACCOUNT_NUMBER = /^[0-9]{9,18}$/;
const E164 = /^\+[1-9]\d{7,14}$/;
const INDIAN_MOBILE = /^[6-9]\d{9}$/;
// Deliberately plain: one @, no spaces or control characters, a dot in the domain. Whether it reaches anyone is the
// notifier's business; this only keeps typing mistakes out.
const EMAIL = /^[^\s@\u0000-\u001f\u007f]+@[^\s@\u0000-\u001f\u007f]+\.[^\s@\u0000-\u001f\u007f]+$/;

/** `BL` and the serial in six digits: the biller's permanent code (it names its COD payable account). */
export function billerCodeOf(serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) {
    throw new BillerError('BILLER_CODES_EXHAUSTED', 'biller codes run from BL000001 to BL999999 and the serial is past them');
  }
  return `BL${String(serial).padStart(6, '0')}`;
}

/** Text trimmed with runs of white space made one; 1 to `max` printable characters or BAD_USER_INPUT. */
export function checkText(value: unknown, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (text.length === 0 || text.length > max || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new BadUserInputError(field, `${field} is 1 to ${max} printable characters`);
  }
  return text;
}

/** The GSTIN upper-cased, or INVALID_GSTIN naming what is wrong; null/empty for a seller with none. */
export function checkGstin(value: string | null | undefined, field = 'gstin'): string | null {
  if (value == null || value.trim() === '') return null;
  const gstin = value.trim().toUpperCase();
  const problem = gstinProblem(gstin);
  if (problem) throw new BillerError('INVALID_GSTIN', `${field}: ${problem}`, { field });
  return gstin;
}

export function checkIfsc(value: unknown, field: string): string {
  const ifsc = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!IFSC.test(ifsc)) throw new BillerError('INVALID_IFSC', 'an IFSC is 4 letters, 0, and 6 letters or digits (e.g. SBIN0000691)', { field });
  return ifsc;
}

export function checkAccountNumber(value: unknown, field: string): string {
  const number = typeof value === 'string' ? value.replace(/[\s-]/g, '') : '';
  if (!ACCOUNT_NUMBER.test(number)) throw new BillerError('INVALID_ACCOUNT_NUMBER', 'a bank account number is 9 to 18 digits', { field });
  return number;
}

export function checkEmail(value: unknown, field: string): string {
  const email = typeof value === 'string' ? value.trim() : '';
  if (email.length > LIMITS.email || !EMAIL.test(email)) throw new BillerError('INVALID_EMAIL', 'an e-mail address is name@domain', { field });
  return email.toLowerCase();
}

/**
 * A phone as money-orders keeps them, E.164; an Indian mobile may be written as its ten digits (from 6 to 9), with or
 * without 0 or 91 in front, and is stored as +91 and the ten digits.
 */
export function checkPhone(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value.replace(/[\s()-]/g, '') : '';
  const national = text.replace(/^(?:\+91|0091|91|0)(?=\d{10}$)/, '');
  if (INDIAN_MOBILE.test(national)) return `+91${national}`;
  if (text.startsWith('+91') || !E164.test(text)) {
    throw new BillerError('INVALID_PHONE', 'a phone is an Indian mobile (+91 and ten digits from 6 to 9) or an E.164 number', { field });
  }
  return text;
}

export interface ContactInput {
  name: string;
  email: string;
  phone: string;
}

export function checkContact(contact: ContactInput, field = 'contact'): ContactInput {
  return {
    name: checkText(contact?.name, `${field}.name`, LIMITS.contactName),
    email: checkEmail(contact?.email, `${field}.email`),
    phone: checkPhone(contact?.phone, `${field}.phone`),
  };
}

export interface BankAccountInput {
  holderName: string;
  accountNumber: string;
  ifsc: string;
}

export function checkBankAccount(account: BankAccountInput, field = 'bankAccount'): BankAccountInput {
  return {
    holderName: checkText(account?.holderName, `${field}.holderName`, LIMITS.holderName),
    accountNumber: checkAccountNumber(account?.accountNumber, `${field}.accountNumber`),
    ifsc: checkIfsc(account?.ifsc, `${field}.ifsc`),
  };
}

export function checkBillerType(value: unknown): BillerType {
  if (!(BILLER_TYPES as readonly unknown[]).includes(value)) throw new BadUserInputError('type', `type is one of ${BILLER_TYPES.join(', ')}`);
  return value as BillerType;
}

export function checkBillerStatus(value: unknown, field = 'status'): BillerStatus {
  if (!(BILLER_STATUSES as readonly unknown[]).includes(value)) throw new BadUserInputError(field, `status is one of ${BILLER_STATUSES.join(', ')}`);
  return value as BillerStatus;
}

/** ACTIVE and SUSPENDED go back and forth; CLOSED is final (its payable is wound up, its code never reused). */
export function checkStatusChange(from: BillerStatus, to: BillerStatus): void {
  if (from === 'CLOSED' && to !== 'CLOSED') {
    throw new BillerError('INVALID_STATUS_CHANGE', 'a CLOSED biller cannot be reopened; register a new one', { field: 'status', details: { from, to } });
  }
}

/** '••••••••1234': only the last four digits, for callers without cod.bank.read over the settlement office. */
export function maskAccountNumber(accountNumber: string): string {
  return `${'•'.repeat(Math.max(accountNumber.length - 4, 0))}${accountNumber.slice(-4)}`;
}
