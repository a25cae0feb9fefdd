/**
 * Bulk payout files from a declarative layout (pure: no I/O). A bank's layout is data (payout_file_templates.spec): a
 * delimiter, and the fields of the header record, of each payment row and of the trailer, each a literal or a named
 * value with its format. Adding a bank is adding a row; this interpreter does not change.
 */
import { Decimal } from '@postal/money';

export type DateFormat = 'DDMMYYYY' | 'YYYYMMDD' | 'DD/MM/YYYY' | 'DD-MM-YYYY';

export type FieldFormat =
  | { kind: 'text'; maxLength?: number; upper?: boolean }
  | { kind: 'amount'; decimals: number }
  | { kind: 'integer'; width?: number }
  | { kind: 'date'; pattern: DateFormat };

export type HeaderValue = 'corporateId' | 'fileSerial' | 'fileReference' | 'date' | 'recordCount' | 'total' | 'debitAccount';
export type RowValue = 'serial' | 'beneficiaryName' | 'accountNumber' | 'ifsc' | 'amount' | 'narration' | 'date' | 'reference';

export type FieldSpec<Value extends string> = { literal: string } | { value: Value; format: FieldFormat };

export interface PayoutFileSpec {
  delimiter: string;
  lineEnding: '\n' | '\r\n';
  header: FieldSpec<HeaderValue>[];
  row: FieldSpec<RowValue>[];
  trailer: FieldSpec<HeaderValue>[] | null;
}

export interface PayoutFileHeader {
  corporateId: string;
  debitAccount: string;
  fileSerial: number;
  /** The file's reference, unique per office: the bank refuses one it has seen. */
  fileReference: string;
  date: string;
}

export interface PayoutFileRow {
  beneficiaryName: string;
  accountNumber: string;
  ifsc: string;
  amount: string;
  narration: string;
  reference: string;
}

export interface PayoutFileContent {
  content: string;
  recordCount: number;
  total: string;
}

/** Checks a stored spec has the shape this interpreter reads; answers the problem, or undefined. */
export function payoutSpecProblem(spec: unknown): string | undefined {
  const candidate = spec as Partial<PayoutFileSpec> | null;
  if (!candidate || typeof candidate !== 'object') return 'the spec is not an object';
  if (typeof candidate.delimiter !== 'string' || candidate.delimiter.length !== 1) return 'delimiter must be one character';
  if (candidate.lineEnding !== '\n' && candidate.lineEnding !== '\r\n') return 'lineEnding must be LF or CRLF';
  if (!Array.isArray(candidate.header) || !Array.isArray(candidate.row) || candidate.row.length === 0) return 'header and row must be lists, row not empty';
  if (candidate.trailer !== null && !Array.isArray(candidate.trailer)) return 'trailer must be a list or null';
  return undefined;
}

function formatDate(date: string, pattern: DateFormat): string {
  const [year, month, day] = date.split('-') as [string, string, string];
  switch (pattern) {
    case 'DDMMYYYY':
      return `${day}${month}${year}`;
    case 'YYYYMMDD':
      return `${year}${month}${day}`;
    case 'DD/MM/YYYY':
      return `${day}/${month}/${year}`;
    case 'DD-MM-YYYY':
      return `${day}-${month}-${year}`;
  }
}

/**
 * A value as the bank reads it. Text loses the delimiter, quotes and control characters (a name cannot break the
 * file's structure) and is cut to the field's length; amounts have exactly their decimals (never rounded: a payout
 * amount is already in minor units); integers are zero-padded to their width.
 */
export function formatField(raw: string | number, format: FieldFormat, delimiter: string): string {
  switch (format.kind) {
    case 'text': {
      let text = String(raw).replace(/[\u0000-\u001f\u007f"]/g, ' ').split(delimiter).join(' ').replace(/\s+/g, ' ').trim();
      if (format.upper) text = text.toUpperCase();
      return format.maxLength ? text.slice(0, format.maxLength) : text;
    }
    case 'amount': {
      const amount = new Decimal(raw);
      if (amount.decimalPlaces() > format.decimals) throw new RangeError(`amount ${amount.toFixed()} has more than ${format.decimals} decimals`);
      return amount.toFixed(format.decimals);
    }
    case 'integer': {
      const text = String(raw);
      return format.width ? text.padStart(format.width, '0') : text;
    }
    case 'date':
      return formatDate(String(raw), format.pattern);
  }
}

function record<Value extends string>(fields: FieldSpec<Value>[], values: Record<Value, string | number>, delimiter: string): string {
  return fields.map((field) => ('literal' in field ? field.literal : formatField(values[field.value], field.format, delimiter))).join(delimiter);
}

/** The whole file: header, one record per payout in the given order, trailer; the totals computed here, in decimals. */
export function renderPayoutFile(spec: PayoutFileSpec, header: PayoutFileHeader, rows: readonly PayoutFileRow[]): PayoutFileContent {
  const total = rows.reduce((sum, row) => sum.plus(row.amount), new Decimal(0));
  const totals = { ...header, recordCount: rows.length, total: total.toFixed(2) };
  const lines = [record(spec.header, totals, spec.delimiter)];
  rows.forEach((row, index) => lines.push(record(spec.row, { ...row, serial: index + 1, date: header.date }, spec.delimiter)));
  if (spec.trailer) lines.push(record(spec.trailer, totals, spec.delimiter));
  return { content: lines.join(spec.lineEnding) + spec.lineEnding, recordCount: rows.length, total: total.toFixed(2) };
}
