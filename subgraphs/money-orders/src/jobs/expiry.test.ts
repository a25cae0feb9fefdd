import { randomBytes } from 'node:crypto';
import { BullJobQueue, bullQueueName, InProcessJobQueue, type JobQueue } from '@postal/jobs';
import { createTestDatabase, needs, waitFor, type TestDatabase } from '@postal/testkit';
import Bull from 'bull';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db-schema.js';
import { bookMoneyOrder, type BookInput } from '../orders/book.js';
import { moneyOrderLedgerMovements, moneyOrders, moneyOrderTransitions } from '../orders/tables.js';
import { OFFICES, orderDeps, postBookings, seedOffices, staffWith } from '../test-support/order-deps.js';
import { EXPIRY_JOB, startExpiryJob } from './expiry.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
const redisUrl = process.env.REDIS_URL ?? '';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['money-orders']);
  await seedOffices(testDatabase.database);
}, 60_000);
afterAll(() => testDatabase?.drop());

const open: JobQueue[] = [];
const prefixes: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.close()));
  for (const prefix of prefixes.splice(0)) {
    const queue = new Bull(bullQueueName(EXPIRY_JOB), redisUrl, { prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
});

const clerk = staffWith('mo.book');
let serial = 0;
function booking(amount: string): BookInput {
  serial += 1;
  return {
    idempotencyKey: `expiry-test-${randomBytes(6).toString('hex')}`,
    product: 'ELECTRONIC',
    officeCode: OFFICES.booking.code,
    amount,
    sender: { name: 'Asha Verma', phone: '+919812300001', address: '12 Janpath, New Delhi', idDocument: 'AADHAAR 1234 5678 9012' },
    payee: { name: `Payee ${serial}`, phone: `+91981230${String(1000 + serial)}`, address: 'Karol Bagh, New Delhi', payingOfficeCode: OFFICES.paying.code },
    message: null,
    paymentMode: 'CASH',
  };
}

async function statusOf(id: string): Promise<string> {
  const [row] = await testDatabase.database.db.select({ status: moneyOrders.status }).from(moneyOrders).where(eq(moneyOrders.id, id));
  return row!.status;
}

function queues(): Array<[string, () => JobQueue]> {
  const inProcess = (): JobQueue => {
    const queue = new InProcessJobQueue({ logger });
    open.push(queue);
    return queue;
  };
  const bull = (): JobQueue => {
    const prefix = `pf-mo-expiry-${process.pid}-${randomBytes(4).toString('hex')}`;
    prefixes.push(prefix);
    const queue = new BullJobQueue({ redisUrl, prefix, logger });
    open.push(queue);
    return queue;
  };
  return needs('redis') ? [['in-process', inProcess], ['Bull [needs Redis]', bull]] : [['in-process', inProcess]];
}

describe.each(queues())('the expiry job on the %s queue', (_label, makeQueue) => {
  it('expires AVAILABLE orders once their last day is over, each with its EXPIRED movement staged, and nothing else', async () => {
    // Booked on 10 January (IST): the last day to pay is 31 March, the end of the second month after the month of issue.
    const { deps, clock } = orderDeps(testDatabase.database, '2026-01-10T06:00:00Z');
    const available = [await bookMoneyOrder(deps, clerk, booking('1500'), 'req-1'), await bookMoneyOrder(deps, clerk, booking('250'), 'req-2')].map((b) => b.order);
    // Still BOOKED: its booking is not in the ledger yet, so it is not payable and cannot expire (lifecycle rule).
    const notInLedger = (await bookMoneyOrder(deps, clerk, booking('700'), 'req-3')).order;
    await postBookings(testDatabase.database, clock, available);
    expect(available.map((order) => order.expiresOn)).toEqual(['2026-03-31', '2026-03-31']);

    const jobs = makeQueue();
    // An hour is the production interval; the test adds runs itself, and then lets the schedule run one.
    await startExpiryJob(jobs, deps, 3_600_000);
    const run = async (jobId: string) => {
      await jobs.add(EXPIRY_JOB, {}, { jobId });
      return waitFor(async () => {
        const job = await jobs.getJob(EXPIRY_JOB, jobId);
        return job?.state === 'completed' || job?.state === 'failed' ? job : undefined;
      }, { what: `expiry run ${jobId}` });
    };

    // 31 March, 23:30 in India (18:00 UTC): the last day, still payable.
    clock.set('2026-03-31T18:00:00Z');
    expect(await run('last-day')).toMatchObject({ state: 'completed', result: { expired: 0, voided: 0 } });
    for (const order of available) expect(await statusOf(order.id)).toBe('AVAILABLE');

    // 1 April, 00:30 in India (19:00 UTC on 31 March): past the last day.
    clock.set('2026-03-31T19:00:00Z');
    expect(await run('day-after')).toMatchObject({ state: 'completed', result: { expired: 2, voided: 0 } });
    for (const order of available) expect(await statusOf(order.id)).toBe('EXPIRED');
    expect(await statusOf(notInLedger.id)).toBe('BOOKED');

    const db = testDatabase.database.db;
    for (const order of available) {
      const [transition] = await db
        .select()
        .from(moneyOrderTransitions)
        .where(and(eq(moneyOrderTransitions.orderId, order.id), eq(moneyOrderTransitions.toStatus, 'EXPIRED')));
      expect(transition).toMatchObject({ fromStatus: 'AVAILABLE', actor: 'money-orders expiry job', reason: 'unpaid after 2026-03-31' });
      const [movement] = await db
        .select()
        .from(moneyOrderLedgerMovements)
        .where(and(eq(moneyOrderLedgerMovements.orderId, order.id), eq(moneyOrderLedgerMovements.movement, 'EXPIRED')));
      // Staged for the ledger: pending its answer, and moving nothing off MO payable in total (to expired MO payable).
      expect(movement).toMatchObject({ status: 'PENDING', businessDate: '2026-04-01' });
      expect(Number(movement!.payableChange)).toBe(0);
      const [event] = await db.select().from(outbox).where(eq(outbox.eventId, movement!.eventId));
      expect(event?.type).toBe('money-order.movement');
      expect(event?.payload).toMatchObject({ movement: 'EXPIRED', moneyOrderId: order.id, reference: order.reference, officeCode: OFFICES.booking.code, fromExpired: false });
      expect(event?.publishedAt).toBeNull();
    }

    // A second run finds nothing more to do: each order expires once.
    expect(await run('again')).toMatchObject({ state: 'completed', result: { expired: 0, voided: 0 } });
    const expiredMovements = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(moneyOrderLedgerMovements)
      .where(and(eq(moneyOrderLedgerMovements.movement, 'EXPIRED'), inArray(moneyOrderLedgerMovements.orderId, available.map((order) => order.id))));
    expect(expiredMovements[0]!.count).toBe(2);
  });

  it('runs on its schedule without anyone adding it', async () => {
    const { deps, clock } = orderDeps(testDatabase.database, '2026-05-05T06:00:00Z');
    const order = (await bookMoneyOrder(deps, clerk, booking('900'), 'req-4')).order;
    await postBookings(testDatabase.database, clock, [order]);
    clock.set('2026-08-01T06:00:00Z');
    const jobs = makeQueue();
    await startExpiryJob(jobs, deps, 100);
    await waitFor(async () => ((await statusOf(order.id)) === 'EXPIRED' ? true : undefined), { what: 'the scheduled run to expire the order' });
  });
});
