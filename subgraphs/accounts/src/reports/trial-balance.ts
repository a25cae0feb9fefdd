import type { Scope } from '@postal/authz';
import type { Db, Tx } from '@postal/db';
import { Decimal } from '@postal/money';
import type { AccountRecord } from '../ledger-accounts/model.js';
import { moneyOf, netBalances, type MoneyOutput } from './amounts.js';
import { trialBalanceRows } from './repository.js';

export interface TrialBalanceLine {
  accountCode: string;
  account: AccountRecord;
  /** Sums of postings dated on or before asOf. */
  debitTotal: MoneyOutput;
  creditTotal: MoneyOutput;
  /** The net on its side; the other is zero. */
  debitBalance: MoneyOutput;
  creditBalance: MoneyOutput;
}

export interface TrialBalanceReport {
  asOf: string;
  currency: string;
  /** Sum of the lines' debit balances and of their credit balances. */
  totalDebit: MoneyOutput;
  totalCredit: MoneyOutput;
  balanced: boolean;
  lines: TrialBalanceLine[];
}

export interface TrialBalanceQuery {
  asOf: string;
  /** The offices at this path and under it; null for the whole ledger, accounts without an office included. */
  officePath: string | null;
  currency: string;
  /**
   * With an office: the reader's ledger.read scope, so offices under it that the reader may not read are left out (a
   * clerk who reads only their own office sees only its accounts, not its branch offices'). Everything when absent.
   */
  readerScope?: Scope;
}

/**
 * Per detail account of the currency, its posted totals as of `asOf`, for the offices under a path or the whole
 * ledger; accounts that never moved by then are left out. One query: the offices by path prefix
 * (known_offices_path_idx), their accounts (accounts_office_idx), and for each account the balance-as-of rule
 * (totalsAsOf: a daily_balances seek plus a postings range since that row). It reads the daily account and the
 * postings after each account's last close, never all history. The plan (EXPLAIN (costs off), from trial-balance.test.ts):
 *
 *   Sort (a.code)
 *     -> Nested Loop
 *          -> Nested Loop Left Join
 *               -> Nested Loop
 *                    -> Bitmap Heap Scan on known_offices o  (BitmapOr of two scans of known_offices_path_idx:
 *                         path = 'C/D/HO1', and path ~>=~ 'C/D/HO1/' AND path ~<~ 'C/D/HO10')
 *                    -> Index Scan using accounts_office_idx on accounts a  (office_code = o.code)
 *               -> Limit
 *                    -> Index Scan Backward using daily_balances_account_code_business_date_pk on daily_balances d
 *                         Index Cond: ((account_code = a.code) AND (business_date <= '2026-11-08'))
 *          -> Aggregate
 *               -> Index Scan using postings_account_date_idx on postings p
 *                    Index Cond: ((account_code = a.code) AND (effective_date > COALESCE(d.business_date, '-infinity'))
 *                                 AND (effective_date <= '2026-11-08'))
 */
export async function trialBalance(db: Db | Tx, query: TrialBalanceQuery): Promise<TrialBalanceReport> {
  const { asOf, currency } = query;
  const rows = await trialBalanceRows(db, query);
  let totalDebit = new Decimal(0);
  let totalCredit = new Decimal(0);
  const lines = rows.map((row): TrialBalanceLine => {
    const { debitBalance, creditBalance } = netBalances(row.debit_total, row.credit_total);
    totalDebit = totalDebit.plus(debitBalance);
    totalCredit = totalCredit.plus(creditBalance);
    return {
      accountCode: row.account.code,
      account: row.account,
      debitTotal: moneyOf(row.debit_total, currency),
      creditTotal: moneyOf(row.credit_total, currency),
      debitBalance: moneyOf(debitBalance, currency),
      creditBalance: moneyOf(creditBalance, currency),
    };
  });
  return {
    asOf,
    currency,
    totalDebit: moneyOf(totalDebit, currency),
    totalCredit: moneyOf(totalCredit, currency),
    balanced: totalDebit.equals(totalCredit),
    lines,
  };
}
