import type { RequestContext } from '@postal/server';
import type { AccountService } from './ledger-accounts/service.js';

export interface Context extends RequestContext {
  services: { accounts: AccountService };
}
