import { ExpectedError } from '@postal/errors';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy.js';

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

export class WrongPasswordError extends ExpectedError {
  constructor() {
    super('WRONG_PASSWORD', 'the current password is not right', { field: 'currentPassword' });
  }
}

export class WeakPasswordError extends ExpectedError {
  constructor(problems: readonly string[]) {
    super('WEAK_PASSWORD', 'the new password does not meet the password rules', {
      field: 'newPassword',
      details: { problems, minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH },
    });
  }
}

export class TemporaryPasswordUsedError extends ExpectedError {
  constructor() {
    // Said only to someone who gave the right temporary password, so it reveals nothing to a guesser.
    super('TEMPORARY_PASSWORD_USED', 'this temporary password has already been used to sign in; ask an administrator for a new one');
  }
}
