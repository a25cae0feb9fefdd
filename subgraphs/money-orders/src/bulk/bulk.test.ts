import { randomBytes } from 'node:crypto';
import type { Identity } from '@postal/auth';
import { InProcessJobQueue, type JobQueue } from '@postal/jobs';
import { createTestDatabase, waitFor, type TestDatabase } from '@postal/testkit';
import { and, eq, like, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db-schema.js';
import { BULK_BOOKING_JOB, startBulkBookingJob } from '../jobs/bulk-booking.js';
import { knownOffices } from '../offices/tables.js';
import { moneyOrderLedgerMovements, moneyOrders } from '../orders/tables.js';
import { OFFICES, orderDeps, seedOffices, staffWith, type TestOrderDeps } from '../test-support/order-deps.js';
import { COLUMNS } from './csv.js';
import { processBulkUpload } from './process.js';
import { findUpload, type BulkUploadRow } from './repository.js';
import { createBulkService, type BulkInput } from './service.js';
import { bulkUploadRows } from './tables.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['money-orders']);
  await seedOffices(testDatabase.database);
}, 60_000);
afterAll(() => testDatabase?.drop());

const open: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.close()));
});

const officer = staffWith('mo.bulk.book', 'mo.read');
const START = '2026-02-02T06:00:00Z';

/** A department's payee on row `n`: valid unless a field is overridden. */
function payee(n: number, overrides: Partial<Record<(typeof COLUMNS)[number], string>> = {}): Record<string, string> {
  return {
    amount: String(100 + (n % 40) * 100),
    sender_name: 'District Treasury, New Delhi',
    sender_phone: '+911123456789',
    sender_address: 'Treasury Building, ITO, New Delhi',
    sender_id_document: 'GSTIN 07AAAGD1234E1Z5',
    payee_name: `Pensioner ${n}`,
    payee_phone: `+9198${String(n).padStart(8, '0')}`,
    payee_address: `House ${n}, Karol Bagh, New Delhi`,
    paying_office_code: OFFICES.paying.code,
    message: n % 3 === 0 ? 'Pension, "February", with arrears' : '',
    ...overrides,
  };
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
function csvOf(rows: Array<Record<string, string> | string[]>, header: readonly string[] = COLUMNS): string {
  const lines = [header.join(','), ...rows.map((row) => (Array.isArray(row) ? row : header.map((column) => row[column] ?? '')).map(quote).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function setUp(): TestOrderDeps & { jobs: JobQueue; service: ReturnType<typeof createBulkService> } {
  const test = orderDeps(testDatabase.database, START);
  const jobs = new InProcessJobQueue({ logger, jobs: { attempts: 1 } });
  open.push(jobs);
  return { ...test, jobs, service: createBulkService(test.deps, jobs) };
}

function input(csv: string, overrides: Partial<BulkInput> = {}): BulkInput {
  return { idempotencyKey: `bulk-test-${randomBytes(6).toString('hex')}`, officeCode: OFFICES.booking.code, paymentMode: 'CASH', mode: 'ACCEPT_VALID', fileName: 'pensions-feb.csv', csv, ...overrides };
}

async function finished(id: string, timeoutMs = 30_000): Promise<BulkUploadRow> {
  return waitFor(async () => {
    const upload = await findUpload(testDatabase.database.db, id);
    return upload?.status === 'DONE' || upload?.status === 'FAILED' ? upload : undefined;
  }, { what: `bulk upload ${id} to finish`, timeoutMs, intervalMs: 100 });
}

async function ordersOf(uploadId: string) {
  return testDatabase.database.db
    .select()
    .from(moneyOrders)
    .where(like(moneyOrders.idempotencyKey, `bulk:${uploadId}:%`));
}

describe('bookMoneyOrders: ACCEPT_VALID', () => {
  it('books the valid rows, reports the others with the codes a single booking answers, and tells each payee their code', async () => {
    const { service, jobs, deps, notifier } = setUp();
    await startBulkBookingJob(jobs, deps);
    const csv = csvOf([
      payee(1),
      payee(2, { sender_phone: '011-2345' }),
      payee(3),
      payee(4, { paying_office_code: 'NOWHERE' }),
      payee(5, { paying_office_code: OFFICES.branch.code }),
      payee(6, { amount: '6000' }),
      ['100', 'Too', 'few'],
      payee(8, { amount: '=1+1' }),
      payee(9),
    ]);
    const queued = await service.submit(officer, input(csv), 'req-bulk-1');
    expect(queued).toMatchObject({ status: 'QUEUED', totalRows: 9, processedRows: 0, mode: 'ACCEPT_VALID', product: 'SERVICE' });
    const done = await finished(queued.id);
    expect(done).toMatchObject({ status: 'DONE', totalRows: 9, processedRows: 9, bookedCount: 3, rejectedCount: 6 });
    expect(done.finishedAt).not.toBeNull();

    const rejections = await service.rejections(done, 100);
    expect(rejections.map(({ row, code }) => ({ row, code }))).toEqual([
      { row: 2, code: 'INVALID_PHONE' },
      { row: 4, code: 'OFFICE_NOT_FOUND' },
      { row: 5, code: 'OFFICE_NOT_ELIGIBLE' },
      { row: 6, code: 'AMOUNT_OUT_OF_RANGE' },
      { row: 7, code: 'BULK_ROW_COLUMNS' },
      { row: 8, code: expect.stringMatching(/INVALID_AMOUNT|BAD_USER_INPUT/) },
    ]);
    expect(rejections[0]!.message).toContain('sender.phone');
    expect(await service.rejections(done, 2)).toHaveLength(2);
    await expect(service.rejections(done, 5_000)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

    const report = await service.report(done);
    const lines = report.trimEnd().split('\r\n');
    expect(lines[0]).toBe('row,code,message');
    expect(lines).toHaveLength(7);
    expect(lines[4]).toMatch(/^6,AMOUNT_OUT_OF_RANGE,/);

    const orders = await ordersOf(queued.id);
    expect(orders.map((order) => order.idempotencyKey).sort()).toEqual([1, 3, 9].map((n) => `bulk:${queued.id}:${n}`));
    expect(orders.every((order) => order.product === 'SERVICE' && order.status === 'BOOKED' && order.commission === '0' && order.bookingOfficeCode === OFFICES.booking.code)).toBe(true);
    const total = orders.reduce((sum, order) => sum + Number(order.amount), 0);
    expect(Number(done.bookedAmount)).toBe(total);
    expect(orders.find((order) => order.idempotencyKey.endsWith(':3'))?.message).toBe('Pension, "February", with arrears');
    // Each booked order's BOOKED movement is staged for the ledger, as a counter booking's is.
    for (const order of orders) {
      const [movement] = await testDatabase.database.db
        .select()
        .from(moneyOrderLedgerMovements)
        .where(and(eq(moneyOrderLedgerMovements.orderId, order.id), eq(moneyOrderLedgerMovements.movement, 'BOOKED')));
      const [event] = await testDatabase.database.db.select().from(outbox).where(eq(outbox.eventId, movement!.eventId));
      expect(event?.payload).toMatchObject({ movement: 'BOOKED', reference: order.reference, actor: { kind: 'staff', username: 'officer' } });
    }
    expect(notifier.sent.filter((sent) => sent.kind === 'MO_OTP').map((sent) => sent.recipient.mobile).sort()).toEqual(orders.map((order) => order.payeePhone).sort());
    expect(await jobs.getJob(BULK_BOOKING_JOB, queued.id)).toMatchObject({ state: 'completed', progress: { processedRows: 9, totalRows: 9 } });
  });

  it('answers the same upload for the same key, and IDEMPOTENCY_CONFLICT for the same key with another file', async () => {
    const { service } = setUp();
    const first = input(csvOf([payee(1)]));
    const taken = await service.submit(officer, first, 'req-a');
    expect((await service.submit(officer, first, 'req-b')).id).toBe(taken.id);
    await expect(service.submit(officer, { ...first, csv: csvOf([payee(2)]) }, 'req-c')).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });
});

describe('bookMoneyOrders: ALL_OR_NOTHING', () => {
  it('books nothing when any row is refused, and reports every refused row', async () => {
    const { service, jobs, deps, notifier } = setUp();
    await startBulkBookingJob(jobs, deps);
    // Payees of their own: other tests' unfinished uploads may be picked up by this test's worker (start-up resume).
    const rows = Array.from({ length: 1_200 }, (_, at) => payee(50_001 + at));
    rows[10] = payee(50_011, { payee_phone: 'not a phone' });
    rows[1_100] = payee(51_101, { amount: '0' });
    const queued = await service.submit(officer, input(csvOf(rows), { mode: 'ALL_OR_NOTHING' }), 'req-aon-1');
    const done = await finished(queued.id);
    expect(done).toMatchObject({ status: 'DONE', totalRows: 1_200, processedRows: 1_200, bookedCount: 0, rejectedCount: 2, bookedAmount: '0' });
    expect((await service.rejections(done, 10)).map((rejection) => rejection.row)).toEqual([11, 1_101]);
    expect(await ordersOf(queued.id)).toEqual([]);
    const phones = new Set(rows.map((row) => row.payee_phone));
    expect(notifier.sent.filter((sent) => phones.has(sent.recipient.mobile ?? ''))).toEqual([]);
  });

  it('books every row when none is refused', async () => {
    const { service, jobs, deps, notifier } = setUp();
    await startBulkBookingJob(jobs, deps);
    const queued = await service.submit(officer, input(csvOf(Array.from({ length: 700 }, (_, at) => payee(at + 1))), { mode: 'ALL_OR_NOTHING' }), 'req-aon-2');
    const done = await finished(queued.id);
    expect(done).toMatchObject({ status: 'DONE', processedRows: 700, bookedCount: 700, rejectedCount: 0 });
    const orders = await ordersOf(queued.id);
    expect(orders).toHaveLength(700);
    const references = new Set(orders.map((order) => order.reference));
    expect(notifier.sent.filter((sent) => references.has(sent.subject.replace('Money order ', ''))).length).toBe(700);
  });
});

describe('bookMoneyOrders: the file as a whole', () => {
  it('refuses a bad header, an empty file, a file over the limits, and stores nothing', async () => {
    const { service } = setUp();
    const before = await testDatabase.database.db.select({ count: sql<number>`count(*)::int` }).from(bulkUploadRows);
    const badHeader = csvOf([payee(1)], ['amount', 'sender_name', 'sender_phone', 'sender_adress', 'sender_id_document', 'payee_name', 'payee_phone', 'payee_address', 'paying_office_code', 'amount']);
    await expect(service.submit(officer, input(badHeader), 'r')).rejects.toMatchObject({
      code: 'BULK_HEADER_INVALID',
      details: { missing: ['sender_address'], unknown: ['sender_adress'], duplicated: ['amount'] },
    });
    await expect(service.submit(officer, input(''), 'r')).rejects.toMatchObject({ code: 'BULK_CSV_INVALID' });
    await expect(service.submit(officer, input(`${COLUMNS.join(',')}\r\n`), 'r')).rejects.toMatchObject({ code: 'BULK_CSV_INVALID' });
    await expect(service.submit(officer, input(`${COLUMNS.join(',')}\r\n"unclosed,1\r\n`), 'r')).rejects.toMatchObject({ code: 'BULK_CSV_INVALID' });
    await expect(service.submit(officer, input('x'.repeat(8 * 1024 * 1024 + 1)), 'r')).rejects.toMatchObject({ code: 'BULK_FILE_TOO_LARGE' });
    const tooMany = `${COLUMNS.join(',')}\n${'1,a,b,c,d,e,f,g,h,\n'.repeat(20_001)}`;
    await expect(service.submit(officer, input(tooMany), 'r')).rejects.toMatchObject({ code: 'BULK_FILE_TOO_LARGE', details: { maxRows: 20_000 } });
    // A header in another order, upper case, with a BOM and without the optional message column, is the same header.
    const reordered = `\uFEFFPAYEE_NAME,amount,sender_name,sender_phone,sender_address,sender_id_document,payee_phone,payee_address,paying_office_code\r\nPensioner 1,100,Treasury,+911123456789,ITO,GSTIN 07AAAGD1234E1Z5,+919800000001,Karol Bagh,${OFFICES.paying.code}\r\n`;
    expect(await service.submit(officer, input(reordered), 'r')).toMatchObject({ status: 'QUEUED', totalRows: 1 });
    const after = await testDatabase.database.db.select({ count: sql<number>`count(*)::int` }).from(bulkUploadRows);
    expect(after[0]!.count).toBe(before[0]!.count + 1);
  });

  it('needs mo.bulk.book over the booking office, and a counter office to book at', async () => {
    const { service } = setUp();
    await expect(service.submit(staffWith('mo.book', 'mo.read'), input(csvOf([payee(1)])), 'r')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.submit(officer, input(csvOf([payee(1)]), { officeCode: OFFICES.branch.code }), 'r')).rejects.toMatchObject({ code: 'OFFICE_NOT_ELIGIBLE' });
    const upload = await service.submit(officer, input(csvOf([payee(1)])), 'r');
    expect(await service.find(officer, upload.id)).toMatchObject({ id: upload.id });
    const elsewhere = { ...staffWith('mo.bulk.book', 'mo.read'), officeCode: 'ELSEWHERE', officePath: 'MH/MUM/ELSEWHERE' } as Identity;
    expect(await service.find(elsewhere, upload.id)).toBeNull();
    expect(await service.find(officer, 'not-a-uuid')).toBeNull();
  });
});

describe('bookMoneyOrders: a crash mid-way', () => {
  const crashAt = (rowNumber: number) => ({
    afterRow(row: number) {
      if (row === rowNumber) throw new Error(`simulated crash at row ${row}`);
    },
  });
  const control = { progress: async () => undefined, signal: new AbortController().signal };

  it('ACCEPT_VALID: the chunks committed before the crash stay booked, and the re-run books each remaining row once', async () => {
    const { service, deps, notifier } = setUp();
    const rows = Array.from({ length: 1_200 }, (_, at) => (at === 99 ? payee(100, { amount: 'abc' }) : payee(at + 1)));
    const upload = await service.submit(officer, input(csvOf(rows)), 'req-crash-1');
    // Row 700 is in the second chunk (501-1000): the first chunk has committed, the second is rolled back.
    await expect(processBulkUpload(deps, upload.id, control, crashAt(700))).rejects.toThrow('simulated crash at row 700');
    expect(await ordersOf(upload.id)).toHaveLength(499);
    expect(await findUpload(testDatabase.database.db, upload.id)).toMatchObject({ status: 'RUNNING', processedRows: 500, bookedCount: 499, rejectedCount: 1 });
    const done = await processBulkUpload(deps, upload.id, control);
    expect(done).toMatchObject({ status: 'DONE', processedRows: 1_200, bookedCount: 1_199, rejectedCount: 1 });
    const orders = await ordersOf(upload.id);
    expect(orders).toHaveLength(1_199);
    expect(new Set(orders.map((order) => order.idempotencyKey)).size).toBe(1_199);
    // Codes are sent for committed orders only: none for the rows the crash rolled back, one for each order in the end.
    expect(notifier.sent).toHaveLength(1_199);
    // A third run (a redelivered job) changes nothing.
    expect(await processBulkUpload(deps, upload.id, control)).toMatchObject({ status: 'DONE', bookedCount: 1_199 });
    expect(await ordersOf(upload.id)).toHaveLength(1_199);
  });

  it('ALL_OR_NOTHING: a crash rolls everything back, and the re-run books the whole file once', async () => {
    const { service, deps } = setUp();
    const upload = await service.submit(officer, input(csvOf(Array.from({ length: 800 }, (_, at) => payee(at + 1))), { mode: 'ALL_OR_NOTHING' }), 'req-crash-2');
    await expect(processBulkUpload(deps, upload.id, control, crashAt(650))).rejects.toThrow('simulated crash');
    expect(await ordersOf(upload.id)).toHaveLength(0);
    const done = await processBulkUpload(deps, upload.id, control);
    expect(done).toMatchObject({ status: 'DONE', processedRows: 800, bookedCount: 800, rejectedCount: 0 });
    expect(await ordersOf(upload.id)).toHaveLength(800);
  });

  it('picks up at start-up the uploads whose jobs a stopped process lost', async () => {
    const { service, deps, jobs } = setUp();
    const upload = await service.submit(officer, input(csvOf([payee(1), payee(2)])), 'req-resume');
    // The in-process queue keeps nothing: closing it before any worker ran loses the job, as a restart would.
    await jobs.close();
    const restarted = new InProcessJobQueue({ logger });
    open.push(restarted);
    await startBulkBookingJob(restarted, deps);
    expect(await finished(upload.id)).toMatchObject({ status: 'DONE', bookedCount: 2 });
  });

  it('marks the upload FAILED when no row can be booked: its office closed after the file was taken', async () => {
    const { service, deps } = setUp();
    const upload = await service.submit(officer, input(csvOf([payee(1)])), 'req-closed');
    const db = testDatabase.database.db;
    await db.update(knownOffices).set({ status: 'CLOSED' }).where(eq(knownOffices.code, OFFICES.booking.code));
    try {
      expect(await processBulkUpload(deps, upload.id, control)).toMatchObject({ status: 'FAILED', bookedCount: 0, failure: expect.stringContaining('OFFICE_NOT_FOUND') });
    } finally {
      await db.update(knownOffices).set({ status: 'ACTIVE' }).where(eq(knownOffices.code, OFFICES.booking.code));
    }
    expect(await ordersOf(upload.id)).toEqual([]);
  });
});

describe('bookMoneyOrders: 10,000 rows', () => {
  it('books a file of 10,000 payees through the job (time printed, not asserted)', async () => {
    const { service, jobs, deps, notifier } = setUp();
    await startBulkBookingJob(jobs, deps);
    const csv = csvOf(Array.from({ length: 10_000 }, (_, at) => payee(at + 1)));
    const started = performance.now();
    const queued = await service.submit(officer, input(csv), 'req-10k');
    const submittedMs = performance.now() - started;
    const done = await finished(queued.id, 300_000);
    const totalMs = performance.now() - started;
    console.log(`bulk 10,000 rows (ACCEPT_VALID): submitted in ${Math.round(submittedMs)} ms, done in ${Math.round(totalMs)} ms (${Math.round(10_000 / (totalMs / 1000))} rows/s)`);
    expect(done).toMatchObject({ status: 'DONE', bookedCount: 10_000, rejectedCount: 0, processedRows: 10_000 });
    const orders = await ordersOf(queued.id);
    expect(orders).toHaveLength(10_000);
    const references = new Set(orders.map((order) => order.reference));
    expect(notifier.sent.filter((sent) => references.has(sent.subject.replace('Money order ', ''))).length).toBe(10_000);
  }, 300_000);
});
