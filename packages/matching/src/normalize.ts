import type { Counterparty } from './model.js';

/**
 * How references and counterparties are compared. Banks reformat what we send them (upper case, spaces, dashes in a
 * narration), so comparisons are on a normalised form; the evidence keeps the values as written.
 */

/** Shorter references are too likely to occur by chance (in an amount, a date, another reference). */
export const MIN_REFERENCE_LENGTH = 6;
/** Longer text is cut before the "contains" search; no narration we read is longer (camt Ustrd is 4 × 140). */
export const MAX_TEXT_LENGTH = 1000;
/** References longer than this are not references (a whole narration in a reference field) and are ignored. */
export const MAX_REFERENCE_LENGTH = 64;

/** What banks write when there is no reference: camt's NOTPROVIDED, MT940's NONREF. Never evidence of anything. */
const PLACEHOLDERS = new Set(['NOTPROVIDED', 'NONREF', 'NONE', 'NOREF', 'NULL', 'UNKNOWN']);

/** Upper case, whitespace removed; undefined for an absent, placeholder, too short or too long reference. */
export function exactKey(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.replace(/\s+/g, '').toUpperCase();
  if (key.length < MIN_REFERENCE_LENGTH || key.length > MAX_REFERENCE_LENGTH || PLACEHOLDERS.has(key)) return undefined;
  return key;
}

/** Letters and digits only, upper case: "UTR: SBIN-0012 3456" and "SBIN00123456" compare equal. */
export function containsKey(value: string | undefined, maxLength = MAX_REFERENCE_LENGTH): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value
    .slice(0, MAX_TEXT_LENGTH * 2)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, maxLength);
  if (key.length < MIN_REFERENCE_LENGTH || PLACEHOLDERS.has(key)) return undefined;
  return key;
}

function accountKey(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return key.length >= 4 ? key : undefined;
}

const LEGAL_SUFFIXES = /\b(?:M S|PVT|PRIVATE|LTD|LIMITED|LLP|INC|CO|THE)\b/g;

/** "M/s. Acme Traders Pvt. Ltd." and "ACME TRADERS" are one name. */
export function nameKey(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(LEGAL_SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return key.length >= 3 ? key : undefined;
}

export interface CounterpartyKeys {
  /** The IBAN and the account number, normalised (either may be what the other side has). */
  accounts: string[];
  name?: string;
  display: string;
}

export function counterpartyKeys(counterparty: Counterparty | undefined): CounterpartyKeys | undefined {
  if (!counterparty) return undefined;
  const accounts = [accountKey(counterparty.iban), accountKey(counterparty.account)].filter(
    (key): key is string => key !== undefined,
  );
  const name = nameKey(counterparty.name);
  if (accounts.length === 0 && name === undefined) return undefined;
  const display = [counterparty.name, counterparty.iban ?? counterparty.account].filter(Boolean).join(' / ');
  return name === undefined ? { accounts: [...new Set(accounts)], display } : { accounts: [...new Set(accounts)], name, display };
}

/**
 * Whether two counterparties are the same: by account when both sides have one (a name is weaker and two people
 * share one), else by name. Undefined when either is unknown or they differ.
 */
export function counterpartyAgreement(
  a: CounterpartyKeys | undefined,
  b: CounterpartyKeys | undefined,
): 'account' | 'name' | undefined {
  if (!a || !b) return undefined;
  if (a.accounts.length > 0 && b.accounts.length > 0) {
    return a.accounts.some((key) => b.accounts.includes(key)) ? 'account' : undefined;
  }
  if (a.name !== undefined && a.name === b.name) return 'name';
  return undefined;
}

/** Days since 1970-01-01 of a checked 'YYYY-MM-DD'. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Code-unit order, the same on every machine and locale (localeCompare is not). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareIdLists(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const order = compareIds(a[index]!, b[index]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
