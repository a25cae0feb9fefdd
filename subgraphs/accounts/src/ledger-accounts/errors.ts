import { ExpectedError } from '@postal/errors';

/** The chart of accounts' refusals and the ledger's unknown office, each with its stable code. */
export const AccountCodes = {
  ACCOUNT_EXISTS: 'ACCOUNT_EXISTS',
  ACCOUNT_NOT_EMPTY: 'ACCOUNT_NOT_EMPTY',
  OFFICE_NOT_FOUND: 'OFFICE_NOT_FOUND',
} as const;

export class AccountExistsError extends ExpectedError {
  constructor(accountCode: string) {
    super(AccountCodes.ACCOUNT_EXISTS, `account ${accountCode} already exists`, { details: { accountCode } });
  }
}

export class AccountNotEmptyError extends ExpectedError {
  constructor(accountCode: string, message: string) {
    super(AccountCodes.ACCOUNT_NOT_EMPTY, `account ${accountCode} cannot be closed: ${message}`, { details: { accountCode } });
  }
}

export class OfficeNotFoundError extends ExpectedError {
  constructor(officeCode: string) {
    super(AccountCodes.OFFICE_NOT_FOUND, `the ledger knows no office ${officeCode}`, { field: 'officeCode', details: { officeCode } });
  }
}
