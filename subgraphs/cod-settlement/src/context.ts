import type { RequestContext } from '@postal/server';
import type { FeeService } from './fees/service.js';
import type { SettlementDeps } from './settlement/deps.js';
import type { CodLedgerClient } from './summaries/ledger-client.js';

export interface Context extends RequestContext {
  services: { fees: FeeService; settlement: SettlementDeps & { ledger?: CodLedgerClient } };
}
