import type { Identity } from '@postal/auth';
import { can } from '@postal/authz';
import type { Database } from '@postal/db';
import { UnauthenticatedError } from '@postal/errors';
import type { AccountRecord } from './model.js';
import { accountsOfOffice, findAccount, findKnownOfficePath } from './repository.js';

/**
 * Reading accounts, with the shared authorization rules: `ledger.read` over the account's office (its path is this
 * subgraph's own copy, from office events). Out of scope, a list is empty and a single account is not found.
 */
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

    async getAccount(identity: Identity, code: string): Promise<AccountRecord | null> {
      const account = await findAccount(database.db, code);
      return account && (await readable(identity, account.officeCode)) ? account : null;
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
