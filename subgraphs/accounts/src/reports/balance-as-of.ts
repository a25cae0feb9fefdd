import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '@postal/db';

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
