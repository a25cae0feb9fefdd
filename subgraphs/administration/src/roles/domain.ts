/**
 * The rules of changing someone's roles, as pure functions of the facts (read in the service's transaction). They are
 * checked when a grant is asked for and again when the approved grant is executed, because days may pass between.
 */

import { isUuid } from '@postal/validation';

/** The person asking, as the database has them now (not as their token had them at sign-in). */
export interface Grantor {
  id: string;
  active: boolean;
  roles: readonly string[];
  /** Whether they hold role.grant over the target's current office. */
  mayGrantAtTargetOffice: boolean;
}

export interface Grantee {
  id: string;
  active: boolean;
  roles: readonly string[];
}

export type GrantRefusal =
  | 'UNKNOWN_ROLE'
  | 'FORBIDDEN'
  | 'CANNOT_CHANGE_OWN_ROLES'
  | 'ROLE_NOT_HELD_BY_GRANTOR'
  | 'STAFF_NOT_ACTIVE'
  | 'ROLE_ALREADY_HELD';

/**
 * Whether a grantor may ask for (or still execute) a grant of `role` to `target`. Nobody widens rights beyond their
 * own: no grants to oneself, none outside one's role.grant scope, none of a role one does not hold. Facts about the
 * target (status, roles) are only told to someone entitled to manage them, so scope is checked first.
 */
export function grantRefusal(facts: { role: string; roleKnown: boolean; grantor: Grantor; target: Grantee }): GrantRefusal | undefined {
  const { grantor, target, role } = facts;
  if (!facts.roleKnown) return 'UNKNOWN_ROLE';
  if (!grantor.active) return 'FORBIDDEN';
  if (grantor.id === target.id) return 'CANNOT_CHANGE_OWN_ROLES';
  if (!grantor.mayGrantAtTargetOffice) return 'FORBIDDEN';
  if (!grantor.roles.includes(role)) return 'ROLE_NOT_HELD_BY_GRANTOR';
  if (!target.active) return 'STAFF_NOT_ACTIVE';
  if (target.roles.includes(role)) return 'ROLE_ALREADY_HELD';
  return undefined;
}

export type RevokeRefusal = 'UNKNOWN_ROLE' | 'FORBIDDEN' | 'CANNOT_CHANGE_OWN_ROLES' | 'ROLE_NOT_ASSIGNED';

/**
 * Revoking narrows rights, so it is direct (no second person) and needs neither holding the role nor an active target.
 * It still needs role.grant over the target's office, and nobody changes their own roles, so an administrator cannot
 * lock a subtree out of administration by mistake on their own.
 */
export function revokeRefusal(facts: { role: string; roleKnown: boolean; grantor: Grantor; target: Grantee }): RevokeRefusal | undefined {
  const { grantor, target, role } = facts;
  if (!facts.roleKnown) return 'UNKNOWN_ROLE';
  if (!grantor.active) return 'FORBIDDEN';
  if (grantor.id === target.id) return 'CANNOT_CHANGE_OWN_ROLES';
  if (!grantor.mayGrantAtTargetOffice) return 'FORBIDDEN';
  if (!target.roles.includes(role)) return 'ROLE_NOT_ASSIGNED';
  return undefined;
}

/** The payload of a ROLE_GRANT approval request: what the checker sees and what execution does. */
export interface RoleGrantPayload {
  username: string;
  staffId: string;
  role: string;
  /** The grantee's office when asked: a grant approved for someone at one office is not executed after a move. */
  officeCode: string;
}

/** The payload read back as a role grant, or undefined when it is not one (execution then records FAILED). */
export function parseRoleGrantPayload(payload: Record<string, unknown>): RoleGrantPayload | undefined {
  const { username, staffId, role, officeCode } = payload;
  const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 64;
  if (!text(username) || !text(staffId) || !text(role) || !text(officeCode)) return undefined;
  if (!isUuid(staffId)) return undefined;
  return { username, staffId, role, officeCode };
}
