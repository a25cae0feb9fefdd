/** The roles of DOMAIN.md's users. Permissions per role are data in the administration subgraph. */
export const ROLES = ['ADMIN', 'FINANCE_OFFICER', 'AUDITOR', 'COUNTER_CLERK', 'POSTMAN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
