import { encodeCursor } from '@postal/server';
import { accountStatement } from '../../subgraphs/accounts/src/reports/statement.js';
import { trialBalance } from '../../subgraphs/accounts/src/reports/trial-balance.js';
import { round } from './driver.js';
import { addDays, generateLedger, type GeneratedLedger } from './generator.js';
import type { BenchOptions } from './options.js';
import type { BenchDatabase } from './setup.js';

/*
 * Measurement (e): the large ledger, then the reports auditors use, on it, through the functions the API calls:
 * the trial balance (whole ledger and one division's subtree; as of a day in the middle of the history and as of
 * today) and an account statement's pages for the busy account (page 1 and a page deep into it, reached by the
 * cursor a client would hold). Each figure is the median of several calls after one warm-up call.
 */

const STATEMENT_PAGE = 100;

export interface Latency {
  medianMs: number;
  p95Ms: number;
  calls: number;
}

export interface LargeLedgerFigures {
  ledger: GeneratedLedger;
  trialBalance: Record<string, Latency & { asOf: string; scope: string; lines: number }>;
  statement: {
    account: string;
    pageSize: number;
    lines: number;
    page1: Latency;
    deepPage: Latency & { page: number };
  };
}

async function timed(calls: number, run: () => Promise<unknown>): Promise<Latency> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { medianMs: round(at(0.5), 2), p95Ms: round(at(0.95), 2), calls };
}

async function measureTrialBalances(bench: BenchDatabase, ledger: GeneratedLedger, today: string, calls: number, log: (line: string) => void) {
  const division = await bench.pool.query<{ path: string }>(`select path from accounts.known_offices where type = 'DIVISION' order by code limit 1`);
  const divisionPath = division.rows[0]!.path;
  const spanDays = Math.round((Date.parse(ledger.lastDay) - Date.parse(ledger.firstDay)) / 86_400_000);
  const middle = addDays(ledger.firstDay, Math.floor(spanDays / 2));
  const cases = [
    { label: 'wholeLedgerMiddle', asOf: middle, officePath: null },
    { label: 'wholeLedgerToday', asOf: today, officePath: null },
    { label: 'divisionMiddle', asOf: middle, officePath: divisionPath },
    { label: 'divisionToday', asOf: today, officePath: divisionPath },
  ];
  const figures: LargeLedgerFigures['trialBalance'] = {};
  // For comparison: the same totals by summing every posting up to the date (what the daily closes spare).
  let scanned = 0;
  const scan = await timed(Math.min(3, calls), async () => {
    const result = await bench.pool.query(
      `select account_code, sum(amount) filter (where side = 'DEBIT'), sum(amount) filter (where side = 'CREDIT')
         from accounts.postings where effective_date <= $1::date group by account_code`,
      [middle],
    );
    scanned = result.rowCount ?? 0;
  });
  figures.baselineScanAllPostingsMiddle = { ...scan, asOf: middle, scope: 'whole ledger, by summing all postings (baseline)', lines: scanned };
  log(`    baseline: whole-ledger totals as of ${middle} by summing all postings: median ${scan.medianMs} ms`);
  for (const { label, asOf, officePath } of cases) {
    let lines = 0;
    const latency = await timed(calls, async () => {
      const report = await trialBalance(bench.database.db, { asOf, officePath, currency: 'INR' });
      // Every generated entry stays within its office, so every subtree balances too.
      if (!report.balanced) throw new Error(`the trial balance as of ${asOf} for ${officePath ?? 'the whole ledger'} does not balance`);
      lines = report.lines.length;
    });
    figures[label] = { ...latency, asOf, scope: officePath ?? 'whole ledger', lines };
    log(`    trial balance, ${(officePath ?? 'whole ledger').padEnd(22)} as of ${asOf}: ${String(lines).padStart(5)} lines, median ${latency.medianMs} ms (p95 ${latency.p95Ms})`);
  }
  return figures;
}

async function measureStatement(bench: BenchDatabase, ledger: GeneratedLedger, today: string, calls: number, log: (line: string) => void) {
  const account = ledger.busyAccount;
  const from = ledger.firstDay;
  const lines = Number(
    (await bench.pool.query<{ n: string }>(`select count(*) as n from accounts.postings where account_code = $1 and effective_date between $2 and $3`, [account, from, today])).rows[0]!.n,
  );
  // The page a client reaches after reading nine tenths of the statement: the cursor it holds is the last line read.
  const deepPage = Math.max(2, Math.floor((lines * 0.9) / STATEMENT_PAGE));
  const last = await bench.pool.query<{ effective_date: string; id: string }>(
    `select effective_date::text, id::text from accounts.postings
      where account_code = $1 and effective_date between $2 and $3
      order by effective_date, id offset $4 limit 1`,
    [account, from, today, (deepPage - 1) * STATEMENT_PAGE - 1],
  );
  if (!last.rows[0]) throw new Error(`${account} has too few lines for a deep page`);
  const after = encodeCursor([last.rows[0].effective_date, last.rows[0].id]);
  const page = async (cursor: string | null) => {
    const report = await accountStatement(bench.database.db, { accountCode: account, from, to: today, first: STATEMENT_PAGE, after: cursor });
    if (!report || report.edges.length !== STATEMENT_PAGE) throw new Error(`a statement page of ${account} came back short`);
  };
  const page1 = await timed(calls, () => page(null));
  const deep = await timed(calls, () => page(after));
  log(`    statement of ${account} (${lines.toLocaleString('en-IN')} lines, ${STATEMENT_PAGE} a page): page 1 median ${page1.medianMs} ms (p95 ${page1.p95Ms}), page ${deepPage} median ${deep.medianMs} ms (p95 ${deep.p95Ms})`);
  return { account, pageSize: STATEMENT_PAGE, lines, page1, deepPage: { ...deep, page: deepPage } };
}

export async function measureLargeLedger(bench: BenchDatabase, options: BenchOptions, today: string, log: (line: string) => void): Promise<LargeLedgerFigures> {
  log(`\n(e) large ledger: generating ${options.postings.toLocaleString('en-IN')} postings`);
  const ledger = await generateLedger(bench.pool, { postings: options.postings, days: options.days, today, connections: 2, log });
  log(
    `    generated in ${ledger.loadSeconds.entries} s (entries and postings) + ${ledger.loadSeconds.closes} s (closes) + ${ledger.loadSeconds.vacuum} s (vacuum): ` +
      `${ledger.dailyBalances.toLocaleString('en-IN')} daily balances, ${ledger.dayCloses.toLocaleString('en-IN')} day closes over ${ledger.offices} offices`,
  );
  const trialBalanceFigures = await measureTrialBalances(bench, ledger, today, options.reportCalls, log);
  const statement = await measureStatement(bench, ledger, today, options.reportCalls, log);
  return { ledger, trialBalance: trialBalanceFigures, statement };
}
