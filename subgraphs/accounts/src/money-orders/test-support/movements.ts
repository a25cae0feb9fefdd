import { randomUUID } from 'node:crypto';
import { rowsOf } from '@postal/db';
import { newEvent, type MoneyOrderMovementPayload, type MoneyOrderMovementPostedPayload } from '@postal/events';
import { Decimal } from '@postal/money';
import { consumeIdempotently } from '@postal/outbox';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { outbox, processedEvents } from '../../db-schema.js';
import { TODAY } from '../../journal/test-support/ledger.js';
import { createMoneyOrderConsumer, MONEY_ORDERS_QUEUE } from '../consumer.js';

/** 11:30 in Asia/Kolkata on the test ledger's business date. */
export const NOW = new Date(`${TODAY}T06:00:00Z`);

let serial = 0;
/** A fresh 18-digit reference (the ledger checks the shape only; the check digit is money-orders' business). */
export function reference(): string {
  serial += 1;
  return `26112${String(process.pid % 1000).padStart(3, '0')}${String(serial).padStart(10, '0')}`;
}

/** A movement as money-orders stages it: a cash booking of 1,000.00 at HO1 unless told otherwise. */
export function movement(overrides: Partial<MoneyOrderMovementPayload> = {}): MoneyOrderMovementPayload {
  return {
    movement: 'BOOKED',
    moneyOrderId: randomUUID(),
    reference: reference(),
    product: 'ELECTRONIC',
    currency: 'INR',
    bookingOfficeCode: 'HO1',
    officeCode: 'HO1',
    businessDate: TODAY,
    amount: '1000.00',
    commission: '0',
    tax: '0',
    paymentMode: 'CASH',
    fromExpired: false,
    actor: { kind: 'staff', id: 'staff-7', username: 'clerk7' },
    ...overrides,
  };
}

/** The next movement of the same order. */
export function next(order: MoneyOrderMovementPayload, overrides: Partial<MoneyOrderMovementPayload>): MoneyOrderMovementPayload {
  return { ...order, commission: '0', tax: '0', ...overrides };
}

export function movementEvent(payload: MoneyOrderMovementPayload) {
  return newEvent('money-order.movement', payload, { source: 'money-orders' });
}

/** The consumer as the queue runs it: idempotent per event id, in its own transaction. */
export function deliverer(testDatabase: TestDatabase, clock: () => Date = () => NOW) {
  return consumeIdempotently({
    database: testDatabase.database,
    tables: { outbox, processedEvents },
    consumer: MONEY_ORDERS_QUEUE,
    handle: createMoneyOrderConsumer({ clock }),
  });
}

/** Every answer accounts staged for an order, oldest first. */
export async function answersFor(testDatabase: TestDatabase, ref: string): Promise<MoneyOrderMovementPostedPayload[]> {
  const rows = rowsOf<{ payload: MoneyOrderMovementPostedPayload }>(
    await testDatabase.database.db.execute(
      sql`select payload from accounts.outbox where type = 'money-order.movement-posted' and payload->>'reference' = ${ref} order by id`,
    ),
  );
  return rows.map((row) => row.payload);
}

/** Each posting of an order's entries: office, account, side, amount (fixed to paise). */
export async function postingsFor(testDatabase: TestDatabase, ref: string): Promise<Array<[string, string, string, string, string]>> {
  const rows = rowsOf<{ office_code: string; account_code: string; side: string; amount: string; effective_date: string }>(
    await testDatabase.database.db.execute(sql`
      select e.office_code, p.account_code, p.side, p.amount::text as amount, e.effective_date::text as effective_date
        from accounts.journal_entries e join accounts.postings p on p.entry_id = e.id
       where e.source_type = 'MONEY_ORDER' and e.source_reference = ${ref}
       order by e.seq, p.line`),
  );
  return rows.map((row) => [row.office_code, row.account_code, row.side, new Decimal(row.amount).toFixed(2), row.effective_date]);
}

/** An account's posted balance, debits less credits, fixed to paise. */
export async function net(testDatabase: TestDatabase, code: string): Promise<string> {
  const [row] = rowsOf<{ net: string }>(
    await testDatabase.database.db.execute(sql`select (debit_total - credit_total)::text as net from accounts.accounts where code = ${code}`),
  );
  return new Decimal(row?.net ?? '0').toFixed(2);
}
