import { Decimal, currencyOf } from '@postal/money';
import { fail } from './errors.js';

/**
 * Withdrawn ISO 4217 currencies (list three) that old statements still carry, e.g. cmxl's DEM sample. @postal/money
 * knows only the current list; these keep their historical minor units.
 */
const HISTORIC_MINOR_UNITS: Readonly<Record<string, number>> = {
  DEM: 2, FRF: 2, NLG: 2, ATS: 2, FIM: 2, IEP: 2, BEF: 0, ITL: 0, ESP: 0, PTE: 0, GRD: 0, LUF: 0,
};

export function minorUnitsOf(code: string, line: number, tag: string): number {
  if (!/^[A-Z]{3}$/.test(code)) fail(line, tag, `currency ${JSON.stringify(code)} is not a 3-letter ISO 4217 code`);
  const historic = HISTORIC_MINOR_UNITS[code];
  if (historic !== undefined) return historic;
  try {
    return currencyOf(code).minorUnits;
  } catch {
    return fail(line, tag, `"${code}" is not an ISO 4217 currency code`);
  }
}

/**
 * SWIFT 15d amount: digits, a ',' decimal mark, at most 15 characters. A whole amount without the ',' is taken too
 * (mBank writes :34F:PLN0); a '.' or any other character is refused. Returned as a plain decimal string
 * with exactly the currency's minor units. More decimals than the currency has are refused unless they are zeros
 * (no precision is lost by dropping "0"s; a non-zero digit would be silently rounded, so it is an error).
 */
export function parseSwiftAmount(text: string, currency: string, line: number, tag: string): string {
  const m = /^(\d+)(?:,(\d*))?$/.exec(text);
  if (!m || text.length > 15) {
    fail(line, tag, `malformed amount ${JSON.stringify(text)}: expected up to 15 digits with a ',' decimal mark, e.g. "1234,56"`);
  }
  const minor = minorUnitsOf(currency, line, tag);
  const fraction = m[2] ?? '';
  if (fraction.length > minor && /[1-9]/.test(fraction.slice(minor))) {
    fail(line, tag, `amount ${JSON.stringify(text)} has more decimals than ${currency} allows (${minor})`);
  }
  return new Decimal(`${m[1]}.${fraction || '0'}`).toFixed(minor);
}

export function toYear(yy: number): number {
  // SWIFT gives two-digit years: 80-99 are read as 1980-1999 (old DEM statements), the rest as 20xx.
  return yy >= 80 ? 1900 + yy : 2000 + yy;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYMMDD to 'YYYY-MM-DD', refusing dates that do not exist (e.g. 070231). */
export function parseYymmdd(text: string, line: number, tag: string): string {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) fail(line, tag, `malformed date ${JSON.stringify(text)}: expected YYMMDD`);
  const [y, mo, d] = [toYear(Number(m[1])), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) fail(line, tag, `date ${text} does not exist`);
  return isoDate(y, mo, d);
}

export interface SwiftBalance {
  mark: 'C' | 'D';
  date: string;
  currency: string;
  amount: string;
  /** Signed: negative for a debit balance. */
  signed: string;
}

/** :60a:, :62a:, :64:, :65: — 1!a D/C mark, 6!n date, 3!a currency, 15d amount. */
export function parseBalance(text: string, line: number, tag: string): SwiftBalance {
  const m = /^([CD])(\d{6})([A-Z]{3})(.*)$/.exec(text.trim());
  if (!m) fail(line, tag, `malformed balance ${JSON.stringify(text)}: expected C or D, YYMMDD, currency, amount`);
  const amount = parseSwiftAmount(m[4]!, m[3]!, line, tag);
  const negative = m[1] === 'D' && !new Decimal(amount).isZero();
  return {
    mark: m[1] as 'C' | 'D',
    date: parseYymmdd(m[2]!, line, tag),
    currency: m[3]!,
    amount,
    signed: negative ? `-${amount}` : amount,
  };
}

/** ISO 13616 check (mod 97) so an account number is called an IBAN only when it is one. */
export function isIban(text: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(text)) return false;
  const rearranged = text.slice(4) + text.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    rest = Number(`${rest}${v}`) % 97;
  }
  return rest === 1;
}
