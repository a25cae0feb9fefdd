import type { Tx } from '@postal/db';
import { sql } from 'drizzle-orm';

/**
 * A batch that will not pay (cancelled, rejected, its payout failed) gives back what it claimed: its lines inactive,
 * its collections' and adjustments' claim cleared, so they are due again in the next build. Only rows this batch
 * claimed are touched (settlement_batch_id = the batch).
 */
export async function releaseBatchContents(tx: Tx, batchId: string): Promise<{ articles: number }> {
  await tx.execute(sql`update cod.settlement_lines set active = false where batch_id = ${batchId} and active`);
  const released = await tx.execute(sql`update cod.collections set settlement_batch_id = null where settlement_batch_id = ${batchId}`);
  await tx.execute(sql`update cod.disputes set adjustment_batch_id = null where adjustment_batch_id = ${batchId}`);
  return { articles: (released as unknown as { rowCount?: number }).rowCount ?? 0 };
}
