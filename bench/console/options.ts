/**
 * The console bench's knobs, from flags (`--runs=5`) or the environment (`BENCH_RUNS=5`); flags win. `--quick` is a
 * smoke run (10,000 lines, one measured run): its figures are not the ones to quote.
 */
export interface ConsoleBenchOptions {
  quick: boolean;
  /** Lines on the statement's account (one entry each). */
  lines: number;
  /** Closed days the entries are spread over (plus today). */
  days: number;
  /** Measured repetitions (dashboard, statement first page, scroll to the end); the median is reported. */
  runs: number;
  /** Repetitions before them, not reported: the browser's cache, the servers' JIT and PostgreSQL's buffers warm up. */
  warmup: number;
  /** API calls per API figure (after one warm-up call); the median is reported. */
  apiCalls: number;
  /** The main thread counts as idle after this long with no task over 50 ms. */
  quietMs: number;
}

const FULL: ConsoleBenchOptions = { quick: false, lines: 100_000, days: 100, runs: 3, warmup: 1, apiCalls: 9, quietMs: 500 };
const QUICK: ConsoleBenchOptions = { ...FULL, quick: true, lines: 10_000, days: 20, runs: 1, apiCalls: 3 };

const NUMERIC = ['lines', 'days', 'runs', 'warmup', 'apiCalls', 'quietMs'] as const;
const flagName = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const envName = (key: string) => `BENCH_${flagName(key).replace(/-/g, '_').toUpperCase()}`;

export class UsageError extends Error {
  readonly code = 'BENCH_USAGE';
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): ConsoleBenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument ${arg}; flags look like --runs=5`);
    flags.set(match[1]!, match[2] ?? 'true');
  }
  const quick = flags.get('quick') === 'true' || env.BENCH_QUICK === '1';
  flags.delete('quick');
  const options: ConsoleBenchOptions = { ...(quick ? QUICK : FULL) };
  for (const key of NUMERIC) {
    const raw = flags.get(flagName(key)) ?? env[envName(key)];
    flags.delete(flagName(key));
    if (raw === undefined) continue;
    const value = Number(raw.replace(/_/g, ''));
    const least = key === 'warmup' ? 0 : 1;
    if (!Number.isInteger(value) || value < least) throw new UsageError(`--${flagName(key)} must be a whole number of at least ${least}, not ${raw}`);
    options[key] = value;
  }
  if (options.lines <= 500) throw new UsageError('--lines must be over 500 (one page): the bench scrolls to a later page');
  const unknown = [...flags.keys()];
  if (unknown.length > 0) throw new UsageError(`unknown flag${unknown.length > 1 ? 's' : ''} --${unknown.join(', --')}; known: --quick, ${NUMERIC.map((key) => `--${flagName(key)}`).join(', ')}`);
  return options;
}
