/**
 * The manifest file's shape, pure: size limits, the header, the rows as named fields; and the error report back out
 * as CSV. Parsing is csv-parse's (RFC 4180 quoting, a BOM, CRLF), as the money-order bulk file's.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ManifestCsvInvalidError, ManifestHeaderInvalidError, ManifestTooLargeError } from './errors.js';

/** The SDL's limits (UploadCodManifestInput.content): 8 MB of UTF-8 and 50,000 data rows (a large seller's day). */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
export const MAX_MANIFEST_ROWS = 50_000;
const MAX_RECORD_BYTES = 2_048;

export const MANIFEST_COLUMNS = ['article_number', 'biller_code', 'cod_amount', 'booking_office', 'delivery_office', 'booked_on'] as const;
export type ManifestColumn = (typeof MANIFEST_COLUMNS)[number];
/** booked_on may be left out (today), and biller_code when the upload names its biller. */
const OPTIONAL: ReadonlySet<ManifestColumn> = new Set(['booked_on', 'biller_code']);

export interface ManifestRowFields {
  rowNumber: number;
  fields: Record<string, string>;
  fieldCount: number;
}

export function parseManifestCsv(content: string): { header: ManifestColumn[]; rows: ManifestRowFields[] } {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > MAX_MANIFEST_BYTES) throw new ManifestTooLargeError('8 MB', { bytes, maxBytes: MAX_MANIFEST_BYTES });
  let records: string[][];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, max_record_size: MAX_RECORD_BYTES, to: MAX_MANIFEST_ROWS + 2 }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw new ManifestCsvInvalidError(`the file is not readable CSV: ${error.message.slice(0, 200)}`, { reason: error.code });
    throw error;
  }
  const [headerRecord, ...data] = records;
  if (!headerRecord) throw new ManifestCsvInvalidError('the file is empty: it needs a header and at least one row');
  const header = checkHeader(headerRecord);
  if (data.length === 0) throw new ManifestCsvInvalidError('the file has a header but no rows');
  if (data.length > MAX_MANIFEST_ROWS) throw new ManifestTooLargeError(`${MAX_MANIFEST_ROWS.toLocaleString('en-IN')} rows`, { maxRows: MAX_MANIFEST_ROWS });
  return {
    header,
    rows: data.map((record, index) => ({ rowNumber: index + 1, fieldCount: record.length, fields: Object.fromEntries(header.map((column, at) => [column, record[at] ?? ''])) })),
  };
}

function checkHeader(record: string[]): ManifestColumn[] {
  const names = record.map((name) => name.trim().toLowerCase());
  const known = new Set<string>(MANIFEST_COLUMNS);
  const unknown = names.filter((name) => !known.has(name)).map((name) => name.slice(0, 40)).slice(0, 10);
  const duplicated = [...new Set(names.filter((name, at) => names.indexOf(name) !== at))];
  const missing = MANIFEST_COLUMNS.filter((column) => !OPTIONAL.has(column) && !names.includes(column));
  if (unknown.length > 0 || duplicated.length > 0 || missing.length > 0) {
    throw new ManifestHeaderInvalidError(`the header names the columns ${MANIFEST_COLUMNS.join(', ')} (biller_code and booked_on may be left out)`, { missing, unknown, duplicated });
  }
  return names as ManifestColumn[];
}

export interface ManifestRowError {
  row: number;
  field: string | null;
  code: string;
  message: string;
}

/** The error report: one line per error; a cell a spreadsheet would run as a formula is prefixed with a quote (OWASP). */
export function errorReportCsv(errors: readonly ManifestRowError[]): string {
  const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  return stringify([['row', 'field', 'code', 'message'], ...errors.map((error) => [String(error.row), error.field ?? '', safe(error.code), safe(error.message)])], { record_delimiter: '\r\n' });
}
