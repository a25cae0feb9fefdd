/**
 * The bulk file's shape, pure: size limits, the header, the rows as named fields; and the rejection report back out
 * as CSV. Parsing is csv-parse's (RFC 4180 quoting, a BOM, CRLF), so a spreadsheet's export reads as it was meant.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { BulkCsvInvalidError, BulkFileTooLargeError, BulkHeaderInvalidError } from './errors.js';

/** The SDL's limits (BookMoneyOrdersInput.csv): 8 MB of UTF-8 and 20,000 data rows. */
export const MAX_CSV_BYTES = 8 * 1024 * 1024;
export const MAX_ROWS = 20_000;
/** No honest row is longer: ten fields of at most a few hundred characters each. */
const MAX_RECORD_BYTES = 8_192;

export const COLUMNS = [
  'amount',
  'sender_name',
  'sender_phone',
  'sender_address',
  'sender_id_document',
  'payee_name',
  'payee_phone',
  'payee_address',
  'paying_office_code',
  'message',
] as const;
export type Column = (typeof COLUMNS)[number];
/** The message is optional on a booking; a file may leave its column out altogether. */
const OPTIONAL: ReadonlySet<Column> = new Set(['message']);

export interface ParsedRow {
  /** 1-based data row (the header is row 0), as the SDL numbers rejections. */
  rowNumber: number;
  /** Field name -> text as written; a row with the wrong number of fields keeps what it has, and is rejected later. */
  fields: Record<string, string>;
  /** How many fields the row had, against the header's count. */
  fieldCount: number;
}

export interface ParsedFile {
  header: Column[];
  rows: ParsedRow[];
}

/** The file read and checked as a whole: too large, unreadable, a bad header, no rows or too many are refused here. */
export function parseBulkCsv(csv: string): ParsedFile {
  const bytes = Buffer.byteLength(csv, 'utf8');
  if (bytes > MAX_CSV_BYTES) throw new BulkFileTooLargeError('8 MB', { bytes, maxBytes: MAX_CSV_BYTES });
  let records: string[][];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
      // The header, the limit and one more: "too many" is told apart from "exactly the limit" without reading the rest.
      to: MAX_ROWS + 2,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new BulkCsvInvalidError(`the file is not readable CSV: ${error.message}`, { reason: error.code });
    throw error;
  }
  const [headerRecord, ...data] = records;
  if (!headerRecord) throw new BulkCsvInvalidError('the file is empty: it needs a header and at least one row');
  const header = checkHeader(headerRecord);
  if (data.length === 0) throw new BulkCsvInvalidError('the file has a header but no rows');
  if (data.length > MAX_ROWS) throw new BulkFileTooLargeError(`${MAX_ROWS.toLocaleString('en-IN')} rows`, { rows: data.length, maxRows: MAX_ROWS });
  return {
    header,
    rows: data.map((record, index) => ({
      rowNumber: index + 1,
      fieldCount: record.length,
      fields: Object.fromEntries(header.map((column, at) => [column, record[at] ?? ''])),
    })),
  };
}

function checkHeader(record: string[]): Column[] {
  const names = record.map((name) => name.trim().toLowerCase());
  const known = new Set<string>(COLUMNS);
  const unknown = names.filter((name) => !known.has(name));
  const duplicated = names.filter((name, at) => names.indexOf(name) !== at);
  const missing = COLUMNS.filter((column) => !OPTIONAL.has(column) && !names.includes(column));
  if (unknown.length > 0 || duplicated.length > 0 || missing.length > 0) {
    const problems = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown ${unknown.map((name) => JSON.stringify(name.slice(0, 40))).slice(0, 10).join(', ')}` : '',
      duplicated.length > 0 ? `repeated ${[...new Set(duplicated)].join(', ')}` : '',
    ].filter(Boolean);
    throw new BulkHeaderInvalidError(`the header must name the columns ${COLUMNS.join(', ')} (message may be left out): ${problems.join('; ')}`, {
      missing,
      unknown: unknown.slice(0, 10).map((name) => name.slice(0, 40)),
      duplicated: [...new Set(duplicated)],
    });
  }
  return names as Column[];
}

export interface Rejection {
  row: number;
  code: string;
  message: string;
}

/**
 * The rejection report: row, code, message, one line each. A cell that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR at the start: messages can quote what the file said) is prefixed with a quote, per OWASP.
 */
export function rejectionReportCsv(rejections: readonly Rejection[]): string {
  const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  return stringify([['row', 'code', 'message'], ...rejections.map((rejection) => [String(rejection.row), safe(rejection.code), safe(rejection.message)])], {
    record_delimiter: '\r\n',
  });
}
