import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@postal/db';
import type { Identity, StaffGrant } from '@postal/auth';
import { offices } from '../offices/tables.js';
import { staff } from '../staff/tables.js';
import { roleDelegations, rolePermissions, roles } from './tables.js';

/** One row of role_permissions: a permission a role gives, and how far. */
export interface RolePermission {
  roleCode: string;
  permission: string;
  scope: StaffGrant['scope'];
}

/** The grants a set of roles gives, one per permission (see widestGrants). */
export async function grantsForRoles(db: Db | Tx, roleCodes: string[]): Promise<StaffGrant[]> {
  return widestGrants(await permissionsOfRoles(db, roleCodes));
}

/** The role_permissions rows of some roles, in one query (the per-request loader batches every Staff.grants into it). */
export async function permissionsOfRoles(db: Db | Tx, roleCodes: readonly string[]): Promise<RolePermission[]> {
  if (roleCodes.length === 0) return [];
  const rows = await db
    .select({ roleCode: rolePermissions.roleCode, permission: rolePermissions.permission, scope: rolePermissions.scope })
    .from(rolePermissions)
    .where(inArray(rolePermissions.roleCode, [...roleCodes]))
    .orderBy(asc(rolePermissions.permission), asc(rolePermissions.roleCode));
  // The column's CHECK constraint allows only these two.
  return rows.map((row) => ({ ...row, scope: row.scope as StaffGrant['scope'] }));
}

/**
 * One grant per permission, ordered by permission: where two roles give the same permission, the wider scope (the
 * subtree) wins. What login puts in a token and what Staff.grants answers are made by this one function.
 */
export function widestGrants(rows: ReadonlyArray<Pick<RolePermission, 'permission' | 'scope'>>): StaffGrant[] {
  const byPermission = new Map<string, StaffGrant>();
  for (const row of rows) {
    const current = byPermission.get(row.permission);
    if (!current || (current.scope === 'OWN_OFFICE' && row.scope === 'SUBTREE')) byPermission.set(row.permission, { permission: row.permission, scope: row.scope });
  }
  return [...byPermission.values()].sort((a, b) => (a.permission < b.permission ? -1 : a.permission > b.permission ? 1 : 0));
}

/** The roles that holders of any of `roleCodes` may grant, read now (delegation is data, changed by migrations). */
export async function grantableRolesFor(db: Db | Tx, roleCodes: readonly string[]): Promise<string[]> {
  if (roleCodes.length === 0) return [];
  const rows = await db
    .selectDistinct({ role: roleDelegations.grantableRole })
    .from(roleDelegations)
    .where(inArray(roleDelegations.grantorRole, [...roleCodes]))
    .orderBy(asc(roleDelegations.grantableRole));
  return rows.map((row) => row.role);
}

export async function allRolePermissions(db: Db | Tx) {
  return db.select().from(rolePermissions).orderBy(asc(rolePermissions.roleCode), asc(rolePermissions.permission));
}

/*
 * Role assignments: who holds which role. Grants go through maker-checker (roles/service.ts); these are the queries.
 */

/** A member of staff as a grant or a decision needs them: their current roles, status and office, read together. */
export interface StaffAuthority {
  id: string;
  username: string;
  status: string;
  roles: string[];
  officeCode: string;
  officePath: string;
  /** The biller they act for, when they are one of a biller's own people; null for the post office's staff. */
  billerCode: string | null;
  /** Signed in with a temporary password and not yet changed it: may decide nothing (see @postal/authz). */
  mustChangePassword: boolean;
}

/**
 * A member of staff with their office's path, by id or username; locked FOR UPDATE (the staff row only) when a
 * transaction will change their roles or must keep them still while it decides.
 */
export async function findStaffAuthority(
  db: Db | Tx,
  by: { id: string } | { username: string },
  options: { forUpdate?: boolean } = {},
): Promise<StaffAuthority | undefined> {
  const query = db
    .select({
      id: staff.id,
      username: staff.username,
      status: staff.status,
      roles: staff.roles,
      officeCode: staff.officeCode,
      billerCode: staff.billerCode,
      mustChangePassword: staff.mustChangePassword,
    })
    .from(staff)
    .where('id' in by ? eq(staff.id, by.id) : eq(staff.username, by.username));
  // Only the staff row is locked; the office's path is read after it (offices are not what is being changed).
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) return undefined;
  const [office] = await db.select({ path: offices.path }).from(offices).where(eq(offices.code, row.officeCode));
  if (!office) throw new Error(`office ${row.officeCode} of staff ${row.username} is missing`);
  return { ...row, officePath: office.path };
}

/** The signed-identity shape of a member of staff as the database has them now, for `can` checks that must be current. */
export async function currentIdentity(db: Db | Tx, member: StaffAuthority): Promise<Extract<Identity, { kind: 'staff' }>> {
  return {
    kind: 'staff',
    staffId: member.id,
    username: member.username,
    roles: member.roles,
    officeCode: member.officeCode,
    officePath: member.officePath,
    grants: await grantsForRoles(db, member.roles),
    passwordChangeRequired: member.mustChangePassword,
    ...(member.billerCode === null ? {} : { billerCode: member.billerCode }),
  };
}

export async function roleExists(db: Db | Tx, code: string): Promise<boolean> {
  const rows = await db.select({ code: roles.code }).from(roles).where(eq(roles.code, code));
  return rows.length > 0;
}

/** Adds a role unless it is already held; answers the roles after, or undefined when nothing changed. */
export async function addRole(tx: Tx, staffId: string, role: string): Promise<string[] | undefined> {
  const [row] = await tx
    .update(staff)
    .set({ roles: sql`array_append(${staff.roles}, ${role}::text)` })
    .where(and(eq(staff.id, staffId), sql`not (${role}::text = any(${staff.roles}))`))
    .returning({ roles: staff.roles });
  return row?.roles;
}

/** Removes a role if held; answers the roles after, or undefined when nothing changed. */
export async function removeRole(tx: Tx, staffId: string, role: string): Promise<string[] | undefined> {
  const [row] = await tx
    .update(staff)
    .set({ roles: sql`array_remove(${staff.roles}, ${role}::text)` })
    .where(and(eq(staff.id, staffId), sql`${role}::text = any(${staff.roles})`))
    .returning({ roles: staff.roles });
  return row?.roles;
}
