import { ExpectedError } from '@postal/errors';

/**
 * Reconciliation's expected refusals (issue 13), each with its stable code. A malformed statement file is
 * STATEMENT_MALFORMED with the line or element in details (packages/bank-statements StatementParseError).
 */
export type ReconErrorCode =
  | 'BANK_ACCOUNT_EXISTS'
  | 'BANK_ACCOUNT_NOT_FOUND'
  | 'INVALID_IBAN'
  | 'INVALID_IFSC'
  | 'INVALID_BIC'
  | 'INVALID_ACCOUNT_NUMBER'
  | 'LEDGER_ACCOUNT_UNSUITABLE'
  | 'STATEMENT_MALFORMED'
  | 'BANK_ACCOUNT_MISMATCH'
  | 'CURRENCY_MISMATCH'
  | 'STATEMENT_CONFLICT'
  | 'STATEMENT_IMPORT_BUSY'
  | 'FILE_TOO_LARGE'
  | 'CSV_MAPPING_REQUIRED'
  | 'CSV_MAPPING_INVALID'
  | 'MATCH_NOT_FOUND'
  | 'MATCH_NOT_SUGGESTED'
  | 'MATCH_NOT_CONFIRMED'
  | 'MATCH_EFFECT_BLOCKED'
  | 'MATCH_HAS_EFFECTS'
  | 'MATCH_RUN_TOO_LARGE'
  | 'RULE_SET_INVALID'
  | 'OFFICE_NOT_FOUND'
  | 'STATEMENT_NOT_FOUND'
  | 'MATCH_NOT_OPEN'
  | 'EXPORT_TOO_LARGE';

export class ReconError extends ExpectedError {
  constructor(code: ReconErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
  }
}
