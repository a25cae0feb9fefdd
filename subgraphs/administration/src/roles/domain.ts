/**
 * The rules of changing someone's roles, as pure functions of the facts (read in the service's transaction). They are
 * checked when a grant is asked for and again when the approved grant is executed, because days may pass between.
 */

import { billerBindingProblem, isBillerCode } from '@postal/auth';
import { isUuid } from '@postal/validation';

/** The person asking, as the database has them now (not as their token had them at sign-in). */
export interface Grantor {
  id: string;
  active: boolean;
  roles: readonly string[];
  /** The roles their current roles may grant (administration.role_delegations). */
  grantableRoles: readonly string[];
  /** Whether they hold role.grant over the target's current office. */
  mayGrantAtTargetOffice: boolean;
}

export interface Grantee {
  id: string;
  active: boolean;
  roles: readonly string[];
  /** The biller they act for, when they are one of a biller's own people; null for the post office's staff. */
  billerCode?: string | null;
}

export type GrantRefusal =
  | 'UNKNOWN_ROLE'
  | 'FORBIDDEN'
  | 'CANNOT_CHANGE_OWN_ROLES'
  | 'ROLE_NOT_GRANTABLE'
  | 'STAFF_NOT_ACTIVE'
  | 'ROLE_ALREADY_HELD'
  | 'BILLER_ROLE_ONLY'
  | 'BILLER_CODE_REQUIRED';

/**
 * Whether a grantor may ask for (or still execute) a grant of `role` to `target`: no grants to oneself, none outside
 * one's role.grant scope, none of a role one's roles may not grant (delegation is data: role_delegations). Facts about
 * the target (status, roles) are only told to someone entitled to manage them, so scope is checked first. And the
 * biller binding: someone bound to a biller may be granted BILLER and nothing else, BILLER only to someone bound.
 */
export function grantRefusal(facts: { role: string; roleKnown: boolean; grantor: Grantor; target: Grantee }): GrantRefusal | undefined {
  const { grantor, target, role } = facts;
  if (!facts.roleKnown) return 'UNKNOWN_ROLE';
  if (!grantor.active) return 'FORBIDDEN';
  if (grantor.id === target.id) return 'CANNOT_CHANGE_OWN_ROLES';
  if (!grantor.mayGrantAtTargetOffice) return 'FORBIDDEN';
  if (!grantor.grantableRoles.includes(role)) return 'ROLE_NOT_GRANTABLE';
  if (!target.active) return 'STAFF_NOT_ACTIVE';
  if (target.roles.includes(role)) return 'ROLE_ALREADY_HELD';
  return billerBindingProblem([...target.roles, role], target.billerCode);
}

/**
 * Whether a checker may approve a grant of `role`: they must be someone whose roles may grant it too. Four eyes means
 * two people each entitled to the act; a holder of role.approve whose roles could not grant a role would otherwise be
 * the second pair of eyes on a decision they could not make themselves (and, once delegation is narrower than ADMIN
 * granting everything, a way round it). Scope is the inbox's own check (role.approve over the request's office).
 */
export function checkerGrantRefusal(checker: { grantableRoles: readonly string[] }, role: string): 'ROLE_NOT_GRANTABLE' | undefined {
  return checker.grantableRoles.includes(role) ? undefined : 'ROLE_NOT_GRANTABLE';
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
  /**
   * The biller the grantee acts for when asked, if any: what the checker approves BILLER for. A grant approved for
   * someone bound to one biller is not executed once they are bound to another (or to none).
   */
  billerCode?: string;
}

/** The payload read back as a role grant, or undefined when it is not one (execution then records FAILED). */
export function parseRoleGrantPayload(payload: Record<string, unknown>): RoleGrantPayload | undefined {
  const { username, staffId, role, officeCode, billerCode } = payload;
  const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 64;
  if (!text(username) || !text(staffId) || !text(role) || !text(officeCode)) return undefined;
  if (!isUuid(staffId)) return undefined;
  if (billerCode !== undefined && !isBillerCode(billerCode)) return undefined;
  return { username, staffId, role, officeCode, ...(billerCode === undefined ? {} : { billerCode }) };
}
