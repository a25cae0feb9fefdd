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
  await tx.execute(sql`
    with opened as (update cod.due_days set batch_id = null where batch_id = ${batchId} returning biller_id, due_from)
    update cod.collections c set settles_alone = true from opened o
    where c.biller_id = o.biller_id and c.due_from = o.due_from and not c.settles_alone
      and exists (select 1 from cod.disputes d where d.article_id = c.article_id and d.status = 'OPEN')`);
  await tx.execute(sql`update cod.disputes set adjustment_batch_id = null where adjustment_batch_id = ${batchId}`);
  return { articles: ((alone as unknown as { rowCount?: number }).rowCount ?? 0) + days!.articles };
}
