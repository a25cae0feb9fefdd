import { sql } from 'drizzle-orm';
import { bigserial, check, customType, index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';
import { staff } from '../staff/tables.js';

/** PostgreSQL's 64-bit transaction id, as decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * The feed of ended sessions the gateway follows (see sessions/feed.ts). A row ends either every token of a person
 * below a session version (suspension, departure, password change or reset, role revocation, move) or one session
 * (logout). Rows are only ever added, in the transaction of the command that ends the sessions, and matter only until
 * `expires_at`, when every token they could refuse has expired anyway.
 */
export const sessionRevocations = administrationSchema.table(
  'session_revocations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /**
     * The writing transaction: the feed's cursor follows it rather than `id`, because ids are taken before commit and
     * a later id can commit first; a reader that moved past a gap would never see the row that fills it.
     */
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    /** Tokens of this person with a session version below this are dead. */
    minVersion: integer('min_version'),
    /** Or: this one session (the token's jti) is dead. */
    sessionId: text('session_id'),
    /** Why, for the log and the audit reader: the command that ended the sessions. */
    reason: text('reason').notNull(),
    /** A technical timestamp (when the row was written), not a business fact. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull().defaultNow(),
    /** After this no token the row can refuse is still valid: the feed stops offering it to a newly started gateway. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('session_revocations_xid_idx').on(table.xid, table.id),
    index('session_revocations_expires_at_idx').on(table.expiresAt),
    check('session_revocations_one_target', sql`(${table.minVersion} is null) <> (${table.sessionId} is null)`),
    check('session_revocations_min_version_positive', sql`${table.minVersion} is null or ${table.minVersion} > 0`),
    check('session_revocations_session_id_length', sql`${table.sessionId} is null or char_length(${table.sessionId}) between 1 and 100`),
    check(
      'session_revocations_reason_valid',
      sql`${table.reason} in ('SUSPENDED','LEFT','PASSWORD_CHANGED','PASSWORD_RESET','ROLE_REVOKED','ASSIGNED','LOGOUT')`,
    ),
    check('session_revocations_expiry_after_revocation', sql`${table.expiresAt} > ${table.revokedAt}`),
  ],
);
