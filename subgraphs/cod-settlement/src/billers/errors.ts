import { ExpectedError } from '@postal/errors';

/** Stable reasons a biller command refused. The API passes them to callers, so never rename, only add. */
export type BillerErrorCode =
  /** Not 15 characters of the GSTIN's shape, an unknown state code, or a wrong check character. */
  | 'INVALID_GSTIN'
  /** Not 4 letters, '0' and 6 letters or digits (the RBI's IFSC). */
  | 'INVALID_IFSC'
  /** Not 9 to 18 digits. */
  | 'INVALID_ACCOUNT_NUMBER'
  | 'INVALID_EMAIL'
  /** Not an Indian mobile (+91 or ten digits from 6 to 9) nor another E.164 number. */
  | 'INVALID_PHONE'
  /** The settlement office is unknown, not an ACTIVE head office, or outside the caller's cod.biller.manage scope. */
  | 'OFFICE_NOT_ELIGIBLE'
  /** No such biller, or not one the caller may see. */
  | 'BILLER_NOT_FOUND'
  /** expectedVersion is not the biller's version: someone changed it since the caller read it. */
  | 'VERSION_CONFLICT'
  /** A CLOSED biller stays closed. */
  | 'INVALID_STATUS_CHANGE'
  /** A CLOSED biller's bank details and contract no longer change. */
  | 'BILLER_CLOSED'
  /** A bank-detail change is already waiting for approval; one at a time. */
  | 'BANK_CHANGE_PENDING'
  /** The approved change is no longer the biller's pending one (decided already, or never recorded). */
  | 'BANK_CHANGE_NOT_PENDING'
  /** The new details are the ones already active. */
  | 'BANK_DETAILS_UNCHANGED'
  /** The biller code serial has run out (BL999999): the code format needs widening. */
  | 'BILLER_CODES_EXHAUSTED';

/** An expected failure (@postal/errors) with this module's stable code, so the API shows it to the caller as it is. */
export class BillerError extends ExpectedError {
  declare readonly code: BillerErrorCode;

  constructor(code: BillerErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
  }
}

export class BillerNotFoundError extends BillerError {
  constructor(what: string, field?: string) {
    super('BILLER_NOT_FOUND', `no biller ${what} that you may see`, field ? { field } : {});
  }
}

/** Refuses a change to a CLOSED biller's bank details or contract: it is wound up, nothing is paid under new terms. */
export function assertNotClosed(biller: { code: string; status: string }): void {
  if (biller.status === 'CLOSED') throw new BillerError('BILLER_CLOSED', `biller ${biller.code} is CLOSED`, { details: { billerCode: biller.code } });
}
