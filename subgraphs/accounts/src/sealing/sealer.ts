import type { Database } from '@postal/db';
import { startBatchLoop, type Logger } from '@postal/server';
import { linkEntries } from './chain.js';
import { entriesToSeal, insertSeals, sealHead, trySealerLock } from './repository.js';

/*
 * Why the journal is sealed behind the writers, and in which order.
 *
 * A hash chain is one sequence. If each posting chained its own entry, every posting would wait for the one before it
 * (a lock on the chain head) and the ledger would post one entry at a time. So postings only write entries, and this
 * sealer chains committed entries afterwards, in batches, in one transaction per batch: it takes the sealer lock
 * (pg_try_advisory_xact_lock, so a second sealer in any process gives way at once), reads the last seal, takes the next
 * entries, hashes them (canonical.ts, chain.ts) and appends one journal_seals row per entry at the next gapless
 * positions. Commit seals the whole batch; an error or a crash rolls all of it back, so nothing is ever half-sealed and
 * the next run starts from the same head.
 *
 * The order is (xid, seq): the writing transaction's id, then the entry's insertion number. The watermark is the last
 * seal's (entry_xid, entry_seq), and a run takes only entries after it whose xid is below pg_snapshot_xmin of the
 * current snapshot, the oldest transaction still running. Every transaction below that xmin has ended, so all the
 * entries it will ever have are committed and visible now (or it aborted and has none): no entry can later appear
 * before the watermark, and a watermark never skips one. (Sealing by seq alone would: seq is handed out at insert,
 * not at commit, so a slow transaction's lower seq can commit after a higher one was sealed.)
 *
 * The cost of that rule: an open transaction holds back the sealing of every entry with a higher xid, wherever in the
 * cluster it runs (xids are cluster-wide), until it ends. Sealing lags by the longest running writer; it never waits
 * for writers and writers never wait for it. A database check backs the rule up: journal_seals' primary key is the
 * position and its entry id is unique, so two sealers could not both seal an entry even without the lock.
 */

/** Entries per sealing transaction: 1,000 entries are one range scan, one postings query and about 1 ms of hashing. */
export const JOURNAL_SEAL_BATCH_SIZE = 1_000;
const MAX_SEAL_BATCH_SIZE = 5_000;
/** Batches one sealAllJournal() runs at most, so a producer that never stops cannot keep it going for ever. */
const MAX_SEAL_ALL_BATCHES = 10_000;

export interface SealOptions {
  /** Entries to seal in this transaction at most; default JOURNAL_SEAL_BATCH_SIZE, at most 5,000. */
  limit?: number;
}

/**
 * One sealing transaction (see above): answers how many entries it sealed; 0 when nothing was ready or another sealer
 * holds the lock. An entry that has no canonical form (only a row forced in around the database's checks) makes the
 * run fail and roll back, and every later run fail on it too: the chain stops there, loudly in the logs, rather than
 * skip an entry and leave a hole that no later check could tell from a deletion.
 */
export async function sealJournalBatch(database: Database, options: SealOptions = {}): Promise<number> {
  const limit = options.limit ?? JOURNAL_SEAL_BATCH_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEAL_BATCH_SIZE) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_SEAL_BATCH_SIZE}`);
  }
  return database.db.transaction(async (tx) => {
    if (!(await trySealerLock(tx))) return 0;
    // Read after taking the lock: the head is then the last sealer's committed head, and nobody else moves it.
    const head = await sealHead(tx);
    const entries = await entriesToSeal(tx, head, limit);
    if (entries.length === 0) return 0;
    const seals = linkEntries(head, entries);
    await insertSeals(tx, seals);
    return seals.length;
  });
}

/** Seals batch after batch until nothing is ready (or another sealer has the lock); answers how many it sealed. */
export async function sealAllJournal(database: Database, options: SealOptions = {}): Promise<number> {
  const limit = options.limit ?? JOURNAL_SEAL_BATCH_SIZE;
  let sealed = 0;
  for (let batch = 0; batch < MAX_SEAL_ALL_BATCHES; batch += 1) {
    const count = await sealJournalBatch(database, { limit });
    sealed += count;
    if (count < limit) break;
  }
  return sealed;
}

export interface JournalSealer {
  /** Asks for a run soon, e.g. after a posting committed; many nudges in a burst make one run. */
  nudge(): void;
  /** Ends the loop after the running batch. Unsealed entries are sealed after the next start. */
  stop(): Promise<void>;
}

export interface JournalSealerOptions {
  database: Database;
  logger: Logger;
  /** Wait between runs when nothing more was ready; default 1,000 ms. */
  intervalMs?: number;
  /** Entries per transaction; default JOURNAL_SEAL_BATCH_SIZE. */
  batchSize?: number;
  /** Longest wait after repeated failures (doubling from intervalMs); default 30 s. */
  maxBackoffMs?: number;
}

/** The sealing loop of the accounts process: a full batch runs again at once, otherwise it waits or a nudge. */
export function startJournalSealer(options: JournalSealerOptions): JournalSealer {
  const { database, logger } = options;
  const limit = options.batchSize ?? JOURNAL_SEAL_BATCH_SIZE;
  return startBatchLoop({
    name: 'journal sealing',
    logger,
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(options.maxBackoffMs === undefined ? {} : { maxBackoffMs: options.maxBackoffMs }),
    runBatch: async () => {
      const sealed = await sealJournalBatch(database, { limit });
      if (sealed > 0) logger.debug({ sealed }, 'journal entries sealed');
      return { moreWaiting: sealed === limit };
    },
  });
}
