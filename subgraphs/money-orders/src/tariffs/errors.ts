import { ExpectedError } from '@postal/errors';

/** Stable reasons a tariff lookup or quote refused. The API passes them to callers, so never rename, only add. */
export type TariffErrorCode =
  /** No tariff version of the product is in force on the date (including products with no tariff, e.g. INSTANT). */
  | 'TARIFF_NOT_FOUND'
  /** Not positive, more decimals than the currency has, or a fraction where whole units are required. */
  | 'INVALID_AMOUNT'
  /** Below the tariff's minimum or above its maximum; `details` names the limit. */
  | 'AMOUNT_OUT_OF_RANGE'
  /** The date asked about is not a 'YYYY-MM-DD' calendar date. */
  | 'INVALID_DATE'
  /** More than one version of a product is in force on one date: the reference data is wrong. */
  | 'OVERLAPPING_TARIFFS'
  /** A tariff version's own data is inconsistent (bad amounts, unsorted slabs, no slab for an allowed amount). */
  | 'INVALID_TARIFF'
  /** A proposed (or approved) version would start today or earlier: a tariff changes only from a future day. */
  | 'EFFECTIVE_FROM_NOT_FUTURE'
  /** A version of the product already starts on or after the proposed day: end or replace that one first. */
  | 'TARIFF_CONFLICT';

/**
 * An expected failure (@postal/errors), so the API shows the caller its code, field and details instead of masking
 * it as an internal error. The code is narrowed to this module's stable union.
 */
export class TariffError extends ExpectedError {
  declare readonly code: TariffErrorCode;

  constructor(
    code: TariffErrorCode,
    message: string,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, options);
  }
}
