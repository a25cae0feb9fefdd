import type { Identity } from '@postal/auth';
import { scopeCondition, withinTree } from '@postal/authz';
import { and, asc, count, desc, eq, exists, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '@postal/db';
import type { LedgerActor } from '../journal/model.js';
import type { AccountType } from '../ledger-accounts/model.js';
import { accounts, knownOffices } from '../ledger-accounts/tables.js';
import type { DailyBalanceRecord } from './model.js';
import { businessDays, dayCloses } from './tables.js';

export async function officeIsKnown(db: Db | Tx, officeCode: string): Promise<boolean> {
  const rows = await db.select({ code: knownOffices.code }).from(knownOffices).where(eq(knownOffices.code, officeCode));
  return rows.length > 0;
}

/** The last day the office closed, or null if it never has. */
export async function closedThroughOf(db: Db | Tx, officeCode: string): Promise<string | null> {
  const [row] = await db.select({ closedThrough: businessDays.closedThrough }).from(businessDays).where(eq(businessDays.officeCode, officeCode));
  return row?.closedThrough ?? null;
}

/** Several offices' last closed days, in one query; an office that never closed is absent. */
export async function closedThroughOfOffices(db: Db | Tx, officeCodes: readonly string[]): Promise<Map<string, string>> {
  if (officeCodes.length === 0) return new Map();
  const rows = await db
    .select({ officeCode: businessDays.officeCode, closedThrough: businessDays.closedThrough })
    .from(businessDays)
    .where(inArray(businessDays.officeCode, [...new Set(officeCodes)]));
  return new Map(rows.map((row) => [row.officeCode, row.closedThrough]));
}

/**
 * The office's business-day row, locked for this close: two closes of one office run one after the other, and the
 * second sees the first's date. At the office's first close there is no row yet; it is inserted (the unique key makes
 * a racing first close wait, then find the row), so the answer is the row as it was before this close: null when
 * this is the first.
 */
export async function lockBusinessDay(tx: Tx, officeCode: string, date: string, actor: LedgerActor): Promise<{ previous: string | null }> {
  const locked = async () =>
    (await tx.select({ closedThrough: businessDays.closedThrough }).from(businessDays).where(eq(businessDays.officeCode, officeCode)).for('update'))[0];
  const existing = await locked();
  if (existing) return { previous: existing.closedThrough };
  const inserted = await tx
    .insert(businessDays)
    .values({ officeCode, closedThrough: date, closedBy: actor })
    .onConflictDoNothing({ target: businessDays.officeCode })
    .returning({ officeCode: businessDays.officeCode });
  if (inserted.length > 0) return { previous: null };
  // Another first close committed while this one waited on the key: its row is there now.
  const raced = await locked();
  if (!raced) throw new Error(`business_days row for ${officeCode} vanished`);
  return { previous: raced.closedThrough };
}

/** Records the new close on the (locked) business-day row. */
export async function advanceBusinessDay(tx: Tx, officeCode: string, date: string, actor: LedgerActor): Promise<void> {
  await tx
    .update(businessDays)
    .set({ closedThrough: date, closedAt: sql`now()`, closedBy: actor })
    .where(eq(businessDays.officeCode, officeCode));
}

/**
 * Copies the closed day onto every account of the office. The rows are locked in code order first, the order every
 * posting locks accounts in, so a close and a posting queue instead of deadlocking. Locking waits for any posting that
 * holds one of these rows: it commits first (and the close counts it) or, if it reaches the rows after this, its
 * guarded update re-reads closed_through under the lock and fails with DAY_CLOSED. Either way no posting dated in the
 * closed days can commit after the close has summed them.
 *
 * FOR NO KEY UPDATE, like the posting path: it conflicts with a posting's lock but not with the KEY SHARE locks that
 * placing a hold takes on its accounts (the hold's foreign keys), so the close neither waits for holds that have not
 * reached their account update yet nor is starved by a stream of them. (Postings take no lock on their accounts before
 * their update: they have no foreign keys, migration 0009_1.)
 */
export async function closeAccountsOfOffice(tx: Tx, officeCode: string, date: string): Promise<void> {
  await tx.execute(sql`
    with locked as (
      select code from accounts.accounts where office_code = ${officeCode} order by code for no key update
    )
    update accounts.accounts a set closed_through = ${date}::date from locked where a.code = locked.code`);
}

interface DailyBalanceRow {
  account_code: string;
  business_date: string;
  office_code: string;
  type: AccountType;
  currency: string;
  debit_total: string;
  credit_total: string;
  period_debit: string;
  period_credit: string;
}

function toDailyBalance(row: DailyBalanceRow): DailyBalanceRecord {
  return {
    accountCode: row.account_code,
    businessDate: row.business_date,
    officeCode: row.office_code,
    type: row.type,
    currency: row.currency,
    debitTotal: row.debit_total,
    creditTotal: row.credit_total,
    periodDebit: row.period_debit,
    periodCredit: row.period_credit,
  };
}

/**
 * The daily account of the close, in one statement: for each account of the office, its latest earlier daily row (one
 * seek on the primary key, read backwards) and its postings dated after that row up to `date` (one range scan of
 * postings(account_code, effective_date, id)); an account with such postings gets a row with the cumulative totals
 * as of `date` and that movement. Accounts that did not move get no row; their latest row still holds.
 *
 * The range starts at the account's own latest row rather than at the office's previous close. The two are the same
 * while every posting respects closed_through (an account that moved in an earlier period got a row at its close),
 * but starting at the row keeps the cumulative totals right for an account that reached the office without the
 * office's closed day (e.g. one opened after a close and posted to, back-dated, by another office's entry).
 *
 * Runs after closeAccountsOfOffice, in a statement of its own, so under READ COMMITTED it sees every posting that
 * committed while the close waited for the account locks.
 */
export async function insertDailyBalances(tx: Tx, officeCode: string, date: string): Promise<DailyBalanceRecord[]> {
  const rows = rowsOf<DailyBalanceRow>(
    await tx.execute(sql`
      with moved as (
        select a.code as account_code, a.type, a.currency,
               coalesce(prior.debit_total, 0) + movement.debit as debit_total,
               coalesce(prior.credit_total, 0) + movement.credit as credit_total,
               movement.debit as period_debit, movement.credit as period_credit
          from accounts.accounts a
          left join lateral (
            select d.business_date, d.debit_total, d.credit_total from accounts.daily_balances d
             where d.account_code = a.code and d.business_date < ${date}::date
             order by d.business_date desc limit 1
          ) prior on true
          cross join lateral (
            select count(*) as postings,
                   coalesce(sum(p.amount) filter (where p.side = 'DEBIT'), 0) as debit,
                   coalesce(sum(p.amount) filter (where p.side = 'CREDIT'), 0) as credit
              from accounts.postings p
             where p.account_code = a.code
               and p.effective_date > coalesce(prior.business_date, '-infinity'::date) and p.effective_date <= ${date}::date
          ) movement
         where a.office_code = ${officeCode} and movement.postings > 0
      ),
      inserted as (
        insert into accounts.daily_balances (account_code, business_date, office_code, debit_total, credit_total, period_debit, period_credit)
        select account_code, ${date}::date, ${officeCode}, debit_total, credit_total, period_debit, period_credit from moved
        returning account_code
      )
      select m.account_code, ${date}::text as business_date, ${officeCode}::text as office_code, m.type, m.currency,
             m.debit_total::text as debit_total, m.credit_total::text as credit_total,
             m.period_debit::text as period_debit, m.period_credit::text as period_credit
        from moved m join inserted i on i.account_code = m.account_code
       order by m.account_code`),
  );
  return rows.map(toDailyBalance);
}

export async function insertDayClose(
  tx: Tx,
  row: { officeCode: string; businessDate: string; previousDate: string | null; closedBy: LedgerActor; accountsMoved: number },
): Promise<{ closedAt: Date }> {
  const [inserted] = await tx.insert(dayCloses).values(row).returning({ closedAt: dayCloses.closedAt });
  return inserted!;
}

export interface DayCloseRow {
  officeCode: string;
  businessDate: string;
  previousDate: string | null;
  closedAt: Date;
  closedBy: LedgerActor;
  accountsMoved: number;
}

/** The office's closes, newest first (the primary key (office_code, business_date) read backwards). */
export async function listDayCloses(db: Db | Tx, officeCode: string, limit: number): Promise<DayCloseRow[]> {
  return db
    .select({
      officeCode: dayCloses.officeCode,
      businessDate: dayCloses.businessDate,
      previousDate: dayCloses.previousDate,
      closedAt: dayCloses.closedAt,
      closedBy: dayCloses.closedBy,
      accountsMoved: dayCloses.accountsMoved,
    })
    .from(dayCloses)
    .where(eq(dayCloses.officeCode, officeCode))
    .orderBy(desc(dayCloses.businessDate))
    .limit(limit);
}

/**
 * The daily balances recorded by the office's closes of these dates: through the office's accounts
 * (accounts_office_idx) and the daily_balances primary key (account_code, business_date), so no extra index is needed.
 */
export async function dailyBalancesOfCloses(db: Db | Tx, officeCode: string, dates: readonly string[]): Promise<DailyBalanceRecord[]> {
  if (dates.length === 0) return [];
  const dateList = sql.join(
    dates.map((date) => sql`${date}::date`),
    sql`, `,
  );
  const rows = rowsOf<DailyBalanceRow>(
    await db.execute(sql`
      select d.account_code, d.business_date::text as business_date, d.office_code, a.type, a.currency,
             d.debit_total::text as debit_total, d.credit_total::text as credit_total,
             d.period_debit::text as period_debit, d.period_credit::text as period_credit
        from accounts.accounts a
        join accounts.daily_balances d on d.account_code = a.code and d.business_date in (${dateList})
       where a.office_code = ${officeCode} and d.office_code = ${officeCode}
       order by d.business_date desc, d.account_code`),
  );
  return rows.map(toDailyBalance);
}

// ---- offices whose business day is still open ---------------------------------------------------------------------

export interface NotClosedQuery {
  reader: Identity;
  /** Offices that have not closed through this day: closed_through before it, or no close at all. */
  date: string;
  /** The path of the office whose subtree is asked for (the office included); the whole scope when absent. */
  underPath?: string | undefined;
}

/** An office that has not closed through the asked day, with what the scope checks and Office.closedThrough need. */
export interface NotClosedOffice {
  code: string;
  path: string;
  closedThrough: string | null;
}

/**
 * The conditions, over known_offices left-joined to business_days: in the reader's ledger.read scope (a prefix range
 * on the path index), ACTIVE, keeping a ledger (at least one account: offices above head offices have none and close
 * no day; an EXISTS seek on accounts_office_idx), and not closed through the date.
 */
function notClosedConditions(query: NotClosedQuery): SQL[] {
  const conditions: SQL[] = [
    scopeCondition(query.reader, 'ledger.read', knownOffices.path),
    eq(knownOffices.status, 'ACTIVE'),
    or(isNull(businessDays.closedThrough), lt(businessDays.closedThrough, query.date)) as SQL,
    exists(sql`(select 1 from ${accounts} where ${accounts.officeCode} = ${knownOffices.code})`),
  ];
  if (query.underPath !== undefined) conditions.push(withinTree(knownOffices.path, query.underPath));
  return conditions;
}

/** One keyset page of those offices, ordered by code (the known_offices primary key). */
export async function listOfficesNotClosedThrough(db: Db | Tx, query: NotClosedQuery & { afterCode?: string | undefined; limit: number }): Promise<NotClosedOffice[]> {
  const conditions = notClosedConditions(query);
  if (query.afterCode !== undefined) conditions.push(gt(knownOffices.code, query.afterCode));
  return db
    .select({ code: knownOffices.code, path: knownOffices.path, closedThrough: businessDays.closedThrough })
    .from(knownOffices)
    .leftJoin(businessDays, eq(businessDays.officeCode, knownOffices.code))
    .where(and(...conditions))
    .orderBy(asc(knownOffices.code))
    .limit(query.limit);
}

/** How many offices the listing holds in all: one aggregate over the same conditions (the reader's subtree at most). */
export async function countOfficesNotClosedThrough(db: Db | Tx, query: NotClosedQuery): Promise<number> {
  const [row] = await db
    .select({ offices: count() })
    .from(knownOffices)
    .leftJoin(businessDays, eq(businessDays.officeCode, knownOffices.code))
    .where(and(...notClosedConditions(query)));
  return Number(row?.offices ?? 0);
}
