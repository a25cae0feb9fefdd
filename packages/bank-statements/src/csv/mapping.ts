import { CsvMappingError } from './errors.js';
import { compileDateFormat, NEGATIVE_FORMS, type NegativeForm, type NumberFormat } from './values.js';

/** A column by its header name (as the bank writes it; compared trimmed, case and spacing ignored) or 1-based position. */
export type CsvColumn = string | number;
export type CsvDelimiter = ',' | ';' | '|' | '\t';

export interface CsvColumns {
  bookingDate: CsvColumn;
  valueDate?: CsvColumn;
  /** Signed (negative = debit), or unsigned with `direction`. */
  amount?: CsvColumn;
  /** Two columns, one of them empty (or zero) on each row: 'Withdrawal Amt.' / 'Deposit Amt.'. */
  debitAmount?: CsvColumn;
  creditAmount?: CsvColumn;
  /** With an unsigned `amount`: the column saying which way, and its values (compared trimmed, case ignored). */
  direction?: { column: CsvColumn; credit: string[]; debit: string[] };
  /** Remittance information: one or more columns, the non-empty ones joined by a space. */
  description?: CsvColumn[];
  /** The bank's own reference for the entry. */
  accountServicerReference?: CsvColumn;
  /** Cheque number or the customer's reference ('Chq./Ref.No.', 'Ref No./Cheque No.'). */
  ownerReference?: CsvColumn;
  utr?: CsvColumn;
  endToEndId?: CsvColumn;
  transactionCode?: CsvColumn;
  counterpartyName?: CsvColumn;
  /** An IBAN (checked mod 97) goes to counterparty.iban, anything else to counterparty.account. */
  counterpartyAccount?: CsvColumn;
  /** The running balance after the row; when present every row is checked against it. */
  balance?: CsvColumn;
}

/**
 * How one bank's CSV export is read: saved per bank as JSON and checked with checkCsvMapping before use. The
 * statement's account and currency are not in it; they come from the bank account the file is imported into.
 */
export interface CsvMapping {
  delimiter: CsvDelimiter;
  /** Default '"'. */
  quote: string;
  /** Lines before the header (or the first row): account name, number, period. They are read only by `balances`. */
  skipRows: number;
  /** Default true. Without a header, columns are 1-based positions. */
  headerRow: boolean;
  /** A line starting with one of these (after spaces and quotes, case ignored) ends the data: 'Opening Balance', '*** End'. */
  stopAt: string[];
  /** Regexes: data lines matching one are ignored (HDFC's '********' line under the header). */
  skipLines: string[];
  /** Default 'oldest-first'. Lines are returned oldest first either way. */
  rowOrder: 'oldest-first' | 'newest-first';
  /** 'DD/MM/YYYY', 'DD/MM/YY', 'DD-MMM-YYYY', 'DD MMM YYYY', 'YYYY-MM-DD', 'DD.MM.YYYY'. */
  dateFormat: string;
  decimalSeparator: NumberFormat['decimalSeparator'];
  thousandsSeparator: NumberFormat['thousandsSeparator'];
  /** Default ['leading-minus']. */
  negativeForms: NegativeForm[];
  columns: CsvColumns;
  /** A regex whose first group (else the whole match) is the UTR, looked for in the description when no utr column has one. */
  utrPattern?: string;
  /**
   * Stated balances: regexes run on the text outside the data (the skipped preamble lines and everything from the
   * stop line on, joined by '\n'); the first group is the amount, read in the mapping's number format.
   */
  balances?: { opening?: string; closing?: string };
}

type Defaulted = 'quote' | 'skipRows' | 'headerRow' | 'stopAt' | 'skipLines' | 'rowOrder' | 'decimalSeparator' | 'thousandsSeparator' | 'negativeForms';
/** A mapping as saved or written by hand: the fields with defaults may be left out (checkCsvMapping fills them). */
export type CsvMappingInput = Omit<CsvMapping, Defaulted | 'columns'> &
  Partial<Pick<CsvMapping, Defaulted>> & {
    columns: Omit<CsvColumns, 'description' | 'direction'> & {
      description?: CsvColumn | CsvColumn[];
      direction?: { column: CsvColumn; credit: string | string[]; debit: string | string[] };
    };
  };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const TOP_KEYS = ['delimiter', 'quote', 'skipRows', 'headerRow', 'stopAt', 'skipLines', 'rowOrder', 'dateFormat', 'decimalSeparator', 'thousandsSeparator', 'negativeForms', 'columns', 'utrPattern', 'balances'];
const COLUMN_KEYS = ['bookingDate', 'valueDate', 'amount', 'debitAmount', 'creditAmount', 'direction', 'description', 'accountServicerReference', 'ownerReference', 'utr', 'endToEndId', 'transactionCode', 'counterpartyName', 'counterpartyAccount', 'balance'] as const;
const SINGLE_COLUMN_KEYS = COLUMN_KEYS.filter((k) => k !== 'direction' && k !== 'description');

function bad(path: string, message: string): never {
  throw new CsvMappingError(path, message);
}

function noUnknownKeys(value: Json, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) bad(path ? `${path}.${key}` : key, `unknown field (known: ${allowed.join(', ')})`);
  }
}

function oneOf<T>(value: unknown, allowed: readonly T[], path: string, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (!allowed.includes(value as T)) bad(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; got ${JSON.stringify(value)}`);
  return value as T;
}

function column(value: unknown, path: string, headerRow: boolean): CsvColumn {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1) bad(path, `a column position is a whole number from 1; got ${value}`);
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    if (!headerRow) bad(path, 'the file has no header row (headerRow: false), so columns are 1-based positions, not names');
    return value;
  }
  return bad(path, `must be a header name or a 1-based column position; got ${JSON.stringify(value)}`);
}

function strings(value: unknown, path: string, { nonEmpty = true } = {}): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || (nonEmpty && item.trim() === ''))) {
    bad(path, 'must be a non-empty string or a list of them');
  }
  return list as string[];
}

function regex(value: unknown, path: string, { needsGroup = false } = {}): string {
  if (typeof value !== 'string' || value === '') bad(path, 'must be a regular expression (a non-empty string)');
  let compiled: RegExp;
  try {
    compiled = new RegExp(value);
  } catch (error) {
    return bad(path, `is not a valid regular expression: ${(error as Error).message}`);
  }
  // The number of capture groups: an alternative that matches the empty string gives one slot per group.
  if (needsGroup && new RegExp(`${compiled.source}|`).exec('')!.length < 2) bad(path, 'needs a capture group around the amount');
  return value;
}

function nonNegativeInteger(value: unknown, path: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) bad(path, `must be a whole number from 0; got ${JSON.stringify(value)}`);
  return value;
}

function checkColumns(input: unknown, headerRow: boolean): CsvColumns {
  if (!isObject(input)) bad('columns', 'is required: an object naming the columns');
  noUnknownKeys(input, COLUMN_KEYS, 'columns');
  if (input['bookingDate'] === undefined) bad('columns.bookingDate', 'is required');
  const columns: Partial<CsvColumns> = {};
  for (const key of SINGLE_COLUMN_KEYS) {
    if (input[key] !== undefined) columns[key] = column(input[key], `columns.${key}`, headerRow);
  }
  if (input['description'] !== undefined) {
    const list = Array.isArray(input['description']) ? input['description'] : [input['description']];
    if (list.length === 0) bad('columns.description', 'names no column');
    columns.description = list.map((item, i) => column(item, `columns.description[${i}]`, headerRow));
  }
  if (input['direction'] !== undefined) {
    const direction = input['direction'];
    if (!isObject(direction)) bad('columns.direction', 'must be { column, credit, debit }');
    noUnknownKeys(direction, ['column', 'credit', 'debit'], 'columns.direction');
    const credit = strings(direction['credit'], 'columns.direction.credit');
    const debit = strings(direction['debit'], 'columns.direction.debit');
    const norm = (s: string) => s.trim().toLowerCase();
    const both = credit.find((c) => debit.some((d) => norm(d) === norm(c)));
    if (both !== undefined) bad('columns.direction', `"${both}" is both a credit and a debit value`);
    columns.direction = { column: column(direction['column'], 'columns.direction.column', headerRow), credit, debit };
  }
  // Exactly one way of telling the amount and its direction.
  const { amount, debitAmount, creditAmount, direction } = columns;
  if ((debitAmount === undefined) !== (creditAmount === undefined)) {
    bad(debitAmount === undefined ? 'columns.debitAmount' : 'columns.creditAmount', 'debitAmount and creditAmount come together');
  }
  if (debitAmount !== undefined && (amount !== undefined || direction !== undefined)) {
    bad('columns.amount', 'give either debitAmount + creditAmount or amount (signed, or with direction), not both');
  }
  if (debitAmount === undefined && amount === undefined) {
    bad('columns.amount', 'is required: a signed amount, amount + direction, or debitAmount + creditAmount');
  }
  return columns as CsvColumns;
}

/**
 * Checks a saved mapping (JSON from the database or a form) and returns it with its defaults filled in. Strict:
 * unknown fields are refused, so a typo ('debitAmmount') does not silently read a file wrong.
 */
export function checkCsvMapping(input: unknown): CsvMapping {
  if (!isObject(input)) bad('', 'must be an object');
  noUnknownKeys(input, TOP_KEYS, '');
  const delimiter = oneOf(input['delimiter'], [',', ';', '|', '\t'] as const, 'delimiter');
  const quote = input['quote'] ?? '"';
  if (typeof quote !== 'string' || quote.length !== 1 || quote === delimiter || /\s/.test(quote)) {
    bad('quote', 'must be one character, not the delimiter nor a space');
  }
  const headerRow = input['headerRow'] ?? true;
  if (typeof headerRow !== 'boolean') bad('headerRow', 'must be true or false');
  const dateFormat = input['dateFormat'];
  if (typeof dateFormat !== 'string') bad('dateFormat', 'is required, e.g. "DD/MM/YYYY"');
  const compiled = compileDateFormat(dateFormat);
  if (typeof compiled === 'string') bad('dateFormat', compiled);
  const decimalSeparator = oneOf(input['decimalSeparator'], ['.', ','] as const, 'decimalSeparator', '.');
  const thousandsSeparator = oneOf(input['thousandsSeparator'], [',', '.', ' ', "'", null] as const, 'thousandsSeparator', null);
  if (thousandsSeparator === decimalSeparator) bad('thousandsSeparator', `cannot be the decimal separator '${decimalSeparator}'`);
  const negativeForms =
    input['negativeForms'] === undefined
      ? (['leading-minus'] as NegativeForm[])
      : strings(input['negativeForms'], 'negativeForms').map((form, i) => oneOf(form, NEGATIVE_FORMS, `negativeForms[${i}]`));
  const mapping: CsvMapping = {
    delimiter,
    quote,
    skipRows: nonNegativeInteger(input['skipRows'], 'skipRows', 0),
    headerRow,
    stopAt: input['stopAt'] === undefined ? [] : strings(input['stopAt'], 'stopAt'),
    skipLines: input['skipLines'] === undefined ? [] : strings(input['skipLines'], 'skipLines').map((s, i) => regex(s, `skipLines[${i}]`)),
    rowOrder: oneOf(input['rowOrder'], ['oldest-first', 'newest-first'] as const, 'rowOrder', 'oldest-first'),
    dateFormat,
    decimalSeparator,
    thousandsSeparator,
    negativeForms,
    columns: checkColumns(input['columns'], headerRow),
  };
  if (input['utrPattern'] !== undefined) mapping.utrPattern = regex(input['utrPattern'], 'utrPattern');
  if (input['balances'] !== undefined) {
    const balances = input['balances'];
    if (!isObject(balances)) bad('balances', 'must be { opening?, closing? }');
    noUnknownKeys(balances, ['opening', 'closing'], 'balances');
    mapping.balances = {};
    for (const key of ['opening', 'closing'] as const) {
      if (balances[key] !== undefined) mapping.balances[key] = regex(balances[key], `balances.${key}`, { needsGroup: true });
    }
  }
  return mapping;
}
