import type { AccountType } from '../ledger-accounts/model.js';
import type { LedgerActor } from '../journal/model.js';

/**
 * One account's line of the daily account: its cumulative posted totals as of the closed date and the movement of
 * the period the close covers. Amounts are exact decimal strings as PostgreSQL gives them.
 */
export interface DailyBalanceRecord {
  accountCode: string;
  businessDate: string;
  officeCode: string;
  /** The account's type and currency, so the balance on its normal side can be shown (chart.ts balanceOf). */
  type: AccountType;
  currency: string;
  debitTotal: string;
  creditTotal: string;
  periodDebit: string;
  periodCredit: string;
}

/** A close of an office's business days through `businessDate`, with the office's closing balances. */
export interface BusinessDayCloseRecord {
  officeCode: string;
  businessDate: string;
  /** The day closed before this one; null at the office's first close. The close covers (previousDate, businessDate]. */
  previousDate: string | null;
  closedAt: Date;
  closedBy: LedgerActor;
  accountsMoved: number;
  balances: DailyBalanceRecord[];
}
