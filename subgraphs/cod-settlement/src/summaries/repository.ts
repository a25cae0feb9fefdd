import { withinTree } from '@postal/authz';
import { rowsOf, type Db, type Tx } from '@postal/db';
import { sql, type SQL } from 'drizzle-orm';

type Q = Db | Tx;

/** How far a caller's cod.read reaches: the office at `path` alone (`exact`, an own-office grant) or its subtree. */
export interface OfficeScope {
  path: string;
  exact: boolean;
}

/** The billers (alias b) settled within the scope. */
function settledWithin(scope: OfficeScope): SQL {
  return scope.exact ? sql`b.settlement_office_path = ${scope.path}` : withinTree(sql`b.settlement_office_path`, scope.path);
}

/** What a biller is owed and has been paid, from the cod tables (summaries/service.ts adds the due cutoff). */
export async function billerMoney(db: Q, billerId: string, dueCutoff: string, today: string) {
  const [row] = rowsOf<Record<string, string | null>>(
    await db.execute(sql`
      select
        coalesce(sum(c.amount) filter (where c.due_from <= ${dueCutoff}), 0)::text as available,
        coalesce(sum(c.amount) filter (where c.due_from is null or c.due_from > ${dueCutoff}), 0)::text as pending,
        (select coalesce(sum(d.adjustment_amount), 0) from cod.disputes d
          where d.biller_id = ${billerId} and d.status = 'UPHELD' and d.adjustment_amount is not null and d.adjustment_batch_id is null)::text as adjustments,
        (select coalesce(sum(p.amount), 0) from cod.payouts p where p.biller_id = ${billerId} and p.status = 'PENDING')::text as initiated,
        (select coalesce(sum(p.amount), 0) from cod.payouts p where p.biller_id = ${billerId} and p.status = 'PAID' and p.outcome_on > (${today}::date - 30))::text as remitted_30,
        (select coalesce(sum(p.amount), 0) from cod.payouts p where p.biller_id = ${billerId} and p.status in ('FAILED','REVERSED'))::text as reversals,
        (select count(*) from cod.payouts p where p.biller_id = ${billerId} and p.status in ('FAILED','REVERSED'))::text as reversal_count
      from cod.collection_batches c
      where c.biller_id = ${billerId} and c.batch_id is null and c.amount > 0`),
  );
  return row!;
}

export async function lastRemittance(db: Q, billerId: string) {
  const [row] = rowsOf<{ outcome_on: string; amount: string; utr: string }>(
    await db.execute(sql`select outcome_on::text, amount::text, utr from cod.payouts where biller_id = ${billerId} and status = 'PAID' order by outcome_on desc, id desc limit 1`),
  );
  return row;
}

/** Days from delivery to the remittance being paid, over the articles of paid batches: average and 95th percentile. */
export async function remittanceDays(db: Q, billerId: string) {
  const [row] = rowsOf<{ average: string | null; p95: string | null }>(
    await db.execute(sql`
      select round(avg(p.outcome_on - a.delivered_on), 2)::text as average,
             round(percentile_cont(0.95) within group (order by p.outcome_on - a.delivered_on)::numeric, 2)::text as p95
      from cod.payouts p
      join cod.batch_lines l on l.batch_id = p.batch_id and l.kind = 'ARTICLE' and l.active
      join cod.articles a on a.id = l.article_id
      where p.biller_id = ${billerId} and p.status = 'PAID'`),
  );
  return row ?? { average: null, p95: null };
}

export interface RemittanceRow {
  id: string;
  batch_id: string;
  reference: string;
  status: string;
  amount: string;
  currency: string;
  utr: string | null;
  released_on: string;
  outcome_on: string | null;
  article_count: number;
}

/** A biller's payouts newest first, keyset-paged on (released_on, id). */
export async function remittancesPage(db: Q, billerId: string, limit: number, after?: { releasedOn: string; id: string }) {
  const keyset = after ? sql`and (p.released_on, p.id) < (${after.releasedOn}::date, ${after.id}::uuid)` : sql``;
  return rowsOf<RemittanceRow>(
    await db.execute(sql`
      select p.id, p.batch_id, b.reference, p.status, p.amount::text, p.currency, p.utr, p.released_on::text, p.outcome_on::text, b.article_count
      from cod.payouts p join cod.settlement_batches b on b.id = p.batch_id
      where p.biller_id = ${billerId} ${keyset}
      order by p.released_on desc, p.id desc limit ${limit + 1}`),
  );
}

export async function articleNumbersOfBatch(db: Q, batchId: string, limit: number) {
  return rowsOf<{ article_number: string }>(
    await db.execute(sql`select a.article_number from cod.batch_lines l join cod.articles a on a.id = l.article_id where l.batch_id = ${batchId} and l.kind = 'ARTICLE' order by a.article_number limit ${limit}`),
  ).map((row) => row.article_number);
}

/** Every article of every payout of the biller, for the CSV export (bounded by the caller). */
export async function remittanceArticles(db: Q, billerId: string, limit: number) {
  return rowsOf<Record<string, string | null>>(
    await db.execute(sql`
      select p.released_on::text, p.outcome_on::text, b.reference, p.utr, p.status, a.article_number, a.delivered_on::text,
             l.gross::text, l.fee::text, l.tax::text, l.early_fee::text, l.net::text
      from cod.payouts p join cod.settlement_batches b on b.id = p.batch_id
      join cod.batch_lines l on l.batch_id = b.id and l.kind = 'ARTICLE'
      join cod.articles a on a.id = l.article_id
      where p.biller_id = ${billerId}
      order by p.released_on desc, b.reference, a.article_number limit ${limit}`),
  );
}

/** The office's COD day: delivered, collected by mode, deposited, and the deposits' shortages and excesses. */
export async function officeDay(db: Q, officeCode: string, date: string) {
  const [delivered] = rowsOf<{ count: string; amount: string }>(
    await db.execute(sql`select count(*)::text as count, coalesce(sum(cod_amount), 0)::text as amount from cod.articles where delivery_office_code = ${officeCode} and delivered_on = ${date}`),
  );
  const modes = rowsOf<{ mode: string; count: string; amount: string; deposited: string }>(
    await db.execute(sql`
      select mode, count(*)::text as count, coalesce(sum(amount), 0)::text as amount,
             coalesce(sum(amount) filter (where deposit_id is not null), 0)::text as deposited
      from cod.collections where office_code = ${officeCode} and business_date = ${date} group by mode order by mode`),
  );
  const [deposits] = rowsOf<{ shortage: string; excess: string }>(
    await db.execute(sql`
      select coalesce(sum((payload->>'shortage')::numeric), 0)::text as shortage, coalesce(sum((payload->>'excess')::numeric), 0)::text as excess
      from cod.ledger_movements where movement = 'DEPOSITED' and office_code = ${officeCode} and business_date = ${date}`),
  );
  return { delivered: delivered!, modes, deposits: deposits! };
}

export interface AgingRow {
  biller_code: string;
  office_code: string;
  currency: string;
  bucket: string;
  count: string;
  amount: string;
}

/** Delivered articles not in a released batch, by biller, delivery office and age bucket (days since delivery). */
export async function agingRows(db: Q, today: string, scope: OfficeScope | null, filter: { billerCode?: string | null; officeCode?: string | null }) {
  const conditions: SQL[] = [sql`(c.batch_id is null or sb.status in ('DRAFT','SUBMITTED'))`];
  if (scope !== null) conditions.push(settledWithin(scope));
  if (filter.billerCode) conditions.push(sql`b.code = ${filter.billerCode}`);
  if (filter.officeCode) conditions.push(sql`a.delivery_office_code = ${filter.officeCode}`);
  return rowsOf<AgingRow>(
    await db.execute(sql`
      select b.code as biller_code, a.delivery_office_code as office_code, c.currency,
             case when ${today}::date - a.delivered_on <= 2 then 'D0_2' when ${today}::date - a.delivered_on <= 7 then 'D3_7'
                  when ${today}::date - a.delivered_on <= 15 then 'D8_15' when ${today}::date - a.delivered_on <= 30 then 'D16_30' else 'D31_PLUS' end as bucket,
             count(*)::text as count, coalesce(sum(c.amount), 0)::text as amount
      from cod.collection_batches c join cod.articles a on a.id = c.article_id join cod.billers b on b.id = c.biller_id
      left join cod.settlement_batches sb on sb.id = c.batch_id
      where ${sql.join(conditions, sql` and `)}
      group by 1, 2, 3, 4 order by 1, 2, 4
      limit 5000`),
  );
}

/**
 * What the cod tables say each biller is owed on `asOf`: collections up to that date not in a released or paid batch,
 * plus upheld adjustments not in one. The ledger's COD payable falls at SETTLED (release) and rises again at
 * PAYOUT_FAILED, when the batch's collections are released too, so both sides move together.
 */
export async function unsettledByBiller(db: Q, asOf: string, scope: OfficeScope | null, billerId?: string | null) {
  const conditions: SQL[] = [];
  if (scope !== null) conditions.push(settledWithin(scope));
  if (billerId) conditions.push(sql`b.id = ${billerId}`);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return rowsOf<{ biller_id: string; biller_code: string; settlement_office_code: string; currency: string; collected: string; adjustments: string }>(
    await db.execute(sql`
      select b.id as biller_id, b.code as biller_code, b.settlement_office_code, b.currency,
        (select coalesce(sum(c.amount), 0) from cod.collection_batches c left join cod.settlement_batches sb on sb.id = c.batch_id
          where c.biller_id = b.id and c.business_date <= ${asOf}
            and (sb.id is null or sb.status not in ('RELEASED','PAID') or sb.released_on > ${asOf}))::text as collected,
        (select coalesce(sum(d.adjustment_amount), 0) from cod.disputes d left join cod.settlement_batches sb on sb.id = d.adjustment_batch_id
          where d.biller_id = b.id and d.status = 'UPHELD' and d.adjustment_amount is not null and d.resolved_on <= ${asOf}
            and (sb.id is null or sb.status not in ('RELEASED','PAID') or sb.released_on > ${asOf}))::text as adjustments
      from cod.billers b ${where}
      order by b.settlement_office_code, b.code
      limit 5000`),
  );
}
