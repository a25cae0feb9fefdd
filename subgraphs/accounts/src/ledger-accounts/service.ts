import type { Identity } from '@postal/auth';
import { can } from '@postal/authz';
import type { Database } from '@postal/db';
import { ForbiddenError, UnauthenticatedError } from '@postal/errors';
import type { AccountRecord, OfficeLedgerStatus } from './model.js';
import { closedThroughOf } from '../business-days/repository.js';
import { accountsOfOffice, findKnownOfficePath, nonZeroAccountsOf, officeHasPendingHolds } from './repository.js';

/**
 * Reading accounts, with the shared authorization rules: `ledger.read` over the account's office (its path is this
 * subgraph's own copy, from office events). Out of scope, a list is empty and a single account is not found.
 */
/** The most accounts one status lists; an office has about ten. */
const MAX_LISTED_ACCOUNTS = 100;

export function createAccountService(database: Database) {
  async function readable(identity: Identity, officeCode: string | null): Promise<boolean> {
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    if (identity.kind === 'service') return true;
    if (officeCode === null) return false;
    const path = await findKnownOfficePath(database.db, officeCode);
    return path !== undefined && can(identity, 'ledger.read', path);
  }

  return {
    async ledgerAccountsOf(identity: Identity, officeCode: string): Promise<AccountRecord[]> {
      return (await readable(identity, officeCode)) ? accountsOfOffice(database.db, officeCode) : [];
    },

    /**
     * For other subgraphs (administration asks before closing an office): which of the office's accounts carry a
     * balance. Only a signed service may ask; it is no business of staff, who read balances through ledger.read.
     * An office this subgraph has not heard of has no accounts, so no balances, no holds and no closed days.
     */
    async officeLedgerStatus(identity: Identity, officeCode: string): Promise<OfficeLedgerStatus> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (identity.kind !== 'service') throw new ForbiddenError('only another subgraph may ask for an office ledger status');
      const [nonZeroAccounts, hasPendingHolds, closedThrough] = await Promise.all([
        nonZeroAccountsOf(database.db, officeCode, MAX_LISTED_ACCOUNTS),
        officeHasPendingHolds(database.db, officeCode),
        closedThroughOf(database.db, officeCode),
      ]);
      return { officeCode, hasOpenBalances: nonZeroAccounts.length > 0, nonZeroAccounts, hasPendingHolds, closedThrough };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
