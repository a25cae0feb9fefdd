/**
 * `npm run bench:ledger`: the double-entry ledger's speed on a real PostgreSQL server (issue 4, "Speed"). Needs
 * DATABASE_URL (a server where it may create and drop databases). Each family of measurements gets a fresh database
 * of its own (`bench_ledger_<pid>_throughput`, `bench_ledger_<pid>_large`: the accounts migrations, then ~1,100
 * offices' standard charts opened through the office.created consumer), dropped at the end. In one run it measures:
 * (a) the raw SQL baseline: the rows the ledger writes for a two-posting entry (entry, postings, both accounts' sums
 *     under ordered locks), by plain SQL, N concurrent workers (default 8), random account pairs (low contention);
 * (b) the ledger's posting path (the journal service's postJournalEntry: postEntryInTx in its own transaction) with
 *     the same workers and pairs; prints both rates and the ratio b/a (target 0.6);
 * (c) the batch path (postJournalEntries: postEntriesInTx, 500 entries a transaction) against raw batched SQL;
 * (d) a hot account: every entry debits one cash account, raw and ledger, one entry a transaction and in batches;
 * (e) a large ledger (5,000,000 postings by default, --postings=N) written by bulk SQL with a year of daily closes,
 *     and the latency of the trial balance and of account-statement pages on it (bench/ledger/generator.ts).
 * Raw and ledger are measured in alternating rounds, so whatever else the machine does falls on both alike.
 * Flags (or BENCH_* environment variables): --quick (small counts, under a minute: a smoke test, not figures to
 * quote), --workers=8, --batch-workers=2, --batch-size=500, --seconds=10, --rounds=3, --postings=5000000, --days=365,
 * --report-calls=15, --only=throughput|batch|large (default: all; batch is (c) alone). The last line printed is one
 * JSON object with every figure; "ratio" is b/a, "batchRatio" is (c)'s ledger/raw (target 0.5, and 10,000 postings/s).
 */
import { availableParallelism, loadavg } from 'node:os';
import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import { parseOptions } from './ledger/options.js';
import { measureLargeLedger } from './ledger/large.js';
import { createBenchDatabase, loadChart, readWorkload, type BenchDatabase } from './ledger/setup.js';
import type { Workload } from './ledger/workload.js';
import { measureThroughput, type ThroughputFigures } from './ledger/throughput.js';
import { explainHotAccount } from './ledger/notes.js';

/** Issue 12: the batch path at half the raw batched SQL's rate or better, and 10,000 postings a second. */
const BATCH_TARGET = { ratio: 0.5, postingsPerSecond: 10_000 };

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error('bench:ledger needs DATABASE_URL, a postgres:// URL of a server where it may create and drop a database,');
  console.error('e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:ledger -- --quick');
  process.exit(2);
}

const options = parseOptions(process.argv.slice(2), process.env);
const log = (line: string) => console.log(line);
const today = businessDate(new Date(), DEFAULT_TIME_ZONE);
// Figures from a busy machine are not figures of the ledger: the load average is printed with them.
const loadAtStart = loadavg()[0]!;
log(`${options.quick ? 'QUICK mode (smoke test: figures not to quote)' : 'full mode'}; business date ${today}; ${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(2)}`);

// Interrupted (Ctrl-C), the databases are still dropped: a 5-million-posting database left behind is gigabytes.
const open = new Set<BenchDatabase>();
process.once('SIGINT', () => {
  console.error(`\ninterrupted: dropping ${[...open].map((bench) => bench.name).join(', ') || 'nothing'}`);
  void Promise.allSettled([...open].map((bench) => bench.dropNow())).finally(() => process.exit(130));
});

/** Runs `measure` on a fresh database with the ~1,100 offices' charts, and drops it afterwards. */
async function withChart<T>(purpose: string, connections: number, measure: (bench: BenchDatabase, workload: Workload) => Promise<T>): Promise<T> {
  const bench = await createBenchDatabase(serverUrl!, purpose, connections);
  open.add(bench);
  try {
    const started = performance.now();
    const tree = await loadChart(bench.database);
    const workload = await readWorkload(bench.database);
    log(`\ndatabase ${bench.name}: ${tree.length} offices' office.created events consumed in ${((performance.now() - started) / 1_000).toFixed(1)} s`);
    return await measure(bench, workload);
  } finally {
    await bench.drop();
    open.delete(bench);
  }
}

const throughput =
  options.only === 'large'
    ? null
    : await withChart('throughput', Math.max(options.workers, options.batchWorkers) + 1, (bench, workload) => measureThroughput(bench, workload, options, today, log));
if (throughput) printThroughput(throughput);
const large = options.only === 'throughput' || options.only === 'batch' ? null : await withChart('large', 3, (bench) => measureLargeLedger(bench, options, today, log));
const loadAtEnd = loadavg()[0]!;
log(`\nload average ${loadAtEnd.toFixed(2)} at the end (${availableParallelism()} CPUs)`);

console.log(
  JSON.stringify({
    benchmark: 'ledger',
    mode: options.quick ? 'quick' : 'full',
    ratio: throughput?.single?.ratio ?? null,
    target: 0.6,
    batchRatio: throughput?.batch.ratio ?? null,
    batchPostingsPerSecond: throughput?.batch.postingsPerSecond ?? null,
    batchTarget: { ratio: BATCH_TARGET.ratio, postingsPerSecond: BATCH_TARGET.postingsPerSecond },
    workers: options.workers,
    machine: { cpus: availableParallelism(), loadAverageStart: round2(loadAtStart), loadAverageEnd: round2(loadAtEnd) },
    single: throughput?.single ?? null,
    batch: throughput?.batch ?? null,
    hot: throughput?.hot ?? null,
    hotBatch: throughput?.hotBatch ?? null,
    large,
  }),
);

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function printThroughput({ single, batch, hot, hotBatch }: ThroughputFigures): void {
  log('\nentries/s                          raw       ledger    ledger/raw');
  const row = (title: string, figures: { raw: { entriesPerSecond: number }; ledger: { entriesPerSecond: number }; ratio: number }) =>
    log(`${title.padEnd(28)} ${figures.raw.entriesPerSecond.toFixed(1).padStart(10)} ${figures.ledger.entriesPerSecond.toFixed(1).padStart(12)} ${figures.ratio.toFixed(3).padStart(12)}`);
  if (single) row(`(a,b) single, ${single.workers} workers`, single);
  row(`(c) batch of ${batch.batchSize}, ${batch.workers} workers`, batch);
  if (hot) row(`(d) hot account, ${hot.workers} workers`, hot);
  if (hotBatch) row(`(d) hot, batches of ${hotBatch.batchSize}, ${hotBatch.workers} w.`, hotBatch);
  if (single) log(`target: ledger/raw >= 0.6 for single entries: ${single.ratio >= 0.6 ? 'met' : 'NOT met'}`);
  const batchMet = batch.ratio >= BATCH_TARGET.ratio && batch.postingsPerSecond >= BATCH_TARGET.postingsPerSecond;
  log(
    `target: batches at ledger/raw >= ${BATCH_TARGET.ratio} and >= ${BATCH_TARGET.postingsPerSecond} postings/s: ratio ${batch.ratio.toFixed(3)}, ` +
      `${batch.postingsPerSecond.toFixed(0)} postings/s (raw ${(2 * batch.raw.entriesPerSecond).toFixed(0)}): ${batchMet ? 'met' : 'NOT met'}`,
  );
  if (hot && hotBatch) log(explainHotAccount(hot, hotBatch));
}
