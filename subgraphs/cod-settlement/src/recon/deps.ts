import type { Database } from '@postal/db';
import type { JobQueue } from '@postal/jobs';
import type { BankLedgerClient } from './ledger-client.js';

/** What reconciliation's services need. `ledger` is accounts (absent: registering a bank account is refused). */
export interface ReconDeps {
  database: Database;
  clock: () => Date;
  timeZone: string;
  ledger?: BankLedgerClient | undefined;
  jobs: JobQueue;
}
