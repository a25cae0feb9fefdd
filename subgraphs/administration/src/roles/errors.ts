import { ExpectedError, ForbiddenError } from '@postal/errors';
import type { GrantRefusal, RevokeRefusal } from './domain.js';

const MESSAGES: Record<Exclude<GrantRefusal | RevokeRefusal, 'FORBIDDEN'>, string> = {
  UNKNOWN_ROLE: 'there is no such role',
  CANNOT_CHANGE_OWN_ROLES: 'nobody changes their own roles: ask another administrator',
  ROLE_NOT_GRANTABLE: 'your roles may not grant this role',
  STAFF_NOT_ACTIVE: 'roles are granted only to active staff',
  ROLE_ALREADY_HELD: 'they already hold this role',
  ROLE_NOT_ASSIGNED: 'they do not hold this role',
  BILLER_ROLE_ONLY: "they act for a biller: a biller's people may hold the BILLER role and no other",
  BILLER_CODE_REQUIRED: 'the BILLER role is only for someone bound to a biller: set their billerCode first',
};

/** The error for a refused grant or revoke, with the domain's code as the stable code. */
export function roleChangeError(refusal: GrantRefusal | RevokeRefusal, role: string): ExpectedError {
  if (refusal === 'FORBIDDEN') return new ForbiddenError('you may not change the roles of staff at that office');
  return new ExpectedError(refusal, MESSAGES[refusal], refusal === 'UNKNOWN_ROLE' ? { field: 'role', details: { role } } : { details: { role } });
}

export class StaffNotFoundError extends ExpectedError {
  constructor() {
    super('STAFF_NOT_FOUND', 'there is no member of staff with this username', { field: 'username' });
  }
}

export class GrantAlreadyPendingError extends ExpectedError {
  constructor(role: string) {
    super('GRANT_ALREADY_PENDING', 'a grant of this role to them is already waiting for approval', { details: { role } });
  }
}

/** Execution only: the grantee moved office after the grant was asked for, so what was approved no longer applies. */
export class StaffMovedError extends ExpectedError {
  constructor() {
    super('STAFF_OFFICE_CHANGED', 'they have moved office since the grant was asked for; ask again');
  }
}

/** Execution only: the biller the grantee acts for changed after the grant was asked for (see RoleGrantPayload). */
export class StaffBillerChangedError extends ExpectedError {
  constructor() {
    super('STAFF_BILLER_CHANGED', 'the biller they act for has changed since the grant was asked for; ask again');
  }
}

export class InvalidGrantPayloadError extends ExpectedError {
  constructor() {
    super('INVALID_PAYLOAD', 'the approved payload is not a role grant');
  }
}
