import { ExpectedError } from '@postal/errors';

/** The approved refund no longer matches the order (another amount or currency than the checker saw): not done. */
export class RefundMismatchError extends ExpectedError {
  constructor(reference: string, approved: string, actual: string) {
    super('PAYLOAD_MISMATCH', `the approved refund of ${reference} was for ${approved}, but the order is for ${actual}; nothing was refunded`, {
      details: { reference },
    });
  }
}
