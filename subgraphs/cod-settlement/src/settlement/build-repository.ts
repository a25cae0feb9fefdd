import { rowsOf, type Tx } from '@postal/db';
import { sql, type SQL } from 'drizzle-orm';

/** A uuid[] parameter list (drizzle expands a JS array into a list of parameters). */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
}

/** The distinct settlement terms of the billers an office settles: what the cutoffs must be computed for. */
export interface TermsKey {
  calendar: string;
  cycleDays: number;
  earlyDays: number | null;
  feeRuleKind: string;
}

export async function termsAtOffice(tx: Tx, officeCode: string, cycleDate: string): Promise<TermsKey[]> {
  const result = await tx.execute(sql`
    select distinct k.holiday_calendar as calendar, k.settlement_cycle_days as "cycleDays",
           case when k.early_settlement_enabled then k.early_settlement_days end as "earlyDays",
           k.fee_rule->>'kind' as "feeRuleKind"
    from cod.billers b
    cross join lateral (
      select * from cod.contracts k where k.biller_id = b.id and k.effective_from <= ${cycleDate}
      order by k.effective_from desc limit 1) k
    where b.settlement_office_code = ${officeCode} and b.status = 'ACTIVE'`);
  return rowsOf<TermsKey>(result);
}

/** A due cutoff per (calendar, T+n), and whether the cycle date is a business day of that calendar. */
export interface Cutoff {
  calendar: string;
  days: number;
  cutoff: string;
  businessDay: boolean;
}

export interface BuildParameters {
  officeCode: string;
  cycleDate: string;
  /** ISO weekday of the cycle date: only contracts paying out on it are settled. */
  weekday: number;
  cutoffs: Cutoff[];
  builtBy: string;
  now: Date;
}

/**
 * Creates the cycle's batches and claims what they settle in ONE set-based statement (no row-by-row work):
 * - `terms`: each active biller of the office with the contract in force on the cycle date, paying out on its weekday
 *   and on a business day of its calendar, with its due cutoff (early settlement's when enabled);
 * - `day_sums`: the open days (due_days) up to each biller's cutoff, with the totals migration 0009's trigger keeps as
 *   each collection becomes due, priced: the day path, which reads and writes a row per (biller, day), so a million
 *   articles cost no more than their days; a day is early when it is after the standard cutoff;
 * - `due`: collections that settle alone (their day was claimed when they became due, a dispute held them, no
 *   contract priced them), each claimed and priced as before: the conditional UPDATE of settlement_batch_id, a line each;
 * - `fresh`: one DRAFT batch per biller with something due; ON CONFLICT on the live (biller, cycle) index skips a
 *   biller another build already has;
 * - `claimed_days` and `opened`: the days' claims (settlement_days, whose unique index on active days refuses a second
 *   claim of a day whatever happens) and due_days pointing at their batch;
 * - the lines: gross = collected amount; fee per the contract's rule (cod.cod_fee, migration 0009: the SQL twin of
 *   fees/domain.ts quoteCodFee, rounded HALF_UP to paise first; each tax on the rounded fee, rounded on its own); the
 *   early fee on articles settled before their standard cutoff, with its taxes.
 * Adjustments of upheld disputes are claimed into the same batches by claimAdjustments. Answers the new batch ids.
 * The caller holds the office's build lock exclusively (buildSettlementBatchesInTx), which collections becoming due
 * take shared, so no collection becomes due into a day while this statement claims it.
 */
export async function createBatchesAndClaim(tx: Tx, p: BuildParameters): Promise<string[]> {
  if (p.cutoffs.length === 0) return [];
  const cutoffRows = sql.join(
    p.cutoffs.map((c) => sql`(${c.calendar}::text, ${c.days}::int, ${c.cutoff}::date, ${c.businessDay}::boolean)`),
    sql`, `,
  );
  const result = await tx.execute(sql`
    with cutoffs(calendar, days, cutoff, business_day) as (values ${cutoffRows}),
    terms as (
      select b.id as biller_id, b.code, b.currency, b.settlement_office_path, k.fee_rule, std.cutoff as std_cutoff,
             coalesce(early.cutoff, std.cutoff) as cutoff,
             coalesce(k.early_settlement_fee_percent, 0) as early_percent,
             array(select (t->>'percent')::numeric from jsonb_array_elements(k.taxes) t) as tax_percents
      from cod.billers b
      cross join lateral (
        select * from cod.contracts k where k.biller_id = b.id and k.effective_from <= ${p.cycleDate}
        order by k.effective_from desc limit 1) k
      join cutoffs std on std.calendar = k.holiday_calendar and std.days = k.settlement_cycle_days and std.business_day
      left join cutoffs early on k.early_settlement_enabled and early.calendar = k.holiday_calendar and early.days = k.early_settlement_days
      where b.settlement_office_code = ${p.officeCode} and b.status = 'ACTIVE' and k.payout_weekdays @> to_jsonb(${p.weekday}::int)
    ),
    day_sums as (
      select d.biller_id, d.due_from, d.due_from > t.std_cutoff as early, d.article_count as articles, d.gross, d.fee,
             d.fee_tax + case when d.due_from > t.std_cutoff then d.early_tax else 0 end as tax,
             case when d.due_from > t.std_cutoff then d.early_fee else 0 end as early_fee
      from cod.due_days d join terms t on t.biller_id = d.biller_id
      where d.settlement_office_code = ${p.officeCode} and d.batch_id is null and d.due_from <= t.cutoff and d.article_count > 0
    ),
    due as (
      select c.article_id, c.biller_id, c.amount, c.due_from
      from cod.collections c join terms t on t.biller_id = c.biller_id
      where c.settles_alone and c.settlement_batch_id is null and c.due_from is not null and c.due_from <= t.cutoff and c.amount > 0
        and not exists (select 1 from cod.disputes d where d.article_id = c.article_id and d.status = 'OPEN')
    ),
    wanted as (
      select t.biller_id from terms t
      where exists (select 1 from day_sums s where s.biller_id = t.biller_id)
         or exists (select 1 from due where due.biller_id = t.biller_id)
         or exists (select 1 from cod.disputes d where d.biller_id = t.biller_id and d.status = 'UPHELD'
                    and d.adjustment_amount is not null and d.adjustment_batch_id is null)
    ),
    fresh as (
      insert into cod.settlement_batches (id, reference, biller_id, settlement_office_code, settlement_office_path, currency,
                                          cycle_date, status, built_by, built_at)
      select gen_random_uuid(),
             t.code || '-' || to_char(${p.cycleDate}::date, 'YYYYMMDD') || '-' ||
               (1 + (select count(*) from cod.settlement_batches o where o.biller_id = t.biller_id and o.cycle_date = ${p.cycleDate})),
             t.biller_id, ${p.officeCode}, t.settlement_office_path, t.currency, ${p.cycleDate}, 'DRAFT', ${p.builtBy}, ${p.now}
      from terms t join wanted w on w.biller_id = t.biller_id
      order by t.biller_id
      on conflict (biller_id, cycle_date) where status not in ('REJECTED','CANCELLED') do nothing
      returning id, biller_id
    ),
    claimed_days as (
      insert into cod.settlement_days (batch_id, biller_id, due_from, early, article_count, gross, fee, tax, early_fee, net)
      select f.id, s.biller_id, s.due_from, s.early, s.articles, s.gross, s.fee, s.tax, s.early_fee, s.gross - s.fee - s.tax - s.early_fee
      from day_sums s join fresh f on f.biller_id = s.biller_id
      returning batch_id, biller_id, due_from
    ),
    opened as (
      update cod.due_days d set batch_id = cd.batch_id
      from claimed_days cd where d.biller_id = cd.biller_id and d.due_from = cd.due_from and d.batch_id is null
      returning d.biller_id
    ),
    claimed as (
      update cod.collections c set settlement_batch_id = f.id
      from fresh f, due
      where due.biller_id = f.biller_id and c.article_id = due.article_id and c.settlement_batch_id is null
      returning c.article_id, c.biller_id, c.amount, c.due_from, f.id as batch_id
    ),
    priced as (
      select cl.*, t.std_cutoff, t.tax_percents,
             cod.cod_fee(cl.amount, t.fee_rule) as fee,
             case when cl.due_from > t.std_cutoff then round(cl.amount * t.early_percent / 100, 2) else 0 end as early_fee
      from claimed cl join terms t on t.biller_id = cl.biller_id
    ),
    lines as (
      insert into cod.settlement_lines (batch_id, kind, article_id, gross, fee, tax, early_fee, net, due_from)
      select pr.batch_id, 'ARTICLE', pr.article_id, pr.amount, pr.fee, tx.tax, pr.early_fee,
             pr.amount - pr.fee - tx.tax - pr.early_fee, pr.due_from
      from priced pr
      cross join lateral (
        select coalesce(sum(round(pr.fee * pct / 100, 2) + round(pr.early_fee * pct / 100, 2)), 0) as tax
        from unnest(pr.tax_percents) pct) tx
      returning batch_id
    )
    select f.id, (select count(*) from lines) as line_count, (select count(*) from opened) as day_count from fresh f`);
  return rowsOf<{ id: string }>(result).map((row) => row.id);
}

/** Upheld disputes' adjustments not yet paid: claimed once (adjustment_batch_id is null) into the biller's new batch. */
export async function claimAdjustments(tx: Tx, batchIds: readonly string[]): Promise<void> {
  if (batchIds.length === 0) return;
  await tx.execute(sql`
    with claimed as (
      update cod.disputes d set adjustment_batch_id = b.id
      from cod.settlement_batches b
      where b.id = any(${uuidArray(batchIds)})
        and d.biller_id = b.biller_id and d.status = 'UPHELD' and d.adjustment_amount is not null and d.adjustment_batch_id is null
      returning d.id, d.adjustment_amount, b.id as batch_id
    )
    insert into cod.settlement_lines (batch_id, kind, dispute_id, gross, fee, tax, early_fee, net)
    select batch_id, 'ADJUSTMENT', id, adjustment_amount, 0, 0, 0, adjustment_amount from claimed`);
}

/** The batches' totals from their active lines and claimed days; a batch another build left empty is removed. */
export async function totalBatches(tx: Tx, batchIds: readonly string[]): Promise<void> {
  if (batchIds.length === 0) return;
  const ids = uuidArray(batchIds);
  await tx.execute(sql`
    update cod.settlement_batches b set
      article_count = s.articles, gross = s.gross, fee = s.fee, tax = s.tax, early_fee = s.early_fee,
      adjustments = s.adjustments, net = s.gross + s.adjustments - s.fee - s.tax - s.early_fee
    from (
      select u.batch_id, sum(u.articles)::int as articles, sum(u.gross) as gross, sum(u.adjustments) as adjustments,
             sum(u.fee) as fee, sum(u.tax) as tax, sum(u.early_fee) as early_fee
      from (
        select l.batch_id, count(*) filter (where l.kind = 'ARTICLE') as articles,
               coalesce(sum(l.gross) filter (where l.kind = 'ARTICLE'), 0) as gross,
               coalesce(sum(l.gross) filter (where l.kind = 'ADJUSTMENT'), 0) as adjustments,
               sum(l.fee) as fee, sum(l.tax) as tax, sum(l.early_fee) as early_fee
        from cod.settlement_lines l where l.batch_id = any(${ids}) and l.active group by l.batch_id
        union all
        select d.batch_id, sum(d.article_count), sum(d.gross), 0, sum(d.fee), sum(d.tax), sum(d.early_fee)
        from cod.settlement_days d where d.batch_id = any(${ids}) and d.active group by d.batch_id) u
      group by u.batch_id) s
    where b.id = s.batch_id`);
  await tx.execute(sql`
    delete from cod.settlement_batches b where b.id = any(${ids})
      and not exists (select 1 from cod.settlement_lines l where l.batch_id = b.id)
      and not exists (select 1 from cod.settlement_days d where d.batch_id = b.id)`);
}
