import { ExpectedError } from '@postal/errors';

export const MoneyOrderLedgerCodes = {
  HOLD_MISMATCH: 'HOLD_MISMATCH',
} as const;

/**
 * The movement names a hold that is not the one its cash leg would capture (another office, other accounts, another
 * amount, or one captured by some other entry): posting it would reserve or spend cash the counter did not.
 */
export class HoldMismatchError extends ExpectedError {
  constructor(holdId: string, reason: string) {
    super(MoneyOrderLedgerCodes.HOLD_MISMATCH, `hold ${holdId} does not match the movement: ${reason}`, { details: { holdId } });
  }
}
