import { ExpectedError } from '@postal/errors';

/** Stable reasons a postman deposit refused. Never rename, only add. */
export type DepositErrorCode =
  /** The postman has no cash collections at the office that are not yet deposited (or another deposit took them). */
  | 'NOTHING_TO_DEPOSIT'
  /** A shortage or an excess needs its reason. */
  | 'REASON_REQUIRED'
  | 'OFFICE_NOT_FOUND'
  | 'INVALID_DATE'
  | 'INVALID_AMOUNT';

export class DepositError extends ExpectedError {
  declare readonly code: DepositErrorCode;

  constructor(code: DepositErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
  }
}
