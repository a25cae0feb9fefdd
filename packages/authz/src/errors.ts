import { ExpectedError } from '@postal/errors';

/**
 * The session was opened with a temporary password: until its holder chooses their own (changePassword), it may do
 * nothing else. So a temporary password seen by someone else (the administrator who reset it) opens no door.
 */
export class PasswordChangeRequiredError extends ExpectedError {
  constructor() {
    super('PASSWORD_CHANGE_REQUIRED', 'you signed in with a temporary password: choose your own (changePassword) first');
  }
}
