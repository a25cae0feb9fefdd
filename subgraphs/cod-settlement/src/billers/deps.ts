import type { Database } from '@postal/db';
import type { ApprovalsClient } from '@postal/service-client';

/** What the billers and contracts services need from the process: the database, the clock and the approvals inbox. */
export interface BillerDeps {
  database: Database;
  clock: () => Date;
  /** Business dates (registration, activation, a contract's first day) are this zone's dates (@postal/calendar). */
  timeZone: string;
  /** The operator's currency: a biller is paid in it, and its fee schedule is the one in it. */
  currency: string;
  /** Administration's inbox, for bank-detail changes (COD_BANK_CHANGE); absent, such changes are refused. */
  approvals?: ApprovalsClient;
}
