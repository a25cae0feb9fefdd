/**
 * A statement file read into statements by packages/bank-statements (parseStatementFile: the format detected from the
 * content and, when the caller names one, required to be it), with the bank account's CSV layout for a CSV export.
 * The readers' errors become this API's: STATEMENT_MALFORMED with the line or element, CSV_MAPPING_REQUIRED,
 * FILE_TOO_LARGE.
 */
import {
  CsvMappingError,
  CsvMappingRequiredError,
  detectStatementFormat,
  parseStatementFile,
  StatementParseError,
  StatementTooLargeError,
  type CsvMappingInput,
  type ParsedStatement,
  type StatementFormat,
} from '@postal/bank-statements';
import type { BankAccountRow } from '../bank-accounts/repository.js';
import { ReconError } from '../errors.js';

export type FileFormat = StatementFormat;

export function readStatementFile(bytes: Buffer, requested: FileFormat | null, account: Pick<BankAccountRow, 'csvMapping' | 'currency' | 'accountNumber'>): { format: FileFormat; statements: ParsedStatement[] } {
  try {
    const statements = parseStatementFile(bytes, {
      ...(requested ? { format: requested } : {}),
      ...(account.csvMapping ? { csvMapping: account.csvMapping as unknown as CsvMappingInput } : {}),
      currency: account.currency,
      accountNumber: account.accountNumber,
    });
    const format = statements[0]?.format ?? requested ?? detectStatementFormat(bytes) ?? 'CAMT_053';
    if (statements.length === 0) throw new ReconError('STATEMENT_MALFORMED', 'the file holds no statement', { field: 'content', details: { line: 1 } });
    return { format, statements };
  } catch (error) {
    if (error instanceof StatementParseError) {
      const { line, element } = error.location;
      throw new ReconError('STATEMENT_MALFORMED', error.message, { field: 'content', details: { ...(line !== undefined ? { line } : {}), ...(element !== undefined ? { element } : {}) } });
    }
    if (error instanceof CsvMappingRequiredError) throw new ReconError('CSV_MAPPING_REQUIRED', 'this bank account has no CSV layout saved (setBankCsvMapping); its CSV export cannot be read without one', { field: 'format' });
    // The saved layout no longer reads (it was checked when saved, so only a reader change can do this).
    if (error instanceof CsvMappingError) throw new ReconError('CSV_MAPPING_INVALID', `the saved CSV layout cannot be used: ${error.message}`, { field: 'format', details: { path: error.path } });
    if (error instanceof StatementTooLargeError) throw new ReconError('FILE_TOO_LARGE', error.message, { field: 'content', details: error.limit });
    throw error;
  }
}
