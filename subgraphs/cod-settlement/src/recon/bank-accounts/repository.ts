import type { Db, Tx } from '@postal/db';
import { rowsOf } from '@postal/db';
import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { bankAccounts } from '../tables.js';

export type BankAccountRow = typeof bankAccounts.$inferSelect;

export async function findBankAccount(db: Db | Tx, id: string): Promise<BankAccountRow | undefined> {
  const [row] = await db.select().from(bankAccounts).where(eq(bankAccounts.id, id));
  return row;
}

export async function findBankAccountsByIds(db: Db | Tx, ids: readonly string[]): Promise<BankAccountRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(bankAccounts).where(sql`${bankAccounts.id} in ${ids}`);
}

export async function findBankAccountByNumber(db: Db | Tx, accountNumber: string, currency: string): Promise<BankAccountRow | undefined> {
  const [row] = await db.select().from(bankAccounts).where(and(eq(bankAccounts.accountNumber, accountNumber), eq(bankAccounts.currency, currency)));
  return row;
}

/** The row, or undefined when one with that number and currency (or that ledger account) got there first. */
export async function insertBankAccount(tx: Tx, row: BankAccountRow): Promise<BankAccountRow | undefined> {
  const [inserted] = await tx.insert(bankAccounts).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Locks the account's row: imports into one account take their statements' ids one at a time. */
export async function lockBankAccount(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`select 1 from cod.bank_accounts where id = ${id} for update`);
}

export async function listBankAccounts(db: Db | Tx, conditions: SQL[], after: { officePath: string; name: string; id: string } | undefined, limit: number): Promise<BankAccountRow[]> {
  const where = [...conditions];
  if (after) {
    where.push(
      or(
        gt(bankAccounts.officePath, after.officePath),
        and(eq(bankAccounts.officePath, after.officePath), gt(bankAccounts.name, after.name)),
        and(eq(bankAccounts.officePath, after.officePath), eq(bankAccounts.name, after.name), gt(bankAccounts.id, after.id)),
      )!,
    );
  }
  return db
    .select()
    .from(bankAccounts)
    .where(and(...where))
    .orderBy(asc(bankAccounts.officePath), asc(bankAccounts.name), asc(bankAccounts.id))
    .limit(limit);
}

/** After an office moved: each bank account's path re-read from the office tree (billers/office-events.ts). */
export async function refreshBankAccountOfficePaths(tx: Tx): Promise<number> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      update cod.bank_accounts as account set office_path = office.path
      from cod.known_offices as office
      where office.code = account.office_code and account.office_path <> office.path
      returning account.id`),
  );
  return rows.length;
}
