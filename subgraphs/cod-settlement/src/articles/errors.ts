import { ExpectedError } from '@postal/errors';

/** Stable reasons an article command refused. The API passes them to callers, so never rename, only add. */
export type ArticleErrorCode =
  /** Not an S10 identifier (two letters, eight digits, a check digit, two letters) or a wrong check digit. */
  | 'INVALID_ARTICLE_NUMBER'
  /** No such article in the caller's scope. */
  | 'ARTICLE_NOT_FOUND'
  /** The article number is registered already with other facts (biller, amount, offices, date). */
  | 'ARTICLE_CONFLICT'
  /** The biller does not exist or is not ACTIVE. */
  | 'BILLER_NOT_FOUND'
  | 'BILLER_NOT_ACTIVE'
  /** The biller has no contract in force on the booking date. */
  | 'CONTRACT_NOT_FOUND'
  /** Not a positive amount with at most the currency's decimals. */
  | 'INVALID_AMOUNT'
  /** Above the contract's maximum per article. */
  | 'AMOUNT_OUT_OF_RANGE'
  | 'OFFICE_NOT_FOUND'
  /** Not a counter office (head, sub or branch post office). */
  | 'OFFICE_NOT_ELIGIBLE'
  /** The article's status does not allow the event (articles/domain.ts TRANSITIONS). */
  | 'INVALID_TRANSITION'
  /** A UPI RRN, card approval code or other reference that is missing or malformed. */
  | 'INVALID_PAYMENT_REFERENCE'
  /** A date that is not YYYY-MM-DD, or is in the future. */
  | 'INVALID_DATE'
  /** Clearing a collection that is cash, not delivered, or cleared already. */
  | 'NOT_CLEARABLE';

export class ArticleError extends ExpectedError {
  declare readonly code: ArticleErrorCode;

  constructor(code: ArticleErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
  }
}

export class InvalidTransitionError extends ArticleError {
  constructor(articleNumber: string, from: string, event: string, allowedFrom: readonly string[]) {
    super('INVALID_TRANSITION', `article ${articleNumber} is ${from}: ${event} needs it ${allowedFrom.join(' or ')}`, {
      details: { status: from, event, allowedFrom: [...allowedFrom] },
    });
  }
}

export class ArticleNotFoundError extends ArticleError {
  constructor(articleNumber: string, field = 'articleNumber') {
    super('ARTICLE_NOT_FOUND', `no COD article ${articleNumber.slice(0, 20)} in your scope`, { field });
  }
}
