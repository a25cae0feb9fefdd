import type { Db, Tx } from '@postal/db';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { bankHolidays } from './tables.js';

/** A calendar's holidays between two dates (inclusive), in date order, with their names. */
export async function bankHolidaysOfYear(db: Db | Tx, calendar: string, fromDate: string, toDate: string): Promise<Array<{ date: string; name: string }>> {
  return db
    .select({ date: bankHolidays.date, name: bankHolidays.name })
    .from(bankHolidays)
    .where(and(eq(bankHolidays.calendar, calendar), gte(bankHolidays.date, fromDate), lte(bankHolidays.date, toDate)))
    .orderBy(asc(bankHolidays.date));
}
