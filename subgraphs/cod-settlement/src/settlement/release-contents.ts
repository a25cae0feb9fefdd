import { rowsOf, type Tx } from '@postal/db';
import { sql } from 'drizzle-orm';

/**
 * A batch that will not pay (cancelled, rejected, its payout failed) gives back what it claimed: its lines and day
 * claims inactive, its days open again, its collections' and adjustments' claims cleared, so they are due again in the
 * next build. Only rows this batch claimed are touched. An article of a released day with an open dispute (raised
 * after its day was claimed) now settles alone, so the next build's day path cannot take it while it is disputed.
 */
export async function releaseBatchContents(tx: Tx, batchId: string): Promise<{ articles: number }> {
  await tx.execute(sql`update cod.settlement_lines set active = false where batch_id = ${batchId} and active`);
  const alone = await tx.execute(sql`update cod.collections set settlement_batch_id = null where settlement_batch_id = ${batchId}`);
  const [days] = rowsOf<{ articles: number }>(
    await tx.execute(sql`
      with released as (update cod.settlement_days set active = false where batch_id = ${batchId} and active returning article_count)
      select coalesce(sum(article_count), 0)::int as articles from released`),
  );
  await tx.execute(sql`update cod.due_days set batch_id = null where batch_id = ${batchId}`);
  // The days are open again (the statement above); their disputed articles leave them and their totals.
  await tx.execute(sql`
    select cod.take_off_open_day(c.article_id)
    from cod.settlement_days sd join cod.collections c on c.biller_id = sd.biller_id and c.due_from = sd.due_from
    where sd.batch_id = ${batchId} and not c.settles_alone
      and exists (select 1 from cod.disputes d where d.article_id = c.article_id and d.status = 'OPEN')
    order by c.article_id`);
  await tx.execute(sql`update cod.disputes set adjustment_batch_id = null where adjustment_batch_id = ${batchId}`);
  return { articles: ((alone as unknown as { rowCount?: number }).rowCount ?? 0) + days!.articles };
}
