import { ExpectedError } from '@postal/errors';

export class InvalidCredentialsError extends ExpectedError {
  constructor() {
    // One message for an unknown user, a wrong password and an inactive account, so the answer reveals nothing.
    super('INVALID_CREDENTIALS', 'the username or password is not right');
  }
}

export class AccountLockedError extends ExpectedError {
  constructor(lockedUntil: Date) {
    super('ACCOUNT_LOCKED', 'too many failed sign-ins: the account is locked for a while', {
      details: { lockedUntil: lockedUntil.toISOString() },
    });
  }
}
