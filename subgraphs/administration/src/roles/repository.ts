import { asc, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@postal/db';
import type { StaffGrant } from '@postal/auth';
import { rolePermissions } from './tables.js';

/**
 * The grants a set of roles gives, one per permission: where two roles grant the same permission, the wider scope
 * (the subtree) wins.
 */
export async function grantsForRoles(db: Db | Tx, roleCodes: string[]): Promise<StaffGrant[]> {
  if (roleCodes.length === 0) return [];
  const rows = await db
    .select({ permission: rolePermissions.permission, scope: rolePermissions.scope })
    .from(rolePermissions)
    .where(inArray(rolePermissions.roleCode, roleCodes))
    .orderBy(asc(rolePermissions.permission));
  const byPermission = new Map<string, StaffGrant>();
  for (const row of rows) {
    const scope = row.scope as StaffGrant['scope'];
    const current = byPermission.get(row.permission);
    if (!current || (current.scope === 'OWN_OFFICE' && scope === 'SUBTREE')) byPermission.set(row.permission, { permission: row.permission, scope });
  }
  return [...byPermission.values()];
}

export async function allRolePermissions(db: Db | Tx) {
  return db.select().from(rolePermissions).orderBy(asc(rolePermissions.roleCode), asc(rolePermissions.permission));
}
