import { StatementParseError } from '../model.js';

/**
 * A saved column mapping that cannot be used: a missing or unknown field, a wrong type, a bad regex. It is the
 * mapping's fault, not the file's, so it has its own code and names the field (`columns.debitAmount`).
 */
export class CsvMappingError extends Error {
  readonly code = 'CSV_MAPPING_INVALID';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`CSV mapping ${path || '(root)'}: ${message}`);
    this.name = 'CsvMappingError';
  }
}

/** A CSV file was given without the mapping (or the currency) it can only be read with. */
export class CsvMappingRequiredError extends Error {
  constructor(
    readonly code: 'CSV_MAPPING_REQUIRED' | 'CSV_CURRENCY_REQUIRED',
    message: string,
  ) {
    super(message);
    this.name = 'CsvMappingRequiredError';
  }
}

/** Over the limits a statement import reads (bytes or rows): refused before or while reading, nothing taken. */
export class StatementTooLargeError extends Error {
  readonly code = 'STATEMENT_TOO_LARGE';
  constructor(
    message: string,
    readonly limit: { maxBytes?: number; maxRows?: number },
  ) {
    super(message);
    this.name = 'StatementTooLargeError';
  }
}

/** Every CSV error names the 1-based file line and, when one is at fault, the column as the file's header names it. */
export function fail(line: number | undefined, column: string | undefined, message: string): never {
  const where = `${line !== undefined ? ` line ${line}` : ''}${column ? ` (${column})` : ''}`;
  throw new StatementParseError(`CSV${where}: ${message}`, { line, element: column });
}
