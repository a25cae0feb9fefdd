import type { StaffGrant } from '@postal/auth';
import type { Database } from '@postal/db';
import DataLoader from 'dataloader';
import { permissionsOfRoles, widestGrants, type RolePermission } from './repository.js';

export interface RoleLoaders {
  /** The role_permissions rows of a role (none for a role code that names nothing). */
  permissionsOfRole: DataLoader<string, RolePermission[]>;
}

/**
 * Per request: every role whose permissions a request's resolvers ask for (Staff.grants of a page of 100 people) is
 * read in one query. The table is a few dozen rows, but a query per row would still be a query per row.
 */
export function createRoleLoaders(database: Database): RoleLoaders {
  const permissionsOfRole = new DataLoader<string, RolePermission[]>(async (roleCodes) => {
    const rows = await permissionsOfRoles(database.db, roleCodes);
    return roleCodes.map((code) => rows.filter((row) => row.roleCode === code));
  });
  return { permissionsOfRole };
}

/** The grants a set of roles gives, through the request's loader (the same merge as the token's, widestGrants). */
export async function grantsOfRoles(loaders: RoleLoaders, roleCodes: readonly string[]): Promise<StaffGrant[]> {
  const perRole = await loaders.permissionsOfRole.loadMany(roleCodes);
  const failed = perRole.find((result): result is Error => result instanceof Error);
  if (failed) throw failed;
  return widestGrants((perRole as RolePermission[][]).flat());
}
