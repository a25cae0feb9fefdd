import type { SignedRequestContext } from '@postal/auth';
import type { Database } from '@postal/db';
import { createJournalService } from '../../subgraphs/accounts/src/journal/service.js';
import { commandOf, type BenchEntry } from './workload.js';

/*
 * The ledger's own posting path, as a service's posting reaches it below GraphQL: the journal service's
 * postJournalEntry (one entry, its own transaction: postEntryInTx) and postJournalEntries (a batch, one transaction:
 * postEntriesInTx). That is the command checked by the domain rules against the accounts as read, the entry inserted
 * under its idempotency key, the postings, and the guarded ordered-lock update of the sums. GraphQL parsing and the
 * signed-identity check are per request, not per entry, and are left out: the figure asked for is the ledger's cost
 * against the rows it writes.
 */

const CONTEXT: SignedRequestContext = { identity: { kind: 'service', service: 'money-orders' }, requestId: 'bench-ledger', clientAddress: undefined };

export type LedgerPath = ReturnType<typeof createLedgerPath>;

export function createLedgerPath(database: Database) {
  const journal = createJournalService(database);
  return {
    async postOne(entry: BenchEntry, key: string, today: string): Promise<void> {
      const outcome = await journal.postJournalEntry(CONTEXT, commandOf(entry, key, today));
      if (!outcome.entry) throw new Error(`entry ${key} was not posted`);
    },
    async postBatch(entries: readonly BenchEntry[], keys: readonly string[], today: string): Promise<void> {
      const results = await journal.postJournalEntries(
        CONTEXT,
        entries.map((entry, i) => commandOf(entry, keys[i]!, today)),
      );
      if (results.some((result) => result.replayed)) throw new Error('a batch entry was answered as a replay: the benchmark keys must be fresh');
    },
  };
}
