import { withinTree } from '@postal/authz';
import { rowsOf, type Db, type Tx } from '@postal/db';
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { moneyOrderLedgerMovements, moneyOrderRequests, moneyOrderTransitions, moneyOrders } from './tables.js';

export type MoneyOrderRow = typeof moneyOrders.$inferSelect;
export type NewMoneyOrderRow = typeof moneyOrders.$inferInsert;
export type TransitionRow = typeof moneyOrderTransitions.$inferSelect;
export type MovementRow = typeof moneyOrderLedgerMovements.$inferSelect;

export async function nextSerial(tx: Tx): Promise<bigint> {
  // The sequence is declared in tables.ts (referenceSerial), so drizzle-kit creates it.
  const result = await tx.execute(sql`select nextval('money_orders.reference_serial') as serial`);
  return BigInt(rowsOf<{ serial: string }>(result)[0]!.serial);
}

/** Inserts the order unless its idempotency key is taken; answers whether it was written. */
export async function insertOrder(tx: Tx, row: NewMoneyOrderRow): Promise<boolean> {
  const inserted = await tx.insert(moneyOrders).values(row).onConflictDoNothing({ target: moneyOrders.idempotencyKey }).returning({ id: moneyOrders.id });
  return inserted.length === 1;
}

export async function findOrderByKey(db: Db | Tx, idempotencyKey: string): Promise<MoneyOrderRow | undefined> {
  const [row] = await db.select().from(moneyOrders).where(eq(moneyOrders.idempotencyKey, idempotencyKey));
  return row;
}

export async function findOrder(db: Db | Tx, reference: string): Promise<MoneyOrderRow | undefined> {
  const [row] = await db.select().from(moneyOrders).where(eq(moneyOrders.reference, reference));
  return row;
}

export async function findOrderById(db: Db | Tx, id: string): Promise<MoneyOrderRow | undefined> {
  const [row] = await db.select().from(moneyOrders).where(eq(moneyOrders.id, id));
  return row;
}

export async function findOrders(db: Db | Tx, references: readonly string[]): Promise<MoneyOrderRow[]> {
  if (references.length === 0) return [];
  return db.select().from(moneyOrders).where(inArray(moneyOrders.reference, [...new Set(references)]));
}

/** The order's row locked for a change: every status change is decided on this locked, current row. */
export async function lockOrder(tx: Tx, reference: string): Promise<MoneyOrderRow | undefined> {
  const [row] = await tx.select().from(moneyOrders).where(eq(moneyOrders.reference, reference)).for('update');
  return row;
}

export async function lockOrderById(tx: Tx, id: string): Promise<MoneyOrderRow | undefined> {
  const [row] = await tx.select().from(moneyOrders).where(eq(moneyOrders.id, id)).for('update');
  return row;
}

export async function updateOrder(tx: Db | Tx, id: string, changes: Partial<NewMoneyOrderRow>): Promise<MoneyOrderRow> {
  const [row] = await tx
    .update(moneyOrders)
    .set({ ...changes, version: sql`${moneyOrders.version} + 1` })
    .where(eq(moneyOrders.id, id))
    .returning();
  return row!;
}

export async function insertTransition(tx: Tx, row: typeof moneyOrderTransitions.$inferInsert): Promise<void> {
  await tx.insert(moneyOrderTransitions).values(row);
}

export async function transitionsOf(db: Db | Tx, orderIds: readonly string[]): Promise<Map<string, TransitionRow[]>> {
  const byOrder = new Map<string, TransitionRow[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await db.select().from(moneyOrderTransitions).where(inArray(moneyOrderTransitions.orderId, [...new Set(orderIds)])).orderBy(asc(moneyOrderTransitions.id));
  for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
  return byOrder;
}

export async function insertMovement(tx: Tx, row: typeof moneyOrderLedgerMovements.$inferInsert): Promise<void> {
  await tx.insert(moneyOrderLedgerMovements).values(row);
}

/** Records the ledger's answer; a second answer for the same movement (a redelivery) changes nothing. */
export async function answerMovement(
  tx: Tx,
  answer: { orderId: string; movement: string; status: 'POSTED' | 'REJECTED'; entryIds: string[]; rejection: string | null; at: Date },
): Promise<MovementRow | undefined> {
  const [row] = await tx
    .update(moneyOrderLedgerMovements)
    .set({ status: answer.status, entryIds: answer.entryIds, rejection: answer.rejection, answeredAt: answer.at })
    .where(and(eq(moneyOrderLedgerMovements.orderId, answer.orderId), eq(moneyOrderLedgerMovements.movement, answer.movement), eq(moneyOrderLedgerMovements.status, 'PENDING')))
    .returning();
  return row;
}

export async function movementsOf(db: Db | Tx, orderIds: readonly string[]): Promise<Map<string, MovementRow[]>> {
  const byOrder = new Map<string, MovementRow[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .select()
    .from(moneyOrderLedgerMovements)
    .where(inArray(moneyOrderLedgerMovements.orderId, [...new Set(orderIds)]))
    .orderBy(asc(moneyOrderLedgerMovements.createdAt));
  for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
  return byOrder;
}

export async function findRequest(db: Db | Tx, idempotencyKey: string) {
  const [row] = await db.select().from(moneyOrderRequests).where(eq(moneyOrderRequests.idempotencyKey, idempotencyKey));
  return row;
}

/** Claims the key for this request; false when another request holds it already. */
export async function insertRequest(tx: Tx, row: typeof moneyOrderRequests.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(moneyOrderRequests).values(row).onConflictDoNothing().returning({ key: moneyOrderRequests.idempotencyKey });
  return inserted.length === 1;
}

export interface ListFilter {
  /** Scope and filter conditions already built by the service. */
  conditions: SQL[];
  after?: { bookedAt: string; id: string } | undefined;
  limit: number;
}

/** Newest first by (booked_at, id): a keyset the path indexes serve. */
export async function listOrders(db: Db | Tx, filter: ListFilter): Promise<MoneyOrderRow[]> {
  const conditions = [...filter.conditions];
  if (filter.after) {
    conditions.push(
      or(lt(moneyOrders.bookedAt, new Date(filter.after.bookedAt)), and(eq(moneyOrders.bookedAt, new Date(filter.after.bookedAt)), lt(moneyOrders.id, filter.after.id)))!,
    );
  }
  return db
    .select()
    .from(moneyOrders)
    .where(and(...conditions))
    .orderBy(desc(moneyOrders.bookedAt), desc(moneyOrders.id))
    .limit(filter.limit);
}

/** Orders under an office (booked or paid there, or anywhere under it). */
export function underOffice(path: string): SQL {
  return or(withinTree(moneyOrders.bookingOfficePath, path), withinTree(moneyOrders.payingOfficePath, path))!;
}

/** The next batch due to expire (AVAILABLE past their last day) or void, locked, skipping rows another sweep holds. */
export async function lockDue(tx: Tx, status: 'AVAILABLE' | 'EXPIRED', before: string, limit: number): Promise<MoneyOrderRow[]> {
  const column = status === 'AVAILABLE' ? moneyOrders.expiresOn : moneyOrders.voidOn;
  return tx
    .select()
    .from(moneyOrders)
    .where(and(eq(moneyOrders.status, status), lt(column, before)))
    .orderBy(asc(column), asc(moneyOrders.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export interface DaySummaryRow {
  bookedCount: number;
  bookedAmount: string;
  commission: string;
  tax: string;
  paidCount: number;
  paidAmount: string;
  refundedCount: number;
  refundedAmount: string;
}

/** An office's day from the ledger movements dated that day there (booked at it; paid or refunded at it). */
export async function daySummary(db: Db | Tx, officeCode: string, date: string): Promise<DaySummaryRow> {
  const result = await db.execute(sql`
    select
      count(*) filter (where m.movement = 'BOOKED' and o.booking_office_code = ${officeCode}) as booked_count,
      coalesce(sum(o.amount) filter (where m.movement = 'BOOKED' and o.booking_office_code = ${officeCode}), 0) as booked_amount,
      coalesce(sum(o.commission) filter (where m.movement = 'BOOKED' and o.booking_office_code = ${officeCode}), 0) as commission,
      coalesce(sum(o.tax) filter (where m.movement = 'BOOKED' and o.booking_office_code = ${officeCode}), 0) as tax,
      count(*) filter (where m.movement = 'PAID' and o.settled_office_code = ${officeCode}) as paid_count,
      coalesce(sum(o.amount) filter (where m.movement = 'PAID' and o.settled_office_code = ${officeCode}), 0) as paid_amount,
      count(*) filter (where m.movement = 'REFUNDED' and o.settled_office_code = ${officeCode}) as refunded_count,
      coalesce(sum(o.amount) filter (where m.movement = 'REFUNDED' and o.settled_office_code = ${officeCode}), 0) as refunded_amount
    from ${moneyOrderLedgerMovements} m
    join ${moneyOrders} o on o.id = m.order_id
    where m.business_date = ${date}
      and m.movement in ('BOOKED', 'PAID', 'REFUNDED')
      and (o.booking_office_code = ${officeCode} or o.settled_office_code = ${officeCode})`);
  const row = rowsOf<Record<string, string>>(result)[0]!;
  return {
    bookedCount: Number(row.booked_count),
    bookedAmount: String(row.booked_amount),
    commission: String(row.commission),
    tax: String(row.tax),
    paidCount: Number(row.paid_count),
    paidAmount: String(row.paid_amount),
    refundedCount: Number(row.refunded_count),
    refundedAmount: String(row.refunded_amount),
  };
}

/**
 * The subledger as the ledger should see it on `asOf`: the sum of every movement's change to MO payable dated on or
 * before it, for orders booked under the office (booked +, paid/refunded/voided -), split into what the ledger has
 * answered POSTED and what is still PENDING or was REJECTED.
 */
export async function payableBySubledger(db: Db | Tx, path: string, asOf: string) {
  const result = await db.execute(sql`
    select
      coalesce(sum(m.payable_change), 0) as expected,
      coalesce(sum(m.payable_change) filter (where m.status = 'POSTED'), 0) as posted,
      count(*) filter (where m.status = 'PENDING') as pending
    from ${moneyOrderLedgerMovements} m
    where m.business_date <= ${asOf} and ${withinTree(sql`m.booking_office_path`, path)}`);
  const row = rowsOf<Record<string, string>>(result)[0]!;
  return { expected: String(row.expected), posted: String(row.posted), pending: Number(row.pending) };
}

/** Orders outstanding on `asOf` under the office: booked by then, and not paid, refunded or voided by then. */
export async function outstandingOrders(db: Db | Tx, path: string, asOf: string) {
  const result = await db.execute(sql`
    select count(*) as count, coalesce(sum(o.amount), 0) as amount
    from ${moneyOrders} o
    where o.booked_on <= ${asOf} and ${withinTree(sql`o.booking_office_path`, path)}
      and not exists (
        select 1 from ${moneyOrderLedgerMovements} m
        where m.order_id = o.id and m.movement in ('PAID', 'REFUNDED', 'VOIDED') and m.business_date <= ${asOf})`);
  const row = rowsOf<Record<string, string>>(result)[0]!;
  return { count: Number(row.count), amount: String(row.amount) };
}

/** Movements behind a difference: not yet answered, or refused, for orders booked under the office (at most `limit`). */
export async function openMovements(db: Db | Tx, path: string, asOf: string, limit: number) {
  const result = await db.execute(sql`
    select o.reference, o.status, o.amount, o.currency, m.movement, m.status as ledger_status
    from ${moneyOrderLedgerMovements} m
    join ${moneyOrders} o on o.id = m.order_id
    where m.status <> 'POSTED' and m.business_date <= ${asOf} and ${withinTree(sql`m.booking_office_path`, path)}
    order by m.created_at, o.reference
    limit ${limit}`);
  return rowsOf<Record<string, string>>(result).map((row) => ({
    reference: String(row.reference),
    status: String(row.status),
    amount: String(row.amount),
    currency: String(row.currency),
    movement: String(row.movement),
    ledgerStatus: String(row.ledger_status),
  }));
}
