import type { BenchOptions } from './options.js';
import { compare, round, sequence, type Contender, type Rate } from './driver.js';
import { createLedgerPath, type LedgerPath } from './ledger-path.js';
import { rawPostBatch, rawPostOne } from './raw.js';
import type { BenchDatabase } from './setup.js';
import { hotEntry, pairEntry, type BenchEntry, type Workload } from './workload.js';

/*
 * Measurements (a) to (d): the ledger's posting path against the raw SQL that writes the same rows, with the same
 * concurrency and the same account pairs, one entry per transaction, many per transaction, and all on one account.
 */

export interface Comparison {
  raw: Rate;
  ledger: Rate;
  /** ledger / raw entries per second. */
  ratio: number;
}

export interface ThroughputFigures {
  /** Null when only the batch measurement ran (--only=batch), as for hot and hotBatch. */
  single: (Comparison & { workers: number }) | null;
  /** Every entry is two postings: postingsPerSecond is twice the ledger's entries per second. */
  batch: Comparison & { workers: number; batchSize: number; postingsPerSecond: number };
  hot: (Comparison & { workers: number; account: string }) | null;
  /** The hot account again, in batches: one lock hold for many entries. */
  hotBatch: (Comparison & { workers: number; batchSize: number }) | null;
}

type EntryAt = (n: number) => BenchEntry;

function singleContenders(bench: BenchDatabase, path: LedgerPath, workers: number, today: string, pick: EntryAt, tag: string): Contender[] {
  const raw = sequence(`${tag}-raw`);
  const ledger = sequence(`${tag}-ledger`);
  return [
    {
      label: `${tag} raw`,
      workers,
      step: async () => {
        const [n] = raw.next(1) as [number];
        await rawPostOne(bench.pool, pick(n), raw.key(n), today);
        return 1;
      },
    },
    {
      label: `${tag} ledger`,
      workers,
      step: async () => {
        const [n] = ledger.next(1) as [number];
        await path.postOne(pick(n), ledger.key(n), today);
        return 1;
      },
    },
  ];
}

function batchContenders(bench: BenchDatabase, path: LedgerPath, workers: number, size: number, today: string, pick: EntryAt, tag: string): Contender[] {
  const raw = sequence(`${tag}-raw`);
  const ledger = sequence(`${tag}-ledger`);
  return [
    {
      label: `${tag} raw`,
      workers,
      step: async () => {
        const numbers = raw.next(size);
        await rawPostBatch(bench.pool, numbers.map(pick), numbers.map(raw.key), today);
        return size;
      },
    },
    {
      label: `${tag} ledger`,
      workers,
      step: async () => {
        const numbers = ledger.next(size);
        await path.postBatch(numbers.map(pick), numbers.map(ledger.key), today);
        return size;
      },
    },
  ];
}

function comparison(rates: Map<string, Rate>, rawLabel: string, ledgerLabel: string): Comparison {
  const raw = rates.get(rawLabel)!;
  const ledger = rates.get(ledgerLabel)!;
  return { raw, ledger, ratio: round(ledger.entriesPerSecond / raw.entriesPerSecond, 3) };
}

export async function measureThroughput(bench: BenchDatabase, workload: Workload, options: BenchOptions, today: string, log: (line: string) => void): Promise<ThroughputFigures> {
  const pair: EntryAt = (n) => pairEntry(workload, n);
  const hot: EntryAt = (n) => hotEntry(workload, n);
  const path = createLedgerPath(bench.database);
  // Thousands of updates a second leave the accounts' rows long chains of dead versions (a hot row most of all) that
  // autovacuum, waking once a minute, would clear: every run starts from a vacuumed table, so none pays for the last.
  const reset = async () => {
    await bench.pool.query('vacuum accounts.accounts');
  };
  const perEntry = { rounds: options.rounds, seconds: options.seconds, reset };
  // A batch takes a while to commit: at least a few of them per round, or the rate is mostly the last batch's tail.
  const batched = { ...perEntry, seconds: Math.max(options.seconds, 1.5) };

  const batchOnly = options.only === 'batch';
  let single: Comparison | null = null;
  if (!batchOnly) {
    log(`\n(a, b) one entry per transaction, ${options.workers} workers, random pairs over ${workload.offices.length} offices`);
    single = comparison(await compare(singleContenders(bench, path, options.workers, today, pair, 'single'), perEntry, log), 'single raw', 'single ledger');
  }

  log(`\n(c) ${options.batchSize} entries per transaction, ${options.batchWorkers} workers, the same random pairs`);
  const batch = comparison(
    await compare(batchContenders(bench, path, options.batchWorkers, options.batchSize, today, pair, 'batch'), batched, log),
    'batch raw',
    'batch ledger',
  );
  const batchFigures = { ...batch, workers: options.batchWorkers, batchSize: options.batchSize, postingsPerSecond: round(2 * batch.ledger.entriesPerSecond, 1) };
  if (batchOnly) return { single: null, batch: batchFigures, hot: null, hotBatch: null };

  log(`\n(d) hot account: every entry debits ${workload.hotAccount.code}, ${options.workers} workers`);
  const hotRates = comparison(await compare(singleContenders(bench, path, options.workers, today, hot, 'hot'), perEntry, log), 'hot raw', 'hot ledger');

  log(`\n(d) hot account in batches of ${options.batchSize}, ${options.batchWorkers} workers`);
  const hotBatch = comparison(
    await compare(batchContenders(bench, path, options.batchWorkers, options.batchSize, today, hot, 'hot-batch'), batched, log),
    'hot-batch raw',
    'hot-batch ledger',
  );

  return {
    single: { ...single!, workers: options.workers },
    batch: batchFigures,
    hot: { ...hotRates, workers: options.workers, account: workload.hotAccount.code },
    hotBatch: { ...hotBatch, workers: options.batchWorkers, batchSize: options.batchSize },
  };
}
