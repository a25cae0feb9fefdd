/**
 * The benchmark's knobs, from flags (`--workers=8`) or the environment (`BENCH_WORKERS=8`); flags win. `--quick` picks
 * small counts so the whole run finishes in well under a minute, for a smoke test in CI; the figures it prints are
 * not the ones to quote.
 */
export interface BenchOptions {
  quick: boolean;
  /** Concurrent transactions for the single-entry and hot-account measurements (and the size of each pg pool). */
  workers: number;
  /** Concurrent transactions for the batch measurements: batches overlap on most accounts, so more mostly queue. */
  batchWorkers: number;
  /** Entries per transaction in the batch measurements. */
  batchSize: number;
  /** Seconds each single-entry measurement runs per round. */
  seconds: number;
  /** Rounds of each throughput measurement, alternating raw and ledger so machine noise falls on both. */
  rounds: number;
  /** Postings the large-ledger generator writes. */
  postings: number;
  /** Days of history the generator spreads them over (one close per office per day). */
  days: number;
  /** Calls per report latency figure (the median is reported). */
  reportCalls: number;
  /** Which measurements to run: throughput (a to d), batch (c alone), large (e), or all. */
  only: 'all' | 'throughput' | 'batch' | 'large';
}

const FULL: BenchOptions = {
  quick: false,
  workers: 8,
  batchWorkers: 2,
  batchSize: 500,
  seconds: 10,
  rounds: 3,
  postings: 5_000_000,
  days: 365,
  reportCalls: 15,
  only: 'all',
};

const QUICK: BenchOptions = {
  ...FULL,
  quick: true,
  batchSize: 200,
  seconds: 1,
  rounds: 1,
  postings: 100_000,
  days: 30,
  reportCalls: 5,
};

const NUMERIC: Array<keyof BenchOptions> = ['workers', 'batchWorkers', 'batchSize', 'seconds', 'rounds', 'postings', 'days', 'reportCalls'];

/** `batchWorkers` -> `batch-workers` (flag) and `BENCH_BATCH_WORKERS` (environment). */
const flagName = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const envName = (key: string) => `BENCH_${flagName(key).replace(/-/g, '_').toUpperCase()}`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}; flags look like --workers=8`);
    flags.set(match[1]!, match[2] ?? 'true');
  }
  const quick = flags.get('quick') === 'true' || env.BENCH_QUICK === '1';
  const options: BenchOptions = { ...(quick ? QUICK : FULL) };
  const only = flags.get('only') ?? env.BENCH_ONLY ?? 'all';
  if (only !== 'all' && only !== 'throughput' && only !== 'batch' && only !== 'large') throw new Error(`--only is throughput, batch, large or all, not ${only}`);
  options.only = only;
  flags.delete('quick');
  flags.delete('only');
  for (const key of NUMERIC) {
    const raw = flags.get(flagName(key)) ?? env[envName(key)];
    flags.delete(flagName(key));
    if (raw === undefined) continue;
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${flagName(key)} must be a positive number, not ${raw}`);
    (options[key] as number) = key === 'seconds' ? value : Math.floor(value);
  }
  const unknown = [...flags.keys()];
  if (unknown.length > 0) throw new Error(`unknown flag(s): ${unknown.map((f) => `--${f}`).join(', ')}`);
  return options;
}
