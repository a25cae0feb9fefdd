import type { Tx } from '@postal/db';
import type { AnyEvent, TypedEvent } from '@postal/events';
import { releaseBatchContents } from './release-contents.js';
import { lockBatches, setBatchStatus } from './repository.js';

/**
 * A SETTLEMENT_RELEASE the checker REJECTED (or that EXPIRED in the inbox): the shared executor acts only on approved
 * requests, so this ends the request's batches here, REJECTED, and gives their articles back for the next build. Only
 * batches still SUBMITTED under that request are touched, so a replayed event changes nothing.
 */
export async function onSettlementReleaseRefused(tx: Tx, event: AnyEvent): Promise<boolean> {
  if (event.type !== 'approval.decided') return false;
  const decided = (event as TypedEvent<'approval.decided'>).payload;
  if (decided.kind !== 'SETTLEMENT_RELEASE' || decided.subgraph !== 'cod-settlement' || decided.decision === 'APPROVED') return false;
  const ids = Array.isArray((decided.payload as { batches?: unknown }).batches)
    ? ((decided.payload as { batches: Array<{ id?: unknown }> }).batches.map((b) => b.id).filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)))
    : [];
  for (const batch of await lockBatches(tx, ids)) {
    if (batch.status !== 'SUBMITTED' || batch.approvalRequestId !== decided.requestId) continue;
    await releaseBatchContents(tx, batch.id);
    await setBatchStatus(tx, batch.id, 'REJECTED', { closedReason: `approval request ${decided.decision.toLowerCase()}`, version: batch.version + 1 });
  }
  return true;
}
