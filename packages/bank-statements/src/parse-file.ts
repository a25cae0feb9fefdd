import { parseCamt } from './camt/index.js';
import { CsvMappingRequiredError } from './csv/errors.js';
import type { CsvMappingInput } from './csv/mapping.js';
import { parseBankCsv } from './csv/parse.js';
import { decodeStatementText } from './csv/text.js';
import { detectStatementFormat, isPlainText } from './detect.js';
import { StatementParseError, type ParsedStatement, type StatementFormat } from './model.js';
import { parseMt940 } from './mt940/index.js';

export interface StatementFileOptions {
  /** What the caller expects (the bank account's configured format); a file that is something else is refused. */
  format?: StatementFormat;
  /** Required for CSV: the bank's saved column mapping. */
  csvMapping?: CsvMappingInput;
  /** Required for CSV: the account's currency (camt and MT940 carry their own). */
  currency?: string;
  /** For CSV: the account number or IBAN the file is imported into. */
  accountNumber?: string;
  /** For CSV: the caller's statement id; else one is derived from the content. */
  statementId?: string;
  /** camt only; see CamtOptions. An import never turns it off. */
  verifyBalances?: boolean;
}

const NAMES: Record<StatementFormat, string> = {
  CAMT_053: 'camt.053',
  CAMT_054: 'camt.054',
  MT940: 'MT940',
  MT942: 'MT942',
  CSV: 'a CSV export',
};

/**
 * One entry point for an uploaded statement file: the format is detected from the content (detectStatementFormat)
 * and, when the caller names one, must be that one; then the file goes to its reader. Errors are the readers' own
 * (StatementParseError, StatementTooLargeError), CsvMappingRequiredError for a CSV file without its mapping or currency.
 */
export function parseStatementFile(content: string | Buffer, options: StatementFileOptions = {}): ParsedStatement[] {
  let detected = detectStatementFormat(content);
  // Too few lines to show their delimiter: with the caller saying CSV, the mapping is the better judge.
  if (detected === null && options.format === 'CSV' && isPlainText(content)) detected = 'CSV';
  if (detected === null) {
    throw new StatementParseError(
      `the file is ${options.format ? `not ${NAMES[options.format]}, nor` : 'not'} any statement format we read (camt.053, camt.054, MT940, MT942, CSV)`,
      { line: 1 },
    );
  }
  if (options.format && options.format !== detected) {
    throw new StatementParseError(`the file was sent as ${NAMES[options.format]} but its content is ${NAMES[detected]}`, { line: 1 });
  }
  switch (detected) {
    case 'CAMT_053':
    case 'CAMT_054':
      return parseCamt(content, options.verifyBalances === undefined ? {} : { verifyBalances: options.verifyBalances });
    case 'MT940':
    case 'MT942':
      return parseMt940(decodeStatementText(content));
    case 'CSV': {
      if (!options.csvMapping) {
        throw new CsvMappingRequiredError('CSV_MAPPING_REQUIRED', "a CSV statement can only be read with the bank's column mapping; none was given");
      }
      if (!options.currency) {
        throw new CsvMappingRequiredError('CSV_CURRENCY_REQUIRED', "a CSV statement is read in the account's currency; none was given");
      }
      return parseBankCsv(content, options.csvMapping, {
        currency: options.currency,
        ...(options.accountNumber === undefined ? {} : { accountNumber: options.accountNumber }),
        ...(options.statementId === undefined ? {} : { statementId: options.statementId }),
      });
    }
  }
}
