import { sql } from 'drizzle-orm';
import { check, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';

/**
 * Failed sign-ins for usernames nobody holds, counted and locked exactly as a real account's are (staff.failed_login_count
 * and staff.locked_until), so the sequence of answers does not tell an attacker which usernames exist. Keyed by the
 * SHA-256 of the normalised username: a fixed size whatever was typed, and no list of guessed names kept in clear.
 */
export const loginAttempts = administrationSchema.table(
  'login_attempts',
  {
    usernameKey: text('username_key').primaryKey(),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** A technical timestamp, for clearing out old rows. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('login_attempts_username_key_format', sql`${table.usernameKey} ~ '^[0-9a-f]{64}$'`),
    check('login_attempts_failed_login_count_nonnegative', sql`${table.failedLoginCount} >= 0`),
  ],
);
