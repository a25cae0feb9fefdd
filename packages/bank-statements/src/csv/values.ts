import { Decimal } from '@postal/money';
import { isRealDate, isoDate } from '../mt940/values.js';

// ---- dates ----

type DateToken = 'DD' | 'MM' | 'MMM' | 'YY' | 'YYYY';
const TOKENS: readonly DateToken[] = ['YYYY', 'MMM', 'YY', 'MM', 'DD'];
/** Between the parts banks write '/', '-', '.', ' ' (or nothing: 'YYYYMMDD'). */
const SEPARATORS = new Set(['/', '-', '.', ' ', ',']);

export interface DateFormat {
  source: string;
  regex: RegExp;
  order: DateToken[];
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * 'DD/MM/YYYY', 'DD-MMM-YYYY', 'YYYY-MM-DD', 'DD.MM.YY' ... into a regex. Each of day, month (MM or MMM, English
 * abbreviations) and year (YYYY or YY) exactly once; anything else must be a separator. Returns an error text instead
 * of throwing so the mapping check can name its own field.
 */
export function compileDateFormat(source: string): DateFormat | string {
  const order: DateToken[] = [];
  const parts: (DateToken | string)[] = [];
  for (let at = 0; at < source.length; ) {
    const token = TOKENS.find((t) => source.startsWith(t, at));
    if (token) {
      parts.push(token);
      order.push(token);
      at += token.length;
    } else if (SEPARATORS.has(source[at]!)) {
      parts.push(source[at]!);
      at += 1;
    } else {
      return `"${source[at]}" at position ${at + 1} is neither DD, MM, MMM, YY, YYYY nor a separator (/ - . space)`;
    }
  }
  const count = (...names: DateToken[]) => order.filter((t) => names.includes(t)).length;
  if (count('DD') !== 1 || count('MM', 'MMM') !== 1 || count('YY', 'YYYY') !== 1) {
    return 'needs the day (DD), the month (MM or MMM) and the year (YYYY or YY) exactly once each';
  }
  const numeric = (part: DateToken | string | undefined) => part === 'DD' || part === 'MM' || part === 'YY' || part === 'YYYY';
  const pattern = parts
    .map((part, i) => {
      switch (part) {
        case 'YYYY':
          return '(\\d{4})';
        case 'YY':
          return '(\\d{2})';
        case 'MMM':
          return '([A-Za-z]{3,4})';
        case 'DD':
        case 'MM':
          // Banks drop the leading zero ('1/4/2024') only where a separator tells the parts apart.
          return numeric(parts[i - 1]) || numeric(parts[i + 1]) ? '(\\d{2})' : '(\\d{1,2})';
        default:
          return part === ' ' ? '\\s+' : `\\${part}`;
      }
    })
    .join('');
  return { source, regex: new RegExp(`^${pattern}$`), order };
}

/** A real calendar date as 'YYYY-MM-DD', or an error text (31/02 does not exist). Two-digit years 80-99 are 19xx. */
export function parseDate(text: string, format: DateFormat): string | { error: string } {
  const match = format.regex.exec(text);
  if (!match) return { error: `"${text}" is not a date in the form ${format.source}` };
  let year = 0;
  let month = 0;
  let day = 0;
  format.order.forEach((token, i) => {
    const value = match[i + 1]!;
    if (token === 'DD') day = Number(value);
    else if (token === 'MM') month = Number(value);
    else if (token === 'MMM') month = MONTHS[value.toLowerCase()] ?? 0;
    else if (token === 'YYYY') year = Number(value);
    else year = Number(value) >= 80 ? 1900 + Number(value) : 2000 + Number(value);
  });
  if (!isRealDate(year, month, day)) return { error: `"${text}" (${format.source}) is not a calendar date` };
  return isoDate(year, month, day);
}

// ---- amounts ----

export type NegativeForm = 'leading-minus' | 'trailing-minus' | 'parentheses' | 'dr-suffix';
export const NEGATIVE_FORMS: readonly NegativeForm[] = ['leading-minus', 'trailing-minus', 'parentheses', 'dr-suffix'];

export interface NumberFormat {
  decimalSeparator: '.' | ',';
  /** null: no grouping at all. ' ' also stands for the no-break spaces spreadsheets write. */
  thousandsSeparator: ',' | '.' | ' ' | "'" | null;
  negativeForms: NegativeForm[];
}

export interface ParsedAmount {
  negative: boolean;
  /** Unsigned, with exactly the currency's minor units. */
  value: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Grouping {
  any: RegExp;
  all: RegExp;
  western: RegExp;
  indian: RegExp;
}
/** Built once per separator: a million rows read two amounts each. */
const GROUPINGS = new Map<string, Grouping>();
function groupingOf(separator: string): Grouping {
  let grouping = GROUPINGS.get(separator);
  if (!grouping) {
    const sep = separator === ' ' ? '[ \\u00a0\\u202f]' : escape(separator);
    grouping = {
      any: new RegExp(sep),
      all: new RegExp(sep, 'g'),
      western: new RegExp(`^\\d{1,3}(?:${sep}\\d{3})+$`),
      indian: new RegExp(`^\\d{1,2}(?:${sep}\\d{2})*${sep}\\d{3}$`),
    };
    GROUPINGS.set(separator, grouping);
  }
  return grouping;
}

/** The sign, as one of the mapping's negative forms says; 'Cr' after an amount is the positive twin of 'Dr'. */
function splitSign(text: string, forms: readonly NegativeForm[]): { negative: boolean; rest: string } {
  let m: RegExpExecArray | null;
  if (forms.includes('parentheses') && (m = /^\((.*)\)$/.exec(text))) return { negative: true, rest: m[1]!.trim() };
  if (forms.includes('leading-minus') && (m = /^-\s*(.*)$/.exec(text))) return { negative: true, rest: m[1]! };
  if (forms.includes('trailing-minus') && (m = /^(.*?)\s*-$/.exec(text))) return { negative: true, rest: m[1]! };
  if (forms.includes('dr-suffix')) {
    if ((m = /^(.*?)\s*dr\.?$/i.exec(text))) return { negative: true, rest: m[1]! };
    if ((m = /^(.*?)\s*cr\.?$/i.exec(text))) return { negative: false, rest: m[1]! };
  }
  if ((m = /^\+\s*(.*)$/.exec(text))) return { negative: false, rest: m[1]! };
  return { negative: false, rest: text };
}

/**
 * A bank's amount text, as the mapping's number format says, into an exact decimal. Grouping must be real grouping:
 * western (1,000,000.00) or Indian lakh/crore (10,00,000.00); '1,0000' is refused. More decimals than the currency
 * has are refused even when they are zeros: '1.000' in a file whose mapping says '.' is the decimal mark is far more
 * likely a thousand written the European way than one rupee, and reading it as 1.00 would be silently wrong.
 */
export function parseAmount(text: string, format: NumberFormat, minorUnits: number, currency: string): ParsedAmount | { error: string } {
  const { negative, rest } = splitSign(text.trim(), format.negativeForms);
  const bad = { error: `"${text}" is not an amount (decimal mark '${format.decimalSeparator}', ${format.thousandsSeparator === null ? 'no grouping' : `grouping '${format.thousandsSeparator}'`}, negative as ${format.negativeForms.join(' or ')})` };
  const decimal = rest.split(format.decimalSeparator);
  if (decimal.length > 2) return bad;
  let [integer = '', fraction = ''] = decimal;
  if (decimal.length === 2 && fraction === '') return bad;
  if (format.thousandsSeparator !== null) {
    const grouping = groupingOf(format.thousandsSeparator);
    if (grouping.any.test(integer)) {
      if (!grouping.western.test(integer) && !grouping.indian.test(integer)) return { error: `"${text}" is not grouped in thousands (1,000,000) or lakhs (10,00,000)` };
      integer = integer.replace(grouping.all, '');
    }
  }
  if (!/^\d{1,18}$/.test(integer) || !/^\d*$/.test(fraction)) return bad;
  if (fraction.length > minorUnits) return { error: `"${text}" has more decimals than ${currency}'s ${minorUnits}` };
  return { negative, value: new Decimal(`${integer}.${fraction || '0'}`).toFixed(minorUnits) };
}
