/**
 * Senders and payees: what is checked on the way in, and what is shown to whom on the way out. Phones are E.164; an
 * ID document is its type and number as written, normalised (upper case, single spaces) so the same card written
 * twice is the same sender for the monthly cap and the refund check.
 */
import { BadUserInputError, ExpectedError } from '@postal/errors';

const E164 = /^\+[1-9]\d{7,14}$/;
const LIMITS = { name: 100, address: 300, idDocument: 64 } as const;

export class InvalidPhoneError extends ExpectedError {
  constructor(field: string) {
    super('INVALID_PHONE', 'a phone number is in E.164 form: + then the country code and number, e.g. +919812345678', { field });
  }
}

export function checkPhone(value: unknown, field: string): string {
  const phone = typeof value === 'string' ? value.replace(/[\s-]/g, '') : '';
  if (!E164.test(phone)) throw new InvalidPhoneError(field);
  return phone;
}

function checkText(value: unknown, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  // Control characters have no place on a receipt or in an SMS.
  if (text.length === 0 || text.length > max || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new BadUserInputError(field, `${field} is 1 to ${max} printable characters`);
  }
  return text;
}

export function checkName(value: unknown, field: string): string {
  return checkText(value, field, LIMITS.name);
}

export function checkAddress(value: unknown, field: string): string {
  return checkText(value, field, LIMITS.address);
}

export function normaliseIdDocument(value: unknown, field: string): string {
  const text = checkText(value, field, LIMITS.idDocument).toUpperCase();
  if (!/[0-9A-Z]{4}/.test(text.replace(/\s/g, ''))) throw new BadUserInputError(field, `${field} names a document and its number`);
  return text;
}

/** '+91••••••5678': the country code and the last four digits, enough to confirm with the person in front of you. */
export function maskPhone(phone: string): string {
  // The first two digits (the country code, or most of it) and the last four; E.164 carries no separator to find the
  // country code exactly without a table, and two digits say enough to recognise one's own number.
  const match = /^(\+\d{2})(\d*)(\d{4})$/.exec(phone);
  if (!match) return '••••';
  const [, country, middle, last] = match;
  return `${country}${'•'.repeat(middle!.length)}${last}`;
}

/** 'AADHAAR ••••••••9012': the document's first word and the last four characters. */
export function maskIdDocument(document: string): string {
  const compact = document.replace(/\s/g, '');
  const kind = /^[A-Z]+(?= )/.exec(document)?.[0];
  const last = compact.slice(-4);
  return `${kind ? `${kind} ` : ''}${'•'.repeat(Math.max(compact.length - (kind?.length ?? 0) - 4, 4))}${last}`;
}
