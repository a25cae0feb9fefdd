import { ExpectedError } from '@postal/errors';

/** Stable reasons a COD fee quote refused. The API passes them to callers, so never rename, only add. */
export type CodFeeErrorCode =
  /** Not positive, not a finite decimal, or more decimals than the currency has. */
  | 'INVALID_AMOUNT'
  /** Above the schedule's maximum COD amount per article; `details` names the limit. */
  | 'AMOUNT_OUT_OF_RANGE'
  /** No fee schedule is in force on the date. */
  | 'FEE_SCHEDULE_NOT_FOUND'
  /** The date asked about is not a 'YYYY-MM-DD' calendar date. */
  | 'INVALID_DATE'
  /** More than one schedule (for one currency) is in force on one date: the reference data is wrong. */
  | 'OVERLAPPING_FEE_SCHEDULES'
  /** A schedule's own data is inconsistent (bad amounts or percentages, unknown rule). */
  | 'INVALID_FEE_SCHEDULE';

/**
 * An expected failure (@postal/errors), so the API shows the caller its code, field and details instead of masking
 * it as an internal error. The code is narrowed to this module's stable union.
 */
export class CodFeeError extends ExpectedError {
  declare readonly code: CodFeeErrorCode;

  constructor(
    code: CodFeeErrorCode,
    message: string,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, options);
  }
}
