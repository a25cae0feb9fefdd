import { ExpectedError } from '@postal/errors';

/**
 * The ledger's refusals, each with its stable code (schema/accounts.graphql lists them for clients). Details carry the
 * facts a caller needs to correct the request: which account, which currency, by how much.
 */
export const LedgerCodes = {
  UNBALANCED_ENTRY: 'UNBALANCED_ENTRY',
  UNBALANCED_OFFICE: 'UNBALANCED_OFFICE',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  ACCOUNT_NOT_FOUND: 'ACCOUNT_NOT_FOUND',
  ACCOUNT_CLOSED: 'ACCOUNT_CLOSED',
  ACCOUNT_FROZEN: 'ACCOUNT_FROZEN',
  HEADER_ACCOUNT: 'HEADER_ACCOUNT',
  MANUAL_ENTRY_NOT_ALLOWED: 'MANUAL_ENTRY_NOT_ALLOWED',
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  DAY_CLOSED: 'DAY_CLOSED',
  SAME_ACCOUNT_BOTH_SIDES: 'SAME_ACCOUNT_BOTH_SIDES',
  BEFORE_LEDGER_START: 'BEFORE_LEDGER_START',
  BEFORE_OFFICE_OPENED: 'BEFORE_OFFICE_OPENED',
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  ALREADY_REVERSED: 'ALREADY_REVERSED',
  REVERSAL_NOT_REVERSIBLE: 'REVERSAL_NOT_REVERSIBLE',
  ENTRY_NOT_FOUND: 'ENTRY_NOT_FOUND',
  HOLD_NOT_FOUND: 'HOLD_NOT_FOUND',
  HOLD_NOT_PENDING: 'HOLD_NOT_PENDING',
  CAPTURE_EXCEEDS_HOLD: 'CAPTURE_EXCEEDS_HOLD',
} as const;

export class UnbalancedEntryError extends ExpectedError {
  constructor(currency: string, debits: string, credits: string) {
    super(LedgerCodes.UNBALANCED_ENTRY, `debits (${debits}) and credits (${credits}) in ${currency} differ`, {
      field: 'postings',
      details: { currency, debits, credits },
    });
  }
}

/**
 * The entry balances as a whole but not within one of the offices it touches: value crossing offices goes through
 * each office's inter-office clearing account (1600), so that every office's trial balance balances by itself.
 */
export class UnbalancedOfficeError extends ExpectedError {
  constructor(officeCode: string, currency: string, debits: string, credits: string) {
    super(
      LedgerCodes.UNBALANCED_OFFICE,
      `within office ${officeCode}, debits (${debits}) and credits (${credits}) in ${currency} differ: move value between offices through their inter-office clearing accounts (1600)`,
      { field: 'postings', details: { officeCode, currency, debits, credits } },
    );
  }
}

export class UnbalancedShapeError extends ExpectedError {
  constructor(message: string) {
    super(LedgerCodes.UNBALANCED_ENTRY, message, { field: 'postings' });
  }
}

export class InvalidAmountError extends ExpectedError {
  constructor(field: string, message: string, details?: Record<string, unknown>) {
    super(LedgerCodes.INVALID_AMOUNT, message, details ? { field, details } : { field });
  }
}

export class CurrencyMismatchError extends ExpectedError {
  constructor(accountCode: string, expected: string, actual: string) {
    super(LedgerCodes.CURRENCY_MISMATCH, `account ${accountCode} is in ${expected}, not ${actual}`, { details: { accountCode, expected, actual } });
  }
}

export class AccountNotFoundError extends ExpectedError {
  constructor(accountCode: string) {
    super(LedgerCodes.ACCOUNT_NOT_FOUND, `there is no account ${accountCode}`, { details: { accountCode } });
  }
}

export class AccountClosedError extends ExpectedError {
  constructor(accountCode: string) {
    super(LedgerCodes.ACCOUNT_CLOSED, `account ${accountCode} is closed`, { details: { accountCode } });
  }
}

export class AccountFrozenError extends ExpectedError {
  constructor(accountCode: string) {
    super(LedgerCodes.ACCOUNT_FROZEN, `account ${accountCode} is frozen`, { details: { accountCode } });
  }
}

export class HeaderAccountError extends ExpectedError {
  constructor(accountCode: string) {
    super(LedgerCodes.HEADER_ACCOUNT, `account ${accountCode} is a header: post to one of its detail accounts`, { details: { accountCode } });
  }
}

export class ManualEntryNotAllowedError extends ExpectedError {
  constructor(accountCode: string) {
    super(LedgerCodes.MANUAL_ENTRY_NOT_ALLOWED, `account ${accountCode} takes no manual journals; its subsystem posts to it`, { details: { accountCode } });
  }
}

export class InsufficientFundsError extends ExpectedError {
  constructor(accountCode: string, constraint: string) {
    super(LedgerCodes.INSUFFICIENT_FUNDS, `the entry would take account ${accountCode} beyond its balance constraint (${constraint})`, {
      details: { accountCode, constraint },
    });
  }
}

export class DayClosedError extends ExpectedError {
  constructor(officeCode: string, effectiveDate: string, closedThrough: string) {
    super(LedgerCodes.DAY_CLOSED, `office ${officeCode} has closed its business days through ${closedThrough}; ${effectiveDate} takes no more postings`, {
      field: 'effectiveDate',
      details: { officeCode, effectiveDate, closedThrough },
    });
  }
}

export class SameAccountBothSidesError extends ExpectedError {
  constructor(accountCode: string) {
    super(LedgerCodes.SAME_ACCOUNT_BOTH_SIDES, `account ${accountCode} is both debited and credited: an entry moves value between different accounts`, {
      field: 'postings',
      details: { accountCode },
    });
  }
}

export class BeforeLedgerStartError extends ExpectedError {
  constructor(effectiveDate: string, ledgerStartDate: string) {
    super(LedgerCodes.BEFORE_LEDGER_START, `the ledger starts on ${ledgerStartDate}; ${effectiveDate} is before it`, {
      field: 'effectiveDate',
      details: { effectiveDate, ledgerStartDate },
    });
  }
}

export class BeforeOfficeOpenedError extends ExpectedError {
  constructor(officeCode: string, effectiveDate: string, openedOn: string) {
    super(LedgerCodes.BEFORE_OFFICE_OPENED, `office ${officeCode} opened on ${openedOn}; ${effectiveDate} is before it`, {
      field: 'effectiveDate',
      details: { officeCode, effectiveDate, openedOn },
    });
  }
}

export class IdempotencyConflictError extends ExpectedError {
  constructor(idempotencyKey: string) {
    super(LedgerCodes.IDEMPOTENCY_CONFLICT, 'this idempotency key was used for a different request', {
      field: 'idempotencyKey',
      details: { idempotencyKey },
    });
  }
}

export class AlreadyReversedError extends ExpectedError {
  constructor(entryId: string, reversalId?: string) {
    super(LedgerCodes.ALREADY_REVERSED, `entry ${entryId} has already been reversed`, { details: reversalId ? { entryId, reversalId } : { entryId } });
  }
}

export class ReversalNotReversibleError extends ExpectedError {
  constructor(entryId: string) {
    super(LedgerCodes.REVERSAL_NOT_REVERSIBLE, `entry ${entryId} is itself a reversal; post a new entry instead`, { details: { entryId } });
  }
}

export class EntryNotFoundError extends ExpectedError {
  constructor(entryId: string) {
    super(LedgerCodes.ENTRY_NOT_FOUND, `there is no journal entry ${entryId}`, { details: { entryId } });
  }
}

export class HoldNotFoundError extends ExpectedError {
  constructor(holdId: string) {
    super(LedgerCodes.HOLD_NOT_FOUND, `there is no hold ${holdId}`, { details: { holdId } });
  }
}

export class HoldNotPendingError extends ExpectedError {
  constructor(holdId: string, status: string) {
    super(LedgerCodes.HOLD_NOT_PENDING, `hold ${holdId} is ${status}, not PENDING`, { details: { holdId, status } });
  }
}

export class CaptureExceedsHoldError extends ExpectedError {
  constructor(holdId: string, held: string, requested: string) {
    super(LedgerCodes.CAPTURE_EXCEEDS_HOLD, `hold ${holdId} holds ${held}; ${requested} cannot be captured`, { field: 'amount', details: { holdId, held, requested } });
  }
}

/** The ledger's office refusal lives with the ledger's copy of the office tree; posting refuses it too. */
export { OfficeNotFoundError } from '../ledger-accounts/errors.js';
