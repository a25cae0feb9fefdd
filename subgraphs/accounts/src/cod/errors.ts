import { ExpectedError } from '@postal/errors';

/** Why the ledger refuses a COD movement, beyond the posting path's own rules (each a stable code in the answer). */
export const CodLedgerCodes = {
  COD_AMOUNTS_INCONSISTENT: 'COD_AMOUNTS_INCONSISTENT',
  SETTLEMENT_OFFICE_INVALID: 'SETTLEMENT_OFFICE_INVALID',
  SETTLEMENT_NOT_POSTED: 'SETTLEMENT_NOT_POSTED',
  COD_MOVEMENT_MISMATCH: 'COD_MOVEMENT_MISMATCH',
} as const;

/**
 * A movement's amounts do not add up (a deposit's deposited + shortage is not expected + excess, or it is both short
 * and over; a settlement's gross is not net + fee + tax): cod-settlement computed them wrongly, and no entry is made
 * from them.
 */
export class CodAmountsInconsistentError extends ExpectedError {
  constructor(movement: string, reason: string) {
    super(CodLedgerCodes.COD_AMOUNTS_INCONSISTENT, `the ${movement} movement's amounts do not add up: ${reason}`, { details: { movement } });
  }
}

/**
 * The biller's settlement office keeps no bank account (1500 is opened only at head offices): nothing could ever be
 * settled from there, so nothing is booked payable there either.
 */
export class SettlementOfficeInvalidError extends ExpectedError {
  constructor(officeCode: string, bankAccountCode: string) {
    super(
      CodLedgerCodes.SETTLEMENT_OFFICE_INVALID,
      `office ${officeCode} cannot settle COD: it keeps no bank account ${bankAccountCode} (billers are settled at a head office)`,
      { field: 'settlementOfficeCode', details: { officeCode, accountCode: bankAccountCode } },
    );
  }
}

/** A failed payout names a SETTLED movement whose entry the ledger never posted (rejected, or not yet heard of). */
export class SettlementNotPostedError extends ExpectedError {
  constructor(settledMovementId: string) {
    super(CodLedgerCodes.SETTLEMENT_NOT_POSTED, `the SETTLED movement ${settledMovementId} has no entry in the ledger, so there is nothing to reverse`, {
      field: 'settledMovementId',
      details: { settledMovementId },
    });
  }
}

/** A failed payout names a settlement of another biller or office than its own. */
export class CodMovementMismatchError extends ExpectedError {
  constructor(settledMovementId: string, reason: string) {
    super(CodLedgerCodes.COD_MOVEMENT_MISMATCH, `the SETTLED movement ${settledMovementId} does not match: ${reason}`, { details: { settledMovementId } });
  }
}
