/**
 * `npm run bench:offices`: shows that the office tree's subtree questions are index-backed and cost the same whatever
 * the size of the tree. Needs DATABASE_URL (a real PostgreSQL server; the embedded one says nothing about a server's
 * plans). For each of two sizes (a tenth of the national tree, and the national tree of ~165,000 offices) it creates a
 * database of its own, applies the administration migrations, loads the generated tree in multi-row INSERT batches,
 * and measures, through the repository functions the API uses:
 * - the first page (50 rows) of the offices under one division, in the scope of an administrator of the circle;
 * - "is A under B" for a branch office and a division;
 * and, for comparison, the same listing by a recursive CTE over parent_code (the adjacency list without the path: an
 * index probe per office when PostgreSQL plans it so), and by the path predicate with index scans turned off (what the
 * listing costs without the path index). The two sizes are measured in alternating rounds, so load from anything else
 * on the machine falls on both alike.
 * It prints EXPLAIN for the measured queries, the figures, the ratios national/small, and as its last line one JSON
 * object with the figures. Timings are per call, from the client, median and 95th percentile over many calls.
 */
import { randomBytes } from 'node:crypto';
import { scopeCondition } from '@postal/authz';
import type { Identity } from '@postal/auth';
import { migrateSubgraph, openDatabase, rowsOf, type Database, type Db } from '@postal/db';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { onServer, withDatabase } from './support/server.js';
import { isOfficeUnder, isUnderQuery, listOffices, officeListQuery } from '../subgraphs/administration/src/offices/repository.js';
import { offices } from '../subgraphs/administration/src/offices/tables.js';
import { generateOfficeTree, type GeneratedOffice } from './office-tree.js';

const SIZES = [
  { label: 'small', scale: 0.1 },
  { label: 'national', scale: 1 },
] as const;
const PAGE = 50;
const ITERATIONS = { list: 600, isUnder: 2_000, cte: 300, seqScan: 30 };
/** Each size is measured in this many rounds, alternating with the other size. */
const ROUNDS = 5;
const WARM_UP = 20;
/** Rows per INSERT: 7 parameters each, well under PostgreSQL's 65,535 parameters per statement. */
const INSERT_BATCH = 2_000;

interface Figures {
  medianMs: number;
  p95Ms: number;
  calls: number;
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error('bench:offices needs DATABASE_URL, a postgres:// URL of a server where it may create and drop a database,');
  console.error('e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:offices');
  process.exit(2);
}

async function load(url: string, tree: GeneratedOffice[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    // Parents come before children in the generated order, so each batch finds its parents (the tree trigger checks).
    for (let start = 0; start < tree.length; start += INSERT_BATCH) {
      const batch = tree.slice(start, start + INSERT_BATCH);
      const values: unknown[] = [];
      const rows = batch.map((office, i) => {
        values.push(office.code, office.name, office.type, office.parentCode, office.path, office.accountOfficeCode, office.pin);
        const p = i * 7;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7})`;
      });
      await client.query(
        `insert into administration.offices (code, name, type, parent_code, path, account_office_code, pin) values ${rows.join(', ')}`,
        values,
      );
    }
    await client.query('analyze administration.offices');
  } finally {
    await client.end();
  }
  return performance.now() - started;
}

type Workload = 'list' | 'isUnder' | 'cte' | 'seqScan';
const WORKLOADS: Workload[] = ['list', 'isUnder', 'cte', 'seqScan'];

/** Times `calls` calls of `run`, appending each duration (ms) to `into`. */
async function time(into: number[], calls: number, offset: number, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < calls; i += 1) {
    const started = process.hrtime.bigint();
    await run(offset + i);
    into.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
}

function figures(times: number[]): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), calls: sorted.length };
}

const round = (ms: number) => Math.round(ms * 1_000) / 1_000;

/** An administrator of a circle: office.read over its subtree, as login would give. */
function adminOf(circle: string): Identity {
  return { kind: 'staff', staffId: 'bench', username: 'bench', roles: ['ADMIN'], officeCode: circle, officePath: circle, grants: [{ permission: 'office.read', scope: 'SUBTREE' }] };
}

/**
 * The same first page by walking parent_code level by level (the adjacency list's way, without the path): each level
 * is an index probe per office of the level above, and the rows carry their columns so no join follows.
 */
const cteListingQuery = (divisionCode: string) =>
  sql`
    with recursive below(code, name, type, status, parent_code, path) as (
      select code, name, type, status, parent_code, path from administration.offices where parent_code = ${divisionCode}
      union all
      select o.code, o.name, o.type, o.status, o.parent_code, o.path from administration.offices o join below b on o.parent_code = b.code
    )
    select * from below order by code limit ${PAGE + 1}`;

/** EXPLAIN ANALYZE of a statement with its bind parameters, as the timed calls send it (so the plan is theirs). */
async function explain(db: Db, query: SQL): Promise<string> {
  const result = await db.execute(sql`explain (analyze, costs off, timing off, summary off) ${query}`);
  return rowsOf<{ 'QUERY PLAN': string }>(result).map((row) => `    ${row['QUERY PLAN']}`).join('\n');
}

/** One size: its own database, loaded, with the calls to time and the plans to show. */
async function prepare(label: string, scale: number) {
  const tree = generateOfficeTree(scale);
  const name = `pf_bench_offices_${process.pid}_${label}_${randomBytes(3).toString('hex')}`;
  await onServer(serverUrl!, `create database ${name}`);
  const url = withDatabase(serverUrl!, name);
  const database = await openDatabase({ url, poolSize: 1, applicationName: 'bench-offices' });
  // A second session that may not use index scans: what the same listing costs without the path index.
  const withoutIndexes = new URL(url);
  withoutIndexes.searchParams.set('options', '-c enable_indexscan=off -c enable_bitmapscan=off');
  const noIndex = await openDatabase({ url: withoutIndexes.toString(), poolSize: 1, applicationName: 'bench-offices-noindex' });
  const drop = async () => {
    await database.close();
    await noIndex.close();
    await onServer(serverUrl!, `drop database if exists ${name} with (force)`);
  };
  try {
    await migrateSubgraph(database, 'administration');
    const loadMs = await load(url, tree);
    const divisions = tree.filter((office) => office.type === 'DIVISION');
    const branches = tree.filter((office) => office.type === 'BRANCH_OFFICE');
    // Twenty divisions spread over the tree, visited in turn, so no one division's pages stay hot alone.
    const sample = Array.from({ length: 20 }, (_, i) => divisions[Math.floor((i * divisions.length) / 20)]!);
    const divisionOf = (office: GeneratedOffice) => office.path.split('/').find((code) => code.includes('-D'))!;
    const listingOf = (division: GeneratedOffice) => ({
      scope: scopeCondition(adminOf(division.path.split('/')[0]!), 'office.read', offices.path),
      underPath: division.path,
      afterCode: undefined,
      limit: PAGE + 1,
    });
    const run: Record<Workload, (i: number) => Promise<unknown>> = {
      list: async (i) => {
        const rows = await listOffices(database.db, listingOf(sample[i % sample.length]!));
        if (rows.length !== PAGE + 1) throw new Error(`expected a full page, got ${rows.length}`);
      },
      // A branch and its own division, then a branch and some other division, alternately.
      isUnder: async (i) => {
        const branch = branches[(i * 7_919) % branches.length]!;
        const under = i % 2 === 0;
        const answer = await isOfficeUnder(database.db, branch.code, under ? divisionOf(branch) : sample[i % sample.length]!.code);
        if (under && !answer) throw new Error(`${branch.code} should be under its division`);
      },
      cte: (i) => database.db.execute(cteListingQuery(sample[i % sample.length]!.code)),
      seqScan: (i) => listOffices(noIndex.db, listingOf(sample[i % sample.length]!)),
    };
    const subtreeSize = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from administration.offices where path like ${`${sample[0]!.path}/%`}`),
    )[0]!.n;
    const probe = branches[0]!;
    const plans = {
      list: await explain(database.db, officeListQuery(database.db, listingOf(sample[0]!)).getSQL()),
      isUnder: await explain(database.db, isUnderQuery(probe.code, divisionOf(probe))),
      cte: await explain(database.db, cteListingQuery(sample[0]!.code)),
    };
    for (const workload of WORKLOADS) await time([], WARM_UP, 0, run[workload]);
    return { label, offices: tree.length, subtreeSize, loadSeconds: round(loadMs / 1_000), run, plans, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

const prepared: Array<Awaited<ReturnType<typeof prepare>>> = [];
try {
  for (const size of SIZES) {
    console.log(`loading the ${size.label} tree (scale ${size.scale}) ...`);
    const ready = await prepare(size.label, size.scale);
    prepared.push(ready);
    console.log(`  ${ready.offices.toLocaleString('en-IN')} offices loaded in ${ready.loadSeconds} s; one division has ${ready.subtreeSize} offices under it`);
    console.log(`  EXPLAIN ANALYZE, subtree listing (listOffices, first page of ${PAGE} + 1):\n${ready.plans.list}`);
    console.log(`  EXPLAIN ANALYZE, is A under B (isOfficeUnder):\n${ready.plans.isUnder}`);
    console.log(`  EXPLAIN ANALYZE, baseline listing by recursive CTE:\n${ready.plans.cte}`);
  }
  // The sizes are measured in alternating rounds, so whatever else the machine does falls on both alike.
  console.log(`\nmeasuring in ${ROUNDS} alternating rounds ...`);
  const times = prepared.map(() => Object.fromEntries(WORKLOADS.map((workload) => [workload, [] as number[]])) as Record<Workload, number[]>);
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [index, size] of prepared.entries()) {
      for (const workload of WORKLOADS) {
        const calls = ITERATIONS[workload] / ROUNDS;
        await time(times[index]![workload], calls, r * calls, size.run[workload]);
      }
    }
  }
  const results = prepared.map((size, index) => ({
    label: size.label,
    offices: size.offices,
    subtreeSize: size.subtreeSize,
    loadSeconds: size.loadSeconds,
    ...(Object.fromEntries(WORKLOADS.map((workload) => [workload, figures(times[index]![workload])])) as Record<Workload, Figures>),
  }));
  const [small, national] = results as [(typeof results)[number], (typeof results)[number]];
  const ratio = (key: Workload) => Math.round((national[key].medianMs / small[key].medianMs) * 100) / 100;
  const titles: Record<Workload, string> = {
    list: 'subtree listing, path prefix (the API)',
    isUnder: 'is A under B, path prefix (the API)',
    cte: 'baseline: listing by recursive CTE',
    seqScan: 'baseline: listing without index scans',
  };
  console.log(`\n${'ms per call, median (p95)'.padEnd(42)} ${`small ${small.offices}`.padStart(20)} ${`national ${national.offices}`.padStart(22)}   ratio national/small`);
  for (const workload of WORKLOADS) {
    const cell = (value: Figures) => `${value.medianMs.toFixed(3)} (${value.p95Ms.toFixed(3)})`;
    console.log(`${titles[workload].padEnd(42)} ${cell(small[workload]).padStart(20)} ${cell(national[workload]).padStart(22)}   ${ratio(workload)}`);
  }
  console.log(
    `\nThe tree grows ${Math.round(national.offices / small.offices)}x. The path-prefix listing and "is A under B" should stay flat (ratio near 1): ` +
      'their cost follows the size of one division and two key lookups. Without index scans the listing grows with the tree. ' +
      "The recursive CTE's cost depends on the plan PostgreSQL picks for its recursive step (see its EXPLAIN at each size).",
  );
  console.log(
    JSON.stringify({
      benchmark: 'offices',
      sizes: { small, national },
      ratios: Object.fromEntries(WORKLOADS.map((workload) => [workload, ratio(workload)])),
    }),
  );
} finally {
  for (const size of prepared) await size.drop();
}
