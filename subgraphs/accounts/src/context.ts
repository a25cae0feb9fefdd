import type { RequestContext } from '@postal/server';
import type { ApprovalsClient } from './approvals/administration-client.js';
import type { BusinessDayService } from './business-days/service.js';
import type { JournalService } from './journal/service.js';
import type { AccountService } from './ledger-accounts/service.js';
import type { ReportService } from './reports/service.js';
import type { LedgerVerificationService } from './sealing/service.js';

export interface Services {
  /** The chart of accounts, an office's accounts and its ledger status. */
  accounts: AccountService;
  journal: JournalService;
  reports: ReportService;
  businessDays: BusinessDayService;
  /** verifyLedger and the chain hashes the sealer wrote. */
  ledger: LedgerVerificationService;
  /** Administration's approvals inbox: where a person's manual journal goes to wait for a second finance officer. */
  approvals: ApprovalsClient;
}

export interface Context extends RequestContext {
  services: Services;
}
