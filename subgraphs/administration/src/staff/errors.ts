import { BadUserInputError, ExpectedError } from '@postal/errors';

/** Not there, or not within the caller's scope: the same answer, so ids outside it cannot be probed. */
export class StaffNotFoundError extends ExpectedError {
  constructor() {
    super('STAFF_NOT_FOUND', 'no such member of staff');
  }
}

export class UsernameTakenError extends ExpectedError {
  constructor() {
    super('USERNAME_TAKEN', 'that username is already in use', { field: 'username' });
  }
}

export class EmployeeIdTakenError extends ExpectedError {
  constructor() {
    super('EMPLOYEE_ID_TAKEN', 'that employee id already belongs to someone', { field: 'employeeId' });
  }
}

export class InvalidEmployeeIdError extends ExpectedError {
  constructor() {
    super('INVALID_EMPLOYEE_ID', 'an employee id is 8 digits', { field: 'employeeId' });
  }
}

export class InvalidUsernameError extends ExpectedError {
  constructor() {
    super('INVALID_USERNAME', 'a username is 2 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit', {
      field: 'username',
    });
  }
}

export class InvalidBillerCodeError extends ExpectedError {
  constructor() {
    super('INVALID_BILLER_CODE', 'a biller code is BL and six digits, e.g. BL000001', { field: 'billerCode' });
  }
}

/**
 * The biller someone acts for is part of what their roles mean: it changes only while they hold no role, so no session
 * ever holds BILLER for a biller they no longer act for, and binding someone anew needs a fresh, approved grant.
 */
export class BillerBindingLockedError extends ExpectedError {
  constructor() {
    super('BILLER_BINDING_LOCKED', 'the biller a person acts for changes only while they hold no role: revoke their roles first', {
      field: 'billerCode',
    });
  }
}

export class InvalidContactError extends BadUserInputError {
  constructor(field: 'mobile' | 'email', expected: string) {
    super(field, `expected ${expected}`);
  }
}

export class InvalidNameError extends BadUserInputError {
  constructor() {
    super('name', 'a name is 1 to 200 characters, without control characters');
  }
}

export class InvalidReasonError extends BadUserInputError {
  constructor() {
    super('reason', 'a reason is 1 to 500 characters');
  }
}

export class StaffNotActiveError extends ExpectedError {
  constructor() {
    super('STAFF_NOT_ACTIVE', 'the member of staff is not active');
  }
}

export class StaffNotSuspendedError extends ExpectedError {
  constructor() {
    super('STAFF_NOT_SUSPENDED', 'the member of staff is not suspended');
  }
}

export class StaffAlreadyLeftError extends ExpectedError {
  constructor() {
    super('STAFF_ALREADY_LEFT', 'the member of staff has left: the record is final');
  }
}

export class OfficeNotFoundError extends ExpectedError {
  constructor() {
    super('OFFICE_NOT_FOUND', 'no such office', { field: 'officeCode' });
  }
}

export class OfficeClosedError extends ExpectedError {
  constructor() {
    super('OFFICE_CLOSED', 'the office is closed: nobody can be assigned to it', { field: 'officeCode' });
  }
}

export class AlreadyAtOfficeError extends ExpectedError {
  constructor() {
    super('STAFF_ALREADY_AT_OFFICE', 'the member of staff already works at that office', { field: 'officeCode' });
  }
}
