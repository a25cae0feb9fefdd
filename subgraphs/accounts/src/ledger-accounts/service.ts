import type { Identity } from '@postal/auth';
import type { Database } from '@postal/db';
import { UnauthenticatedError } from '@postal/errors';
import type { AccountRecord } from './model.js';
import { accountsOfOffice, findAccount } from './repository.js';

function requireSignedIn(identity: Identity): void {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
}

/**
 * Reading accounts. Which offices a caller may see is decided by the administration subgraph, which only hands out
 * Office entities within the caller's scope; the shared per-office authorization of the administration issue will be
 * checked here too.
 */
export function createAccountService(database: Database) {
  return {
    async ledgerAccountsOf(identity: Identity, officeCode: string): Promise<AccountRecord[]> {
      requireSignedIn(identity);
      return accountsOfOffice(database.db, officeCode);
    },

    async getAccount(identity: Identity, code: string): Promise<AccountRecord | null> {
      requireSignedIn(identity);
      return (await findAccount(database.db, code)) ?? null;
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
