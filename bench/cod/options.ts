/**
 * bench:cod's knobs, from flags (`--articles=20000`) or the environment (`BENCH_ARTICLES=20000`); flags win. The
 * default is the run: 1,000,000 delivered, due articles for 1,000 billers. `--quick` is 20,000 for 100, a smoke
 * test in well under a minute whose figures are not the ones to quote.
 */
export interface CodBenchOptions {
  quick: boolean;
  articles: number;
  billers: number;
  /** Head offices that settle the billers (each its own build, its own ledger accounts). */
  settlementOffices: number;
  /** SETTLED entries per postEntriesInTx transaction (accounts allows 1,000). */
  ledgerBatchSize: number;
}

export function parseCodOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CodBenchOptions {
  const flags = new Map(argv.filter((a) => a.startsWith('--')).map((a) => { const [k, v] = a.slice(2).split('='); return [k!, v ?? 'true'] as const; }));
  const quick = flags.get('quick') === 'true' || env.BENCH_QUICK === 'true';
  const int = (name: string, envName: string, fallback: number, min: number, max: number) => {
    const raw = flags.get(name) ?? env[envName];
    if (raw === undefined) return fallback;
    const value = Number(raw.replaceAll('_', ''));
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}; got ${raw}`);
    return value;
  };
  const articles = int('articles', 'BENCH_ARTICLES', quick ? 20_000 : 1_000_000, 1, 5_000_000);
  const billers = int('billers', 'BENCH_BILLERS', quick ? 100 : Math.min(1_000, articles), 1, 100_000);
  if (billers > articles) throw new Error('--billers must not exceed --articles');
  return { quick, articles, billers, settlementOffices: int('offices', 'BENCH_OFFICES', 4, 1, 6), ledgerBatchSize: int('ledger-batch', 'BENCH_LEDGER_BATCH', 500, 1, 1_000) };
}
