import type { PostableAccount } from './domain.js';
import type { PostingContext } from './repository.js';

/**
 * What never changes about an account once it exists: its kind, currency, office and balance constraint (accounts are
 * closed, never deleted, and none of these can be edited), and that an office, once known, stays known. A service's
 * posting checks its entry against these and skips the read round trip; everything that can change (status, closed
 * day, balances) is checked by the posting statement itself on the locked rows, and a refusal re-reads the accounts
 * to say why. A person's manual journal always reads (it also needs the manual-entry flag as it is now).
 *
 * One cache per process, bounded: past its size it starts again, which only costs reads.
 */
interface AccountFacts {
  kind: PostableAccount['kind'];
  currency: string | null;
  officeCode: string | null;
}

export class AccountFactsCache {
  private readonly accounts = new Map<string, AccountFacts>();
  private readonly offices = new Set<string>();

  constructor(private readonly maxAccounts = 200_000) {}

  /** The accounts for a posting, as the domain check takes them, when every one (and the office) is known. */
  lookup(officeCode: string, accountCodes: readonly string[]): Map<string, PostableAccount> | undefined {
    if (!this.offices.has(officeCode)) return undefined;
    const found = new Map<string, PostableAccount>();
    for (const code of accountCodes) {
      const facts = this.accounts.get(code);
      if (!facts) return undefined;
      found.set(code, {
        code,
        ...facts,
        // Checked under the lock by the posting statement, not here.
        status: 'OPEN',
        balanceConstraint: 'NONE',
        allowManualEntries: true,
        closedThrough: null,
        debitTotal: '0',
        creditTotal: '0',
        pendingDebit: '0',
        pendingCredit: '0',
      });
    }
    return found;
  }

  /** Remembers what a read found (only what exists: a missing account may be opened later). */
  remember(officeCode: string, context: PostingContext): void {
    if (!context.officeKnown) return;
    if (this.accounts.size + context.accounts.size > this.maxAccounts) this.accounts.clear();
    this.offices.add(officeCode);
    for (const account of context.accounts.values()) {
      this.accounts.set(account.code, { kind: account.kind, currency: account.currency, officeCode: account.officeCode });
    }
  }
}
