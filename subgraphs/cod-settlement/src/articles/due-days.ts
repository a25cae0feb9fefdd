import type { Tx } from '@postal/db';
import { sql } from 'drizzle-orm';

/**
 * Before many collections become due at once on `dueFrom` (a postman's deposit, a clearing): their settlement
 * offices' build locks shared, in office order, then their days' rows (cod.due_days), created if new and locked, in
 * biller order. The trigger collections_became_due (migration 0009) then adds each collection to a row this
 * transaction already holds, so two deposits touching the same billers queue in one order instead of deadlocking,
 * and no build can claim those days until this transaction ends (it takes the office lock exclusively first).
 */
export async function lockDueDays(tx: Tx, articleIds: readonly string[], dueFrom: string): Promise<void> {
  if (articleIds.length === 0) return;
  const ids = sql`array[${sql.join(articleIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const billersOf = sql`
    select distinct c.biller_id, b.settlement_office_code
    from cod.collections c join cod.billers b on b.id = c.biller_id
    where c.article_id = any(${ids}) and c.due_from is null and not c.settles_alone`;
  await tx.execute(sql`
    select pg_advisory_xact_lock_shared(hashtext('cod.settlement.build:' || o.settlement_office_code))
    from (select distinct settlement_office_code from (${billersOf}) x order by 1) o`);
  await tx.execute(sql`
    insert into cod.due_days (biller_id, due_from, settlement_office_code)
    select x.biller_id, ${dueFrom}::date, x.settlement_office_code from (${billersOf}) x order by x.biller_id
    on conflict do nothing`);
  await tx.execute(sql`
    select 1 from cod.due_days d
    where d.due_from = ${dueFrom}::date and d.biller_id in (select x.biller_id from (${billersOf}) x)
    order by d.biller_id for update`);
}
