import type { Me } from './me';

/**
 * Whether the signed-in person holds a permission at all (at their office or, for SUBTREE grants, under it). Screens
 * use it to hide what someone may not do; the server still decides every request, scope included, and a forced
 * action answers FORBIDDEN, which the screen shows.
 */
export function can(me: Me, permission: string): boolean {
  return me.grants.some((grant) => grant.permission === permission);
}

export function canAny(me: Me, ...permissions: string[]): boolean {
  return permissions.some((permission) => can(me, permission));
}

const ROLE_NAMES: Record<string, string> = {
  ADMIN: 'Administrator',
  FINANCE_OFFICER: 'Finance officer',
  AUDITOR: 'Auditor',
  COUNTER_CLERK: 'Counter clerk',
  POSTMAN: 'Postman',
  BILLER: 'Biller',
};

export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}
