import { sql } from 'drizzle-orm';
import { check, primaryKey, text } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';

/** The roles, as data. Their permissions are rows of role_permissions, inserted by migrations and reviewed like code. */
export const roles = administrationSchema.table('roles', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
});

export const rolePermissions = administrationSchema.table(
  'role_permissions',
  {
    roleCode: text('role_code')
      .notNull()
      .references(() => roles.code),
    /** One of @postal/authz PERMISSIONS; a test checks every stored permission is known. */
    permission: text('permission').notNull(),
    scope: text('scope').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.roleCode, table.permission] }),
    check('role_permissions_scope_valid', sql`${table.scope} in ('SUBTREE','OWN_OFFICE')`),
  ],
);

/**
 * Delegation: which roles a holder of `grantor_role` may ask to be granted (and, as checker, approve). Beside the
 * permissions because it is the same kind of fact, inserted by migrations and reviewed like code. A grant also needs
 * role.grant over the person's office; this says which roles, that says where.
 */
export const roleDelegations = administrationSchema.table(
  'role_delegations',
  {
    grantorRole: text('grantor_role')
      .notNull()
      .references(() => roles.code),
    grantableRole: text('grantable_role')
      .notNull()
      .references(() => roles.code),
  },
  (table) => [primaryKey({ columns: [table.grantorRole, table.grantableRole] })],
);
