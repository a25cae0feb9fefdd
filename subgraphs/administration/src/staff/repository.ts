import { and, asc, desc, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { likeContaining, type Db, type Tx } from '@postal/db';
import { withinTree } from '@postal/authz';
import { isUuid } from '@postal/validation';
import { offices } from '../offices/tables.js';
import { staff, staffAssignments } from './tables.js';
import type { StaffAssignmentRecord, StaffRecord, StaffStatus } from './model.js';

const publicColumns = {
  id: staff.id,
  employeeId: staff.employeeId,
  username: staff.username,
  name: staff.name,
  mobile: staff.mobile,
  email: staff.email,
  officeCode: staff.officeCode,
  roles: staff.roles,
  billerCode: staff.billerCode,
  status: staff.status,
  suspendedAt: staff.suspendedAt,
  suspensionReason: staff.suspensionReason,
  leftOn: staff.leftOn,
  lastLoginAt: staff.lastLoginAt,
  lockedUntil: staff.lockedUntil,
  mustChangePassword: staff.mustChangePassword,
  createdAt: staff.createdAt,
};

const loginColumns = {
  ...publicColumns,
  passwordHash: staff.passwordHash,
  failedLoginCount: staff.failedLoginCount,
  temporaryPasswordUsedAt: staff.temporaryPasswordUsedAt,
  sessionVersion: staff.sessionVersion,
};

export type LoginRow = StaffRecord & { passwordHash: string; failedLoginCount: number; temporaryPasswordUsedAt: Date | null; sessionVersion: number };

/** Ids are UUIDs; anything else names nobody, and must not reach PostgreSQL as a cast error. */
export const isStaffId = (id: string) => isUuid(id);

/** One member of staff; locked FOR UPDATE when a transaction is about to change the row. */
export async function findStaffById(db: Db | Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<StaffRecord | undefined> {
  if (!isStaffId(id)) return undefined;
  const query = db.select(publicColumns).from(staff).where(eq(staff.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row as StaffRecord | undefined;
}

/** Staff by id, in one primary-key query (the per-request loader's batch); ids that are not UUIDs name nobody. */
export async function findStaffByIds(db: Db | Tx, ids: readonly string[]): Promise<StaffRecord[]> {
  const valid = [...new Set(ids.filter(isStaffId))];
  if (valid.length === 0) return [];
  const rows = await db.select(publicColumns).from(staff).where(inArray(staff.id, valid));
  return rows as StaffRecord[];
}

/** The login row, with the hash and lockout state; locked FOR UPDATE when given a transaction that will change it. */
export async function findLoginRow(db: Db | Tx, username: string, options: { forUpdate?: boolean } = {}): Promise<LoginRow | undefined> {
  const query = db.select(loginColumns).from(staff).where(eq(staff.username, username));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row as LoginRow | undefined;
}

export async function findLoginRowById(db: Db | Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<LoginRow | undefined> {
  if (!isStaffId(id)) return undefined;
  const query = db.select(loginColumns).from(staff).where(eq(staff.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row as LoginRow | undefined;
}

export async function updateLoginState(
  tx: Tx,
  id: string,
  next: { failedLoginCount: number; lockedUntil: Date | null; lastLoginAt?: Date; temporaryPasswordUsedAt?: Date },
): Promise<void> {
  await tx
    .update(staff)
    .set({
      failedLoginCount: next.failedLoginCount,
      lockedUntil: next.lockedUntil,
      ...(next.lastLoginAt ? { lastLoginAt: next.lastLoginAt } : {}),
      ...(next.temporaryPasswordUsedAt ? { temporaryPasswordUsedAt: next.temporaryPasswordUsedAt } : {}),
    })
    .where(eq(staff.id, id));
}

export interface NewStaffRow {
  employeeId: string;
  username: string;
  name: string;
  mobile?: string | null;
  email?: string | null;
  passwordHash: string;
  officeCode: string;
  roles: string[];
  /** Set for one of a biller's own people (see staff/tables.ts); absent or null for the post office's staff. */
  billerCode?: string | null;
  mustChangePassword: boolean;
}

export async function insertStaff(tx: Tx, row: NewStaffRow): Promise<StaffRecord> {
  const [inserted] = await tx.insert(staff).values(row).returning(publicColumns);
  return inserted as StaffRecord;
}

/** The seed's insert: nothing when the username is there already; answers the new id, or undefined. */
export async function insertStaffIfAbsent(tx: Tx, row: NewStaffRow): Promise<string | undefined> {
  const [inserted] = await tx.insert(staff).values(row).onConflictDoNothing({ target: staff.username }).returning({ id: staff.id });
  return inserted?.id;
}

/** Who holds a username or an employee id already (either, both, or nobody). */
export async function findHolders(db: Db | Tx, username: string, employeeId: string) {
  return db
    .select({ username: staff.username, employeeId: staff.employeeId })
    .from(staff)
    .where(or(eq(staff.username, username), eq(staff.employeeId, employeeId)));
}

export type StaffChange = Partial<{
  name: string;
  mobile: string | null;
  email: string | null;
  officeCode: string;
  billerCode: string | null;
  status: StaffStatus;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  leftOn: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  temporaryPasswordUsedAt: Date | null;
  passwordChangedAt: Date;
  failedLoginCount: number;
  lockedUntil: Date | null;
}>;

export async function updateStaff(tx: Tx, id: string, change: StaffChange): Promise<StaffRecord> {
  const [row] = await tx.update(staff).set(change).where(eq(staff.id, id)).returning(publicColumns);
  if (!row) throw new Error(`staff ${id} vanished inside its own transaction`);
  return row as StaffRecord;
}

export async function openAssignment(
  tx: Tx,
  row: { staffId: string; officeCode: string; startedAt: Date; assignedBy: string | null },
): Promise<void> {
  await tx.insert(staffAssignments).values(row);
}

/** Ends the current assignment; the partial unique index guarantees there is at most one. */
export async function closeOpenAssignment(tx: Tx, staffId: string, endedAt: Date): Promise<void> {
  await tx
    .update(staffAssignments)
    .set({ endedAt })
    .where(and(eq(staffAssignments.staffId, staffId), isNull(staffAssignments.endedAt)));
}

/** Assignment history, newest first, at most `limit` rows (index staff_assignments_staff_started_idx). */
export async function assignmentsOf(db: Db | Tx, staffId: string, limit: number): Promise<StaffAssignmentRecord[]> {
  const rows = await db
    .select({
      id: staffAssignments.id,
      staffId: staffAssignments.staffId,
      officeCode: staffAssignments.officeCode,
      startedAt: staffAssignments.startedAt,
      endedAt: staffAssignments.endedAt,
      assignedBy: staffAssignments.assignedBy,
    })
    .from(staffAssignments)
    .where(eq(staffAssignments.staffId, staffId))
    .orderBy(desc(staffAssignments.startedAt), desc(staffAssignments.id))
    .limit(limit);
  return rows;
}

export interface StaffListQuery {
  /** The caller's scope as a condition on offices.path (see @postal/authz scopeCondition). */
  scope: SQL;
  officeCode?: string | undefined;
  /** Only staff at this path or under it. */
  underPath?: string | undefined;
  status?: StaffStatus | undefined;
  role?: string | undefined;
  /** Matched against username and name (contains, case-insensitive) and employee id (exact). */
  search?: string | undefined;
  afterUsername: string | undefined;
  limit: number;
}

/**
 * One keyset page of staff, by username, filtered in SQL: the scope applies to the path of the office each person is
 * assigned to (a join on the office's primary key), so nothing outside it is ever loaded.
 */
export async function listStaff(db: Db | Tx, query: StaffListQuery): Promise<StaffRecord[]> {
  const conditions: Array<SQL | undefined> = [
    query.scope,
    query.officeCode === undefined ? undefined : eq(staff.officeCode, query.officeCode),
    query.underPath === undefined
      ? undefined
      : withinTree(offices.path, query.underPath),
    query.status === undefined ? undefined : eq(staff.status, query.status),
    query.role === undefined ? undefined : sql`${staff.roles} @> array[${query.role}]::text[]`,
    query.search === undefined ? undefined : searchCondition(query.search),
    query.afterUsername === undefined ? undefined : gt(staff.username, query.afterUsername),
  ];
  const rows = await db
    .select(publicColumns)
    .from(staff)
    .innerJoin(offices, eq(offices.code, staff.officeCode))
    .where(and(...conditions.filter((condition): condition is SQL => condition !== undefined)))
    .orderBy(asc(staff.username))
    .limit(query.limit);
  return rows as StaffRecord[];
}

function searchCondition(search: string): SQL {
  const pattern = likeContaining(search);
  return or(ilike(staff.username, pattern), ilike(staff.name, pattern), eq(staff.employeeId, search)) as SQL;
}

export async function usernamesPresent(db: Db | Tx, usernames: string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db.select({ username: staff.username }).from(staff).where(inArray(staff.username, usernames));
  return new Set(rows.map((row) => row.username));
}

/**
 * What staff rules need of an office: where it is and whether it is open. Locked FOR SHARE inside a transaction that
 * assigns someone to it, so the office cannot be closed between the check and the commit.
 */
export async function findOfficeLocation(
  db: Db | Tx,
  code: string,
  options: { forShare?: boolean } = {},
): Promise<{ code: string; path: string; status: string } | undefined> {
  const query = db.select({ code: offices.code, path: offices.path, status: offices.status }).from(offices).where(eq(offices.code, code));
  const [row] = options.forShare ? await query.for('share') : await query;
  return row;
}
