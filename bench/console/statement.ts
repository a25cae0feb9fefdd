/**
 * The console's 100,000-line statement, in Chromium (issue 10, "Speed"): how long the first page takes to be there
 * and usable, and whether the last page, reached by scrolling through every page, costs the same.
 *
 * Needs DATABASE_URL (a PostgreSQL server where it may create and drop a database), a built workspace
 * (`npx turbo run build`: stack/dist and console/dist), Debian's Chromium at /usr/bin/chromium and playwright-core
 * (resolved from the workspace, or from PLAYWRIGHT_CORE_DIR, a folder where it is installed). Run with tsx:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/console/statement.ts --lines=100000
 *
 * What it does:
 * 1. creates `bench_console_<pid>`, starts the stack on it (`node stack/dist/start-cli.js`: migrations, the demo offices
 *    and staff, their charts opened by the office.created consumer) on BENCH_PORT_BASE..+4 (default 4240);
 * 2. writes N entries (default 100,000) Dr SMHO:1100 cash / Cr SMHO:2100 MO payable by bulk SQL, the ledger bench's
 *    generator (bench/ledger/generator.ts: INSERT ... SELECT over generate_series, then every day before today closed,
 *    as closeBusinessDay leaves it), spread over --days (default 100) closed days and today; waits until the journal
 *    sealer has chained them all, so the machine is quiet when the timing starts;
 * 3. serves console/dist with `vite preview` (its proxy passes /graphql to the gateway) on BENCH_VITE_PORT (5245);
 * 4. in Chromium, signed in as `finance` (DL-NDC, which holds SMHO): opens the statement for the whole period, times
 *    the first rows and the main thread going idle after them; then scrolls to the end, page after page (500 lines
 *    each, the API's largest), timing each page from its request to its rows in the grid; at the end, times a
 *    keyboard step and a scroll on the 100,000-row grid; also times page 1 and the last page straight from the API.
 *
 * Until the gateway serves the console with its cookie session (a colleague's branch), the browser's `/session` is
 * answered by the script and each /graphql request carries finance's Bearer token (--session=fake, the default);
 * with --session=cookie it signs in through the console's sign-in form instead.
 *
 * Prints the figures and, last, one JSON line. Target (issue 10): the deep page within 1.5x of the first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadavg, availableParallelism } from 'node:os';
import { businessDate, DEFAULT_TIME_ZONE } from '@postal/calendar';
import pg from 'pg';
import { addDays, insertEntries, writeCloses } from '../ledger/generator.js';
import { onServer, withDatabase } from '../support/server.js';

const root = join(import.meta.dirname, '..', '..');
const args = new Map(process.argv.slice(2).filter((arg) => arg.startsWith('--')).map((arg) => [arg.slice(2).split('=')[0]!, arg.split('=')[1] ?? 'true']));
const LINES = Number(args.get('lines') ?? 100_000);
const DAYS = Number(args.get('days') ?? 100);
const SESSION = args.get('session') ?? 'fake';
const KEEP = args.has('keep');
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 4240);
const VITE_PORT = Number(process.env.BENCH_VITE_PORT ?? 5245);
const ACCOUNT = 'SMHO:1100';
const COUNTER_ACCOUNT = 'SMHO:2100';
const PAGE_LINES = 500;
const log = (line: string) => console.log(line);

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error('needs DATABASE_URL, a postgres:// URL of a server where it may create and drop a database');
  process.exit(2);
}

/** playwright-core, from the workspace or from PLAYWRIGHT_CORE_DIR (a folder whose node_modules holds it). */
async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch (error) {
    // Not a workspace dependency yet (bench:console will make it one): a folder where it was installed will do.
    const dir = process.env.PLAYWRIGHT_CORE_DIR;
    if (!dir) throw new Error(`playwright-core is not installed: npm install --no-save playwright-core, or set PLAYWRIGHT_CORE_DIR (${(error as Error).message})`);
    return createRequire(join(dir, 'package.json'))('playwright-core') as typeof import('playwright-core');
  }
}

const children: ChildProcess[] = [];
function start(command: string, argv: string[], env: Record<string, string>, cwd: string, ready: RegExp, name: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that stopping it stops whatever it started (npx, vite).
    const child = spawn(command, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s:\n${output.slice(-2000)}`)), 120_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', watch);
    child.stderr!.on('data', watch);
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output.slice(-2000)}`)));
  });
}
function stopAll(): void {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const round = (value: number) => Math.round(value * 10) / 10;

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function seed(pool: pg.Pool, today: string): Promise<{ firstDay: string; seconds: number }> {
  const firstDay = addDays(today, -DAYS);
  const started = performance.now();
  const superuser = (await pool.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user')).rows[0]?.rolsuper === true;
  await pool.query('drop table if exists public.bench_slots');
  await pool.query('create unlogged table public.bench_slots (slot int primary key, office_code text not null, debit_account text not null, credit_account text not null)');
  // One flow slot: every entry is an MO booked in cash at SMHO, so the cash account gets one line per entry.
  await pool.query('insert into public.bench_slots values (0, $1, $2, $3)', ['SMHO', ACCOUNT, COUNTER_ACCOUNT]);
  await insertEntries(pool, { postings: LINES * 2, days: DAYS, today, connections: 2, log: (line) => log(`  ${line.trim()}`) }, LINES, firstDay, DAYS + 1, 1, superuser);
  await pool.query('drop table public.bench_slots');
  log('  closing every day before today (daily balances, day closes, totals) ...');
  await writeCloses(pool, firstDay, addDays(today, -1), superuser);
  await pool.query('vacuum (analyze) accounts.journal_entries, accounts.postings, accounts.daily_balances, accounts.accounts');
  return { firstDay, seconds: (performance.now() - started) / 1_000 };
}

async function apiPage(gateway: string, token: string, variables: Record<string, unknown>): Promise<{ ms: number; endCursor: string | null; hasNextPage: boolean; lines: number }> {
  const query = `query ($accountCode: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) {
    accountStatement(accountCode: $accountCode, from: $from, to: $to, first: $first, after: $after) {
      openingBalance { amount } closingBalance { amount }
      edges { cursor node { entryId effectiveDate description side amount { amount currency } runningBalance { amount currency } entry { id sequence source { type reference } } } }
      pageInfo { hasNextPage endCursor } } }`;
  const started = performance.now();
  const answer = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await answer.json()) as { data: { accountStatement: { edges: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } };
  const ms = performance.now() - started;
  return { ms, lines: body.data.accountStatement.edges.length, ...body.data.accountStatement.pageInfo };
}

async function login(gateway: string, username: string): Promise<{ token: string; staff: { id: string; username: string; name: string } }> {
  const post = async (query: string, variables: Record<string, unknown>, token?: string) =>
    (await (
      await fetch(`${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      })
    ).json()) as { data: Record<string, any> };
  const token = (await post('mutation($u:String!){login(username:$u,password:"demo"){token}}', { u: username })).data.login.token as string;
  const staff = (await post('{ me { id username name } }', {}, token)).data.me;
  return { token, staff };
}

async function main(): Promise<void> {
  const today = businessDate(new Date(), DEFAULT_TIME_ZONE);
  const name = `bench_console_${process.pid}`;
  const url = withDatabase(serverUrl!, name);
  const gateway = `http://127.0.0.1:${PORT_BASE}`;
  log(`${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)}; business date ${today}; ${LINES.toLocaleString('en-IN')} lines on ${ACCOUNT}`);
  await onServer(serverUrl!, `drop database if exists ${name} with (force)`);
  await onServer(serverUrl!, `create database ${name}`);
  const pool = new pg.Pool({ connectionString: url, max: 3, application_name: 'bench-console' });
  try {
    log(`database ${name}: starting the stack on ports ${PORT_BASE}-${PORT_BASE + 4} ...`);
    const ports = { PORT: PORT_BASE, ADMINISTRATION_PORT: PORT_BASE + 1, ACCOUNTS_PORT: PORT_BASE + 2, MONEY_ORDERS_PORT: PORT_BASE + 3, COD_SETTLEMENT_PORT: PORT_BASE + 4 };
    await start('node', ['stack/dist/start-cli.js'], { DATABASE_URL: url, DATA_DIR: process.env.DATA_DIR ?? `/tmp/${name}`, LOG_LEVEL: 'warn', ...Object.fromEntries(Object.entries(ports).map(([key, value]) => [key, String(value)])) }, root, /Postal Finance is running/, 'the stack');
    await waitFor(`${ACCOUNT} opened by the office events`, 60_000, async () => ((await pool.query('select 1 from accounts.accounts where code = $1', [ACCOUNT])).rowCount ? true : undefined));
    log('seeding:');
    const seeded = await seed(pool, today);
    log(`  ${LINES.toLocaleString('en-IN')} entries written and closed in ${seeded.seconds.toFixed(1)} s; waiting for the sealer to chain them ...`);
    const sealStarted = performance.now();
    await waitFor('the sealer', 600_000, async () => {
      const { rows } = await pool.query<{ sealed: string; entries: string }>('select (select count(*) from accounts.journal_seals) as sealed, (select count(*) from accounts.journal_entries) as entries');
      return rows[0]!.sealed === rows[0]!.entries ? true : undefined;
    });
    log(`  sealed in ${((performance.now() - sealStarted) / 1_000).toFixed(1)} s`);

    log(`serving console/dist with vite preview on ${VITE_PORT} ...`);
    await start('npx', ['vite', 'preview', '--port', String(VITE_PORT), '--strictPort', '--host', '127.0.0.1'], { GATEWAY_URL: gateway }, join(root, 'console'), /Local:|127\.0\.0\.1:\d+/, 'vite preview');

    const { token, staff } = await login(gateway, 'finance');
    // The server alone: page 1 and the last page, straight from the API (median of 5 after a warm-up).
    const variables = { accountCode: ACCOUNT, from: seeded.firstDay, to: today, first: PAGE_LINES };
    let cursor: string | null = null;
    let lastCursor: string | null = null;
    for (let page = 0; ; page += 1) {
      const answer = await apiPage(gateway, token, { ...variables, after: cursor });
      if (!answer.hasNextPage) break;
      lastCursor = cursor = answer.endCursor;
    }
    const apiTimes = async (after: string | null) => {
      await apiPage(gateway, token, { ...variables, after });
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) times.push((await apiPage(gateway, token, { ...variables, after })).ms);
      return round(median(times));
    };
    const api = { firstPageMs: await apiTimes(null), lastPageMs: await apiTimes(lastCursor) };
    log(`API alone (${PAGE_LINES} lines with their entries): page 1 ${api.firstPageMs} ms, last page ${api.lastPageMs} ms (median of 5)`);

    const browserFigures = await inChromium(gateway, token, staff, `http://127.0.0.1:${VITE_PORT}/ledger/accounts/${encodeURIComponent(ACCOUNT)}/statement?from=${seeded.firstDay}&to=${today}`);
    const ratio = browserFigures.pages.lastMs / browserFigures.pages.firstMs;
    log('');
    log(`first page: rows after ${browserFigures.firstRowsMs} ms, interactive (main thread idle) after ${browserFigures.interactiveMs} ms from navigation`);
    log(`page fetch + render (request sent -> rows in the grid): first ${browserFigures.pages.firstMs} ms, median of pages 2-10 ${browserFigures.pages.earlyMedianMs} ms, median of the last 10 ${browserFigures.pages.lateMedianMs} ms, last ${browserFigures.pages.lastMs} ms (${browserFigures.pages.count} pages)`);
    log(`last page to interactive (its request -> main thread idle): ${browserFigures.lastInteractiveMs} ms`);
    log(`whole statement scrolled through in ${(browserFigures.scrollThroughMs / 1_000).toFixed(1)} s; ${browserFigures.rows.toLocaleString('en-IN')} rows; JS heap ${browserFigures.heapMb} MB`);
    log(`on the full grid: PageDown -> next row focused ${browserFigures.keyStepMs} ms; a scroll of half the statement -> painted ${browserFigures.scrollJumpMs} ms`);
    log(`deep page / first page = ${ratio.toFixed(2)} (target <= 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'}); load average ${loadavg()[0]!.toFixed(2)}`);
    console.log(JSON.stringify({ benchmark: 'console-statement', lines: LINES, pageLines: PAGE_LINES, api, browser: browserFigures, ratio: Math.round(ratio * 100) / 100, target: 1.5, machine: { cpus: availableParallelism(), loadAverage: Math.round(loadavg()[0]! * 100) / 100 } }));
  } finally {
    stopAll();
    await pool.end();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    if (!KEEP) await onServer(serverUrl!, `drop database if exists ${name} with (force)`);
  }
}

async function inChromium(gateway: string, token: string, staff: { id: string; username: string; name: string }, statementUrl: string) {
  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // tsx (esbuild) names the functions it compiles through a __name helper; functions this script hands to the page carry it.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    if (SESSION === 'fake') {
      await context.route((target) => target.pathname === '/session', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ expiresAt: new Date(Date.now() + 3_600_000).toISOString(), mustChangePassword: false, staff }) }),
      );
      await context.route((target) => target.pathname === '/graphql', (route) => route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${token}` } }));
    }
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    if (SESSION === 'cookie') {
      await page.goto(statementUrl.replace(/\/ledger\/.*$/, '/'));
      await page.getByLabel('Username').fill('finance');
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
    }
    // When each statement page was asked for (node's clock): a page's time runs from its request to its rows.
    const requestedAt: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql' && /LedgerStatement/.test(request.url() + (request.postData() ?? ''))) requestedAt.push(performance.now());
    });
    const idle = () => page.evaluate(() => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 5_000 })));
    const loaded = () => page.evaluate(() => Number(((document.querySelector('.data-table-footer')?.textContent ?? '').match(/^[\d,]+/)?.[0] ?? '0').replace(/,/g, '')));

    await page.goto(statementUrl);
    const firstRowsMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const check = () => (document.querySelector('tbody tr[data-index="0"]') ? resolve(performance.now()) : requestAnimationFrame(check));
          check();
        }),
    );
    const firstVisible = performance.now();
    const interactiveMs = await idle();
    const pageTimes: number[] = [firstVisible - requestedAt[0]!];
    const lastRequestToIdle: number[] = [];

    // Scroll to the end: each time the grid's bottom is reached, the next page is asked for and appended.
    const scrollStarted = performance.now();
    let rows = await loaded();
    for (let guard = 0; guard < Math.ceil(LINES / PAGE_LINES) + 20; guard += 1) {
      const done = await page.evaluate(() => /the whole period/.test(document.querySelector('.data-table-footer')?.textContent ?? ''));
      if (done) break;
      const before = rows;
      const asked = requestedAt.length;
      await page.evaluate(() => {
        const scroller = document.querySelector<HTMLElement>('.data-table-scroll')!;
        scroller.scrollTop = scroller.scrollHeight;
      });
      await page.waitForFunction((count) => Number(((document.querySelector('.data-table-footer')?.textContent ?? '').match(/^[\d,]+/)?.[0] ?? '0').replace(/,/g, '')) > count, before, { polling: 'raf', timeout: 30_000 });
      const shown = performance.now();
      rows = await loaded();
      if (requestedAt.length > asked) pageTimes.push(shown - requestedAt[requestedAt.length - 1]!);
      if (rows >= LINES) {
        await idle();
        lastRequestToIdle.push(performance.now() - requestedAt[requestedAt.length - 1]!);
      }
    }
    const scrollThroughMs = performance.now() - scrollStarted;

    // The full grid under the keyboard and the scroll bar.
    const keyStepMs = await page.evaluate(async () => {
      const rowsShown = [...document.querySelectorAll<HTMLElement>('tbody tr[data-index]')];
      const row = rowsShown[Math.floor(rowsShown.length / 2)]!;
      row.focus();
      const index = Number(row.dataset.index);
      const started = performance.now();
      row.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
      return new Promise<number>((resolve) => {
        const check = () => {
          const focused = document.activeElement as HTMLElement | null;
          if (focused?.dataset.index && Number(focused.dataset.index) > index) resolve(performance.now() - started);
          else requestAnimationFrame(check);
        };
        check();
      });
    });
    const scrollJumpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const scroller = document.querySelector<HTMLElement>('.data-table-scroll')!;
          const started = performance.now();
          scroller.scrollTop = scroller.scrollHeight / 2;
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
        }),
    );
    const heapMb = await page.evaluate(() => Math.round(((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1_048_576));
    return {
      firstRowsMs: round(firstRowsMs),
      interactiveMs: round(interactiveMs),
      pages: {
        count: pageTimes.length,
        firstMs: round(pageTimes[0]!),
        earlyMedianMs: round(median(pageTimes.slice(1, 10))),
        lateMedianMs: round(median(pageTimes.slice(-10))),
        lastMs: round(pageTimes.at(-1)!),
        maxMs: round(Math.max(...pageTimes)),
      },
      lastInteractiveMs: round(lastRequestToIdle.at(-1) ?? NaN),
      scrollThroughMs: Math.round(scrollThroughMs),
      rows,
      heapMb,
      keyStepMs: round(keyStepMs),
      scrollJumpMs: round(scrollJumpMs),
    };
  } finally {
    await browser.close();
  }
}

process.once('SIGINT', () => {
  stopAll();
  process.exit(130);
});
main().catch((error) => {
  console.error(error);
  stopAll();
  process.exitCode = 1;
});
