import type { Database } from '@postal/db';
import { startBatchLoop, type Logger } from '@postal/server';
import { canonicalRecord, type CanonicalAuditFields } from './canonical.js';
import { linkRecords } from './chain.js';
import { appendLinks, chainHead, pendingRecords, trySealerLock } from './repository.js';

/*
 * Why storing and sealing are two steps.
 *
 * Storing must keep up with every subgraph's write rate and lose nothing, so the consumer stores each event in its
 * own short transaction, several at a time, idempotently (the event id is unique). A hash chain, though, is a single
 * sequence: if the consumer chained as it stored, every store would wait on the one before it (a global lock on the
 * chain head) and throughput would be one transaction at a time.
 *
 * So the consumer only stores, and an insert trigger puts each new record in audit_pending in the same transaction.
 * The sealer then chains in batches: one transaction takes the sealer lock (pg_try_advisory_xact_lock, so a second
 * sealer in any process gives way at once instead of queueing), reads the chain head, takes up to SEAL_BATCH_SIZE
 * pending records in record id order, computes their hashes, appends one audit_chain row per record at the next
 * gapless positions, and removes them from audit_pending. Commit makes the whole batch sealed; a crash or error
 * rolls the whole batch back, so nothing is ever half-sealed and the next run starts from the same head.
 *
 * Commit order: record ids are handed out when a row is inserted, not when it commits, so a record with a lower id
 * can become visible after a higher one was already sealed. That is harmless here: the chain's order is the sealing
 * order, not id order, and the pending queue holds every stored record until it is sealed, so the late record is
 * simply sealed by a later run. (A "sealed up to id N" watermark would have skipped it for ever.)
 *
 * The database checks it again: audit_chain's primary key is the position, its record id is unique, and an insert
 * trigger refuses a seal that does not name the stored hash of the position before it; audit_events and audit_chain
 * refuse UPDATE, DELETE and TRUNCATE. How far sealing has got is the chain head (max position), shown by the
 * administration.audit_seal_status view and verifyAuditTrail's sealedUpTo.
 */

/** Records per sealing transaction: 1,000 seals are about 6,000 bind parameters and a few milliseconds of hashing. */
export const SEAL_BATCH_SIZE = 1_000;
const MAX_BATCH_SIZE = 5_000;
/** Batches one sealAll() runs at most, so a producer that never stops cannot keep it going forever. */
const MAX_SEAL_ALL_BATCHES = 10_000;

export interface SealOutcome {
  sealed: number;
  /** Another sealer held the lock, so this one did nothing. */
  busy: boolean;
  /** Ids of pending records with no canonical form (written around the consumer), left pending; see below. */
  unsealable: string[];
}

/**
 * One sealing transaction (see above). A record with no canonical form (the consumer refuses such events, so only a
 * row written into the table by other means) is left pending and reported, rather than failing every batch after it:
 * one bad row must not stop the chain. It stays visible in audit_seal_status and as `unsealed`.
 */
export async function sealBatch(database: Database, batchSize = SEAL_BATCH_SIZE): Promise<SealOutcome> {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}`);
  }
  return database.db.transaction(async (tx) => {
    if (!(await trySealerLock(tx))) return { sealed: 0, busy: true, unsealable: [] };
    const records = await pendingRecords(tx, batchSize);
    const unsealable = records.filter((record) => !hasCanonicalForm(record)).map((record) => record.id);
    const sealable = unsealable.length === 0 ? records : records.filter((record) => !unsealable.includes(record.id));
    if (sealable.length === 0) return { sealed: 0, busy: false, unsealable };
    // Read after taking the lock: the head is then the last sealer's committed head, and nobody else moves it.
    const links = linkRecords(await chainHead(tx), sealable);
    await appendLinks(tx, links);
    return { sealed: links.length, busy: false, unsealable };
  });
}

function hasCanonicalForm(record: CanonicalAuditFields): boolean {
  try {
    canonicalRecord(record);
    return true;
  } catch {
    return false;
  }
}

/** Seals batch after batch until nothing is pending (or another sealer has the lock); answers how many it sealed. */
export async function sealAll(database: Database, batchSize = SEAL_BATCH_SIZE): Promise<number> {
  let sealed = 0;
  for (let batch = 0; batch < MAX_SEAL_ALL_BATCHES; batch += 1) {
    const outcome = await sealBatch(database, batchSize);
    sealed += outcome.sealed;
    if (outcome.busy || outcome.sealed === 0 || outcome.sealed + outcome.unsealable.length < batchSize) break;
  }
  return sealed;
}

export interface AuditSealer {
  /** Asks for a run soon, e.g. after the consumer stored records; many nudges in a burst make one run. */
  nudge(): void;
  /** Ends the loop after the running batch. Unsealed records stay pending for the next start. */
  stop(): Promise<void>;
}

export interface AuditSealerOptions {
  database: Database;
  logger: Logger;
  /** Wait between runs when nothing was pending; default 1000 ms. */
  intervalMs?: number;
  batchSize?: number;
  /** Longest wait after repeated failures (doubling from intervalMs); default 30 s. */
  maxBackoffMs?: number;
}

/** The sealing loop of the administration process (the shared batch loop): a full batch runs again at once. */
export function startAuditSealer(options: AuditSealerOptions): AuditSealer {
  const batchSize = options.batchSize ?? SEAL_BATCH_SIZE;
  const { database, logger } = options;
  return startBatchLoop({
    name: 'audit sealing',
    logger,
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(options.maxBackoffMs === undefined ? {} : { maxBackoffMs: options.maxBackoffMs }),
    runBatch: async () => {
      const outcome = await sealBatch(database, batchSize);
      if (outcome.sealed > 0) logger.debug({ sealed: outcome.sealed }, 'audit records sealed');
      if (outcome.unsealable.length > 0) {
        logger.error({ recordIds: outcome.unsealable }, 'audit records with no canonical form left unsealed: look at them');
      }
      // A full batch of which something was sealed: more may wait.
      return { moreWaiting: outcome.sealed > 0 && outcome.sealed + outcome.unsealable.length === batchSize };
    },
  });
}
