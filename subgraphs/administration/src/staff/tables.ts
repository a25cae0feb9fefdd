import { sql } from 'drizzle-orm';
import { check, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';
import { offices } from '../offices/tables.js';

export const staff = administrationSchema.table(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case; unique. */
    username: text('username').notNull(),
    name: text('name').notNull(),
    /** scrypt, with its parameters (packages/auth). Never the password. */
    passwordHash: text('password_hash').notNull(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    roles: text('roles').array().notNull(),
    status: text('status').notNull().default('ACTIVE'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('staff_username_key').on(table.username),
    check('staff_username_format', sql`${table.username} ~ '^[a-z0-9][a-z0-9._-]{1,39}$'`),
    check('staff_status_valid', sql`${table.status} in ('ACTIVE','SUSPENDED','LEFT')`),
    check('staff_failed_login_count_nonnegative', sql`${table.failedLoginCount} >= 0`),
    check(
      'staff_roles_valid',
      sql`cardinality(${table.roles}) > 0 and ${table.roles} <@ array['ADMIN','FINANCE_OFFICER','AUDITOR','COUNTER_CLERK','POSTMAN']::text[]`,
    ),
  ],
);
