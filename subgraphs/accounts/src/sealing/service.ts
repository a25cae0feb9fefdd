import type { Identity } from '@postal/auth';
import { assertHolds } from '@postal/authz';
import type { Database } from '@postal/db';
import { createLoaders, type Loaders } from '../loaders.js';
import { verifyLedger, type LedgerVerification } from './verify.js';

/**
 * verifyLedger, and the chain hash the sealer wrote for an entry.
 *
 * Verifying is not scoped to offices, as for the audit trail: it shows no row to the caller, only whether the ledger
 * holds and the first place it does not, and the chain is one sequence for the whole network. It needs audit.verify
 * held anywhere (a service may always).
 */
export function createLedgerVerificationService(database: Database, options: { loaders?: Loaders } = {}) {
  // Per request, a DataLoader (context.ts). Without a request's loaders nothing is remembered between calls: a
  // remembered "not yet sealed" would outlive the sealer's getting to the entry.
  const loaders = options.loaders ?? createLoaders(database.db, { cache: false });
  return {
    async verify(identity: Identity): Promise<LedgerVerification> {
      assertHolds(identity, 'audit.verify');
      return verifyLedger(database);
    },

    /**
     * The entry's chain hash, or null while it waits for the sealer. The caller has already read the entry (so may
     * see it); the lookups of a page of entries are answered by one query (the request's loader).
     */
    chainHashOf(entryId: string): Promise<string | null> {
      return loaders.chainHashes.load(entryId);
    },
  };
}

export type LedgerVerificationService = ReturnType<typeof createLedgerVerificationService>;
