import type { Comparison } from './throughput.js';

/**
 * What bounds the hot-account rate, printed with it. Every entry locks the hot row at its UPDATE and keeps the lock
 * until its COMMIT has returned (the commit's WAL flush included); the next entry's UPDATE waits for it. So entries on
 * one account are serialised, at about one per (update + commit) time, whatever the number of workers; everything
 * else each transaction does runs in parallel, outside the lock.
 */
export function explainHotAccount(hot: Comparison & { account: string; workers: number }, hotBatch: Comparison & { batchSize: number }): string {
  const perEntry = (rate: number) => (rate > 0 ? (1_000 / rate).toFixed(2) : 'n/a');
  return [
    `hot account ${hot.account}: raw ${hot.raw.entriesPerSecond} entries/s (one per ${perEntry(hot.raw.entriesPerSecond)} ms), ledger ${hot.ledger.entriesPerSecond} entries/s (one per ${perEntry(hot.ledger.entriesPerSecond)} ms).`,
    '  What bounds it: the row lock on the hot account, held from the UPDATE of its sums to the end of COMMIT (the WAL',
    '  flush); entries touching it take turns, at about one per (update + commit) round trip, however many workers.',
    "  What the design does: the ledger reads and validates without locks and inserts the entry and postings first; it",
    '  takes the account locks last, in one ordered UPDATE just before commit, so only that UPDATE and the commit are',
    '  serialised. Beyond that: post a hot account\'s traffic in batches (postEntriesInTx: one lock hold for many entries;',
    `  measured: ${hotBatch.ledger.entriesPerSecond} entries/s in batches of ${hotBatch.batchSize}, raw ${hotBatch.raw.entriesPerSecond}), or split it (a cash account per`,
    '  counter, swept to the office account).',
  ].join('\n');
}
