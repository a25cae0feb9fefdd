import { randomUUID } from 'node:crypto';
import { rowsOf } from '@postal/db';
import { newEvent, type CodMovementPayload, type CodMovementPostedPayload } from '@postal/events';
import { Decimal } from '@postal/money';
import { consumeIdempotently } from '@postal/outbox';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { outbox, processedEvents } from '../../db-schema.js';
import { TODAY } from '../../journal/test-support/ledger.js';
import { trialBalance } from '../../reports/trial-balance.js';
import { COD_QUEUE, createCodConsumer } from '../consumer.js';

/** 11:30 in Asia/Kolkata on the test ledger's business date. */
export const NOW = new Date(`${TODAY}T06:00:00Z`);

type Of<M extends CodMovementPayload['movement']> = Extract<CodMovementPayload, { movement: M }>;

let serial = 0;
/** A fresh biller code (BL and six digits), so each case reads its own biller's accounts. */
export function billerCode(): string {
  serial += 1;
  return `BL${String((process.pid * 97 + serial) % 1_000_000).padStart(6, '0')}`;
}

const actor = { kind: 'staff', id: 'staff-9', username: 'postman9' } as const;

/** A cash collection of 500.00 at HO1 for a biller settled at HO1, unless told otherwise. */
export function collected(overrides: Partial<Of<'COLLECTED'>> = {}): Of<'COLLECTED'> {
  return {
    movement: 'COLLECTED',
    movementId: randomUUID(),
    currency: 'INR',
    businessDate: TODAY,
    actor,
    billerCode: 'BL000001',
    settlementOfficeCode: 'HO1',
    articleNumber: 'EE123456785IN',
    officeCode: 'HO1',
    mode: 'CASH',
    amount: '500.00',
    ...overrides,
  };
}

/** A postman's deposit at HO1: 500.00 expected and deposited, unless told otherwise. */
export function deposited(overrides: Partial<Of<'DEPOSITED'>> = {}): Of<'DEPOSITED'> {
  return {
    movement: 'DEPOSITED',
    movementId: randomUUID(),
    currency: 'INR',
    businessDate: TODAY,
    actor,
    depositId: randomUUID(),
    officeCode: 'HO1',
    postmanId: 'postman-9',
    expected: '500.00',
    deposited: '500.00',
    shortage: '0',
    excess: '0',
    ...overrides,
  };
}

export function cleared(overrides: Partial<Of<'DIGITAL_CLEARED'>> = {}): Of<'DIGITAL_CLEARED'> {
  return {
    movement: 'DIGITAL_CLEARED',
    movementId: randomUUID(),
    currency: 'INR',
    businessDate: TODAY,
    actor: { kind: 'service' },
    billerCode: 'BL000001',
    settlementOfficeCode: 'HO1',
    reference: 'AGG-2026-11-20-001',
    amount: '300.00',
    ...overrides,
  };
}

/** A settlement of 1,000.00 gross at HO1: 941.00 paid out, 50.00 fee, 9.00 GST on it, unless told otherwise. */
export function settled(overrides: Partial<Of<'SETTLED'>> = {}): Of<'SETTLED'> {
  return {
    movement: 'SETTLED',
    movementId: randomUUID(),
    currency: 'INR',
    businessDate: TODAY,
    actor: { kind: 'service' },
    billerCode: 'BL000001',
    settlementOfficeCode: 'HO1',
    batchId: randomUUID(),
    payoutId: randomUUID(),
    gross: '1000.00',
    fee: '50.00',
    tax: '9.00',
    net: '941.00',
    ...overrides,
  };
}

export function payoutFailed(settlement: Of<'SETTLED'>, overrides: Partial<Of<'PAYOUT_FAILED'>> = {}): Of<'PAYOUT_FAILED'> {
  return {
    movement: 'PAYOUT_FAILED',
    movementId: randomUUID(),
    currency: settlement.currency,
    businessDate: TODAY,
    actor: { kind: 'service' },
    billerCode: settlement.billerCode,
    settlementOfficeCode: settlement.settlementOfficeCode,
    batchId: settlement.batchId,
    payoutId: settlement.payoutId,
    settledMovementId: settlement.movementId,
    reason: 'beneficiary account closed',
    ...overrides,
  };
}

export function adjusted(overrides: Partial<Of<'ADJUSTED'>> = {}): Of<'ADJUSTED'> {
  return {
    movement: 'ADJUSTED',
    movementId: randomUUID(),
    currency: 'INR',
    businessDate: TODAY,
    actor,
    billerCode: 'BL000001',
    settlementOfficeCode: 'HO1',
    disputeId: randomUUID(),
    articleNumber: 'EE123456785IN',
    amount: '120.00',
    ...overrides,
  };
}

export function movementEvent(payload: CodMovementPayload) {
  return newEvent('cod.movement', payload, { source: 'cod-settlement' });
}

/** The consumer as the queue runs it: idempotent per event id, in its own transaction. */
export function deliverer(testDatabase: TestDatabase, clock: () => Date = () => NOW) {
  const deliver = consumeIdempotently({
    database: testDatabase.database,
    tables: { outbox, processedEvents },
    consumer: COD_QUEUE,
    handle: createCodConsumer({ clock }),
  });
  return (payload: CodMovementPayload) => deliver(movementEvent(payload));
}

/** Every answer accounts staged for a movement, oldest first. */
export async function answersFor(testDatabase: TestDatabase, movementId: string): Promise<CodMovementPostedPayload[]> {
  const rows = rowsOf<{ payload: CodMovementPostedPayload }>(
    await testDatabase.database.db.execute(
      sql`select payload from accounts.outbox where type = 'cod.movement-posted' and payload->>'movementId' = ${movementId} order by id`,
    ),
  );
  return rows.map((row) => row.payload);
}

/** The one answer to a movement. */
export async function answerFor(testDatabase: TestDatabase, movementId: string): Promise<CodMovementPostedPayload> {
  const answers = await answersFor(testDatabase, movementId);
  if (answers.length !== 1) throw new Error(`expected one answer for ${movementId}, found ${answers.length}`);
  return answers[0]!;
}

/** Each posting of the entries named (in the order named): office, account, side, amount (fixed to paise), date. */
export async function postingsOf(testDatabase: TestDatabase, entryIds: readonly string[]): Promise<Array<[string, string, string, string, string]>> {
  if (entryIds.length === 0) return [];
  const rows = rowsOf<{ entry_id: string; office_code: string; account_code: string; side: string; amount: string; effective_date: string }>(
    await testDatabase.database.db.execute(sql`
      select e.id as entry_id, e.office_code, p.account_code, p.side, p.amount::text as amount, e.effective_date::text as effective_date
        from accounts.journal_entries e join accounts.postings p on p.entry_id = e.id
       where e.id in (${sql.join(entryIds.map((id) => sql`${id}::uuid`), sql`, `)})
       order by p.line`),
  );
  return entryIds.flatMap((id) =>
    rows.filter((row) => row.entry_id === id).map((row) => [row.office_code, row.account_code, row.side, new Decimal(row.amount).toFixed(2), row.effective_date] as [string, string, string, string, string]),
  );
}

/** Each posting of a movement's entries, through its answer. */
export async function postingsFor(testDatabase: TestDatabase, movementId: string) {
  return postingsOf(testDatabase, (await answerFor(testDatabase, movementId)).entryIds);
}

/** An account's posted balance, debits less credits, fixed to paise ('none' when it does not exist). */
export async function net(testDatabase: TestDatabase, code: string): Promise<string> {
  const [row] = rowsOf<{ net: string }>(
    await testDatabase.database.db.execute(sql`select (debit_total - credit_total)::text as net from accounts.accounts where code = ${code}`),
  );
  return row ? new Decimal(row.net).toFixed(2) : 'none';
}

/** Every office's trial balance, each subtree's and the whole ledger's, balanced; the network's 1600 nets to zero. */
export async function balancedEverywhere(testDatabase: TestDatabase, asOf: string): Promise<Array<{ officePath: string | null; balanced: boolean }>> {
  const reports = [];
  for (const officePath of ['C/D/HO1/SO1', 'C/D/HO1', 'C/D/HO2', 'C', null]) {
    const report = await trialBalance(testDatabase.database.db, { asOf, officePath, currency: 'INR' });
    reports.push({ officePath, balanced: report.balanced });
  }
  const [clearing] = rowsOf<{ net: string }>(
    await testDatabase.database.db.execute(sql`select coalesce(sum(debit_total - credit_total), 0)::text as net from accounts.accounts where head_code = '1600'`),
  );
  reports.push({ officePath: 'network 1600', balanced: new Decimal(clearing!.net).isZero() });
  return reports;
}
