/**
 * `npm run bench:gateway`: what the gateway costs (issue 9). Needs DATABASE_URL (a PostgreSQL server where it may
 * create and drop a database). It creates `bench_gateway_<pid>`, applies every subgraph's migrations, seeds the demo
 * offices and staff and 96 more offices under the New Delhi Central division, and starts two child processes, each
 * in a process group of its own (stopped with their groups at the end, also on failure or Ctrl-C):
 * - the four subgraphs in one process (bench/gateway/subgraphs-main.ts), on free ports;
 * - the gateway as production runs it: `node gateway/dist/main.js`, configured only by its environment (PORT, the
 *   subgraph URLs, JWT_PUBLIC_KEY, IDENTITY_SECRET, NODE_ENV=production).
 * This process is the load generator (autocannon, 16 connections by default). It signs in through the gateway as two
 * demo users and loads three queries, each through the gateway and straight to the subgraphs with requests signed as
 * the gateway signs them (bench/gateway/signing.ts), in alternating slots over several rounds after a warm-up, so
 * whatever else the machine does falls on both alike:
 * 1. one subgraph: moneyOrderQuote; direct = the same request to money-orders;
 * 2. two subgraphs: me { office { ledgerAccounts } }; direct = the gateway plan's two requests (administration, then
 *    accounts' _entities for the office), each loaded on its own;
 * 3. entity-heavy: 100 offices of a division with their ledger accounts; direct = administration's page, then
 *    accounts' _entities for the 100 offices, each loaded on its own.
 * For a two-step query the direct rate is the steps' rates combined serially (1 / (1/a + 1/b): what the subgraphs
 * can answer of the pair, one after the other, as the gateway must) and its latencies the sums of the steps'.
 * It samples the gateway process's resident memory (VmRSS) through the run, and reads each child's CPU time
 * (/proc/<pid>/stat) around every slot and over a few idle seconds. It prints the figures, the targets
 * (ratio >= 0.6 for the one-subgraph query, gateway RSS < 200 MB) with pass or fail, and as its last line one JSON
 * object. It exits 0 whether the targets are met or not; non-zero only when the run itself broke.
 * Flags: --duration=5 (seconds per slot), --rounds=3, --warmup=2 (seconds per target), --connections=16,
 * --log-level=warn (the children's LOG_LEVEL), --keep-logs (keep the children's logs, as a failed run does).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchDatabase, LIST_DIVISION } from './gateway/database.js';
import { emptyTally, figures, round, runSlot, type Figures, type Tally, type Target } from './gateway/load.js';
import { parseOptions, type GatewayBenchOptions } from './gateway/options.js';
import { cpuMs, residentMb, rssSampler, tail } from './gateway/processes.js';
import { LIST_SIZE, sameData, WORKLOADS, type DirectStep, type Workload } from './gateway/queries.js';
import { runBench, type BenchRun } from './gateway/lifecycle.js';
import type { SignedHeaders } from './gateway/signing.js';
import { graphql, seconds, signIn, startBenchProcesses, type Session } from './gateway/start.js';
import { DEMO_PASSWORD } from '../subgraphs/administration/src/seed/demo.js';

const RATIO_TARGET = 0.6;
const MEMORY_TARGET_MB = 200;
const IDLE_SECONDS = 3;
/**
 * The gateway's Node flags in production (the README's command). Unbounded, V8 lets the old generation grow lazily
 * under load (to 370 MB here in three rounds) although what is live stays small; bound at 128 MB, it collects sooner
 * and the process stays under the 200 MB target at the same throughput.
 */
const GATEWAY_NODE_FLAGS = ['--max-old-space-size=128'];

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
  console.error('bench:gateway needs DATABASE_URL, a postgres:// URL of a server where it may create and drop a database,');
  console.error('e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:gateway');
  process.exit(2);
}

let options: GatewayBenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`bench:gateway: ${(error as Error).message}`);
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string) => console.log(line);
const loadAtStart = loadavg()[0]!;
log(
  `bench:gateway: ${options.connections} connections, ${options.rounds} rounds of ${options.duration} s slots, ${options.warmup} s warm-up per target; ` +
    `${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(2)}`,
);

await runBench({ name: 'bench:gateway', logPrefix: 'pf-bench-gateway-', keepLogs: options.keepLogs }, run);

async function run(context: BenchRun): Promise<void> {
  const { children, logDir } = context;
  let started = performance.now();
  const bench = (context.database = await createBenchDatabase(serverUrl!));
  log(`database ${bench.name}: migrated and seeded in ${seconds(started)} s`);

  const processes = await startBenchProcesses({ bench, root, logDir, logLevel: options.logLevel, planner: options.planner, gatewayNodeFlags: GATEWAY_NODE_FLAGS, children, log });
  const { gateway, subgraphs, gatewayUrl, subgraphUrl, rssAtStartMb } = processes;
  const rss = rssSampler(gateway.pid);
  log(`gateway process ${gateway.pid} (${gatewayEngine()}) up, RSS ${rssAtStartMb.toFixed(1)} MB`);

  // One sign-in each through the gateway; the direct requests carry the identity the gateway makes of the token.
  const sessions = new Map<Workload['user'], Session>();
  for (const user of new Set(WORKLOADS.map((workload) => workload.user))) sessions.set(user, await signIn(processes, user, DEMO_PASSWORD));

  /** One direct request, signed as the gateway would sign it. */
  const direct = (step: DirectStep, sign: SignedHeaders) => {
    const body = JSON.stringify(step.body);
    return graphql(subgraphUrl(step.audience), sign(step.audience, body), body);
  };

  // The targets, checked once: the direct requests must fetch what the gateway answers.
  const plans = [];
  for (const workload of WORKLOADS) {
    const session = sessions.get(workload.user)!;
    const gatewayTarget: Target = { url: gatewayUrl, body: JSON.stringify(workload.gateway), headers: { authorization: `Bearer ${session.token}` } };
    const gatewayData = await graphql(gatewayUrl, gatewayTarget.headers, workload.gateway);
    const firstData = await direct(workload.first, session.sign);
    const steps = [workload.first, ...workload.then(firstData)];
    const answers = [firstData];
    for (const step of steps.slice(1)) answers.push(await direct(step, session.sign));
    if (!sameData(gatewayData, workload.compose(answers))) {
      throw new Error(`${workload.title}: the direct requests do not fetch what the gateway answers:\n${JSON.stringify(gatewayData).slice(0, 500)}\n${JSON.stringify(workload.compose(answers)).slice(0, 500)}`);
    }
    describeData(workload, gatewayData);
    const directTargets = steps.map((step): Target => {
      const body = JSON.stringify(step.body);
      return { url: subgraphUrl(step.audience), body, headers: {}, perRequest: () => session.sign(step.audience, body) };
    });
    plans.push({ workload, steps, gatewayTarget, directTargets, gatewayTally: emptyTally(), directTallies: steps.map(() => emptyTally()) });
  }

  const assertAlive = () => {
    for (const child of children) if (child.exited) throw new Error(`${child.name} exited during the run (${JSON.stringify(child.exited)}); its log:\n${tail(child.logFile)}`);
  };
  /** One measured slot, with the CPU time each child process spent in it. */
  const measure = async (target: Target, into: Tally) => {
    const pids = { gateway: gateway.pid, subgraphs: subgraphs.pid };
    const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
    await runSlot(target, options.connections, options.duration, into);
    for (const [name, pid] of Object.entries(pids)) {
      const [from, to] = [before[name], cpuMs(pid)];
      if (from !== undefined && to !== undefined) into.cpuMs[name] = (into.cpuMs[name] ?? 0) + (to - from);
    }
  };
  if (options.warmup > 0) {
    started = performance.now();
    for (const plan of plans) {
      for (const target of [plan.gatewayTarget, ...plan.directTargets]) await runSlot(target, options.connections, options.warmup, emptyTally());
    }
    assertAlive();
    log(`warmed up in ${seconds(started)} s; gateway RSS ${(residentMb(gateway.pid) ?? NaN).toFixed(1)} MB`);
  }

  // What the processes spend with no load at all (relays, sealers and sweeps polling, the gateway following the
  // session feed): it falls on every answer of a slot, more on each the fewer answers the slot has.
  const idle = await idleCpu({ gateway: gateway.pid, subgraphs: subgraphs.pid }, IDLE_SECONDS);
  log(`idle CPU over ${IDLE_SECONDS} s: ${Object.entries(idle).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms/s`).join(', ')}`);

  // Alternating slots: even rounds load the gateway first, odd rounds the subgraphs first.
  for (let r = 0; r < options.rounds; r += 1) {
    started = performance.now();
    for (const plan of plans) {
      const viaGateway = () => measure(plan.gatewayTarget, plan.gatewayTally);
      const straight = async () => {
        for (const [i, target] of plan.directTargets.entries()) await measure(target, plan.directTallies[i]!);
      };
      if (r % 2 === 0) {
        await viaGateway();
        await straight();
      } else {
        await straight();
        await viaGateway();
      }
      assertAlive();
    }
    log(`round ${r + 1}/${options.rounds} in ${seconds(started)} s; gateway RSS max so far ${rss.maxMb.toFixed(1)} MB`);
  }
  rss.sample();
  rss.stop();

  for (const plan of plans) {
    for (const [label, tally] of [['gateway', plan.gatewayTally], ...plan.directTallies.map((t, i) => [`direct ${plan.steps[i]!.audience}`, t] as const)] as const) {
      if (tally.bad > 0) throw new Error(`${plan.workload.title}, ${label}: ${tally.bad} answers were not 200 without errors; the first: ${tally.firstBad}`);
      if (tally.ok === 0) throw new Error(`${plan.workload.title}, ${label}: no answers`);
    }
  }

  const queries = Object.fromEntries(
    plans.map((plan) => {
      const gatewayFigures = figures(plan.gatewayTally);
      const stepFigures = plan.directTallies.map(figures);
      const directFigures = combineSerially(stepFigures);
      const connectionErrors = plan.gatewayTally.errors + plan.directTallies.reduce((sum, tally) => sum + tally.errors, 0);
      return [
        plan.workload.key,
        {
          title: plan.workload.title,
          gateway: gatewayFigures,
          direct: { ...directFigures, ...(stepFigures.length > 1 ? { steps: Object.fromEntries(stepFigures.map((f, i) => [plan.steps[i]!.audience, f])) } : {}) },
          ratio: round(gatewayFigures.requestsPerSecond / directFigures.requestsPerSecond, 3),
          connectionErrors,
        },
      ] as const;
    }),
  ) as Record<Workload['key'], QueryFigures>;

  const loadAtEnd = loadavg()[0]!;
  printTable(queries);
  const ratio = queries.oneSubgraph.ratio;
  const gatewayRssMaxMb = round(rss.maxMb, 1);
  const ratioMet = ratio >= RATIO_TARGET;
  const memoryMet = gatewayRssMaxMb < MEMORY_TARGET_MB;
  log(`\ntarget: one-subgraph ratio gateway/direct >= ${RATIO_TARGET}: ${ratio.toFixed(3)} ${ratioMet ? 'PASS' : 'FAIL'}`);
  log(`target: gateway RSS < ${MEMORY_TARGET_MB} MB (max sampled through the run): ${gatewayRssMaxMb.toFixed(1)} MB ${memoryMet ? 'PASS' : 'FAIL'}`);
  log(`load average ${loadAtEnd.toFixed(2)} at the end (${availableParallelism()} CPUs; the gateway, the subgraphs, PostgreSQL and the load generator share them)`);
  // The gateway and the subgraphs compete for the same cores: how busy the machine is moves the ratio itself.
  if (Math.max(loadAtStart, loadAtEnd) > availableParallelism()) {
    log('the machine was busy with other work (load average above the CPU count): compare only runs made under like load');
  }

  console.log(
    JSON.stringify({
      benchmark: 'gateway',
      engine: gatewayEngine(),
      planner: options.planner,
      gatewayNodeFlags: GATEWAY_NODE_FLAGS,
      ratio,
      gatewayRssMaxMb,
      gatewayRssAtStartMb: round(rssAtStartMb, 1),
      targets: { ratio: RATIO_TARGET, gatewayRssMb: MEMORY_TARGET_MB },
      pass: { ratio: ratioMet, memory: memoryMet },
      connections: options.connections,
      durationSeconds: options.duration,
      rounds: options.rounds,
      machine: { cpus: availableParallelism(), loadAverageStart: round(loadAtStart, 2), loadAverageEnd: round(loadAtEnd, 2) },
      idleCpuMsPerSecond: idle,
      queries,
    }),
  );
}

/** CPU ms per second each process spends over `seconds` with no load. */
async function idleCpu(pids: Record<string, number>, seconds: number): Promise<Record<string, number>> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid) ?? NaN]));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, round(((cpuMs(pid) ?? NaN) - before[name]!) / seconds, 1)]));
}

/**
 * A two-step direct query as one: the subgraphs answer step after step, so a pair costs the sum of the steps' times
 * (rate 1 / (1/a + 1/b)); the latencies are the sums of the steps' percentiles (an upper bound for p99, close for p50),
 * and so is the CPU per request.
 */
function combineSerially(steps: Figures[]): DirectFigures {
  if (steps.length === 1) return steps[0]!;
  return {
    requestsPerSecond: round(1 / steps.reduce((sum, step) => sum + 1 / step.requestsPerSecond, 0), 1),
    p50Ms: round(steps.reduce((sum, step) => sum + step.p50Ms, 0), 2),
    p99Ms: round(steps.reduce((sum, step) => sum + step.p99Ms, 0), 2),
    cpuMsPerRequest: sumByKey(steps.map((step) => step.cpuMsPerRequest)),
  };
}

function sumByKey(records: Array<Record<string, number>>): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const record of records) for (const [key, value] of Object.entries(record)) sum[key] = round((sum[key] ?? 0) + value, 3);
  return sum;
}

/** A direct figure: one step's as measured, or a two-step query's combined (which counts no requests of its own). */
type DirectFigures = Omit<Figures, 'requests'> & { requests?: number; steps?: Record<string, Figures> };

interface QueryFigures {
  title: string;
  gateway: Figures;
  direct: DirectFigures;
  ratio: number;
  connectionErrors: number;
}

function printTable(queries: Record<string, QueryFigures>): void {
  const cpu = (f: Omit<Figures, 'requests'>) =>
    Object.entries(f.cpuMsPerRequest)
      .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
      .join(', ');
  const cell = (f: Omit<Figures, 'requests'>) =>
    `${f.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${f.p50Ms.toFixed(2).padStart(6)} ms  p99 ${f.p99Ms.toFixed(2).padStart(7)} ms  CPU ms/req: ${cpu(f)}`;
  log('');
  for (const query of Object.values(queries)) {
    log(query.title);
    log(`  gateway                ${cell(query.gateway)}`);
    if (query.direct.steps) {
      for (const [audience, step] of Object.entries(query.direct.steps)) log(`  direct, ${audience.padEnd(15)}${cell(step)}`);
      log(`  direct, serially       ${cell(query.direct)}`);
    } else {
      log(`  direct                 ${cell(query.direct)}`);
    }
    log(`  ratio gateway/direct ${query.ratio.toFixed(3)}${query.connectionErrors > 0 ? `  (${query.connectionErrors} connection errors)` : ''}`);
  }
}

function describeData(workload: Workload, data: unknown): void {
  if (workload.key === 'entityList') {
    const edges = (data as { offices: { edges: Array<{ node: { ledgerAccounts: unknown[] } }> } }).offices.edges;
    const accounts = edges.reduce((sum, edge) => sum + edge.node.ledgerAccounts.length, 0);
    if (edges.length !== LIST_SIZE) throw new Error(`expected ${LIST_SIZE} offices under ${LIST_DIVISION}, got ${edges.length}`);
    if (edges.some((edge) => edge.node.ledgerAccounts.length === 0)) throw new Error(`an office under ${LIST_DIVISION} has no ledger accounts`);
    log(`  ${workload.title}: ${edges.length} offices, ${accounts} accounts, ${JSON.stringify(data).length} bytes`);
  } else if (workload.key === 'twoSubgraph') {
    const { office } = (data as { me: { office: { code: string; ledgerAccounts: unknown[] } } }).me;
    if (office.ledgerAccounts.length === 0) throw new Error(`${office.code} has no ledger accounts`);
    log(`  ${workload.title}: ${office.code}, ${office.ledgerAccounts.length} accounts`);
  } else {
    log(`  ${workload.title}: ${JSON.stringify(data)}`);
  }
}

/** Which engine the gateway package depends on, from gateway/package.json (so a run says what it measured). */
function gatewayEngine(): string {
  const { dependencies } = JSON.parse(readFileSync(join(root, 'gateway', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const engines = Object.keys(dependencies).filter((name) => name === '@apollo/gateway' || name.startsWith('@graphql-hive/'));
  return engines.map((name) => `${name}@${installedVersion(name) ?? dependencies[name]}`).join(', ') || 'unknown';
}

function installedVersion(name: string): string | undefined {
  for (const dir of [join(root, 'gateway', 'node_modules', name), join(root, 'node_modules', name)]) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // not installed there
    }
  }
  return undefined;
}
