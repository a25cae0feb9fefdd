/**
 * `npm run bench:recon`: reconciliation's speed on a real PostgreSQL server (issue 13). Needs DATABASE_URL (a server
 * where it may create and drop a database). In a fresh database (@postal/testkit: cod-settlement's migrations, dropped
 * at the end) it measures two halves:
 * 1. the statement import: a --lines camt.053 (one end-of-day statement, test/support/camt053.ts, written to a temp
 *    file in pieces) uploaded as the HTTP route does (its bytes stored, QUEUED), then imported by the job's own
 *    processStatementImport (read back, parsed, checked, claimed, lines written 5,000 a transaction with progress,
 *    made visible with DONE). It reports the import's time, lines a second, the process's peak RSS and heap while
 *    it runs, and ratio = import / baseline, the baseline measured in the same run (see measureBaseline);
 * 2. matching, 1,000,000 bank lines against 1,000,000 open items: not built yet (measureMatching).
 * Flags (or BENCH_* variables): --lines=100000 (BENCH_RECON_LINES), --quick (10,000: a smoke test, not figures to
 * quote). The last line printed is one JSON object with every figure.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Identity } from '@postal/auth';
import { parseCamt, type StatementLine } from '@postal/bank-statements';
import { rowsOf, transaction, type Database } from '@postal/db';
import { InProcessJobQueue } from '@postal/jobs';
import { Decimal } from '@postal/money';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { upsertOffice } from '../subgraphs/cod-settlement/src/offices/repository.js';
import { insertBankAccount } from '../subgraphs/cod-settlement/src/recon/bank-accounts/repository.js';
import type { ReconDeps } from '../subgraphs/cod-settlement/src/recon/deps.js';
import { processStatementImport } from '../subgraphs/cod-settlement/src/recon/imports/job.js';
import { findImport, importStatements } from '../subgraphs/cod-settlement/src/recon/imports/repository.js';
import { createStatementImportService } from '../subgraphs/cod-settlement/src/recon/imports/service.js';
import { camt053Chunks, closingOf, sampleEntries, type GeneratedStatement } from '../test/support/camt053.js';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error('bench:recon needs DATABASE_URL, a postgres:// URL of a server where it may create and drop a database,');
  console.error('e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:recon -- --quick');
  process.exit(2);
}

const flags = new Map(process.argv.slice(2).filter((a) => a.startsWith('--')).map((a) => { const [k, v] = a.slice(2).split('='); return [k!, v ?? 'true'] as const; }));
const quick = flags.get('quick') === 'true' || process.env.BENCH_QUICK === 'true';
const rawLines = flags.get('lines') ?? process.env.BENCH_RECON_LINES;
const LINES = rawLines === undefined ? (quick ? 10_000 : 100_000) : Number(rawLines.replaceAll('_', ''));
if (!Number.isInteger(LINES) || LINES < 1 || LINES > 130_000) throw new Error(`--lines must be an integer from 1 to 130,000 (the upload's 100 MB); got ${rawLines}`);

const log = (line: string) => console.log(line);
const seconds = (ms: number) => Math.round(ms) / 1_000;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const DAY = '2026-11-30';
const SYSTEM: Identity = { kind: 'service', service: 'cod-settlement' };
const OFFICE = { code: 'NDGPO', name: 'New Delhi GPO', type: 'HEAD_OFFICE', path: 'DL/DL-NDC/NDGPO', parentCode: 'DL-NDC', status: 'ACTIVE', version: 1 };

/**
 * The process's peak RSS over a stretch of time, sampled every 50 ms by a worker thread: parsing a file is one
 * synchronous call on the main thread, which a timer there could not interrupt, while RSS is the whole process's.
 * The heap is the main thread's own and can only be read there, between its turns (peakHeap's timer): a peak inside
 * the parse itself is missed, what the parse leaves live is not.
 */
function memoryWatch() {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = process.memoryUsage.rss();
     const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
     parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())); });`,
    { eval: true },
  );
  let peakHeap = process.memoryUsage().heapUsed;
  const heapTimer = setInterval(() => void (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50);
  const ready = new Promise<void>((resolve) => worker.once('online', () => resolve()));
  return {
    ready,
    async stop(): Promise<{ peakRss: number; peakHeap: number }> {
      clearInterval(heapTimer);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      const peakRss = await new Promise<number>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('stop');
      });
      await worker.terminate();
      return { peakRss, peakHeap };
    },
  };
}

async function bankAccount(database: Database) {
  await transaction(database, 'read committed', (tx) => upsertOffice(tx, OFFICE));
  return transaction(database, 'read committed', async (tx) =>
    (await insertBankAccount(tx, {
      id: randomUUID(),
      name: 'SBI Parliament Street collection',
      accountNumber: '32145678901',
      isIban: false,
      bic: null,
      ifsc: 'SBIN0000691',
      currency: 'INR',
      purpose: 'COLLECTION',
      officeCode: OFFICE.code,
      officePath: OFFICE.path,
      ledgerAccountCode: 'NDGPO:1500:BA0000000001',
      csvMapping: null,
      registeredBy: 'bench',
      registeredAt: new Date('2026-11-01T00:00:00Z'),
    }))!,
  );
}

/** bank_statement_lines' columns but its id, in lineRow's order (imports/repository.ts). */
const LINE_COLUMNS = [
  'statement_id', 'bank_account_id', 'line_index', 'direction', 'reversal', 'amount', 'currency', 'booking_date', 'value_date', 'status',
  'transaction_code', 'end_to_end_id', 'account_servicer_reference', 'owner_reference', 'payment_information_id', 'utr', 'mandate_id',
  'transaction_id', 'creditor_reference', 'remittance_information', 'counterparty_name', 'counterparty_iban', 'counterparty_account',
  'counterparty_bic', 'transaction_count', 'transactions',
] as const;
const ROWS_PER_INSERT = 1_000;

function lineValues(statementId: string, bankAccountId: string, line: StatementLine): unknown[] {
  const r = line.references;
  const c = line.counterparty;
  return [
    statementId, bankAccountId, line.index, line.direction, line.reversal, line.amount, line.currency, line.bookingDate ?? null, line.valueDate ?? null, line.status ?? null,
    line.transactionCode ?? null, r.endToEndId ?? null, r.accountServicerReference ?? null, r.ownerReference ?? null, r.paymentInformationId ?? null, r.utr ?? null, r.mandateId ?? null,
    r.transactionId ?? null, r.creditorReference ?? null, line.remittanceInformation ?? null, c?.name ?? null, c?.iban ?? null, c?.account ?? null,
    c?.bic ?? null, line.transactionCount ?? null, line.transactions ? JSON.stringify(line.transactions) : null,
  ];
}

/**
 * The baseline: what any import of this file has to do, and nothing the service adds. parseCamt on the same bytes
 * (no database), then the same rows (the same 26 columns, the same values, so the same width) into PostgreSQL by
 * plain multi-row INSERTs of 1,000 rows (the statement shape the import uses, through the same driver, pg, without
 * the ORM), in one transaction, into an UNLOGGED scratch table with no index or constraint (LIKE copies only the
 * columns, their NOT NULLs and defaults). What the import does on top is what the ratio prices: reading the stored
 * file back, detecting the format, checking balances and account, hashing the statement, claiming it under the
 * account's lock, WAL for every row, the unique (statement, line) index a resumed run relies on, one transaction and
 * one progress update per 5,000 lines, and the last transaction that makes it visible. COPY would be a lower floor
 * still, but no COPY client is in the lockfile and the import does not use COPY, so its speed is not one it could
 * reach by tuning what it does; an index-free unlogged table keeps the floor strict where the choice is ours.
 */
async function measureBaseline(url: string, bytes: Buffer, bankAccountId: string): Promise<{ parseMs: number; insertMs: number; totalMs: number; rows: number }> {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-recon-baseline' });
  await client.connect();
  try {
    await client.query('drop table if exists public.bench_recon_scratch_lines');
    await client.query('create unlogged table public.bench_recon_scratch_lines (like cod.bank_statement_lines including defaults including identity)');
    const started = performance.now();
    const statements = parseCamt(bytes);
    const parsedAt = performance.now();
    const statementId = randomUUID();
    let rows = 0;
    await client.query('begin');
    for (const statement of statements) {
      for (let start = 0; start < statement.lines.length; start += ROWS_PER_INSERT) {
        const chunk = statement.lines.slice(start, start + ROWS_PER_INSERT);
        const params: unknown[] = [];
        const tuples = chunk.map((line) => {
          const values = lineValues(statementId, bankAccountId, line);
          const first = params.length;
          params.push(...values);
          return `(${values.map((_, i) => `$${first + i + 1}`).join(',')})`;
        });
        await client.query(`insert into public.bench_recon_scratch_lines (${LINE_COLUMNS.join(',')}) values ${tuples.join(',')}`, params);
        rows += chunk.length;
      }
    }
    await client.query('commit');
    const done = performance.now();
    return { parseMs: parsedAt - started, insertMs: done - parsedAt, totalMs: done - started, rows };
  } finally {
    await client.query('drop table if exists public.bench_recon_scratch_lines').catch(() => undefined);
    await client.end();
  }
}

/**
 * The matching half, 1,000,000 bank lines against 1,000,000 open items (issue 13): not built yet. What it would time
 * is the matching service's run (recon/matching/service.ts, over a bank account's open lines and open items) on
 * generated lines and items, against a baseline of its own measured here; until it does, the JSON says so rather
 * than carry a figure nobody measured.
 */
async function measureMatching(): Promise<{ matching: 'not built' }> {
  return { matching: 'not built' };
}

let testDatabase: TestDatabase | undefined;
let folder: string | undefined;
process.once('SIGINT', () => {
  console.error('\ninterrupted: dropping the bench database');
  void (testDatabase?.drop() ?? Promise.resolve()).finally(() => process.exit(130));
});

try {
  log(`${quick ? 'QUICK mode (smoke test: figures not to quote)' : 'full mode'}: a ${LINES}-entry camt.053; ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)}`);
  testDatabase = await createTestDatabase(['cod-settlement']);
  const { database } = testDatabase;
  const account = await bankAccount(database);

  const generated: GeneratedStatement = { statementId: `SBI-EOD-${DAY}`, accountNumber: account.accountNumber, currency: 'INR', opening: '5000000.00', openingDate: '2026-11-29', closingDate: DAY, entries: sampleEntries(LINES, DAY, 1) };
  folder = await mkdtemp(join(tmpdir(), 'bench-recon-'));
  const path = join(folder, 'sbi-eod.xml');
  let started = performance.now();
  await writeFile(path, camt053Chunks([generated], 'MSG-BENCH-1'));
  let bytes: Buffer | undefined = await readFile(path);
  const fileBytes = bytes.length;
  log(`generated ${path}: ${LINES} entries, ${mb(fileBytes)} MB, in ${seconds(performance.now() - started)} s`);
  const expected = {
    credit: generated.entries.filter((e) => e.direction === 'CREDIT').reduce((sum, e) => sum.plus(e.amount), new Decimal(0)),
    debit: generated.entries.filter((e) => e.direction === 'DEBIT').reduce((sum, e) => sum.plus(e.amount), new Decimal(0)),
    closing: closingOf(generated),
  };
  generated.entries = [];

  // Nobody handles the queue: the bench runs the job's work itself, so it times that and nothing else.
  const jobs = new InProcessJobQueue({ logger: pino({ level: 'silent' }), jobs: { attempts: 1 } });
  const deps: ReconDeps = { database, clock: () => new Date(), timeZone: 'Asia/Kolkata', jobs };
  const service = createStatementImportService(deps);
  started = performance.now();
  const taken = await service.upload({ identity: SYSTEM, requestId: 'bench-recon', clientAddress: undefined }, { bankAccountId: account.id, fileName: 'sbi-eod.xml' }, bytes);
  const uploadMs = performance.now() - started;
  if (taken.status !== 'QUEUED') throw new Error(`the upload answered ${taken.status}, not QUEUED: the file is not on the job's path`);
  log(`upload (the file's bytes stored, QUEUED): ${seconds(uploadMs)} s`);
  bytes = undefined; // the job reads its own copy back from the database, as in production

  const watch = memoryWatch();
  await watch.ready;
  const rssBefore = process.memoryUsage.rss();
  started = performance.now();
  await processStatementImport(deps, taken.id, { signal: new AbortController().signal });
  const importMs = performance.now() - started;
  const memory = await watch.stop();
  const maxRssKb = process.resourceUsage().maxRSS;

  const done = (await findImport(database.db, taken.id))!;
  const [statement] = await importStatements(database.db, taken.id);
  const [stored] = rowsOf<{ n: number; credit: string; debit: string }>(
    await database.db.execute(sql`select count(*)::int as n, coalesce(sum(amount) filter (where direction = 'CREDIT'), 0)::text as credit, coalesce(sum(amount) filter (where direction = 'DEBIT'), 0)::text as debit from cod.bank_statement_lines where statement_id = ${statement?.id ?? randomUUID()}`),
  );
  const verified =
    done.status === 'DONE' &&
    statement?.lineCount === LINES &&
    stored?.n === LINES &&
    new Decimal(stored.credit).equals(expected.credit) &&
    new Decimal(stored.debit).equals(expected.debit) &&
    new Decimal(statement.closingAmount ?? 'NaN').equals(expected.closing);
  log(`import (processStatementImport): ${seconds(importMs)} s, ${Math.round(LINES / (importMs / 1_000))} lines/s; status ${done.status}, ${stored?.n} lines stored; totals verified ${verified}`);
  log(`memory during the import: peak RSS ${mb(memory.peakRss)} MB (${mb(rssBefore)} MB at its start; the process's max RSS so far ${Math.round(maxRssKb / 1024)} MB), peak heap ${mb(memory.peakHeap)} MB`);

  // The baseline after the import (the import's memory figures are not raised by it), twice: the mean of the two.
  const file = await readFile(path);
  const baselines = [await measureBaseline(testDatabase.url!, file, account.id), await measureBaseline(testDatabase.url!, file, account.id)];
  const baselineMs = baselines.reduce((sum, b) => sum + b.totalMs, 0) / baselines.length;
  const parseMs = baselines.reduce((sum, b) => sum + b.parseMs, 0) / baselines.length;
  const insertMs = baselines.reduce((sum, b) => sum + b.insertMs, 0) / baselines.length;
  const ratio = importMs / baselineMs;
  log(`baseline (parseCamt, then ${baselines[0]!.rows} rows by plain 1,000-row INSERTs into an unlogged, index-free table): ${seconds(baselineMs)} s = parse ${seconds(parseMs)} s + insert ${seconds(insertMs)} s (mean of ${baselines.length}: ${baselines.map((b) => seconds(b.totalMs)).join(' s, ')} s)`);
  log(`ratio ${ratio.toFixed(2)} (import / baseline)`);

  const matching = await measureMatching();
  console.log(
    JSON.stringify({
      bench: 'recon',
      mode: quick ? 'quick' : 'full',
      importLines: LINES,
      fileMb: Math.round((fileBytes / 1024 / 1024) * 10) / 10,
      uploadSeconds: seconds(uploadMs),
      importSeconds: seconds(importMs),
      linesPerSecond: Math.round(LINES / (importMs / 1_000)),
      peakRssMb: mb(memory.peakRss),
      peakHeapMb: mb(memory.peakHeap),
      maxRssMb: Math.round(maxRssKb / 1024),
      baselineSeconds: seconds(baselineMs),
      baselineParseSeconds: seconds(parseMs),
      baselineInsertSeconds: seconds(insertMs),
      ratio: Math.round(ratio * 100) / 100,
      verified,
      ...matching,
    }),
  );
  process.exitCode = verified ? 0 : 1;
} finally {
  if (folder) await rm(folder, { recursive: true, force: true });
  await testDatabase?.drop();
}
