import { rowsOf, type Db, type Tx } from '@postal/db';
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { LimitKind, MoneyOrderLimit } from './domain.js';
import { moneyOrderLimits, senderMonthlyTotals } from './tables.js';

const limitColumns = {
  id: moneyOrderLimits.id,
  kind: moneyOrderLimits.kind,
  product: moneyOrderLimits.product,
  capGroup: moneyOrderLimits.capGroup,
  currency: moneyOrderLimits.currency,
  amount: moneyOrderLimits.amount,
  effectiveFrom: moneyOrderLimits.effectiveFrom,
  effectiveTo: moneyOrderLimits.effectiveTo,
};

/** The limits in `currency` in force on a date (optionally one kind and product), by kind and product. */
export async function limitsInForce(
  db: Db | Tx,
  currency: string,
  onDate: string,
  filter: { kind?: LimitKind; product?: string } = {},
): Promise<MoneyOrderLimit[]> {
  const rows = await db
    .select(limitColumns)
    .from(moneyOrderLimits)
    .where(
      and(
        eq(moneyOrderLimits.currency, currency),
        filter.kind ? eq(moneyOrderLimits.kind, filter.kind) : undefined,
        filter.product ? eq(moneyOrderLimits.product, filter.product) : undefined,
        lte(moneyOrderLimits.effectiveFrom, onDate),
        or(isNull(moneyOrderLimits.effectiveTo), gt(moneyOrderLimits.effectiveTo, onDate)),
      ),
    )
    .orderBy(asc(moneyOrderLimits.kind), asc(moneyOrderLimits.product));
  return rows as MoneyOrderLimit[];
}

export interface MonthlyReservation {
  senderKey: string;
  month: string;
  currency: string;
  capGroup: string;
  amount: string;
  cap: string;
}

/**
 * Adds `amount` to the sender's month in one statement, only if the new total stays within `cap`; true when it did.
 * The insert of a first booking and the update of a later one are the same upsert, and PostgreSQL evaluates the
 * update's WHERE on the row as it is after any concurrent writer commits (the conflicting row is locked first), so
 * two bookings in parallel transactions can never both pass on the same headroom: the second waits and sees the
 * first's total. The row lock is then held until the booking commits or rolls back.
 */
export async function reserveMonthly(tx: Tx, reservation: MonthlyReservation): Promise<boolean> {
  const { senderKey, month, currency, capGroup, amount, cap } = reservation;
  const result = await tx.execute(sql`
    insert into ${senderMonthlyTotals} as t (sender_key, month, currency, cap_group, total)
    select ${senderKey}, ${month}, ${currency}, ${capGroup}, ${amount}::numeric
    where ${amount}::numeric <= ${cap}::numeric
    on conflict (sender_key, month, currency, cap_group) do update
      set total = t.total + excluded.total, updated_at = now()
      where t.total + excluded.total <= ${cap}::numeric
    returning t.total`);
  return rowsOf(result).length === 1;
}

/** What the sender has booked in the month against the group ('0' when nothing). */
export async function monthlyTotal(db: Db | Tx, key: { senderKey: string; month: string; currency: string; capGroup: string }): Promise<string> {
  const [row] = await db
    .select({ total: senderMonthlyTotals.total })
    .from(senderMonthlyTotals)
    .where(
      and(
        eq(senderMonthlyTotals.senderKey, key.senderKey),
        eq(senderMonthlyTotals.month, key.month),
        eq(senderMonthlyTotals.currency, key.currency),
        eq(senderMonthlyTotals.capGroup, key.capGroup),
      ),
    );
  return row?.total ?? '0';
}
