import { ExpectedError } from '@postal/errors';

/** Expected refusals of the order lifecycle, each with its stable code (schema/money-orders.graphql lists them). */
export class MoneyOrderError extends ExpectedError {}

export class InvalidReferenceError extends MoneyOrderError {
  constructor(field = 'reference') {
    super('INVALID_REFERENCE', 'a money-order reference is 18 digits whose last is a Luhn check digit', { field });
  }
}

export class MoneyOrderNotFoundError extends MoneyOrderError {
  constructor(reference: string) {
    super('MONEY_ORDER_NOT_FOUND', `no money order ${reference} in your scope`, { field: 'reference' });
  }
}

export class InvalidTransitionError extends MoneyOrderError {
  constructor(reference: string, from: string, action: string) {
    super('INVALID_TRANSITION', `money order ${reference} is ${from}: it cannot be ${action}`, { details: { status: from, action } });
  }
}

export class AlreadyPaidError extends MoneyOrderError {
  constructor(reference: string) {
    super('ALREADY_PAID', `money order ${reference} has already been paid`);
  }
}

export class MoneyOrderLockedError extends MoneyOrderError {
  constructor(reference: string, reason: string | null) {
    super('MONEY_ORDER_LOCKED', `money order ${reference} is locked${reason ? ` (${reason})` : ''}: a finance officer must release it`);
  }
}

export class WrongCodeError extends MoneyOrderError {
  constructor(attemptsLeft: number, field: string) {
    super('WRONG_CODE', attemptsLeft > 0 ? `wrong code: ${attemptsLeft} more ${attemptsLeft === 1 ? 'try' : 'tries'} before the order is locked` : 'wrong code: the order is now locked', {
      field,
      details: { attemptsLeft },
    });
  }
}

export class CodeExpiredError extends MoneyOrderError {
  constructor() {
    super('CODE_EXPIRED', 'the code has expired: send a new one (resendMoneyOrderCode)');
  }
}

export class ResendLimitError extends MoneyOrderError {
  constructor(limit: number) {
    super('RESEND_LIMIT', `the code has been sent again ${limit} times already, the most allowed`);
  }
}

export class WrongOfficeError extends MoneyOrderError {
  constructor(reference: string, payingOfficeCode: string) {
    super('WRONG_OFFICE', `money order ${reference} is paid at office ${payingOfficeCode}`, { field: 'officeCode', details: { payingOfficeCode } });
  }
}

export class OfficeNotFoundError extends MoneyOrderError {
  constructor(code: string, field: string) {
    super('OFFICE_NOT_FOUND', `no open office ${code}`, { field });
  }
}

export class OfficeNotEligibleError extends MoneyOrderError {
  constructor(code: string, field: string) {
    super('OFFICE_NOT_ELIGIBLE', `office ${code} does not book or pay money orders (head and sub offices do)`, { field });
  }
}

export class WrongIdDocumentError extends MoneyOrderError {
  constructor() {
    super('WRONG_ID_DOCUMENT', 'the ID document is not the one given at booking', { field: 'senderIdDocument' });
  }
}

export class LedgerPendingError extends MoneyOrderError {
  constructor(reference: string, movement: string) {
    super('LEDGER_PENDING', `money order ${reference}: the ledger has not yet posted its ${movement.toLowerCase()} movement; try again in a moment`);
  }
}

export class IdempotencyConflictError extends MoneyOrderError {
  constructor(key: string) {
    super('IDEMPOTENCY_CONFLICT', `idempotency key ${key} was used for a different request`, { field: 'idempotencyKey' });
  }
}
