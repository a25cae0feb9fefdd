import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { administrationSchema } from '../db-schema.js';
import { offices } from '../offices/tables.js';

export const staff = administrationSchema.table(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The operator's employee number (8 digits, see staff/domain.ts); unique. */
    employeeId: text('employee_id').notNull(),
    /** Stored lower-case; unique. */
    username: text('username').notNull(),
    name: text('name').notNull(),
    /**
     * Where the person is told things (temporary passwords, one-time codes): @postal/notify's SMS adapter uses the
     * mobile (E.164), its e-mail adapter the e-mail. Optional: the embedded default's local outbox needs neither.
     */
    mobile: text('mobile'),
    email: text('email'),
    /** scrypt, with its parameters (packages/auth). Never the password. */
    passwordHash: text('password_hash').notNull(),
    /**
     * The current office: the open row of staff_assignments says the same, and both are written in one transaction.
     * Kept here so that login and every scope check read one row.
     */
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    /** Empty until a role grant is approved (maker-checker): a new member of staff holds no rights at all. */
    roles: text('roles').array().notNull(),
    /**
     * The biller this person acts for, when they are one of a biller's own people (a seller's staff, the BILLER role)
     * rather than the post office's. Stored as given (its shape checked): the billers are cod-settlement's, which this
     * subgraph never reads; cod-settlement refuses a code it does not know when the person uses it. Null for staff.
     */
    billerCode: text('biller_code'),
    status: text('status').notNull().default('ACTIVE'),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    suspensionReason: text('suspension_reason'),
    /** The last working day; LEFT is final. */
    leftOn: date('left_on', { mode: 'string' }),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Set by creation and by an administrator's reset: the password is a temporary one the holder must replace. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** When the temporary password was used to sign in: it signs in once, then only a change or a new reset helps. */
    temporaryPasswordUsedAt: timestamp('temporary_password_used_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /**
     * Raised, with a row in session_revocations, by every command that must end the person's sessions (suspension,
     * departure, password change or reset, role revocation, move); tokens carry the value they were issued at.
     */
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('staff_username_key').on(table.username),
    uniqueIndex('staff_employee_id_key').on(table.employeeId),
    index('staff_office_code_idx').on(table.officeCode, table.username),
    check('staff_username_format', sql`${table.username} ~ '^[a-z0-9][a-z0-9._-]{1,39}$'`),
    check('staff_employee_id_format', sql`${table.employeeId} ~ '^[0-9]{8}$'`),
    check('staff_mobile_format', sql`${table.mobile} ~ '^\\+[1-9][0-9]{7,14}$'`),
    check('staff_email_format', sql`char_length(${table.email}) <= 254 and ${table.email} ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'`),
    check('staff_name_length', sql`char_length(${table.name}) between 1 and 200`),
    check('staff_status_valid', sql`${table.status} in ('ACTIVE','SUSPENDED','LEFT')`),
    // The dates and reason of a status travel with it, so a row can never say SUSPENDED without saying since when.
    check(
      'staff_suspension_consistent',
      sql`(${table.status} = 'SUSPENDED') = (${table.suspendedAt} is not null and ${table.suspensionReason} is not null)`,
    ),
    check('staff_left_consistent', sql`(${table.status} = 'LEFT') = (${table.leftOn} is not null)`),
    check('staff_failed_login_count_nonnegative', sql`${table.failedLoginCount} >= 0`),
    check('staff_session_version_nonnegative', sql`${table.sessionVersion} >= 0`),
    check('staff_temporary_password_consistent', sql`${table.temporaryPasswordUsedAt} is null or ${table.mustChangePassword}`),
    check(
      'staff_roles_valid',
      sql`${table.roles} <@ array['ADMIN','FINANCE_OFFICER','AUDITOR','COUNTER_CLERK','POSTMAN','BILLER']::text[]`,
    ),
    check('staff_biller_code_format', sql`${table.billerCode} ~ '^BL[0-9]{6}$'`),
    // The binding rule of @postal/auth billerBindingProblem, again in the database: a person bound to a biller holds
    // BILLER or nothing (no office role ever reaches a seller's people), and BILLER is held only with a binding.
    check(
      'staff_biller_binding_valid',
      sql`case when ${table.billerCode} is null then not ('BILLER' = any(${table.roles})) else ${table.roles} <@ array['BILLER']::text[] end`,
    ),
  ],
);

/**
 * Where each member of staff has worked, and who put them there: one row per assignment, the current one open
 * (`ended_at` null). At most one open row per person (the partial unique index); staff.office_code repeats the open row's
 * office for fast reads, written in the same transaction.
 */
export const staffAssignments = administrationSchema.table(
  'staff_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** Null while this is the current assignment. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Null when the system made the assignment (the demo seed, the backfill of existing staff). */
    assignedBy: uuid('assigned_by').references((): AnyPgColumn => staff.id),
  },
  (table) => [
    uniqueIndex('staff_assignments_one_open_key').on(table.staffId).where(sql`${table.endedAt} is null`),
    index('staff_assignments_staff_started_idx').on(table.staffId, table.startedAt),
    check('staff_assignments_period_valid', sql`${table.endedAt} is null or ${table.endedAt} >= ${table.startedAt}`),
  ],
);
