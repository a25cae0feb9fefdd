/**
 * `npm run bench:console` (issue 10, "Speed"): the console in Chromium, served by the gateway as production serves it
 * (the stack's own static serving of console/dist and its cookie session, signed in through the sign-in page), on a
 * statement of 100,000 lines. Target: the deep (last) page within 1.5x of the first.
 *
 * Needs DATABASE_URL (a PostgreSQL server where it may create and drop a database; exit 2 without it), Debian's
 * Chromium at /usr/bin/chromium; the npm script builds the stack and the console first.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:console [-- --quick] [-- --runs=5 --lines=200000]
 * Flags (or BENCH_<NAME>): --quick (10,000 lines, one run: a smoke run), --lines, --days, --runs (3), --warmup (1),
 * --api-calls (9), --quiet-ms (500). See bench/console/options.ts.
 *
 * What it does: creates `bench_console_<pid>`; starts the stack as `npm start` does (`node stack/dist/start-cli.js`:
 * migrations, the demo seed; no REDIS_URL, so the in-process queue) on free ports; once SMHO's chart is open, writes
 * the lines on SMHO:1100 with the ledger bench's bulk generator and closes every day before today
 * (bench/console/seed.ts); waits for the journal sealer to chain them, so that the machine is quiet. Then, signed in
 * as `finance` (DL-NDC, which holds SMHO), each repetition is: a fresh navigation to the dashboard; a fresh
 * navigation to the statement for the whole period; a scroll to its end, 500 lines a page (the console's page).
 * Warm-up repetitions run first and are not reported; each figure is the median of the measured ones.
 *
 * Definitions (all on the page's clock, performance.now(); bench/console/in-page.ts):
 * - time to interactive (TTI) = the first moment T at or after the content is visible such that no main-thread task
 *   over 50 ms (the Long Tasks API) runs in the --quiet-ms (500 ms) after T: T = max(content visible, end of the last
 *   long task before a quiet window of 500 ms). "Content visible" is checked every animation frame:
 *   - dashboard: its h1 "Dashboard" and each of its parts (cash by office, approvals, unclosed days) past its loading
 *     line with something under its heading, i.e. every part's data shown;
 *   - statement, first page: the grid's first row in the DOM;
 *   - statement, last page: the footer's line count grown past what was there before the last page was asked for.
 * - dashboard TTI and first-page TTI are measured from navigation start (a full page load: the HTML, the scripts, the
 *   session, the page's queries; hashed assets come from the browser's cache after the warm-up, as for an operator
 *   who opened the console before).
 * - page TTI from its request: from the moment the console's LedgerStatement fetch leaves to that page's TTI, for
 *   the first page and for the last page. The ratio is last / first of this figure: like with like (one page asked
 *   for and shown), without the app's start-up that only the first navigation pays.
 * - the last page is also given from the scroll that asked for it to its rows shown, and the whole scroll from the
 *   first scroll to the last page shown (every page fetched and appended).
 * - API alone: the same page 1 and last page (the console's selection, 500 lines) from Node straight to /graphql.
 *
 * Exit 0 whether the target is met or not; 1 when the run breaks; 2 on a usage error. The last line printed is one
 * JSON object: benchmark, the figures, ratio, target, pass.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import pg from 'pg';
import { apiLogin, apiStatementPage, lastPageCursor } from './console/api.js';
import { ConsoleBrowser, type BrowserRun } from './console/browser.js';
import { parseOptions, UsageError, type ConsoleBenchOptions } from './console/options.js';
import { ACCOUNT, accountOpened, allSealed, seedStatement } from './console/seed.js';
import { startBenchStack, type BenchStack } from './console/stack.js';
import { onServer, withDatabase } from './support/server.js';

const TARGET = 1.5;
const USERNAME = 'finance';
const PAGE_LINES = 500;
const root = join(import.meta.dirname, '..');
const log = (line = '') => console.log(line);

let options: ConsoleBenchOptions;
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error('bench:console needs DATABASE_URL, a postgres:// URL of a server where it may create and drop a database, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:console');
  process.exit(2);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};
const round = (value: number) => Math.round(value * 10) / 10;
const ms = (value: number) => `${Math.round(value).toLocaleString('en-IN')} ms`;

/** What has to be undone, in reverse order, however the run ends (success, failure, Ctrl-C). */
const cleanups: Array<{ what: string; run: () => Promise<void> }> = [];
let cleaning: Promise<void> | undefined;
const cleanUp = () =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`cleaning up (${step.what}) failed: ${(error as Error).message}`);
      }
    }
  })());
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the stack and the browser, dropping the database ...`);
    void cleanUp().finally(() => process.exit(code));
  });
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const today = businessDate(new Date(), DEFAULT_TIME_ZONE);
  const name = `bench_console_${process.pid}`;
  const databaseUrl = withDatabase(serverUrl!, name);
  log(`bench:console${options.quick ? ' --quick (a smoke run: not figures to quote)' : ''}: ${options.lines.toLocaleString('en-IN')} lines on ${ACCOUNT}, ${options.runs} run(s) after ${options.warmup} warm-up; ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)}; business date ${today}`);

  await onServer(serverUrl!, `drop database if exists ${name} with (force)`);
  await onServer(serverUrl!, `create database ${name}`);
  cleanups.push({ what: `dropping ${name}`, run: () => onServer(serverUrl!, `drop database if exists ${name} with (force)`) });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3, application_name: 'bench-console' });
  cleanups.push({ what: 'closing the pool', run: () => pool.end() });

  log(`database ${name}: starting the stack (node stack/dist/start-cli.js) ...`);
  const stack: BenchStack = await startBenchStack(root, databaseUrl);
  cleanups.push({ what: 'stopping the stack', run: () => stack.stop() });
  log(`  the gateway and the console at ${stack.baseUrl} (log: ${stack.logFile})`);
  await accountOpened(pool);

  log('seeding:');
  const seeded = await seedStatement(pool, { lines: options.lines, days: options.days, today, log });
  log(`  ${options.lines.toLocaleString('en-IN')} entries written and closed in ${seeded.seconds.toFixed(1)} s; waiting for the sealer to chain them ...`);
  const sealStarted = performance.now();
  await allSealed(pool);
  log(`  sealed in ${((performance.now() - sealStarted) / 1_000).toFixed(1)} s`);

  // The API alone: page 1 and the last page, the console's selection, median of --api-calls after a warm-up call.
  const token = await apiLogin(stack.baseUrl, USERNAME, 'demo');
  const variables = { accountCode: ACCOUNT, from: seeded.firstDay, to: today, first: PAGE_LINES };
  const walk = await lastPageCursor(stack.baseUrl, token, variables);
  if (walk.lines !== options.lines) throw new Error(`the API's statement has ${walk.lines} lines, not the ${options.lines} written`);
  const apiTimes = async (after: string | null) => {
    await apiStatementPage(stack.baseUrl, token, { ...variables, after });
    const times: number[] = [];
    for (let i = 0; i < options.apiCalls; i += 1) times.push((await apiStatementPage(stack.baseUrl, token, { ...variables, after })).ms);
    return round(median(times));
  };
  const api = { firstPageMs: await apiTimes(null), lastPageMs: await apiTimes(walk.cursor) };
  log(`API alone (${PAGE_LINES} lines, ${walk.pages} pages): page 1 ${ms(api.firstPageMs)}, last page ${ms(api.lastPageMs)} (median of ${options.apiCalls})`);

  const pageErrors: string[] = [];
  const browser = await ConsoleBrowser.open(stack.baseUrl, USERNAME, pageErrors);
  cleanups.push({ what: 'closing Chromium', run: () => browser.close() });
  const statementPath = `/ledger/accounts/${encodeURIComponent(ACCOUNT)}/statement?from=${seeded.firstDay}&to=${today}`;
  const runs: BrowserRun[] = [];
  for (let i = 0; i < options.warmup + options.runs; i += 1) {
    const warm = i < options.warmup;
    const run = await browser.run(statementPath, options.quietMs);
    if (run.lines !== options.lines) throw new Error(`the console's statement ended at ${run.lines} lines, not ${options.lines}`);
    log(
      `${warm ? 'warm-up' : `run ${i - options.warmup + 1}`}: dashboard TTI ${ms(run.dashboardInteractiveMs)}; statement first page TTI ${ms(run.firstInteractiveMs)} (request -> TTI ${ms(run.firstRequestToInteractiveMs)}); ` +
        `last page request -> shown ${ms(run.lastRequestToShownMs)}, -> TTI ${ms(run.lastRequestToInteractiveMs)}; to the end ${(run.toEndMs / 1_000).toFixed(1)} s (${run.pages} pages)`,
    );
    if (!warm) runs.push(run);
  }
  if (pageErrors.length > 0) throw new Error(`the console had uncaught errors:\n  ${pageErrors.join('\n  ')}`);

  const m = (key: keyof BrowserRun) => round(median(runs.map((run) => run[key])));
  const figures = {
    dashboard: { contentMs: m('dashboardContentMs'), interactiveMs: m('dashboardInteractiveMs') },
    firstPage: { contentMs: m('firstContentMs'), interactiveMs: m('firstInteractiveMs'), requestToShownMs: m('firstRequestToShownMs'), requestToInteractiveMs: m('firstRequestToInteractiveMs') },
    lastPage: { requestToShownMs: m('lastRequestToShownMs'), requestToInteractiveMs: m('lastRequestToInteractiveMs'), scrollToShownMs: m('lastScrollToShownMs'), toEndMs: m('toEndMs') },
    api,
  };
  const ratio = Math.round((figures.lastPage.requestToInteractiveMs / figures.firstPage.requestToInteractiveMs) * 100) / 100;
  const pass = ratio <= TARGET;
  const heapMb = Math.max(...runs.map((run) => run.heapMb));

  log();
  log(`Medians of ${runs.length} run(s). TTI = content visible, then the first moment followed by ${options.quietMs} ms with no main-thread task over 50 ms.`);
  log(`  dashboard (navigation start ->): parts shown ${ms(figures.dashboard.contentMs)}, interactive ${ms(figures.dashboard.interactiveMs)}`);
  log(`  statement, first page (navigation start ->): rows ${ms(figures.firstPage.contentMs)}, interactive ${ms(figures.firstPage.interactiveMs)}`);
  log(`  statement, first page (its request ->): rows ${ms(figures.firstPage.requestToShownMs)}, interactive ${ms(figures.firstPage.requestToInteractiveMs)}`);
  log(`  statement, last page of ${options.lines.toLocaleString('en-IN')} lines (its request ->): rows ${ms(figures.lastPage.requestToShownMs)}, interactive ${ms(figures.lastPage.requestToInteractiveMs)}; from the scroll that asked for it: rows ${ms(figures.lastPage.scrollToShownMs)}`);
  log(`  scrolling to the end: ${(figures.lastPage.toEndMs / 1_000).toFixed(1)} s for ${runs[0]!.pages} pages of ${PAGE_LINES}; JS heap at the end ${heapMb} MB`);
  log(`  API alone, ${PAGE_LINES} lines: page 1 ${ms(api.firstPageMs)}, last page ${ms(api.lastPageMs)}`);
  log(`deep page / first page (request -> interactive) = ${ratio.toFixed(2)}; target <= ${TARGET}: ${pass ? 'PASS' : 'FAIL'}`);
  log(`bench ran ${((performance.now() - benchStarted) / 1_000).toFixed(0)} s; load average ${loadavg()[0]!.toFixed(2)}`);
  console.log(
    JSON.stringify({
      benchmark: 'console',
      quick: options.quick,
      lines: options.lines,
      pageLines: PAGE_LINES,
      runs: runs.length,
      quietMs: options.quietMs,
      ...figures,
      heapMb,
      ratio,
      target: TARGET,
      pass,
      machine: { cpus: availableParallelism(), loadAverage: Math.round(loadavg()[0]! * 100) / 100 },
    }),
  );
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
