import { sql, type SQL } from 'drizzle-orm';
import { withinTree, type Scope } from '@postal/authz';
import { rowsOf, type Db, type Tx } from '@postal/db';
import type { PostingSide } from '../journal/model.js';
import type { AccountRecord } from '../ledger-accounts/model.js';
import { isDebitNormal } from './amounts.js';
import type { TrialBalanceQuery } from './trial-balance.js';

/*
 * The reports' queries: the balance-as-of rule (the one way any report reads a past balance), a statement page and
 * the trial balance. statement.ts and trial-balance.ts build the reports from what these answer.
 */

/**
 * A point in an account's history: the end of a day, or just after one posting of that day (a statement page
 * resumes there). Dates are YYYY-MM-DD; posting ids are the postings table's bigint identity, as text.
 */
export interface LedgerPosition {
  date: string;
  /** Just after this posting of `date`; the end of `date` when absent. */
  throughPostingId?: string;
}

/**
 * The balance-as-of rule, as a LATERAL subquery yielding one row (debit_total, credit_total) for the account named by
 * `accountCode` (an expression of the outer query, e.g. a.code) at `position`:
 *   the account's latest daily_balances row before the position (a seek on its primary key, read backwards)
 *   + its postings after that row's date up to the position (a range scan of postings(account_code, effective_date, id)),
 *   or all its postings up to the position when it has no daily row yet.
 * Both bounds of the range are index conditions (the lower one is -infinity, not an OR, when there is no row), so the
 * scan reads only the postings since the account's last close that moved it: never all history once days are closed.
 *
 * A daily row is the end of its day, so at a position inside a day (throughPostingId) only rows of earlier days
 * count, and the day's own postings up to the posting id are added: (effective_date, id) <= (date, id) is a row
 * comparison the index answers directly.
 *
 * The aliases are local to the subquery, so a query may use it several times (for several positions).
 */
export function totalsAsOf(accountCode: SQL, position: LedgerPosition): SQL {
  const date = sql`${position.date}::date`;
  const throughId = position.throughPostingId;
  const snapshotBound = throughId === undefined ? sql`d.business_date <= ${date}` : sql`d.business_date < ${date}`;
  const upperBound = throughId === undefined ? sql`p.effective_date <= ${date}` : sql`(p.effective_date, p.id) <= (${date}, ${throughId}::bigint)`;
  return sql`(
    select coalesce(snapshot.debit_total, 0) + tail.debit as debit_total,
           coalesce(snapshot.credit_total, 0) + tail.credit as credit_total
      from (select 1) as one
      left join lateral (
        select d.business_date, d.debit_total, d.credit_total
          from accounts.daily_balances d
         where d.account_code = ${accountCode} and ${snapshotBound}
         order by d.business_date desc
         limit 1
      ) snapshot on true
      cross join lateral (
        select coalesce(sum(p.amount) filter (where p.side = 'DEBIT'), 0) as debit,
               coalesce(sum(p.amount) filter (where p.side = 'CREDIT'), 0) as credit
          from accounts.postings p
         where p.account_code = ${accountCode}
           and p.effective_date > coalesce(snapshot.business_date, '-infinity'::date)
           and ${upperBound}
      ) tail
  )`;
}

/** Posted totals as exact decimal strings. */
export interface Totals {
  debitTotal: string;
  creditTotal: string;
}

/** Several accounts' totals at one position, in one query (one LATERAL pair per account). Unknown codes are left out. */
export async function balancesAsOf(db: Db | Tx, accountCodes: readonly string[], position: LedgerPosition): Promise<Map<string, Totals>> {
  if (accountCodes.length === 0) return new Map();
  const codes = sql.join(
    [...new Set(accountCodes)].map((code) => sql`${code}`),
    sql`, `,
  );
  const rows = rowsOf<{ code: string; debit_total: string; credit_total: string }>(
    await db.execute(sql`
      select a.code, t.debit_total::text as debit_total, t.credit_total::text as credit_total
        from accounts.accounts a
        cross join lateral ${totalsAsOf(sql`a.code`, position)} t
       where a.code in (${codes})`),
  );
  return new Map(rows.map((row) => [row.code, { debitTotal: row.debit_total, creditTotal: row.credit_total }]));
}

/** One account's totals at one position (zero for an account without postings). */
export async function balanceAsOf(db: Db | Tx, accountCode: string, position: LedgerPosition): Promise<Totals> {
  return (await balancesAsOf(db, [accountCode], position)).get(accountCode) ?? { debitTotal: '0', creditTotal: '0' };
}

// ---- account statement ------------------------------------------------------------------------------------------

export interface LineRow {
  posting_id: string;
  entry_id: string;
  effective_date: string;
  side: PostingSide;
  amount: string;
  description: string;
  running_balance: string;
}

/** The page's lines (one more than asked, to tell whether there is a next page) with their running balances. */
export async function statementPageRows(db: Db | Tx, account: AccountRecord, start: LedgerPosition & { throughPostingId: string }, to: string, size: number): Promise<LineRow[]> {
  return rowsOf<LineRow>(await db.execute(statementPageSql(account, start, to, size)));
}

/**
 * The page query: a range scan of postings(account_code, effective_date, id) from the start position (a row
 * comparison the index answers, whatever the depth), the entries' descriptions by primary key, and the balance at the
 * start by totalsAsOf. Exported for the EXPLAIN in statement.test.ts.
 */
export function statementPageSql(account: Pick<AccountRecord, 'code' | 'type'>, start: LedgerPosition & { throughPostingId: string }, to: string, size: number): SQL {
  // Amounts signed as the account reads them: a debit raises an asset's balance and lowers a liability's.
  const normal = isDebitNormal(account.type) ? 'DEBIT' : 'CREDIT';
  const startBalance = isDebitNormal(account.type) ? sql`s.debit_total - s.credit_total` : sql`s.credit_total - s.debit_total`;
  return sql`
      with page as (
        select p.id, p.entry_id, p.effective_date, p.side, p.amount
          from accounts.postings p
         where p.account_code = ${account.code}
           and (p.effective_date, p.id) > (${start.date}::date, ${start.throughPostingId}::bigint)
           and p.effective_date <= ${to}::date
         order by p.effective_date, p.id
         limit ${size + 1}
      )
      select page.id::text as posting_id, page.entry_id, page.effective_date::text as effective_date, page.side,
             page.amount::text as amount, e.description,
             (${startBalance} + sum(case when page.side = ${normal} then page.amount else -page.amount end)
                over (order by page.effective_date, page.id rows between unbounded preceding and current row))::text as running_balance
        from page
        join accounts.journal_entries e on e.id = page.entry_id
        cross join lateral ${totalsAsOf(sql`${account.code}::text`, start)} s
       order by page.effective_date, page.id`;
}

// ---- trial balance ----------------------------------------------------------------------------------------------

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

/** The trial balance's rows: each detail account that moved by asOf, with its totals then (debit_total, credit_total). */
export async function trialBalanceRows(db: Db | Tx, query: TrialBalanceQuery): Promise<Array<{ account: AccountRecord; debit_total: string; credit_total: string }>> {
  const rows = rowsOf<TrialBalanceRow>(await db.execute(trialBalanceSql(query)));
  return rows.map((row) => ({ account: accountOf(row), debit_total: row.debit_total, credit_total: row.credit_total }));
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
