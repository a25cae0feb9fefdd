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
