import { eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@postal/db';
import { staff } from './tables.js';
import type { StaffRecord } from './model.js';

const publicColumns = {
  id: staff.id,
  username: staff.username,
  name: staff.name,
  officeCode: staff.officeCode,
  roles: staff.roles,
  status: staff.status,
};

export async function findStaffById(db: Db | Tx, id: string): Promise<StaffRecord | undefined> {
  const [row] = await db.select(publicColumns).from(staff).where(eq(staff.id, id));
  return row as StaffRecord | undefined;
}

/** The login row, with the hash and lockout state; locked FOR UPDATE when given a transaction that will change it. */
export async function findLoginRow(db: Db | Tx, username: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({
      ...publicColumns,
      passwordHash: staff.passwordHash,
      failedLoginCount: staff.failedLoginCount,
      lockedUntil: staff.lockedUntil,
    })
    .from(staff)
    .where(eq(staff.username, username));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row as (StaffRecord & { passwordHash: string; failedLoginCount: number; lockedUntil: Date | null }) | undefined;
}

export async function updateLoginState(
  tx: Tx,
  id: string,
  next: { failedLoginCount: number; lockedUntil: Date | null; lastLoginAt?: Date },
): Promise<void> {
  await tx
    .update(staff)
    .set({ failedLoginCount: next.failedLoginCount, lockedUntil: next.lockedUntil, ...(next.lastLoginAt ? { lastLoginAt: next.lastLoginAt } : {}) })
    .where(eq(staff.id, id));
}

export async function insertStaffIfAbsent(
  tx: Tx,
  row: { username: string; name: string; passwordHash: string; officeCode: string; roles: string[] },
): Promise<boolean> {
  const inserted = await tx
    .insert(staff)
    .values(row)
    .onConflictDoNothing({ target: staff.username })
    .returning({ id: staff.id });
  return inserted.length > 0;
}

export async function usernamesPresent(db: Db | Tx, usernames: string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .select({ username: staff.username })
    .from(staff)
    .where(inArray(staff.username, usernames));
  return new Set(rows.map((row) => row.username));
}
