import { transaction, type Database, type Tx } from '@postal/db';
import { CHAIN_START, checkSeals, type ChainCursor } from './chain.js';
import { firstBalanceMismatch, firstPendingMismatch, firstUnbalancedCurrency, firstUnbalancedEntry, type TotalsMismatch } from './ledger-checks.js';
import { countThrough, countUnsealed, firstUnsealedBehind, sealHead, storedSealsAfter } from './repository.js';

export type LedgerDiscrepancyKind = 'CHAIN_BROKEN' | 'ENTRY_UNBALANCED' | 'BALANCE_MISMATCH' | 'PENDING_MISMATCH' | 'CURRENCY_NOT_BALANCED';

export interface LedgerDiscrepancy {
  kind: LedgerDiscrepancyKind;
  /** The entry at fault, when one is (CHAIN_BROKEN, ENTRY_UNBALANCED); null otherwise. */
  entryId: string | null;
  /** The account at fault, for BALANCE_MISMATCH and PENDING_MISMATCH; null otherwise. */
  accountCode: string | null;
  /** The chain position, for CHAIN_BROKEN at a seal; null otherwise. */
  position: string | null;
  message: string;
}

export interface LedgerVerification {
  ok: boolean;
  /** Entries whose seal was recomputed and found intact. */
  checkedEntries: number;
  /** The last chain position found intact; null when nothing is sealed (or position 1 is already broken). */
  sealedThrough: string | null;
  /** Entries not yet sealed (checked for balance, not for chain). */
  unsealedEntries: number;
  firstDiscrepancy: LedgerDiscrepancy | null;
}

export interface VerifyOptions {
  /** Seals read and recomputed per query; default 1,000, at most 5,000. Memory is bounded by it, not by the ledger. */
  batchSize?: number;
}

export const VERIFY_BATCH_SIZE = 1_000;
const MAX_VERIFY_BATCH_SIZE = 5_000;

/**
 * Recomputes the hash chain and every balance, and reports the first discrepancy, checking in this order:
 * 1. CHAIN_BROKEN: walking journal_seals in position order (keyset pages of `batchSize`), a missing position, a seal
 *    that does not chain from the one before, seals out of (xid, seq) order, a sealed entry that is gone or no longer
 *    hashes to its seal; then an entry at or before the watermark that has no seal (put in behind the sealer).
 * 2. ENTRY_UNBALANCED: an entry with fewer than two postings or whose debits and credits differ in a currency.
 * 3. BALANCE_MISMATCH: an account whose debit/credit totals differ from the sums of its postings.
 * 4. PENDING_MISMATCH: an account whose pending debit/credit differ from its PENDING holds.
 * 5. CURRENCY_NOT_BALANCED: a currency whose detail accounts' debits and credits (or pending amounts) do not net out.
 * Everything is read in one REPEATABLE READ, READ ONLY transaction, so the checks see one consistent ledger while
 * postings go on; it takes no xid, so it does not hold the sealer back. Authorization (audit.verify) is the caller's.
 */
export async function verifyLedger(database: Database, options: VerifyOptions = {}): Promise<LedgerVerification> {
  const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_VERIFY_BATCH_SIZE) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_VERIFY_BATCH_SIZE}`);
  }
  // REPEATABLE READ, read only: one snapshot for every statement, so the chain, the counts and the arithmetic are
  // checked on one state of the ledger while the sealer and postings go on.
  return transaction(
    database,
    'repeatable read',
    async (tx) => {
      const head = await sealHead(tx);
      const unsealedEntries = await countUnsealed(tx, head);
      const chain = await verifyChain(tx, batchSize);
      const result = (firstDiscrepancy: LedgerDiscrepancy | null): LedgerVerification => ({
        ok: firstDiscrepancy === null,
        checkedEntries: chain.checked,
        sealedThrough: chain.intactThrough === 0 ? null : String(chain.intactThrough),
        unsealedEntries,
        firstDiscrepancy,
      });
      if (chain.discrepancy) return result(chain.discrepancy);
      // An intact chain seals `position` distinct entries, all at or before the watermark: any more there are unsealed.
      if (head && (await countThrough(tx, head)) > head.position) {
        const behind = await firstUnsealedBehind(tx, head);
        if (behind) {
          const message = `entry ${behind.id} (seq ${behind.seq}) sits before the sealed watermark but has no seal: it was put in behind the sealer`;
          return result(discrepancyOf('CHAIN_BROKEN', message, { entryId: behind.id }));
        }
      }
      return result(await firstArithmeticDiscrepancy(tx));
    },
    { readOnly: true },
  );
}

async function verifyChain(tx: Tx, batchSize: number): Promise<{ checked: number; intactThrough: number; discrepancy: LedgerDiscrepancy | null }> {
  let cursor: ChainCursor = CHAIN_START;
  let checked = 0;
  for (;;) {
    const seals = await storedSealsAfter(tx, cursor.position - 1, batchSize);
    const outcome = checkSeals(cursor, seals);
    checked += outcome.checked;
    cursor = outcome.next;
    if (outcome.firstBreak) {
      const { position, entryId, message } = outcome.firstBreak;
      const discrepancy = discrepancyOf('CHAIN_BROKEN', message, { entryId, position: String(position) });
      return { checked, intactThrough: cursor.position - 1, discrepancy };
    }
    if (seals.length < batchSize) return { checked, intactThrough: cursor.position - 1, discrepancy: null };
  }
}

async function firstArithmeticDiscrepancy(tx: Tx): Promise<LedgerDiscrepancy | null> {
  const entry = await firstUnbalancedEntry(tx);
  if (entry) {
    const message = entry.entryMissing
      ? `postings of entry ${entry.entryId} remain but the entry is gone`
      : entry.postings < 2
        ? `entry ${entry.entryId} has ${entry.postings} posting(s); an entry has at least two`
        : `entry ${entry.entryId} does not balance: ${entry.unbalanced}`;
    return discrepancyOf('ENTRY_UNBALANCED', message, { entryId: entry.entryId });
  }
  const balance = await firstBalanceMismatch(tx);
  if (balance) return discrepancyOf('BALANCE_MISMATCH', totalsMessage(balance, 'totals', 'its postings'), { accountCode: balance.accountCode });
  const pending = await firstPendingMismatch(tx);
  if (pending) {
    return discrepancyOf('PENDING_MISMATCH', totalsMessage(pending, 'pending amounts', 'its pending holds'), { accountCode: pending.accountCode });
  }
  const currency = await firstUnbalancedCurrency(tx);
  if (currency) {
    const message =
      `${currency.currency} accounts do not net to zero: debits ${currency.debitTotal}, credits ${currency.creditTotal}, ` +
      `pending debits ${currency.pendingDebit}, pending credits ${currency.pendingCredit}`;
    return discrepancyOf('CURRENCY_NOT_BALANCED', message, {});
  }
  return null;
}

function discrepancyOf(
  kind: LedgerDiscrepancyKind,
  message: string,
  at: { entryId?: string | null; accountCode?: string; position?: string },
): LedgerDiscrepancy {
  return { kind, entryId: at.entryId ?? null, accountCode: at.accountCode ?? null, position: at.position ?? null, message };
}

function totalsMessage(mismatch: TotalsMismatch, what: string, source: string): string {
  if (mismatch.storedDebit === null) return `account ${mismatch.accountCode} is gone but ${source} remain`;
  return (
    `account ${mismatch.accountCode} stores ${what} debit ${mismatch.storedDebit}, credit ${mismatch.storedCredit}; ` +
    `${source} sum to debit ${mismatch.expectedDebit}, credit ${mismatch.expectedCredit}`
  );
}
