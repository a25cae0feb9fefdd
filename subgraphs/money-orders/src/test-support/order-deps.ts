import { randomUUID } from 'node:crypto';
import type { Identity } from '@postal/auth';
import type { Database } from '@postal/db';
import { newEvent } from '@postal/events';
import { createMemoryNotifier, type MemoryNotifier } from '@postal/notify';
import { upsertOffice } from '../offices/repository.js';
import type { OrderDeps } from '../orders/deps.js';
import type { LedgerClient } from '../orders/ledger-client.js';
import { createLedgerResultsHandler } from '../orders/ledger-results.js';
import { testOrderDeps } from './orders.js';
import type { MoneyOrderRow } from '../orders/repository.js';

/** A clock a test moves: the order services read time only through it. */
export interface TestClock {
  (): Date;
  set(instant: string | Date): void;
}

export function testClock(start: string): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (instant) => void (now = new Date(instant));
  return clock;
}

/** Two counter offices of one division, and a branch office that does not book money orders. */
export const OFFICES = {
  booking: { code: 'NDGPO', name: 'New Delhi GPO', type: 'HEAD_OFFICE', path: 'DL/DL-NDC/NDGPO', parentCode: 'DL-NDC', status: 'ACTIVE', version: 1 },
  paying: { code: 'KRLBGH', name: 'Karol Bagh SO', type: 'SUB_OFFICE', path: 'DL/DL-NDC/NDGPO/KRLBGH', parentCode: 'NDGPO', status: 'ACTIVE', version: 1 },
  branch: { code: 'KRLBO', name: 'Karol Bagh BO', type: 'BRANCH_OFFICE', path: 'DL/DL-NDC/NDGPO/KRLBGH/KRLBO', parentCode: 'KRLBGH', status: 'ACTIVE', version: 1 },
} as const;

export async function seedOffices(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    for (const office of Object.values(OFFICES)) await upsertOffice(tx, { ...office });
  });
}

/** A member of staff at the booking office holding the given permissions over its subtree. */
export function staffWith(...permissions: string[]): Identity {
  return {
    kind: 'staff',
    staffId: randomUUID(),
    username: 'officer',
    roles: ['FINANCE_OFFICER'],
    officeCode: OFFICES.booking.code,
    officePath: OFFICES.booking.path,
    grants: permissions.map((permission) => ({ permission, scope: 'SUBTREE' as const })),
  };
}

/** The ledger is another subgraph: these tests never reserve cash nor read its balance, so it refuses loudly. */
export const absentLedger: LedgerClient = {
  reserveCash: async () => {
    throw new Error('the ledger is not part of this test');
  },
  controlBalance: async () => {
    throw new Error('the ledger is not part of this test');
  },
};

export interface TestOrderDeps {
  deps: OrderDeps;
  clock: TestClock;
  notifier: MemoryNotifier;
}

/** OrderDeps as start.ts builds them, with the tariffs from the migrations, a memory notifier and a test clock. */
export function orderDeps(database: Database, start: string, overrides: Partial<OrderDeps> = {}): TestOrderDeps {
  const clock = testClock(start);
  const notifier = createMemoryNotifier();
  const deps = testOrderDeps({ database, clock, notifier, ledger: absentLedger, ...overrides });
  return { deps, clock, notifier };
}

/** What accounts answers once it has posted an order's booking: the order becomes AVAILABLE at the paying office. */
export async function postBookings(database: Database, clock: () => Date, orders: readonly MoneyOrderRow[]): Promise<void> {
  const handle = createLedgerResultsHandler(clock);
  for (const order of orders) {
    const event = newEvent(
      'money-order.movement-posted',
      { movement: 'BOOKED', moneyOrderId: order.id, reference: order.reference, outcome: 'POSTED', entryIds: [randomUUID()], postedAt: clock().toISOString() },
      { source: 'accounts' },
    );
    await database.db.transaction((tx) => handle(tx, event));
  }
}
