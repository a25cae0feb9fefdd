import { ExpectedError } from '@postal/errors';

/** Stable reasons the settlement services refuse. The API passes them to callers: never rename, only add. */
export type SettlementErrorCode =
  /** The settlement office is not one this subgraph knows. */
  | 'OFFICE_NOT_FOUND'
  /** No batch (or payout, or file) with that id in the caller's scope. */
  | 'SETTLEMENT_BATCH_NOT_FOUND'
  | 'PAYOUT_NOT_FOUND'
  | 'PAYOUT_FILE_NOT_FOUND'
  /** The batch is not in the state the step needs (e.g. submitting one already released). */
  | 'INVALID_BATCH_STATE'
  /** The payout already has its outcome (PAID, FAILED or REVERSED): a second one is refused. */
  | 'PAYOUT_ALREADY_FINAL'
  /** A paid payout can only be reversed (status REVERSED) on the bank's return, not marked FAILED. */
  | 'PAYOUT_ALREADY_PAID'
  /** Not a NEFT UTR (16 or 22 characters) nor an RTGS one (XXXXRCYYYYMMDD########). */
  | 'INVALID_UTR'
  /** That UTR is already recorded for another payout. */
  | 'DUPLICATE_UTR'
  /** The batches changed since they were submitted: the approved totals no longer hold. */
  | 'SETTLEMENT_BATCH_CHANGED'
  /** A list of batch ids that is empty, too long, or names one twice. */
  | 'INVALID_BATCH_LIST'
  /** A cycle date that is not a 'YYYY-MM-DD' date, or a note that is empty or too long. */
  | 'INVALID_INPUT'
  /** The payout file layout named for the office is not in payout_file_templates. */
  | 'PAYOUT_TEMPLATE_NOT_FOUND';

export class SettlementError extends ExpectedError {
  declare readonly code: SettlementErrorCode;

  constructor(code: SettlementErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
  }
}
