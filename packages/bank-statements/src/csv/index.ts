export { parseBankCsv, deriveStatementId, type CsvContext, type CsvStatement, type CsvStatementLine, type CsvLineDetails } from './parse.js';
export { checkCsvMapping, type CsvMapping, type CsvMappingInput, type CsvColumns, type CsvColumn, type CsvDelimiter } from './mapping.js';
export { CsvMappingError, CsvMappingRequiredError, StatementTooLargeError } from './errors.js';
export { MAX_STATEMENT_BYTES, MAX_CSV_ROWS, decodeStatementText } from './text.js';
export type { NegativeForm } from './values.js';
