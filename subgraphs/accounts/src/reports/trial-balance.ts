import { sql, type SQL } from 'drizzle-orm';
import { withinTree, type Scope } from '@postal/authz';
import { rowsOf, type Db, type Tx } from '@postal/db';
import { Decimal } from '@postal/money';
import type { AccountRecord } from '../ledger-accounts/model.js';
import { moneyOf, netBalances, type MoneyOutput } from './amounts.js';
import { totalsAsOf } from './balance-as-of.js';

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

interface TrialBalanceRow {
  code: string;
  name: string;
  type: AccountRecord['type'];
  kind: AccountRecord['kind'];
  parent_code: string | null;
  head_code: string;
  currency: string;
  office_code: string | null;
  status: AccountRecord['status'];
  balance_constraint: AccountRecord['balanceConstraint'];
  allow_manual_entries: boolean;
  account_debit_total: string;
  account_credit_total: string;
  pending_debit: string;
  pending_credit: string;
  closed_through: string | null;
  version: number;
  debit_total: string;
  credit_total: string;
}

function accountOf(row: TrialBalanceRow): AccountRecord {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    kind: row.kind,
    parentCode: row.parent_code,
    headCode: row.head_code,
    currency: row.currency,
    officeCode: row.office_code,
    status: row.status,
    balanceConstraint: row.balance_constraint,
    allowManualEntries: row.allow_manual_entries,
    debitTotal: row.account_debit_total,
    creditTotal: row.account_credit_total,
    pendingDebit: row.pending_debit,
    pendingCredit: row.pending_credit,
    closedThrough: row.closed_through,
    version: row.version,
  };
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
  const rows = rowsOf<TrialBalanceRow>(await db.execute(trialBalanceSql(query)));
  let totalDebit = new Decimal(0);
  let totalCredit = new Decimal(0);
  const lines = rows.map((row): TrialBalanceLine => {
    const { debitBalance, creditBalance } = netBalances(row.debit_total, row.credit_total);
    totalDebit = totalDebit.plus(debitBalance);
    totalCredit = totalCredit.plus(creditBalance);
    return {
      accountCode: row.code,
      account: accountOf(row),
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

/** The trial balance's one query (exported for the EXPLAIN in trial-balance.test.ts). */
export function trialBalanceSql(query: TrialBalanceQuery): SQL {
  const { asOf, officePath, currency } = query;
  const offices =
    officePath === null
      ? sql``
      : sql`join accounts.known_offices o on o.code = a.office_code and ${withinTree(sql`o.path`, officePath)}
              and ${readableBy(query.readerScope)}`;
  return sql`
      select a.code, a.name, a.type, a.kind, a.parent_code, a.head_code, a.currency, a.office_code, a.status,
             a.balance_constraint, a.allow_manual_entries,
             a.debit_total::text as account_debit_total, a.credit_total::text as account_credit_total,
             a.pending_debit::text as pending_debit, a.pending_credit::text as pending_credit,
             a.closed_through::text as closed_through, a.version,
             t.debit_total::text as debit_total, t.credit_total::text as credit_total
        from accounts.accounts a
        ${offices}
        cross join lateral ${totalsAsOf(sql`a.code`, { date: asOf })} t
       where a.kind = 'DETAIL' and a.currency = ${currency}
         and (t.debit_total <> 0 or t.credit_total <> 0)
       order by a.code`;
}

/** The offices (alias o) a reader's scope reaches: their own office alone, or their subtree. */
function readableBy(scope: Scope | undefined): SQL {
  if (scope === undefined || scope.kind === 'all') return sql`true`;
  if (scope.kind === 'none') return sql`false`;
  return sql`(${sql.join(
    scope.scopes.map((reach) => (reach.exact ? sql`o.path = ${reach.path}` : withinTree(sql`o.path`, reach.path))),
    sql` or `,
  )})`;
}
