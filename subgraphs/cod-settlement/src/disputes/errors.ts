import { ExpectedError } from '@postal/errors';

/** Stable reasons the dispute services refuse. Never rename, only add. */
export type DisputeErrorCode =
  /** No article with that number that the caller may see. */
  | 'ARTICLE_NOT_FOUND'
  | 'DISPUTE_NOT_FOUND'
  /** The article was not delivered with a collection: there is nothing to dispute. */
  | 'DISPUTE_NOT_ALLOWED'
  /** More days have passed since delivery than the contract's dispute window. */
  | 'DISPUTE_WINDOW_CLOSED'
  /** The article has an open dispute already. */
  | 'DISPUTE_ALREADY_OPEN'
  /** The dispute was upheld or rejected already. */
  | 'DISPUTE_ALREADY_RESOLVED'
  /** A bad kind, outcome, amount or note. */
  | 'INVALID_DISPUTE'
  /** codDisputes' filter names an office that does not exist. */
  | 'OFFICE_NOT_FOUND';

export class DisputeError extends ExpectedError {
  declare readonly code: DisputeErrorCode;

  constructor(code: DisputeErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
  }
}
