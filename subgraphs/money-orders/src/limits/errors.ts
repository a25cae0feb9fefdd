import { ExpectedError } from '@postal/errors';

/** Stable reasons a booking is refused by a limit. The API passes them to callers, so never rename, only add. */
export type LimitErrorCode =
  /** The order is above its product's per-order limit, or would take the sender past the monthly cap. */
  'LIMIT_EXCEEDED';

export class LimitExceededError extends ExpectedError {
  declare readonly code: LimitErrorCode;

  constructor(message: string, details: Record<string, unknown>) {
    super('LIMIT_EXCEEDED', message, { field: 'amount', details });
  }
}
