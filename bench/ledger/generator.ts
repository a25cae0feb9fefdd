import type pg from 'pg';

/*
 * The large-ledger generator: bulk SQL (INSERT ... SELECT over generate_series) writing a consistent ledger of a year
 * (by default) of counter business for the head and sub offices of the chart, and today's business so far (an
 * ordinary day's worth, not closed), then closing every office's every day before today:
 * - entries of two postings (Dr one account, Cr another, equal amounts), each a flow an office really has: MO booked
 *   in cash, commission, COD collected by a postman or by UPI, COD fee, GST, UPI cleared to the bank, GST remitted.
 *   No flow debits a payable or credits cash, so no account ever goes beyond its balance constraint;
 * - one head office's cash account is busy (about 2% of all entries), for the statement pages;
 * - entries are dated in order of their number, so entry seq and posting id grow with the date, as posting does;
 * - daily closes as closeBusinessDay leaves them: day_closes for every office with a chart and every day,
 *   daily_balances for each account that moved on the day (cumulative totals as of the day and the day's movement),
 *   business_days and accounts.closed_through at the last day;
 * - accounts' maintained totals set from the sums of all their postings.
 * Foreign-key triggers are switched off for the bulk inserts when the role may (session_replication_role = replica, a
 * superuser's setting, as pg_restore does): the rows are consistent by construction, checked after by sums, and the
 * RI checks of 5 million postings would be most of the load time.
 */

export interface GeneratorOptions {
  postings: number;
  /** Closed days of history; the postings are spread over these and today. */
  days: number;
  /** The business date today: postings are dated up to it, days are closed up to the day before. */
  today: string;
  /** Concurrent loading connections. */
  connections: number;
  log: (line: string) => void;
}

export interface GeneratedLedger {
  entries: number;
  postings: number;
  firstDay: string;
  /** The last day closed (the day before today). */
  lastDay: string;
  offices: number;
  activeOffices: number;
  dailyBalances: number;
  dayCloses: number;
  busyAccount: string;
  busyAccountPostings: number;
  fkChecksOff: boolean;
  loadSeconds: { entries: number; closes: number; vacuum: number };
}

interface Flow {
  debitHead: string;
  creditHead: string;
  weight: number;
  headOfficeOnly?: boolean;
}

const FLOWS: Flow[] = [
  { debitHead: '1100', creditHead: '2100', weight: 4 }, // MO booked in cash
  { debitHead: '1100', creditHead: '4100', weight: 2 }, // MO commission in cash
  { debitHead: '1200', creditHead: '2200', weight: 3 }, // COD collected by a postman
  { debitHead: '1400', creditHead: '2200', weight: 2 }, // COD collected by UPI
  { debitHead: '1400', creditHead: '4200', weight: 1 }, // COD fee by UPI
  { debitHead: '1100', creditHead: '2300', weight: 1 }, // GST collected in cash
  { debitHead: '1500', creditHead: '1400', weight: 2, headOfficeOnly: true }, // UPI cleared to the bank
  { debitHead: '2300', creditHead: '1500', weight: 1, headOfficeOnly: true }, // GST remitted from the bank
];
/** The busy account's share of all entries. */
const BUSY_SHARE = 0.02;
/** Entries per INSERT statement (and transaction): progress to show, and no one transaction of hours. */
const ENTRY_CHUNK = 200_000;
const ACTOR = JSON.stringify({ kind: 'service', id: 'ledger-generator' });
const CLOSER = JSON.stringify({ kind: 'service', id: 'ledger-generator-close' });

/** YYYY-MM-DD plus some days (negative: minus). */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The flows, expanded by weight into numbered slots an entry number hashes onto. */
async function writeSlots(client: pg.PoolClient, busyOffice: string): Promise<{ slots: number; offices: number }> {
  const offices = (
    await client.query<{ code: string; type: string }>(
      `select code, type from accounts.known_offices where type in ('HEAD_OFFICE', 'SUB_OFFICE') order by code`,
    )
  ).rows;
  const office: string[] = [];
  const debit: string[] = [];
  const credit: string[] = [];
  const add = (code: string, flow: Flow) => {
    office.push(code);
    debit.push(`${code}:${flow.debitHead}`);
    credit.push(`${code}:${flow.creditHead}`);
  };
  for (const { code, type } of offices) {
    for (const flow of FLOWS) {
      if (flow.headOfficeOnly && type !== 'HEAD_OFFICE') continue;
      for (let w = 0; w < flow.weight; w += 1) add(code, flow);
    }
  }
  // Extra cash bookings at the busy office until its cash account has about BUSY_SHARE of the entries.
  const busyExtra = Math.ceil((BUSY_SHARE * office.length) / (1 - BUSY_SHARE));
  for (let i = 0; i < busyExtra; i += 1) add(busyOffice, FLOWS[0]!);
  await client.query('create unlogged table public.bench_slots (slot int primary key, office_code text not null, debit_account text not null, credit_account text not null)');
  await client.query(
    `insert into public.bench_slots select row_number() over () - 1, o, d, c from unnest($1::text[], $2::text[], $3::text[]) as t(o, d, c)`,
    [office, debit, credit],
  );
  return { slots: office.length, offices: offices.length };
}

/**
 * Entries [lo, hi] of $5 and their postings, in one statement: the generated rows feed both inserts. Entry i is dated
 * $3 + floor(i * $4 / $5): $4 dates in all, the last of them today.
 */
const INSERT_CHUNK = `
  with g as materialized (
    select i, md5('pf-bench-entry-' || i)::uuid as id,
           $3::date + (i::bigint * $4 / $5)::int as d,
           s.office_code, s.debit_account, s.credit_account,
           round((((hashint4(i # 305419896)::bigint & 2147483647) % 500000) + 100)::numeric / 100, 2) as amount
      from generate_series($1::int, $2::int) as i
      join public.bench_slots s on s.slot = (hashint4(i)::bigint & 2147483647) % $6
  ),
  entries as (
    insert into accounts.journal_entries
      (id, office_code, effective_date, description, source_type, source_reference, actor, idempotency_key, request_hash, posted_at)
    select id, office_code, d, 'Generated counter entry', 'MONEY_ORDER', 'GEN-' || i, $7::jsonb, 'gen-' || i,
           encode(sha256(convert_to('gen-' || i, 'UTF8')), 'hex'),
           (d + time '09:00' + make_interval(secs => i % 32400)) at time zone 'Asia/Kolkata'
      from g order by i
  )
  insert into accounts.postings (entry_id, line, account_code, side, amount, currency, effective_date)
  select g.id, l.line, case l.line when 1 then g.debit_account else g.credit_account end,
         case l.line when 1 then 'DEBIT' else 'CREDIT' end, g.amount, 'INR', g.d
    from g cross join (values (1), (2)) as l(line)
   order by g.i, l.line`;

async function inTransaction<T>(pool: pg.Pool, fkChecksOff: boolean, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // A generator's rows are not money anyone would miss after a crash: no need to wait for each commit's flush.
    await client.query('set local synchronous_commit = off');
    if (fkChecksOff) await client.query('set local session_replication_role = replica');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Exported for bench/console/statement.ts, which seeds one account with it. */
export async function insertEntries(pool: pg.Pool, options: GeneratorOptions, entries: number, firstDay: string, dates: number, slots: number, fkChecksOff: boolean): Promise<void> {
  const chunks: Array<[number, number]> = [];
  for (let lo = 0; lo < entries; lo += ENTRY_CHUNK) chunks.push([lo, Math.min(entries, lo + ENTRY_CHUNK) - 1]);
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      const [lo, hi] = chunk;
      await inTransaction(pool, fkChecksOff, (client) => client.query(INSERT_CHUNK, [lo, hi, firstDay, dates, entries, slots, ACTOR]));
      done += hi - lo + 1;
      const seconds = (performance.now() - started) / 1_000;
      options.log(`    ${done.toLocaleString('en-IN')} / ${entries.toLocaleString('en-IN')} entries (${Math.round(done / seconds).toLocaleString('en-IN')} entries/s)`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.connections) }, worker));
}

/**
 * What closeBusinessDay would have left after closing every day from firstDay to lastDay for every office. Exported
 * for bench/console/statement.ts.
 */
export async function writeCloses(pool: pg.Pool, firstDay: string, lastDay: string, fkChecksOff: boolean): Promise<{ dailyBalances: number; dayCloses: number }> {
  return inTransaction(pool, fkChecksOff, async (client) => {
    // Each account's movement per day (accounts belong to one office: the office whose close covers them).
    await client.query(
      `create unlogged table public.bench_moves as
       select p.account_code, p.effective_date as business_date, a.office_code,
              coalesce(sum(p.amount) filter (where p.side = 'DEBIT'), 0) as period_debit,
              coalesce(sum(p.amount) filter (where p.side = 'CREDIT'), 0) as period_credit
         from accounts.postings p join accounts.accounts a on a.code = p.account_code
        where p.effective_date between $1::date and $2::date
        group by p.account_code, p.effective_date, a.office_code`,
      [firstDay, lastDay],
    );
    const earlier = await client.query<{ n: string }>(`select count(*) as n from accounts.postings where effective_date < $1::date`, [firstDay]);
    if (earlier.rows[0]!.n !== '0') throw new Error('postings dated before the generated history: the cumulative totals would miss them');
    const balances = await client.query(
      `insert into accounts.daily_balances (account_code, business_date, office_code, debit_total, credit_total, period_debit, period_credit)
       select account_code, business_date, office_code,
              sum(period_debit) over w, sum(period_credit) over w, period_debit, period_credit
         from public.bench_moves
       window w as (partition by account_code order by business_date)`,
    );
    const closes = await client.query(
      `insert into accounts.day_closes (office_code, business_date, previous_date, closed_at, closed_by, accounts_moved)
       select o.office_code, d::date, case when d::date = $1::date then null else d::date - 1 end,
              (d::date + 1 + time '20:00') at time zone 'Asia/Kolkata', $3::jsonb, coalesce(m.moved, 0)
         from (select distinct office_code from accounts.accounts where office_code is not null) o
        cross join generate_series($1::date, $2::date, interval '1 day') as d
         left join (select office_code, business_date, count(*)::int as moved from public.bench_moves group by 1, 2) m
           on m.office_code = o.office_code and m.business_date = d::date`,
      [firstDay, lastDay, CLOSER],
    );
    await client.query(
      `insert into accounts.business_days (office_code, closed_through, closed_at, closed_by)
       select distinct office_code, $1::date, ($1::date + 1 + time '20:00') at time zone 'Asia/Kolkata', $2::jsonb
         from accounts.accounts where office_code is not null
       on conflict (office_code) do update set closed_through = excluded.closed_through, closed_at = excluded.closed_at, closed_by = excluded.closed_by`,
      [lastDay, CLOSER],
    );
    // The maintained totals, from every posting (today's, not closed yet, included).
    await client.query(
      `update accounts.accounts a
          set debit_total = s.debit_total, credit_total = s.credit_total
         from (select account_code,
                      coalesce(sum(amount) filter (where side = 'DEBIT'), 0) as debit_total,
                      coalesce(sum(amount) filter (where side = 'CREDIT'), 0) as credit_total
                 from accounts.postings group by account_code) s
        where a.code = s.account_code`,
    );
    await client.query(`update accounts.accounts set closed_through = $1::date where office_code is not null`, [lastDay]);
    await client.query('drop table public.bench_moves');
    return { dailyBalances: balances.rowCount ?? 0, dayCloses: closes.rowCount ?? 0 };
  });
}

/** The ledger's invariants, by sums: debits equal credits overall, and the accounts' totals equal their postings. */
async function check(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ debits: string; credits: string; account_debits: string; account_credits: string; orphans: string }>(
    `select (select sum(amount) from accounts.postings where side = 'DEBIT')::text as debits,
            (select sum(amount) from accounts.postings where side = 'CREDIT')::text as credits,
            (select sum(debit_total) from accounts.accounts)::text as account_debits,
            (select sum(credit_total) from accounts.accounts)::text as account_credits,
            (select count(*) from accounts.postings p where not exists (select 1 from accounts.journal_entries e where e.id = p.entry_id))::text as orphans`,
  );
  const sums = rows[0]!;
  if (sums.debits !== sums.credits || sums.debits !== sums.account_debits || sums.credits !== sums.account_credits || sums.orphans !== '0') {
    throw new Error(`the generated ledger is inconsistent: ${JSON.stringify(sums)}`);
  }
}

export async function generateLedger(pool: pg.Pool, options: GeneratorOptions): Promise<GeneratedLedger> {
  const entries = Math.floor(options.postings / 2);
  const lastDay = addDays(options.today, -1);
  const firstDay = addDays(options.today, -options.days);
  const superuser = await pool.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
  const fkChecksOff = superuser.rows[0]?.rolsuper === true;
  if (!fkChecksOff) options.log('    (not a superuser: foreign-key checks stay on, the load is slower)');

  const client = await pool.connect();
  let slots: { slots: number; offices: number };
  let busyOffice: string;
  try {
    const headOffices = await client.query<{ code: string }>(`select code from accounts.known_offices where type = 'HEAD_OFFICE' order by code desc limit 1`);
    busyOffice = headOffices.rows[0]!.code;
    await client.query('drop table if exists public.bench_slots');
    slots = await writeSlots(client, busyOffice);
  } finally {
    client.release();
  }
  options.log(
    `    ${entries.toLocaleString('en-IN')} entries over ${options.days} closed days (${firstDay} to ${lastDay}) and today, ${slots.offices} offices posting, ${slots.slots} flow slots`,
  );

  let started = performance.now();
  await insertEntries(pool, options, entries, firstDay, options.days + 1, slots.slots, fkChecksOff);
  const entrySeconds = (performance.now() - started) / 1_000;
  await pool.query('drop table public.bench_slots');

  started = performance.now();
  options.log('    closing every office\'s days: daily balances, day closes, business days, totals ...');
  const closes = await writeCloses(pool, firstDay, lastDay, fkChecksOff);
  const closeSeconds = (performance.now() - started) / 1_000;

  // A ledger of a year has been vacuumed many times over: visibility maps set, statistics current.
  started = performance.now();
  options.log('    vacuum analyze, checkpoint ...');
  await pool.query('vacuum (analyze) accounts.journal_entries, accounts.postings, accounts.daily_balances, accounts.day_closes, accounts.accounts, accounts.business_days');
  await pool.query('checkpoint');
  const vacuumSeconds = (performance.now() - started) / 1_000;
  await check(pool);

  const busyAccount = `${busyOffice}:1100`;
  const busy = await pool.query<{ n: string }>('select count(*) as n from accounts.postings where account_code = $1', [busyAccount]);
  const offices = await pool.query<{ n: string }>('select count(distinct office_code) as n from accounts.accounts where office_code is not null');
  const round1 = (value: number) => Math.round(value * 10) / 10;
  return {
    entries,
    postings: entries * 2,
    firstDay,
    lastDay,
    offices: Number(offices.rows[0]!.n),
    activeOffices: slots.offices,
    dailyBalances: closes.dailyBalances,
    dayCloses: closes.dayCloses,
    busyAccount,
    busyAccountPostings: Number(busy.rows[0]!.n),
    fkChecksOff,
    loadSeconds: { entries: round1(entrySeconds), closes: round1(closeSeconds), vacuum: round1(vacuumSeconds) },
  };
}
