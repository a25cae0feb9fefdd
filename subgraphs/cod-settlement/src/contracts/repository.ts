import type { Db, Tx } from '@postal/db';
import { and, asc, desc, eq, gte, inArray, lte, max } from 'drizzle-orm';
import { bankHolidays, contracts } from './tables.js';

export type ContractRow = typeof contracts.$inferSelect;
export type NewContractRow = typeof contracts.$inferInsert;

/** The version in force on `onDate`: the latest whose effectiveFrom is on or before it; undefined before the first. */
export async function contractInForce(db: Db | Tx, billerId: string, onDate: string): Promise<ContractRow | undefined> {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.billerId, billerId), lte(contracts.effectiveFrom, onDate)))
    .orderBy(desc(contracts.effectiveFrom))
    .limit(1);
  return row;
}

/** Every version of a biller's contract, oldest first. */
export async function contractVersions(db: Db | Tx, billerId: string): Promise<ContractRow[]> {
  return db.select().from(contracts).where(eq(contracts.billerId, billerId)).orderBy(asc(contracts.version));
}

/** The holidays of a calendar from `fromDate` (inclusive) to `toDate` (inclusive), as YYYY-MM-DD strings. */
export async function holidaysBetween(db: Db | Tx, calendar: string, fromDate: string, toDate: string): Promise<Set<string>> {
  const rows = await db
    .select({ date: bankHolidays.date })
    .from(bankHolidays)
    .where(and(eq(bankHolidays.calendar, calendar), gte(bankHolidays.date, fromDate), lte(bankHolidays.date, toDate)));
  return new Set(rows.map((row) => row.date));
}

/** The version from `effectiveFrom`, if the biller has one. */
export async function contractFrom(db: Db | Tx, billerId: string, effectiveFrom: string): Promise<ContractRow | undefined> {
  const [row] = await db.select().from(contracts).where(and(eq(contracts.billerId, billerId), eq(contracts.effectiveFrom, effectiveFrom)));
  return row;
}

/** The highest version number so far (0 before the first); read under the biller's lock, so the next is free. */
export async function lastVersionNumber(db: Db | Tx, billerId: string): Promise<number> {
  const [row] = await db.select({ version: max(contracts.version) }).from(contracts).where(eq(contracts.billerId, billerId));
  return row?.version ?? 0;
}

export async function insertContract(tx: Tx, row: NewContractRow): Promise<ContractRow> {
  const [inserted] = await tx.insert(contracts).values(row).returning();
  return inserted!;
}

/** contractInForce for many billers on one date, in one query: the latest version from on or before it, per biller. */
export async function contractsInForce(db: Db | Tx, billerIds: readonly string[], onDate: string): Promise<Map<string, ContractRow>> {
  if (billerIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([contracts.billerId])
    .from(contracts)
    .where(and(inArray(contracts.billerId, [...new Set(billerIds)]), lte(contracts.effectiveFrom, onDate)))
    .orderBy(contracts.billerId, desc(contracts.effectiveFrom));
  return new Map(rows.map((row) => [row.billerId, row]));
}
