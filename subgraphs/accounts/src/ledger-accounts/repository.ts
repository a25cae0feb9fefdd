import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { likePrefixOf } from '@postal/authz';
import type { Db, Tx } from '@postal/db';
import type { AccountRecord } from './model.js';
import { accounts, knownOffices } from './tables.js';

export const accountColumns = {
  code: accounts.code,
  name: accounts.name,
  type: accounts.type,
  kind: accounts.kind,
  parentCode: accounts.parentCode,
  headCode: accounts.headCode,
  currency: accounts.currency,
  officeCode: accounts.officeCode,
  status: accounts.status,
  balanceConstraint: accounts.balanceConstraint,
  allowManualEntries: accounts.allowManualEntries,
  debitTotal: accounts.debitTotal,
  creditTotal: accounts.creditTotal,
  pendingDebit: accounts.pendingDebit,
  pendingCredit: accounts.pendingCredit,
  closedThrough: accounts.closedThrough,
  version: accounts.version,
};
const columns = accountColumns;

export async function accountsOfOffice(db: Db | Tx, officeCode: string): Promise<AccountRecord[]> {
  const rows = await db.select(columns).from(accounts).where(eq(accounts.officeCode, officeCode)).orderBy(asc(accounts.code));
  return rows as AccountRecord[];
}

export async function findAccount(db: Db | Tx, code: string): Promise<AccountRecord | undefined> {
  const [row] = await db.select(columns).from(accounts).where(eq(accounts.code, code));
  return row as AccountRecord | undefined;
}

/** An office as this subgraph keeps it (known_offices). */
export interface KnownOffice {
  code: string;
  name: string;
  type: string;
  path: string;
  parentCode: string | null;
  accountOfficeCode: string | null;
  status: string;
  version: number;
  openedOn: string | null;
}

const knownColumns = {
  code: knownOffices.code,
  name: knownOffices.name,
  type: knownOffices.type,
  path: knownOffices.path,
  parentCode: knownOffices.parentCode,
  accountOfficeCode: knownOffices.accountOfficeCode,
  status: knownOffices.status,
  version: knownOffices.version,
  openedOn: knownOffices.openedOn,
};

/** The office's row, locked: two events about one office apply one after the other. */
export async function lockKnownOffice(tx: Tx, code: string): Promise<KnownOffice | undefined> {
  const [row] = await tx.select(knownColumns).from(knownOffices).where(eq(knownOffices.code, code)).for('update');
  return row;
}

/** Writes the office as an event says it is now (insert, or replace an older version). */
export async function upsertKnownOffice(tx: Tx, office: KnownOffice): Promise<void> {
  const { code: _code, ...changes } = office;
  await tx.insert(knownOffices).values(office).onConflictDoUpdate({ target: knownOffices.code, set: changes });
}

/**
 * Every known office strictly under `fromPath` is re-hung under `toPath` (a subtree that moved): one UPDATE over the
 * path index. Offices already at their new paths are not matched, so doing it again changes nothing.
 */
export async function rewriteSubtreePaths(tx: Tx, fromPath: string, toPath: string): Promise<number> {
  const rows = await tx
    .update(knownOffices)
    .set({ path: sql`${toPath} || substr(${knownOffices.path}, ${fromPath.length + 1})` })
    .where(sql`${knownOffices.path} like ${likePrefixOf(fromPath)}`)
    .returning({ code: knownOffices.code });
  return rows.length;
}

/** The office's accounts whose debits and credits differ (a balance either way), at most `limit`. */
export async function nonZeroAccountsOf(db: Db | Tx, officeCode: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ code: accounts.code })
    .from(accounts)
    .where(and(eq(accounts.officeCode, officeCode), ne(accounts.debitTotal, accounts.creditTotal)))
    .orderBy(asc(accounts.code))
    .limit(limit);
  return rows.map((row) => row.code);
}

export async function openAccountsIfAbsent(
  tx: Tx,
  rows: Array<Pick<AccountRecord, 'code' | 'name' | 'type' | 'headCode' | 'currency' | 'officeCode' | 'parentCode' | 'balanceConstraint' | 'allowManualEntries'>>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(accounts).values(rows).onConflictDoNothing({ target: accounts.code });
}

export async function findKnownOfficePath(db: Db | Tx, code: string): Promise<string | undefined> {
  const [row] = await db.select({ path: knownOffices.path }).from(knownOffices).where(eq(knownOffices.code, code));
  return row?.path;
}

/**
 * Whether a pending hold touches any of the office's accounts. A pending hold is carried on its two accounts as
 * pending debit and pending credit (and verifyLedger checks the two agree), so this reads the office's few account rows
 * (accounts_office_idx) rather than searching the holds table, which has no index by account.
 */
export async function officeHasPendingHolds(db: Db | Tx, officeCode: string): Promise<boolean> {
  const rows = await db
    .select({ code: accounts.code })
    .from(accounts)
    .where(and(eq(accounts.officeCode, officeCode), sql`(${accounts.pendingDebit} <> 0 or ${accounts.pendingCredit} <> 0)`))
    .limit(1);
  return rows.length > 0;
}
