import pg from 'pg';
import { addDays, insertEntries, writeCloses } from '../ledger/generator.js';

/** The account the statement is read from and its counter-account: SMHO, in finance's (DL-NDC) subtree. */
export const ACCOUNT = 'SMHO:1100';
const COUNTER_ACCOUNT = 'SMHO:2100';

/**
 * N entries Dr SMHO:1100 cash / Cr SMHO:2100 MO payable, written by the ledger bench's bulk generator
 * (bench/ledger/generator.ts: INSERT ... SELECT over generate_series), spread over `days` closed days and today, then
 * every day before today closed as closeBusinessDay leaves it (daily balances, day closes, totals). The account gets
 * one statement line per entry. From the colleague's bench/console/statement.ts.
 */
export async function seedStatement(pool: pg.Pool, options: { lines: number; days: number; today: string; log: (line: string) => void }): Promise<{ firstDay: string; seconds: number }> {
  const { lines, days, today, log } = options;
  const firstDay = addDays(today, -days);
  const started = performance.now();
  const superuser = (await pool.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user')).rows[0]?.rolsuper === true;
  await pool.query('drop table if exists public.bench_slots');
  await pool.query('create unlogged table public.bench_slots (slot int primary key, office_code text not null, debit_account text not null, credit_account text not null)');
  // One flow slot: every entry is an MO booked in cash at SMHO.
  await pool.query('insert into public.bench_slots values (0, $1, $2, $3)', ['SMHO', ACCOUNT, COUNTER_ACCOUNT]);
  await insertEntries(pool, { postings: lines * 2, days, today, connections: 2, log: (line) => log(`  ${line.trim()}`) }, lines, firstDay, days + 1, 1, superuser);
  await pool.query('drop table public.bench_slots');
  log('  closing every day before today (daily balances, day closes, totals) ...');
  await writeCloses(pool, firstDay, addDays(today, -1), superuser);
  await pool.query('vacuum (analyze) accounts.journal_entries, accounts.postings, accounts.daily_balances, accounts.accounts');
  return { firstDay, seconds: (performance.now() - started) / 1_000 };
}

export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The stack's office.created consumer opens SMHO's chart shortly after the demo seed. */
export const accountOpened = (pool: pg.Pool) =>
  waitFor(`${ACCOUNT} opened by the office events`, 60_000, async () => ((await pool.query('select 1 from accounts.accounts where code = $1', [ACCOUNT])).rowCount ? true : undefined));

/** Until the journal sealer has chained every entry, so that the machine is quiet when the timing starts. */
export const allSealed = (pool: pg.Pool) =>
  waitFor('the journal sealer', 900_000, async () => {
    const { rows } = await pool.query<{ sealed: string; entries: string }>('select (select count(*) from accounts.journal_seals) as sealed, (select count(*) from accounts.journal_entries) as entries');
    return rows[0]!.sealed === rows[0]!.entries ? true : undefined;
  });
