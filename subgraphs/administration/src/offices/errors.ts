import { ExpectedError } from '@postal/errors';

/** Stable codes of the office tree's refusals; clients switch on these, so they never change. */
export const OfficeCodes = {
  OFFICE_NOT_FOUND: 'OFFICE_NOT_FOUND',
  OFFICE_CODE_TAKEN: 'OFFICE_CODE_TAKEN',
  INVALID_OFFICE_TYPE_ORDER: 'INVALID_OFFICE_TYPE_ORDER',
  MOVE_WOULD_CREATE_CYCLE: 'MOVE_WOULD_CREATE_CYCLE',
  INVALID_ACCOUNT_OFFICE: 'INVALID_ACCOUNT_OFFICE',
  OFFICE_HAS_ACTIVE_CHILDREN: 'OFFICE_HAS_ACTIVE_CHILDREN',
  OFFICE_HAS_ACTIVE_STAFF: 'OFFICE_HAS_ACTIVE_STAFF',
  OFFICE_HAS_OPEN_BALANCES: 'OFFICE_HAS_OPEN_BALANCES',
  OFFICE_ALREADY_CLOSED: 'OFFICE_ALREADY_CLOSED',
  OFFICE_CLOSED: 'OFFICE_CLOSED',
  DEPENDENCY_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
} as const;

/** Not there, or outside the caller's scope: the two answer alike so codes cannot be probed. */
export class OfficeNotFoundError extends ExpectedError {
  constructor(code: string, field = 'code') {
    super(OfficeCodes.OFFICE_NOT_FOUND, `there is no office ${code}`, { field });
  }
}

export class OfficeCodeTakenError extends ExpectedError {
  constructor(code: string) {
    super(OfficeCodes.OFFICE_CODE_TAKEN, `office code ${code} is already taken (codes are never reused)`, { field: 'code' });
  }
}

export class InvalidOfficeTypeOrderError extends ExpectedError {
  constructor(message: string, details: { type: string; parentType: string | null }) {
    super(OfficeCodes.INVALID_OFFICE_TYPE_ORDER, message, { details });
  }
}

export class MoveWouldCreateCycleError extends ExpectedError {
  constructor(code: string, newParentCode: string) {
    super(OfficeCodes.MOVE_WOULD_CREATE_CYCLE, `office ${newParentCode} is ${code} itself or under it`, { field: 'newParentCode' });
  }
}

export class InvalidAccountOfficeError extends ExpectedError {
  constructor(message: string, options: { field?: string; offices?: string[] } = {}) {
    super(OfficeCodes.INVALID_ACCOUNT_OFFICE, message, {
      ...(options.field ? { field: options.field } : {}),
      ...(options.offices ? { details: { offices: options.offices } } : {}),
    });
  }
}

export class OfficeHasActiveChildrenError extends ExpectedError {
  constructor(code: string, children: string[]) {
    super(OfficeCodes.OFFICE_HAS_ACTIVE_CHILDREN, `office ${code} still has active offices under it`, { details: { offices: children } });
  }
}

export class OfficeHasActiveStaffError extends ExpectedError {
  constructor(code: string, count: number) {
    super(OfficeCodes.OFFICE_HAS_ACTIVE_STAFF, `office ${code} still has ${count} member(s) of staff assigned`, { details: { count } });
  }
}

export class OfficeHasOpenBalancesError extends ExpectedError {
  constructor(code: string, accounts: string[], pendingHolds = false) {
    const what = accounts.length > 0 ? 'ledger accounts with a balance' : 'pending holds on its ledger accounts';
    super(OfficeCodes.OFFICE_HAS_OPEN_BALANCES, `office ${code} has ${what}`, { details: { accounts, pendingHolds } });
  }
}

export class OfficeAlreadyClosedError extends ExpectedError {
  constructor(code: string) {
    super(OfficeCodes.OFFICE_ALREADY_CLOSED, `office ${code} is already closed`);
  }
}

/** A closed office is history: nothing is created under it, moved into it, or changed on it. */
export class OfficeClosedError extends ExpectedError {
  constructor(code: string, field?: string) {
    super(OfficeCodes.OFFICE_CLOSED, `office ${code} is closed`, field ? { field } : {});
  }
}

/** Another subgraph that must be asked did not answer; the change was not made. One class for every service call. */
export { DependencyUnavailableError } from '@postal/errors';
