import { ExpectedError } from '@postal/errors';

/** Stable reasons a contract command refused. The API passes them to callers, so never rename, only add. */
export type ContractErrorCode =
  /** The biller already has a version from that day; a version is never replaced, a later one supersedes it. */
  | 'CONTRACT_VERSION_EXISTS'
  /** A version starts today or later: terms already applied to past articles are history. */
  | 'EFFECTIVE_FROM_IN_PAST'
  /** maxArticleAmount is above the fee schedule's maximum COD amount per article, or not above zero. */
  | 'AMOUNT_OUT_OF_RANGE';

export class ContractError extends ExpectedError {
  declare readonly code: ContractErrorCode;

  constructor(code: ContractErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
  }
}
