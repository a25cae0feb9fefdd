/** The roles of DOMAIN.md's users. Permissions per role are data in the administration subgraph. */
export const ROLES = ['ADMIN', 'FINANCE_OFFICER', 'AUDITOR', 'COUNTER_CLERK', 'POSTMAN', 'BILLER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The role of a biller's own people (a seller's staff): it reads its own biller's COD accounts and raises disputes,
 * and nothing of the post office. A person with it is bound to one biller (the identity's `billerCode`).
 */
export const BILLER_ROLE = 'BILLER';

/**
 * A biller's code as cod-settlement numbers them (its billers table checks the same pattern). Administration does not
 * own billers and never reads cod-settlement's tables, so it checks only the shape; cod-settlement refuses a code it
 * does not know when the person uses it.
 */
export const BILLER_CODE_PATTERN = /^BL[0-9]{6}$/;

export function isBillerCode(value: unknown): value is string {
  return typeof value === 'string' && BILLER_CODE_PATTERN.test(value);
}

/**
 * Why a set of roles and a biller binding cannot go together, or undefined when they can. A person bound to a biller
 * may hold the BILLER role and nothing else (no office role may ever reach a seller's people), and the BILLER role
 * needs a binding (without one it would say nothing about whose accounts it reads). Bound with no role yet is fine:
 * that is a newly created biller's person, waiting for the grant. The staff service, the role rules and every reader
 * of tokens and signed identities ask this one function; the database checks the same (staff_biller_binding_valid).
 */
export function billerBindingProblem(roles: readonly string[], billerCode: string | null | undefined): 'BILLER_ROLE_ONLY' | 'BILLER_CODE_REQUIRED' | undefined {
  const bound = billerCode !== null && billerCode !== undefined;
  if (bound && roles.some((role) => role !== BILLER_ROLE)) return 'BILLER_ROLE_ONLY';
  if (!bound && roles.includes(BILLER_ROLE)) return 'BILLER_CODE_REQUIRED';
  return undefined;
}
