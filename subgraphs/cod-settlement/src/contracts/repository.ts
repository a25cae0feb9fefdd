import type { Db, Tx } from '@postal/db';
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
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
