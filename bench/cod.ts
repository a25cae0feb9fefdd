/**
 * `npm run bench:cod`: a COD settlement run on a real PostgreSQL server (issue 12, "Speed"). Needs DATABASE_URL (a
 * server where it may create and drop a database). In a fresh database (`bench_cod_<pid>`, both subgraphs' migrations,
 * ~1,100 offices' charts opened through accounts' office.created consumer, dropped at the end):
 * 1. generates --articles delivered, deposited (due) COD articles for --billers billers by set-based SQL;
 * 2. credits each settlement office's COD payable with what was collected (the opening COLLECTED, not timed);
 * 3. times a plain SQL aggregation of the same rows (GROUP BY biller), the settlement run (cod-settlement's build at
 *    every settlement office, then the SETTLED entries through accounts' batch posting path), and the aggregation
 *    again; ratio = settlement run / the mean of the two aggregations (target: at most 3). Each collection is priced
 *    when it becomes due (migration 0009's trigger, as at a deposit in production), inside the generation, not the run;
 * 4. checks every article is in exactly one active line, the batches' gross equals the collections and the COD
 *    payable is back to zero.
 * Flags: --articles=1000000 --billers=1000 --offices=4 --ledger-batch=500 --quick (20,000 for 100: a smoke test).
 * The last line printed is one JSON object with every figure.
 */
import { availableParallelism, loadavg } from 'node:os';
import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import { generateCod } from './cod/generator.js';
import { parseCodOptions } from './cod/options.js';
import { openPayables, plainAggregation, runSettlement, verify } from './cod/settle.js';
import { createCodBenchDatabase, loadOffices, type CodBenchDatabase } from './cod/setup.js';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error('bench:cod needs DATABASE_URL, a postgres:// URL of a server where it may create and drop a database,');
  console.error('e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:cod -- --articles=50000');
  process.exit(2);
}

const options = parseCodOptions(process.argv.slice(2), process.env);
const log = (line: string) => console.log(line);
const today = businessDate(new Date(), DEFAULT_TIME_ZONE);
// A Wednesday that is a business day on calendar IN, collections deposited the Monday of the week before (T+2 passed).
const CYCLE_DATE = '2026-12-16';
const DUE_FROM = '2026-12-07';
const DELIVERED_ON = '2026-12-05';
const seconds = (ms: number) => Math.round(ms) / 1_000;
log(`${options.quick ? 'QUICK mode (smoke test: figures not to quote)' : 'full mode'}: ${options.articles} articles, ${options.billers} billers, ${options.settlementOffices} settlement offices; ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)}`);

let bench: CodBenchDatabase | undefined;
process.once('SIGINT', () => {
  console.error(`\ninterrupted: dropping ${bench?.name ?? 'nothing'}`);
  void (bench?.dropNow() ?? Promise.resolve()).finally(() => process.exit(130));
});

try {
  bench = await createCodBenchDatabase(serverUrl);
  const offices = await loadOffices(bench.database, options.settlementOffices);
  let started = performance.now();
  await generateCod(bench.database, { billers: options.billers, articles: options.articles, settlementOffices: offices.settlement, delivery: offices.delivery, deliveredOn: DELIVERED_ON, dueFrom: DUE_FROM });
  const generateMs = performance.now() - started;
  // Includes pricing each collection as it becomes due (the trigger production runs at each deposit or clearing).
  log(`generated ${options.articles} articles and collections, each priced as it became due, in ${seconds(generateMs)} s`);
  started = performance.now();
  await openPayables(bench.database, today);
  log(`opened the COD payables in ${seconds(performance.now() - started)} s`);

  await plainAggregation(bench.database, DUE_FROM); // warm-up: both contenders start with the rows cached
  const before = await plainAggregation(bench.database, DUE_FROM);
  const run = await runSettlement(bench.database, offices.settlement.map((o) => o.code), CYCLE_DATE, today, options.ledgerBatchSize);
  // The same aggregation after the run (the rows are now settled, so it reads them all and answers none).
  const after = await plainAggregation(bench.database, DUE_FROM);
  const baselineMs = (before.ms + after.ms) / 2;
  const ratio = run.totalMs / baselineMs;
  const check = await verify(bench.database);
  log(`plain aggregation (GROUP BY biller): ${before.ms.toFixed(1)} ms before, ${after.ms.toFixed(1)} ms after (${before.billers} billers)`);
  log(`settlement run: ${seconds(run.totalMs)} s = build ${seconds(run.buildMs)} s (${run.batches} batches, ${run.lines} lines) + ledger ${seconds(run.ledgerMs)} s (${run.batches} SETTLED entries, postEntriesInTx)`);
  log(`ratio ${ratio.toFixed(2)} over the aggregation (target at most 3); articles in exactly one line ${check.inOneLine}/${check.articles}; gross matches ${check.grossMatches}; COD payable after ${check.payableAfter}`);
  const ok = check.inOneLine === check.articles && check.grossMatches && Number(check.payableAfter) === 0 && run.batches === options.billers;
  console.log(
    JSON.stringify({
      benchmark: 'cod',
      mode: options.quick ? 'quick' : 'full',
      articles: options.articles,
      billers: options.billers,
      ratio: Math.round(ratio * 100) / 100,
      target: 3,
      settlementSeconds: seconds(run.totalMs),
      buildSeconds: seconds(run.buildMs),
      ledgerSeconds: seconds(run.ledgerMs),
      aggregationMs: Math.round(baselineMs * 10) / 10,
      generateSeconds: seconds(generateMs),
      batches: run.batches,
      lines: run.lines,
      articlesPerSecond: Math.round(run.lines / (run.totalMs / 1_000)),
      verified: ok,
    }),
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await bench?.drop();
}
