import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@postal/db';
import type { AccountRecord } from './model.js';
import { accounts, knownOffices } from './tables.js';

const columns = {
  code: accounts.code,
  name: accounts.name,
  type: accounts.type,
  headCode: accounts.headCode,
  currency: accounts.currency,
  officeCode: accounts.officeCode,
  debitTotal: accounts.debitTotal,
  creditTotal: accounts.creditTotal,
};

export async function accountsOfOffice(db: Db | Tx, officeCode: string): Promise<AccountRecord[]> {
  const rows = await db.select(columns).from(accounts).where(eq(accounts.officeCode, officeCode)).orderBy(asc(accounts.code));
  return rows as AccountRecord[];
}

export async function findAccount(db: Db | Tx, code: string): Promise<AccountRecord | undefined> {
  const [row] = await db.select(columns).from(accounts).where(eq(accounts.code, code));
  return row as AccountRecord | undefined;
}

export async function recordKnownOffice(tx: Tx, office: { code: string; name: string; type: string; path: string }): Promise<void> {
  await tx.insert(knownOffices).values(office).onConflictDoNothing({ target: knownOffices.code });
}

export async function openAccountsIfAbsent(
  tx: Tx,
  rows: Array<Pick<AccountRecord, 'code' | 'name' | 'type' | 'headCode' | 'currency' | 'officeCode'>>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(accounts).values(rows).onConflictDoNothing({ target: accounts.code });
}

export async function findKnownOfficePath(db: Db | Tx, code: string): Promise<string | undefined> {
  const [row] = await db.select({ path: knownOffices.path }).from(knownOffices).where(eq(knownOffices.code, code));
  return row?.path;
}
