import type { Identity } from '@postal/auth';
import { assertHolds } from '@postal/authz';
import type { Database } from '@postal/db';
import { chainHashesOf } from './repository.js';
import { verifyLedger, type LedgerVerification } from './verify.js';

/** Entry ids looked up in one query at most, when many JournalEntry.chainHash fields are asked for at once. */
const MAX_CHAIN_HASH_LOOKUP = 500;

/**
 * verifyLedger, and the chain hash the sealer wrote for an entry.
 *
 * Verifying is not scoped to offices, as for the audit trail: it shows no row to the caller, only whether the ledger
 * holds and the first place it does not, and the chain is one sequence for the whole network. It needs audit.verify
 * held anywhere (a service may always).
 */
export function createLedgerVerificationService(database: Database) {
  const chainHash = batchedLookup((ids) => chainHashesOf(database.db, ids));
  return {
    async verify(identity: Identity): Promise<LedgerVerification> {
      assertHolds(identity, 'audit.verify');
      return verifyLedger(database);
    },

    /**
     * The entry's chain hash, or null while it waits for the sealer. The caller has already read the entry (so may
     * see it); lookups asked for in the same tick (a page of entries) are answered by one query.
     */
    chainHashOf(entryId: string): Promise<string | null> {
      return chainHash(entryId);
    },
  };
}

export type LedgerVerificationService = ReturnType<typeof createLedgerVerificationService>;

/**
 * Collects the keys asked for in one tick and looks them up together (a DataLoader without the cache: seals never
 * change, but a cache would hold a "not yet sealed" answer after the sealer got to it).
 */
function batchedLookup(lookup: (keys: string[]) => Promise<Map<string, string>>): (key: string) => Promise<string | null> {
  let pending: Array<{ key: string; resolve: (value: string | null) => void; reject: (error: unknown) => void }> = [];
  const flush = async (batch: typeof pending) => {
    for (let start = 0; start < batch.length; start += MAX_CHAIN_HASH_LOOKUP) {
      const slice = batch.slice(start, start + MAX_CHAIN_HASH_LOOKUP);
      try {
        const found = await lookup([...new Set(slice.map((item) => item.key))]);
        for (const item of slice) item.resolve(found.get(item.key) ?? null);
      } catch (error) {
        for (const item of slice) item.reject(error);
      }
    }
  };
  return (key) =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) {
        setImmediate(() => {
          const batch = pending;
          pending = [];
          void flush(batch);
        });
      }
      pending.push({ key, resolve, reject });
    });
}
