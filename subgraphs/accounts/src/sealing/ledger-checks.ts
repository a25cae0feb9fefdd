import { rowsOf, type Db, type Tx } from '@postal/db';
import { sql } from 'drizzle-orm';

/*
 * The ledger's arithmetic invariants, each one SQL statement that aggregates in the database (memory stays there, in
 * work_mem, spilling to disk if it must) and answers only the first offender, in a fixed order so two runs over the
 * same rows name the same one. Amounts are compared as numeric and reported as numeric::text: exact, never floats.
 * Full joins, so a row orphaned by a forced DELETE (a posting without its entry, a posting or hold on an account that
 * is gone) is an offender too, not silently left out of a sum.
 */
type Executor = Db | Tx;

export interface UnbalancedEntry {
  entryId: string;
  postings: number;
  /** Per unbalanced currency: `INR debits 10.00 credits 9.00`, joined by `; `; null when only the count is wrong. */
  unbalanced: string | null;
  /** Postings whose entry is gone. */
  entryMissing: boolean;
}

/** The first entry (by seq) with fewer than two postings or whose debits and credits differ in some currency. */
export async function firstUnbalancedEntry(db: Executor): Promise<UnbalancedEntry | null> {
  const [row] = rowsOf<{ entry_id: string; postings: number; unbalanced: string | null; entry_missing: boolean }>(
    await db.execute(sql`
      with per_currency as (
        select entry_id, currency, count(*) as postings,
               coalesce(sum(amount) filter (where side = 'DEBIT'), 0) as debits,
               coalesce(sum(amount) filter (where side = 'CREDIT'), 0) as credits
        from accounts.postings
        group by entry_id, currency
      ), per_entry as (
        select entry_id, sum(postings) as postings,
               string_agg(case when debits <> credits then currency || ' debits ' || debits || ' credits ' || credits end, '; ' order by currency) as unbalanced
        from per_currency
        group by entry_id
      )
      select coalesce(e.id, p.entry_id)::text as entry_id, coalesce(p.postings, 0)::int as postings, p.unbalanced, e.id is null as entry_missing
      from accounts.journal_entries e
      full join per_entry p on p.entry_id = e.id
      where e.id is null or p.entry_id is null or p.postings < 2 or p.unbalanced is not null
      order by e.seq nulls last, p.entry_id
      limit 1`),
  );
  return row ? { entryId: row.entry_id, postings: row.postings, unbalanced: row.unbalanced, entryMissing: row.entry_missing } : null;
}

export interface TotalsMismatch {
  accountCode: string;
  /** Stored on the account (null when the account is gone). */
  storedDebit: string | null;
  storedCredit: string | null;
  /** Summed from postings (BALANCE_MISMATCH) or pending holds (PENDING_MISMATCH). */
  expectedDebit: string;
  expectedCredit: string;
}

type TotalsRow = { account_code: string; stored_debit: string | null; stored_credit: string | null; expected_debit: string; expected_credit: string };
const toMismatch = (row: TotalsRow): TotalsMismatch => ({
  accountCode: row.account_code,
  storedDebit: row.stored_debit,
  storedCredit: row.stored_credit,
  expectedDebit: row.expected_debit,
  expectedCredit: row.expected_credit,
});

/** The first account (by code) whose debit_total/credit_total differ from the sums of its postings. */
export async function firstBalanceMismatch(db: Executor): Promise<TotalsMismatch | null> {
  const [row] = rowsOf<TotalsRow>(
    await db.execute(sql`
      with sums as (
        select account_code,
               coalesce(sum(amount) filter (where side = 'DEBIT'), 0) as debits,
               coalesce(sum(amount) filter (where side = 'CREDIT'), 0) as credits
        from accounts.postings
        group by account_code
      )
      select coalesce(a.code, s.account_code) as account_code, a.debit_total::text as stored_debit, a.credit_total::text as stored_credit,
             coalesce(s.debits, 0)::text as expected_debit, coalesce(s.credits, 0)::text as expected_credit
      from accounts.accounts a
      full join sums s on s.account_code = a.code
      where a.code is null or a.debit_total <> coalesce(s.debits, 0) or a.credit_total <> coalesce(s.credits, 0)
      order by 1
      limit 1`),
  );
  return row ? toMismatch(row) : null;
}

/**
 * The first account (by code) whose pending_debit/pending_credit differ from the amounts of the PENDING holds that
 * debit or credit it.
 */
export async function firstPendingMismatch(db: Executor): Promise<TotalsMismatch | null> {
  const [row] = rowsOf<TotalsRow>(
    await db.execute(sql`
      with pending as (
        select account_code, sum(debit) as debits, sum(credit) as credits
        from (
          select debit_account_code as account_code, amount as debit, 0 as credit from accounts.holds where status = 'PENDING'
          union all
          select credit_account_code, 0, amount from accounts.holds where status = 'PENDING'
        ) sides
        group by account_code
      )
      select coalesce(a.code, p.account_code) as account_code, a.pending_debit::text as stored_debit, a.pending_credit::text as stored_credit,
             coalesce(p.debits, 0)::text as expected_debit, coalesce(p.credits, 0)::text as expected_credit
      from accounts.accounts a
      full join pending p on p.account_code = a.code
      where a.code is null or a.pending_debit <> coalesce(p.debits, 0) or a.pending_credit <> coalesce(p.credits, 0)
      order by 1
      limit 1`),
  );
  return row ? toMismatch(row) : null;
}

export interface UnbalancedCurrency {
  currency: string;
  debitTotal: string;
  creditTotal: string;
  pendingDebit: string;
  pendingCredit: string;
}

/**
 * The first currency (alphabetically) in which the detail accounts' debit totals and credit totals, or their pending
 * debits and pending credits, do not net to zero.
 */
export async function firstUnbalancedCurrency(db: Executor): Promise<UnbalancedCurrency | null> {
  const [row] = rowsOf<{ currency: string; debit_total: string; credit_total: string; pending_debit: string; pending_credit: string }>(
    await db.execute(sql`
      select currency, sum(debit_total)::text as debit_total, sum(credit_total)::text as credit_total,
             sum(pending_debit)::text as pending_debit, sum(pending_credit)::text as pending_credit
      from accounts.accounts
      where kind = 'DETAIL'
      group by currency
      having sum(debit_total) <> sum(credit_total) or sum(pending_debit) <> sum(pending_credit)
      order by currency
      limit 1`),
  );
  return row
    ? { currency: row.currency, debitTotal: row.debit_total, creditTotal: row.credit_total, pendingDebit: row.pending_debit, pendingCredit: row.pending_credit }
    : null;
}
