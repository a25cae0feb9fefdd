import { randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { rowsOf, transaction } from '@postal/db';
import { ExpectedError } from '@postal/errors';
import { newEvent, type AnyEvent, type EventEnvelope } from '@postal/events';
import { createMemoryNotifier, type MemoryNotifier } from '@postal/notify';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { outbox, processedEvents } from '../db-schema.js';
import { upsertOffice } from '../offices/repository.js';
import type { BookInput } from '../orders/book.js';
import type { OrderDeps, Pricing } from '../orders/deps.js';
import type { CashReservation, LedgerClient } from '../orders/ledger-client.js';
import { createLedgerResultsHandler } from '../orders/ledger-results.js';
import { operatorPricing } from '../orders/pricing.js';
import { createCodeHasher } from '../orders/secrets.js';
import { createOrderService } from '../orders/service.js';

/**
 * The order services over a real database, with the ledger and the SMS gateway played by the test: the ledger
 * reserves cash (or refuses, when a test says so) and its answers to the staged movements are delivered on demand.
 */
export const OFFICES = [
  { code: 'NDGPO', name: 'New Delhi GPO', type: 'HEAD_OFFICE', path: 'DL/DL-NDC/NDGPO', parentCode: 'DL-NDC' },
  { code: 'NDGPO-KB', name: 'Karol Bagh SO', type: 'SUB_OFFICE', path: 'DL/DL-NDC/NDGPO/NDGPO-KB', parentCode: 'NDGPO' },
  { code: 'NDGPO-KB-B1', name: 'Karol Bagh BO', type: 'BRANCH_OFFICE', path: 'DL/DL-NDC/NDGPO/NDGPO-KB/NDGPO-KB-B1', parentCode: 'NDGPO-KB' },
  { code: 'MUMGPO', name: 'Mumbai GPO', type: 'HEAD_OFFICE', path: 'MH/MH-MUM/MUMGPO', parentCode: 'MH-MUM' },
] as const;

export function staffAt(officeCode: string, permissions: Array<[string, 'OWN_OFFICE' | 'SUBTREE']>, username = `staff-${officeCode}`): Identity {
  const office = OFFICES.find((candidate) => candidate.code === officeCode)!;
  return {
    kind: 'staff',
    staffId: randomUUID(),
    username,
    roles: ['TEST'],
    officeCode,
    officePath: office.path,
    grants: permissions.map(([permission, scope]) => ({ permission, scope })),
  } as Identity;
}

export const clerkAt = (officeCode: string) =>
  staffAt(officeCode, [
    ['mo.book', 'OWN_OFFICE'],
    ['mo.pay', 'OWN_OFFICE'],
    ['mo.read', 'OWN_OFFICE'],
  ]);

export class InsufficientFundsError extends ExpectedError {
  constructor() {
    super('INSUFFICIENT_FUNDS', 'the office cash cannot cover this payout');
  }
}

export interface FakeLedger extends LedgerClient {
  reservations: CashReservation[];
  /** When set, reserveCash refuses with INSUFFICIENT_FUNDS. */
  short: boolean;
}

export function fakeLedger(): FakeLedger {
  const holds = new Map<string, string>();
  const ledger: FakeLedger = {
    reservations: [],
    short: false,
    async reserveCash(reservation) {
      if (ledger.short) throw new InsufficientFundsError();
      ledger.reservations.push(reservation);
      const key = `${reservation.reference}/${reservation.movement}`;
      if (!holds.has(key)) holds.set(key, randomUUID());
      return holds.get(key)!;
    },
    async controlBalance() {
      return { amount: '0', currency: 'INR' };
    },
  };
  return ledger;
}

export interface Harness {
  deps: OrderDeps;
  orders: ReturnType<typeof createOrderService>;
  notifier: MemoryNotifier;
  ledger: FakeLedger;
  /** Moves the injected clock. */
  setNow(instant: string | Date): void;
  now(): Date;
}

export async function seedOffices(testDatabase: TestDatabase): Promise<void> {
  await transaction(testDatabase.database, 'read committed', async (tx) => {
    for (const office of OFFICES) await upsertOffice(tx, { ...office, status: 'ACTIVE', version: 1 });
  });
}

/**
 * OrderDeps as start.ts builds them, for India (INR, Asia/Kolkata), with the operator's real tariffs and limits (the
 * monthly cap counts every booking a test makes for its sender); what a test plays itself is given.
 */
export function testOrderDeps(parts: Pick<OrderDeps, 'database' | 'clock' | 'notifier' | 'ledger'> & Partial<OrderDeps>): OrderDeps {
  return {
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    outbox: { outbox, processedEvents },
    hasher: createCodeHasher('test-secret-of-at-least-thirty-two-characters'),
    pricing: operatorPricing('INR'),
    refundApprovalAbove: '5000',
    ...parts,
  };
}

export function harness(testDatabase: TestDatabase, options: { pricing?: Partial<Pricing>; refundApprovalAbove?: string; start?: string } = {}): Harness {
  let now = new Date(options.start ?? '2026-03-10T06:00:00Z');
  const notifier = createMemoryNotifier();
  const ledger = fakeLedger();
  const deps = testOrderDeps({
    database: testDatabase.database,
    clock: () => now,
    notifier,
    ledger,
    pricing: { ...operatorPricing('INR'), ...options.pricing },
    refundApprovalAbove: options.refundApprovalAbove ?? '5000',
  });
  return {
    deps,
    orders: createOrderService(deps),
    notifier,
    ledger,
    setNow: (instant) => void (now = new Date(instant)),
    now: () => now,
  };
}

let keys = 0;
export function bookingInput(overrides: Partial<BookInput> = {}): BookInput {
  keys += 1;
  return {
    idempotencyKey: `book-${process.pid}-${keys}-${randomUUID()}`,
    product: 'ELECTRONIC',
    officeCode: 'NDGPO',
    amount: '1000',
    paymentMode: 'CASH',
    message: 'For the fees',
    sender: { name: 'Asha Verma', phone: '+919810000001', address: '12 Janpath, New Delhi', idDocument: 'AADHAAR 1234 5678 9012' },
    payee: { name: 'Ravi Kumar', phone: '+919820000002', address: '4 Linking Road, Mumbai', payingOfficeCode: 'MUMGPO' },
    ...overrides,
  };
}

/** The code the customer received (the last digits-only word of the newest message to the phone). */
export function codeSentTo(notifier: MemoryNotifier, phone: string, kind?: string): string {
  const message = notifier.latest(phone, kind);
  if (!message) throw new Error(`nothing was sent to ${phone}`);
  const codes = message.body.match(/\b\d{6,16}\b/g) ?? [];
  return codes.at(-1)!;
}

/** The movements staged for the ledger and not yet answered. */
export async function stagedMovements(testDatabase: TestDatabase): Promise<Array<EventEnvelope & AnyEvent>> {
  const result = await testDatabase.database.db.execute(sql`
    SELECT envelope FROM money_orders.outbox WHERE type = 'money-order.movement' ORDER BY id`);
  return rowsOf<{ envelope: EventEnvelope & AnyEvent }>(result).map((row) => row.envelope);
}

/**
 * Plays accounts: answers every movement staged and not yet answered with POSTED (or REJECTED for the references in
 * `reject`), through the real ledger-results handler, once each.
 */
export async function settleLedger(h: Harness, testDatabase: TestDatabase, reject: ReadonlySet<string> = new Set()): Promise<number> {
  const handler = createLedgerResultsHandler(h.deps.clock);
  const answered = new Set(
    rowsOf<{ key: string }>(
      await testDatabase.database.db.execute(sql`SELECT order_id || '/' || movement AS key FROM money_orders.money_order_ledger_movements WHERE status <> 'PENDING'`),
    ).map((row) => row.key),
  );
  let count = 0;
  for (const event of await stagedMovements(testDatabase)) {
    if (event.type !== 'money-order.movement') continue;
    const payload = event.payload;
    if (answered.has(`${payload.moneyOrderId}/${payload.movement}`)) continue;
    const rejected = reject.has(payload.reference);
    const answer = newEvent(
      'money-order.movement-posted',
      {
        movement: payload.movement,
        moneyOrderId: payload.moneyOrderId,
        reference: payload.reference,
        outcome: rejected ? 'REJECTED' : 'POSTED',
        entryIds: rejected ? [] : [randomUUID()],
        ...(rejected ? { error: { code: 'ACCOUNT_CLOSED', message: 'the account is closed' } } : {}),
        postedAt: h.now().toISOString(),
      },
      { source: 'accounts' },
    );
    await transaction(testDatabase.database, 'read committed', (tx) => handler(tx, answer as AnyEvent));
    answered.add(`${payload.moneyOrderId}/${payload.movement}`);
    count += 1;
  }
  return count;
}
