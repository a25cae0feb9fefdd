import { Decimal } from '@postal/money';
import { InProcessJobQueue, type JobQueue } from '@postal/jobs';
import { rowsOf } from '@postal/db';
import { createTestDatabase, waitFor, type TestDatabase } from '@postal/testkit';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../articles/tables.js';
import { articleNumber, BILLERS, financeOfficer, MAX_ARTICLE_AMOUNT, OFFICES, seed, staffAt, testDeps } from '../articles/test-support/seed.js';
import { MANIFEST_JOB, startManifestJob } from '../jobs/manifest-upload.js';
import { MANIFEST_COLUMNS } from './csv.js';
import { findManifest, type ManifestRow } from './repository.js';
import { createManifestService } from './service.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['cod-settlement']);
  await seed(testDatabase.database);
}, 60_000);
afterAll(() => testDatabase?.drop());

const open: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.close()));
});

const officer = financeOfficer();
/** The size; MANIFEST_ROWS makes it smaller for a quick local run. */
const ROWS = Number(process.env.MANIFEST_ROWS ?? 20_000);

async function setUp() {
  const { deps } = testDeps(testDatabase.database);
  const jobs = new InProcessJobQueue({ logger, jobs: { attempts: 1 } });
  open.push(jobs);
  await startManifestJob(jobs, deps);
  return { jobs, service: createManifestService(deps, jobs) };
}

type Row = Partial<Record<(typeof MANIFEST_COLUMNS)[number], string>>;
function row(serial: number, overrides: Row = {}): Row {
  return { article_number: articleNumber(serial, 'CP'), biller_code: BILLERS.active.code, cod_amount: String(100 + (serial % 50) * 10), booking_office: OFFICES.head.code, delivery_office: serial % 2 === 0 ? OFFICES.sub.code : OFFICES.branch.code, booked_on: '2026-03-09', ...overrides };
}
function csvOf(rows: Array<Row | string[]>, header: readonly string[] = MANIFEST_COLUMNS): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${[header.join(','), ...rows.map((r) => (Array.isArray(r) ? r : header.map((column) => r[column as keyof Row] ?? '')).map(quote).join(','))].join('\r\n')}\r\n`;
}

async function finished(id: string, timeoutMs = 60_000): Promise<ManifestRow> {
  return waitFor(async () => {
    const manifest = await findManifest(testDatabase.database.db, id);
    return manifest?.status === 'DONE' || manifest?.status === 'FAILED' ? manifest : undefined;
  }, { what: `manifest ${id} to finish`, timeoutMs, intervalMs: 100 });
}

describe('uploadCodManifest', () => {
  it('registers the valid rows and lists every row error with its row, column and code', async () => {
    const { service } = await setUp();
    const rows: Array<Row | string[]> = [
      row(1),
      row(2, { article_number: 'CP000000020IN' }),
      row(3, { biller_code: 'BL999999', cod_amount: '12.345' }),
      row(4, { cod_amount: new Decimal(MAX_ARTICLE_AMOUNT).plus(1).toFixed() }),
      row(5, { delivery_office: OFFICES.other.code }),
      row(6, { delivery_office: OFFICES.division.code }),
      row(7, { booked_on: '2026-13-01' }),
      ['CP000000010IN', 'BL000001'],
      row(9, { biller_code: BILLERS.suspended.code }),
      row(10),
    ];
    const manifest = await service.submit(officer, { fileName: 'seller-march.csv', content: csvOf(rows) });
    expect(manifest).toMatchObject({ status: 'QUEUED', totalRows: 10, fileName: 'seller-march.csv' });
    const done = await finished(manifest.id);
    expect(done).toMatchObject({ status: 'DONE', processedRows: 10, registeredCount: 2, alreadyRegisteredCount: 0, rejectedCount: 8 });
    const errors = await service.errors(done, 100);
    const summary = errors.map((error) => [error.row, error.field, error.code]);
    expect(summary).toEqual([
      [2, 'article_number', 'INVALID_ARTICLE_NUMBER'],
      [3, 'biller_code', 'BILLER_NOT_FOUND'],
      [3, 'cod_amount', 'INVALID_AMOUNT'],
      [4, 'cod_amount', 'AMOUNT_OUT_OF_RANGE'],
      [5, 'delivery_office', 'FORBIDDEN'],
      [6, 'delivery_office', 'OFFICE_NOT_ELIGIBLE'],
      [7, 'booked_on', 'INVALID_DATE'],
      [8, null, 'MANIFEST_ROW_COLUMNS'],
      [9, 'biller_code', 'BILLER_NOT_ACTIVE'],
    ]);
    const report = await service.report(done);
    expect(report.split('\r\n')[0]).toBe('row,field,code,message');
    expect(report).toContain('8,,MANIFEST_ROW_COLUMNS');
    const registered = await testDatabase.database.db.select().from(articles).where(eq(articles.manifestId, manifest.id));
    expect(registered.map((article) => article.articleNumber).sort()).toEqual([articleNumber(1, 'CP'), articleNumber(10, 'CP')].sort());
  });

  it('is idempotent by article number: the same file again, and an overlapping one, register nothing twice', async () => {
    const { service } = await setUp();
    const first = Array.from({ length: 30 }, (_, n) => row(1_000 + n));
    const done = await finished((await service.submit(officer, { fileName: 'a.csv', content: csvOf(first) })).id);
    expect(done).toMatchObject({ registeredCount: 30, alreadyRegisteredCount: 0, rejectedCount: 0 });
    const again = await finished((await service.submit(officer, { fileName: 'a.csv', content: csvOf(first) })).id);
    expect(again).toMatchObject({ registeredCount: 0, alreadyRegisteredCount: 30, rejectedCount: 0 });
    // Overlapping: ten old rows, one changed amount (a conflict), ten new, and a new row repeated within the file.
    const overlap = [...first.slice(0, 10), row(1_010, { cod_amount: '1' }), ...Array.from({ length: 10 }, (_, n) => row(2_000 + n)), row(2_000)];
    const third = await finished((await service.submit(officer, { fileName: 'b.csv', content: csvOf(overlap), billerCode: BILLERS.active.code })).id);
    expect(third).toMatchObject({ registeredCount: 10, alreadyRegisteredCount: 11, rejectedCount: 1 });
    expect((await service.errors(third, 10)).map((error) => [error.row, error.code])).toEqual([[11, 'ARTICLE_CONFLICT']]);
    const [counted] = rowsOf<{ count: number }>(await testDatabase.database.db.execute(sql`select count(*)::int as count from cod.articles where article_number like 'CP%'`));
    expect(counted!.count).toBeGreaterThanOrEqual(40);
    const numbers = await testDatabase.database.db.select({ n: articles.articleNumber }).from(articles);
    expect(new Set(numbers.map((r) => r.n)).size).toBe(numbers.length);
  });

  it('keeps rows to the biller the upload names, and lets biller_code be left out then', async () => {
    const { service } = await setUp();
    const content = csvOf([row(3_000, { biller_code: '' }), row(3_001, { biller_code: BILLERS.second.code })]);
    const done = await finished((await service.submit(officer, { fileName: 'c.csv', content, billerCode: BILLERS.active.code })).id);
    expect(done).toMatchObject({ registeredCount: 1, rejectedCount: 1 });
    expect((await service.errors(done, 10))[0]).toMatchObject({ row: 2, field: 'biller_code', code: 'BILLER_NOT_FOUND' });
  });

  it('refuses a file that is not a manifest, and callers without cod.article.register', async () => {
    const { service } = await setUp();
    await expect(service.submit(officer, { fileName: 'x.csv', content: 'a,b\n1,2\n' })).rejects.toMatchObject({ code: 'MANIFEST_HEADER_INVALID' });
    await expect(service.submit(officer, { fileName: 'x.csv', content: `${MANIFEST_COLUMNS.join(',')}\n` })).rejects.toMatchObject({ code: 'MANIFEST_CSV_INVALID' });
    await expect(service.submit(officer, { fileName: 'x.csv', content: 'article_number,"unclosed\n' })).rejects.toMatchObject({ code: 'MANIFEST_CSV_INVALID' });
    await expect(service.submit(officer, { fileName: '', content: csvOf([row(1)]) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.submit(officer, { fileName: 'x.csv', content: csvOf([row(1)]), billerCode: 'BL999999' })).rejects.toMatchObject({ code: 'BILLER_NOT_FOUND' });
    await expect(service.submit(staffAt('sub', [['cod.collect', 'OWN_OFFICE']]), { fileName: 'x.csv', content: csvOf([row(1)]) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.submit({ kind: 'anonymous' }, { fileName: 'x.csv', content: csvOf([row(1)]) })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('shows a manifest in scope only, and pages the list', async () => {
    const { service } = await setUp();
    const manifest = await finished((await service.submit(officer, { fileName: 'd.csv', content: csvOf([row(4_000)]) })).id);
    expect((await service.find(officer, manifest.id))?.id).toBe(manifest.id);
    expect(await service.find(staffAt('other', [['cod.read', 'SUBTREE']]), manifest.id)).toBeNull();
    expect(await service.find(officer, 'not-a-uuid')).toBeNull();
    const page = await service.list(officer, 2, null);
    expect(page.edges).toHaveLength(2);
    const next = await service.list(officer, 2, page.pageInfo.endCursor);
    expect(next.edges.map((edge) => edge.node.id)).not.toContain(page.edges[1]!.node.id);
    expect((await service.list(staffAt('other', [['cod.read', 'SUBTREE']]), 10, null)).edges).toEqual([]);
  });

  it(`registers a ${ROWS}-row manifest with progress, and the same file again as already registered`, async () => {
    const { jobs, service } = await setUp();
    const rows = Array.from({ length: ROWS }, (_, n) => row(100_000 + n));
    const content = csvOf(rows);
    const started = Date.now();
    const manifest = await service.submit(officer, { fileName: 'big.csv', content });
    const done = await finished(manifest.id, 240_000);
    const elapsedMs = Date.now() - started;
    expect(done).toMatchObject({ status: 'DONE', totalRows: ROWS, processedRows: ROWS, registeredCount: ROWS, rejectedCount: 0 });
    expect(await jobs.getJob(MANIFEST_JOB, manifest.id)).toMatchObject({ state: 'completed', progress: { processedRows: ROWS, totalRows: ROWS } });
    const again = await finished((await service.submit(officer, { fileName: 'big.csv', content })).id, 240_000);
    expect(again).toMatchObject({ registeredCount: 0, alreadyRegisteredCount: ROWS, rejectedCount: 0 });
    const [counted] = rowsOf<{ count: number }>(await testDatabase.database.db.execute(sql`select count(*)::int as count from cod.articles where manifest_id = ${manifest.id}`));
    expect(counted!.count).toBe(ROWS);
    console.info(`${ROWS}-row manifest registered in ${elapsedMs} ms`);
  }, 600_000);
});
