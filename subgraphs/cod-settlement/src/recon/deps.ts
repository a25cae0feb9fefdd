import type { Database } from '@postal/db';
import type { JobQueue } from '@postal/jobs';
import type { Notifier } from '@postal/notify';
import type { Logger } from 'pino';
import type { ApprovalsClient } from '@postal/service-client';
import type { BankLedgerClient } from './ledger-client.js';

/** What reconciliation's services need. `ledger` is accounts (absent: registering a bank account is refused). */
export interface ReconDeps {
  database: Database;
  clock: () => Date;
  timeZone: string;
  ledger?: BankLedgerClient | undefined;
  jobs: JobQueue;
  /** How a seller hears that a payout came back (settlement/payouts.ts tellBiller); absent, it is logged. */
  notifier?: Notifier | undefined;
  logger?: Logger | undefined;
  /** Administration's inbox: where a proposed matching rule set waits for a checker. */
  approvals?: ApprovalsClient | undefined;
}
