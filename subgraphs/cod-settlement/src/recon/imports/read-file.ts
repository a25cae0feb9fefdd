/**
 * A statement file read by its format (given, or detected from its first bytes) into statements. The readers are
 * packages/bank-statements'; a StatementParseError becomes STATEMENT_MALFORMED with its line and element.
 */
import { parseCamt, parseMt940, StatementParseError, type ParsedStatement, type StatementFormat } from '@postal/bank-statements';
import { ReconError } from '../errors.js';

export type FileFormat = StatementFormat | 'CSV';

/** The format from the first few kilobytes: an XML root in a camt namespace, a SWIFT block or field, else nothing. */
export function detectFormat(bytes: Buffer): FileFormat | null {
  const head = bytes.subarray(0, 4_096).toString('utf8').replace(/^\uFEFF/, '');
  const camt = /urn:iso:std:iso:20022:tech:xsd:camt\.(05[34])\./.exec(head);
  if (camt) return camt[1] === '053' ? 'CAMT_053' : 'CAMT_054';
  if (/^\s*</.test(head)) return null;
  if (/\{2:[IO]942/.test(head)) return 'MT942';
  if (/\{1:|\{2:[IO]940|^\s*:20:/m.test(head)) return /:34F:/.test(head) && !/:60[FM]:/.test(head) ? 'MT942' : 'MT940';
  return null;
}

function malformed(error: StatementParseError): ReconError {
  return new ReconError('STATEMENT_MALFORMED', error.message, { field: 'content', details: { ...(error.location.line !== undefined ? { line: error.location.line } : {}), ...(error.location.element !== undefined ? { element: error.location.element } : {}) } });
}

export function readStatementFile(bytes: Buffer, requested: FileFormat | null): { format: FileFormat; statements: ParsedStatement[] } {
  const detected = detectFormat(bytes);
  if (requested !== null && detected !== null && requested !== detected && !(requested.startsWith('MT94') && detected.startsWith('MT94'))) {
    throw new ReconError('STATEMENT_MALFORMED', `the file is ${detected}, not ${requested}`, { field: 'format', details: { detected } });
  }
  const format = requested ?? detected;
  if (format === null) throw new ReconError('STATEMENT_MALFORMED', 'the file is not a camt.053, camt.054, MT940 or MT942 statement (for a CSV export, give format CSV)', { field: 'content', details: { line: 1 } });
  if (format === 'CSV') throw new ReconError('CSV_MAPPING_REQUIRED', 'this bank account has no CSV layout saved', { field: 'format' });
  try {
    if (format === 'CAMT_053' || format === 'CAMT_054') return { format, statements: parseCamt(bytes) };
    const statements = parseMt940(bytes.toString('utf8'));
    return { format: statements[0]?.format ?? format, statements };
  } catch (error) {
    if (error instanceof StatementParseError) throw malformed(error);
    throw error;
  }
}
