import { randomBytes as secureRandomBytes } from 'node:crypto';
import { hashPassword, type Identity, type SignedRequestContext } from '@postal/auth';
import { assertHolds, can } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import type { Database, Tx } from '@postal/db';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { requireAddress, type Delivery, type Notifier } from '@postal/notify';
import { stageEvents } from '@postal/outbox';
import { changeSummary, pageSize } from '@postal/server';
import { refusalAuditor } from '../audit/refusals.js';
import { auditEvent } from '../audit/events.js';
import { temporaryPasswordFrom, TEMPORARY_PASSWORD_LENGTH } from '../auth/password-policy.js';
import { outbox, processedEvents } from '../db-schema.js';
import type { OfficeRecord } from '../offices/model.js';
import { findOffice } from '../offices/repository.js';
import { currentSessionVersion } from '../sessions/repository.js';
import { endAllSessionsInTx } from '../sessions/service.js';
import type { RevocationReason } from '../sessions/repository.js';
import {
  leavingDateProblem,
  nextStatus,
  assertBindingChangeable,
  parseBillerCode,
  parseEmail,
  parseEmployeeId,
  parseMobile,
  parseName,
  parseReason,
  parseUsername,
  type StaffCommand,
} from './domain.js';
import {
  AlreadyAtOfficeError,
  EmployeeIdTakenError,
  OfficeClosedError,
  OfficeNotFoundError,
  StaffNotFoundError,
  UsernameTakenError,
} from './errors.js';
import { auditSummary, type StaffAssignmentRecord, type StaffRecord, type StaffWithTemporaryPasswordSent } from './model.js';
import { recipientOf, temporaryPasswordNotification } from './notifications.js';
import { createStaffQueries } from './queries.js';
import type { OfficeLoaders } from '../offices/loaders.js';
import {
  assignmentsOf,
  closeOpenAssignment,
  findHolders,
  findOfficeLocation,
  findStaffById,
  insertStaff,
  openAssignment,
  updateStaff,
  type StaffChange,
} from './repository.js';

export interface StaffServiceOptions {
  database: Database;
  clock: () => Date;
  /** The operator's time zone: a leaving date is checked against today there. */
  timeZone: string;
  /** Called after a commit that staged events, so the relay publishes them soon rather than at its next poll. */
  onEventsStaged?: () => void;
  /** How temporary passwords reach their owner (and only them): @postal/notify. */
  notifier: Notifier;
  /** Where temporary passwords come from; tests may fix it. A CSPRNG otherwise. */
  randomBytes?: (size: number) => Uint8Array;
  /** How long a token lives (JWT_TTL_SECONDS), so an ended session's feed row lives as long; default the longest allowed. */
  tokenTtlSeconds?: number;
}

const outboxTables = { outbox, processedEvents };

export interface CreateStaffInput {
  employeeId: string;
  username: string;
  name: string;
  officeCode: string;
  mobile?: string | null;
  email?: string | null;
  /** One of a biller's own people: the biller they act for (they may then hold the BILLER role and no other). */
  billerCode?: string | null;
}

export interface UpdateStaffInput {
  name?: string | null;
  /** Absent: unchanged; null or empty: cleared. */
  mobile?: string | null;
  email?: string | null;
  /** Absent: unchanged; null or empty: none. Changes only while the person holds no role. */
  billerCode?: string | null;
}

/**
 * Managing staff. Every command runs in one transaction that locks the member of staff, checks the caller against
 * the shared rules (`staff.manage` over the person's office, and for an assignment over the new office too), applies
 * the status rules, writes, and stages its audit event. Out of the caller's sight (no `staff.read` there) a person
 * is STAFF_NOT_FOUND, so ids cannot be probed; in sight but not manageable is FORBIDDEN. Nobody manages their own
 * record: an administrator could otherwise move themselves to a wider office, reinstate themselves, or take a
 * password reset that bypasses knowing their own password; their own password goes through changePassword.
 */
export function createStaffService(options: StaffServiceOptions) {
  const { database, clock } = options;
  const randomBytes = options.randomBytes ?? secureRandomBytes;
  const queries = createStaffQueries(database);

  /**
   * The caller as the database knows them now. The token carries roles and office from sign-in time, up to its
   * lifetime ago: a suspended or moved administrator, or one who lost a role, must not keep managing staff with it.
   */
  async function assertCallerCurrent(tx: Tx, identity: Identity): Promise<string | null> {
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    if (identity.kind === 'service') return null;
    const caller = await findStaffById(tx, identity.staffId);
    const current =
      caller !== undefined &&
      caller.status === 'ACTIVE' &&
      caller.officeCode === identity.officeCode &&
      identity.roles.every((role) => caller.roles.includes(role)) &&
      // A token below the person's session version has ended (the gateway refuses it within seconds; this is now).
      (identity.sessionVersion === undefined || identity.sessionVersion >= ((await currentSessionVersion(tx, caller.id)) ?? Infinity));
    if (!current) throw new UnauthenticatedError('your account has changed since you signed in: sign in again');
    return caller.id;
  }

  /** The member of staff to change, locked, if the caller may manage them (see the service comment for the answers). */
  async function lockManageable(tx: Tx, identity: Identity, id: string): Promise<{ target: StaffRecord; path: string }> {
    const target = await findStaffById(tx, id, { forUpdate: true });
    if (!target) throw new StaffNotFoundError();
    const office = await findOfficeLocation(tx, target.officeCode);
    if (!office) throw new Error(`office ${target.officeCode} of staff ${target.id} is missing`);
    const self = identity.kind === 'staff' && identity.staffId === target.id;
    if (self) throw new ForbiddenError('you may not manage your own account: another administrator does that');
    if (!can(identity, 'staff.read', office.path)) throw new StaffNotFoundError();
    if (!can(identity, 'staff.manage', office.path)) throw new ForbiddenError(`you may not staff.manage at office ${office.code}`);
    return { target, path: office.path };
  }

  /** An office someone is to work at: in sight (else OFFICE_NOT_FOUND), manageable (else FORBIDDEN), open; locked FOR SHARE. */
  async function lockAssignableOffice(tx: Tx, identity: Identity, code: string) {
    const office = await findOfficeLocation(tx, code.trim(), { forShare: true });
    if (!office || !can(identity, 'office.read', office.path)) throw new OfficeNotFoundError();
    if (!can(identity, 'staff.manage', office.path)) throw new ForbiddenError(`you may not staff.manage at office ${office.code}`);
    if (office.status !== 'ACTIVE') throw new OfficeClosedError();
    return office;
  }

  const refusals = refusalAuditor(options);
  /** Runs a command; a refusal is audited (see audit/refusals.ts), a success stages its own events and nudges the relay. */
  async function audited<T>(context: SignedRequestContext, action: string, targetId: string, work: () => Promise<T>): Promise<T> {
    const result = await refusals.audited(context, action, { type: 'Staff', id: targetId }, work);
    options.onEventsStaged?.();
    return result;
  }

  async function newTemporaryPassword(): Promise<{ temporaryPassword: string; passwordHash: string }> {
    const temporaryPassword = temporaryPasswordFrom(randomBytes(TEMPORARY_PASSWORD_LENGTH));
    return { temporaryPassword, passwordHash: await hashPassword(temporaryPassword) };
  }

  /**
   * Sends a temporary password to its owner, after the change that set it has committed (a notification cannot be
   * rolled back, so it must never announce a password that was not stored). Where it went is audited, never what.
   * If the provider fails, the password is set but nobody has it: the caller hears NOTIFICATION_FAILED (audited) and
   * resets it again; nothing is lost but the attempt.
   */
  async function sendTemporaryPassword(
    context: SignedRequestContext,
    staff: StaffRecord,
    temporaryPassword: string,
    occasion: 'CREATED' | 'RESET',
  ): Promise<Delivery> {
    const target = { type: 'Staff', id: staff.id };
    let delivery: Delivery;
    try {
      delivery = await options.notifier.send(temporaryPasswordNotification(staff, temporaryPassword, occasion));
    } catch (error) {
      await refusals.record(context, 'TEMPORARY_PASSWORD_NOT_SENT', target, error);
      throw error;
    }
    await database.db.transaction(async (tx) => {
      await stageEvents(tx, outboxTables, [
        auditEvent(context, {
          action: 'TEMPORARY_PASSWORD_SENT',
          outcome: 'SUCCESS',
          target,
          officeCode: staff.officeCode,
          after: { channel: delivery.channel, address: delivery.address, occasion },
        }),
      ]);
    });
    options.onEventsStaged?.();
    return delivery;
  }

  /**
   * The shape of every command on an existing person, in one transaction: check the caller is current, lock the
   * person and check the caller may manage them, apply the status rule, then `change` (which validates its input and
   * answers the columns to set, and may write more in the same transaction), write, and stage the audit event.
   */
  async function apply(
    context: SignedRequestContext,
    id: string,
    kind: StaffCommand,
    action: string,
    change: (
      tx: Tx,
      target: StaffRecord,
      callerId: string | null,
    ) => Promise<{ set: StaffChange; reason?: string; officeCode?: string; endsSessions?: Exclude<RevocationReason, 'LOGOUT'> }>,
  ): Promise<StaffRecord> {
    return database.db.transaction(async (tx) => {
      const callerId = await assertCallerCurrent(tx, context.identity);
      const { target } = await lockManageable(tx, context.identity, id);
      nextStatus(target.status, kind);
      const { set, reason, officeCode, endsSessions } = await change(tx, target, callerId);
      const after = await updateStaff(tx, target.id, set);
      // The person's tokens say what no longer holds (status, office, password): all of them end with this commit.
      if (endsSessions) await endAllSessionsInTx(tx, target.id, endsSessions, options.tokenTtlSeconds);
      await stageEvents(tx, outboxTables, [
        auditEvent(context, {
          action,
          outcome: 'SUCCESS',
          target: { type: 'Staff', id: target.id },
          officeCode: officeCode ?? after.officeCode,
          ...(reason ? { reason } : {}),
          ...changeSummary(auditSummary(target), auditSummary(after)),
        }),
      ]);
      return after;
    });
  }

  function command(
    context: SignedRequestContext,
    id: string,
    kind: StaffCommand,
    action: string,
    change: Parameters<typeof apply>[4],
  ): Promise<StaffRecord> {
    if (context.identity.kind === 'anonymous') throw new UnauthenticatedError();
    return audited(context, action, id, () => apply(context, id, kind, action, change));
  }

  async function create(context: SignedRequestContext, input: CreateStaffInput): Promise<{ staff: StaffRecord; temporaryPassword: string }> {
    const { identity } = context;
    // Cheap checks first: a caller who may manage nobody does not get to make us run scrypt.
    assertHolds(identity, 'staff.manage');
    const employeeId = parseEmployeeId(input.employeeId);
    const username = parseUsername(input.username);
    const name = parseName(input.name);
    const mobile = parseMobile(input.mobile) ?? null;
    const email = parseEmail(input.email) ?? null;
    const billerCode = parseBillerCode(input.billerCode) ?? null;
    // Someone the notifier cannot reach would have a password nobody can give them: CONTACT_REQUIRED, before anything.
    requireAddress(options.notifier, { staffId: '', username, mobile, email });
    const { temporaryPassword, passwordHash } = await newTemporaryPassword();
    const now = clock();
    const staff = await database.db
      .transaction(async (tx) => {
        const callerId = await assertCallerCurrent(tx, identity);
        const office = await lockAssignableOffice(tx, identity, input.officeCode);
        // Checked here for a clear answer; the unique indexes are the guard when two requests race.
        const holders = await findHolders(tx, username, employeeId);
        if (holders.some((holder) => holder.username === username)) throw new UsernameTakenError();
        if (holders.some((holder) => holder.employeeId === employeeId)) throw new EmployeeIdTakenError();
        const created = await insertStaff(tx, {
          employeeId,
          username,
          name,
          mobile,
          email,
          billerCode,
          passwordHash,
          officeCode: office.code,
          roles: [],
          mustChangePassword: true,
        });
        await openAssignment(tx, { staffId: created.id, officeCode: office.code, startedAt: now, assignedBy: callerId });
        await stageEvents(tx, outboxTables, [
          auditEvent(context, {
            action: 'STAFF_CREATED',
            outcome: 'SUCCESS',
            target: { type: 'Staff', id: created.id },
            officeCode: office.code,
            after: auditSummary(created),
          }),
        ]);
        return created;
      })
      .catch(rethrowUniqueViolation);
    return { staff, temporaryPassword };
  }

  return {
    ...queries,

    /**
     * A new member of staff at an office, with no roles: every role is granted afterwards through a grant request a
     * second administrator approves (maker-checker), so creating people cannot hand out rights. Their temporary
     * password goes to them through the notifier once the record has committed; the answer says where, never what.
     * With a billerCode the person is one of that biller's own people: the only role they can then be granted is
     * BILLER (and BILLER only to someone with a billerCode), through the same maker-checker grant.
     */
    async createStaff(context: SignedRequestContext, input: CreateStaffInput): Promise<StaffWithTemporaryPasswordSent> {
      if (context.identity.kind === 'anonymous') throw new UnauthenticatedError();
      const { staff, temporaryPassword } = await audited(context, 'STAFF_CREATED', input.username.trim().toLowerCase(), () => create(context, input));
      return { staff, temporaryPasswordSentTo: await sendTemporaryPassword(context, staff, temporaryPassword, 'CREATED') };
    },

    /**
     * The name and the contact fields: the employee id and username are identities other records point at. A change
     * that would leave the person unreachable by the notifier is CONTACT_REQUIRED. The biller a person acts for
     * changes only while they hold no role (BILLER_BINDING_LOCKED otherwise): no session of theirs then carries the
     * BILLER grant, and the grant that follows is approved by a second administrator for the new biller.
     */
    async updateStaff(context: SignedRequestContext, id: string, input: UpdateStaffInput): Promise<StaffRecord> {
      return command(context, id, 'UPDATE', 'STAFF_UPDATED', async (_tx, target) => {
        const set: StaffChange = {};
        if (input.name !== undefined && input.name !== null) set.name = parseName(input.name);
        const mobile = parseMobile(input.mobile);
        const email = parseEmail(input.email);
        if (mobile !== undefined) set.mobile = mobile;
        if (email !== undefined) set.email = email;
        const billerCode = parseBillerCode(input.billerCode);
        if (billerCode !== undefined && billerCode !== target.billerCode) {
          assertBindingChangeable(target.roles, target.billerCode, billerCode);
          set.billerCode = billerCode;
        }
        if (Object.keys(set).length === 0) throw new BadUserInputError('name', 'say what to change');
        requireAddress(options.notifier, recipientOf({ ...target, ...set }));
        return { set };
      });
    },

    /** Moves someone to another office: the current assignment is closed and a new one opened, with the staff row. */
    async assignStaff(context: SignedRequestContext, id: string, officeCode: string): Promise<StaffRecord> {
      return command(context, id, 'ASSIGN', 'STAFF_ASSIGNED', async (tx, target, callerId) => {
        const office = await lockAssignableOffice(tx, context.identity, officeCode);
        if (office.code === target.officeCode) throw new AlreadyAtOfficeError();
        const now = clock();
        await closeOpenAssignment(tx, target.id, now);
        await openAssignment(tx, { staffId: target.id, officeCode: office.code, startedAt: now, assignedBy: callerId });
        return { set: { officeCode: office.code }, officeCode: office.code, endsSessions: 'ASSIGNED' };
      });
    },

    async suspendStaff(context: SignedRequestContext, id: string, rawReason: string): Promise<StaffRecord> {
      return command(context, id, 'SUSPEND', 'STAFF_SUSPENDED', async () => {
        const reason = parseReason(rawReason);
        return { set: { status: 'SUSPENDED', suspendedAt: clock(), suspensionReason: reason }, reason, endsSessions: 'SUSPENDED' };
      });
    },

    async reinstateStaff(context: SignedRequestContext, id: string): Promise<StaffRecord> {
      return command(context, id, 'REINSTATE', 'STAFF_REINSTATED', async () => ({
        set: { status: 'ACTIVE', suspendedAt: null, suspensionReason: null },
      }));
    },

    /** Final: a leaver can never sign in or be changed again; the record stays for the audit trail. */
    async markStaffLeft(context: SignedRequestContext, id: string, leftOn: string): Promise<StaffRecord> {
      return command(context, id, 'MARK_LEFT', 'STAFF_MARKED_LEFT', async (tx, target) => {
        const problem = leavingDateProblem(leftOn, businessDate(clock(), options.timeZone));
        if (problem) throw new BadUserInputError('leftOn', problem);
        // The assignment ends with the employment, so the history says where they last worked and until when.
        await closeOpenAssignment(tx, target.id, clock());
        return { set: { status: 'LEFT', leftOn, suspendedAt: null, suspensionReason: null }, endsSessions: 'LEFT' };
      });
    },

    /**
     * A new temporary password for someone who forgot theirs, sent to them (never to the administrator, who could
     * otherwise sign in as them and, as a second administrator, approve their own requests); it also lifts a lockout.
     * The old password stops working at once.
     */
    async resetPassword(context: SignedRequestContext, id: string): Promise<StaffWithTemporaryPasswordSent> {
      if (context.identity.kind === 'anonymous') throw new UnauthenticatedError();
      const { staff, temporaryPassword } = await audited(context, 'STAFF_PASSWORD_RESET', id, async () => {
        // Who may manage nobody does not get to make us run scrypt.
        assertHolds(context.identity, 'staff.manage');
        const { temporaryPassword, passwordHash } = await newTemporaryPassword();
        const staff = await apply(context, id, 'RESET_PASSWORD', 'STAFF_PASSWORD_RESET', async (_tx, target) => {
          requireAddress(options.notifier, recipientOf(target));
          return {
            set: { passwordHash, mustChangePassword: true, temporaryPasswordUsedAt: null, failedLoginCount: 0, lockedUntil: null },
            endsSessions: 'PASSWORD_RESET',
          };
        });
        return { staff, temporaryPassword };
      });
      return { staff, temporaryPasswordSentTo: await sendTemporaryPassword(context, staff, temporaryPassword, 'RESET') };
    },

    /** Assignment history, newest first; the caller already had the person in sight to get here. */
    async assignments(staff: StaffRecord, first: number | null | undefined): Promise<StaffAssignmentRecord[]> {
      return assignmentsOf(database.db, staff.id, pageSize(first, 20));
    },

    /**
     * The office a person works at. Whoever may see the person may see where they work (it is in their scope, or it
     * is their own office), so this does not ask office.read again: a new member of staff with no roles yet still
     * sees their own office.
     */
    async officeOf(staff: StaffRecord, loaders?: OfficeLoaders): Promise<OfficeRecord> {
      // Through the request's loader when a resolver asks: a page of staff and their offices is one office query.
      const office = loaders ? await loaders.officeByCode.load(staff.officeCode) : await findOffice(database.db, staff.officeCode);
      if (!office) throw new Error(`office ${staff.officeCode} of staff ${staff.id} is missing`);
      return office;
    },
  };
}

/** Two requests racing for one username or employee id: the unique index answers, and we say which in its words. */
function rethrowUniqueViolation(error: unknown): never {
  const constraint = uniqueViolationOf(error);
  if (constraint === 'staff_username_key') throw new UsernameTakenError();
  if (constraint === 'staff_employee_id_key') throw new EmployeeIdTakenError();
  throw error;
}

function uniqueViolationOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Object && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === '23505' && typeof constraint === 'string') return constraint;
  }
  return undefined;
}

export type StaffService = ReturnType<typeof createStaffService>;
