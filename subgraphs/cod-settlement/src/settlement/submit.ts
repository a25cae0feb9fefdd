import type { SignedRequestContext } from '@postal/auth';
import { assertCan, assertHolds } from '@postal/authz';
import { ForbiddenError } from '@postal/errors';
import { Decimal } from '@postal/money';
import { stageEvents } from '@postal/outbox';
import { auditEvent } from '@postal/server';
import { outbox, processedEvents } from '../db-schema.js';
import type { SettlementDeps } from './deps.js';
import { isUuid } from './domain.js';
import { releaseBatchContents } from './release-contents.js';
import { SettlementError } from './errors.js';
import { MAX_BATCHES_PER_RELEASE, releaseHash, type ReleasePayload } from './release-payload.js';
import { batchesByIds, lockBatches, setBatchStatus, type BatchRow } from './repository.js';

const MAX_NOTE_LENGTH = 500;

function checkList(ids: readonly string[], note: string): void {
  if (ids.length === 0 || ids.length > MAX_BATCHES_PER_RELEASE || new Set(ids).size !== ids.length) {
    throw new SettlementError('INVALID_BATCH_LIST', `give 1 to ${MAX_BATCHES_PER_RELEASE} distinct batch ids`, { field: 'ids' });
  }
  const unknown = ids.find((id) => !isUuid(id));
  if (unknown !== undefined) throw new SettlementError('SETTLEMENT_BATCH_NOT_FOUND', `no settlement batch ${unknown.slice(0, 60)}`, { field: 'ids' });
  if (note.trim().length === 0 || note.length > MAX_NOTE_LENGTH) throw new SettlementError('INVALID_INPUT', `the note must have 1 to ${MAX_NOTE_LENGTH} characters`, { field: 'note' });
}

/** Every batch found, DRAFT, in the caller's release scope, all at one settlement office. */
function checkBatches(context: SignedRequestContext, ids: readonly string[], batches: readonly BatchRow[]): void {
  const found = new Map(batches.map((b) => [b.id, b]));
  for (const id of ids) {
    const batch = found.get(id);
    if (!batch) throw new SettlementError('SETTLEMENT_BATCH_NOT_FOUND', `no settlement batch ${id}`, { field: 'ids' });
    assertCan(context.identity, 'cod.settlement.release', { code: batch.settlementOfficeCode, path: batch.settlementOfficePath });
    if (batch.status !== 'DRAFT') throw new SettlementError('INVALID_BATCH_STATE', `batch ${batch.reference} is ${batch.status}; only a DRAFT batch is submitted`, { details: { id, status: batch.status } });
  }
  if (new Set(batches.map((b) => b.settlementOfficeCode)).size > 1) throw new SettlementError('INVALID_BATCH_LIST', 'the batches of one release are of one settlement office', { field: 'ids' });
}

function payloadOf(batches: readonly BatchRow[], note: string): ReleasePayload {
  const first = batches[0]!;
  return {
    settlementOfficeCode: first.settlementOfficeCode,
    currency: first.currency,
    note,
    batches: batches.map((b) => ({ id: b.id, reference: b.reference, articleCount: b.articleCount, gross: b.gross, net: b.net })),
    totalNet: batches.reduce((sum, b) => sum.plus(b.net), new Decimal(0)).toFixed(2),
    hash: releaseHash(batches),
  };
}

/**
 * submitSettlementBatches (cod.settlement.release, the maker): one SETTLEMENT_RELEASE request to administration's inbox
 * for the batches, which become SUBMITTED. The inbox is asked with no transaction open; the batches are then locked
 * and checked again, so a batch changed in between is refused (the request in the inbox then fails at execution, as
 * its hash no longer matches).
 */
export async function submitSettlementBatches(deps: SettlementDeps, context: SignedRequestContext, ids: readonly string[], note: string): Promise<{ approvalRequestId: string; batches: BatchRow[] }> {
  assertHolds(context.identity, 'cod.settlement.release');
  if (context.identity.kind !== 'staff') throw new ForbiddenError('only a member of staff can submit a request for approval');
  checkList(ids, note);
  const before = await batchesByIds(deps.database.db, ids);
  checkBatches(context, ids, before);
  if (!deps.approvals) throw new Error('the approvals inbox is not configured for cod-settlement');
  const payload = payloadOf(before, note);
  const submitted = await deps.approvals.submit(
    {
      kind: 'SETTLEMENT_RELEASE',
      officeCode: payload.settlementOfficeCode,
      summary: `Release ${before.length} COD settlement batch(es), net ${payload.currency} ${payload.totalNet}`,
      payload: payload as unknown as Record<string, unknown>,
      makerId: context.identity.staffId,
    },
    context.requestId,
  );
  return deps.database.db.transaction(async (tx) => {
    const locked = await lockBatches(tx, ids);
    checkBatches(context, ids, locked);
    if (releaseHash(locked) !== payload.hash) throw new SettlementError('SETTLEMENT_BATCH_CHANGED', 'the batches changed while they were being submitted; submit them again');
    for (const batch of locked) {
      await setBatchStatus(tx, batch.id, 'SUBMITTED', { approvalRequestId: submitted.id, submittedBy: context.identity.kind === 'staff' ? context.identity.staffId : null, submittedNote: note, version: batch.version + 1 });
    }
    await stageEvents(tx, { outbox, processedEvents }, [
      auditEvent('cod-settlement', context, {
        action: 'COD_SETTLEMENT_SUBMITTED',
        target: { type: 'ApprovalRequest', id: submitted.id },
        officeCode: payload.settlementOfficeCode,
        outcome: 'SUCCESS',
        after: { batches: ids.length, totalNet: payload.totalNet, hash: payload.hash },
      }),
    ]);
    return { approvalRequestId: submitted.id, batches: await batchesByIds(tx, ids) };
  });
}

/**
 * cancelSettlementBatch (cod.settlement.manage): a DRAFT or SUBMITTED batch is CANCELLED (or REJECTED when the inbox
 * said no) and gives its collections and adjustments back, so the next build takes them again.
 */
export async function closeUnreleasedBatch(deps: SettlementDeps, context: SignedRequestContext, id: string, status: 'CANCELLED' | 'REJECTED', reason: string): Promise<BatchRow> {
  if (reason.trim().length === 0 || reason.length > MAX_NOTE_LENGTH) throw new SettlementError('INVALID_INPUT', `the reason must have 1 to ${MAX_NOTE_LENGTH} characters`, { field: 'reason' });
  return deps.database.db.transaction(async (tx) => {
    const [batch] = isUuid(id) ? await lockBatches(tx, [id]) : [];
    if (!batch) throw new SettlementError('SETTLEMENT_BATCH_NOT_FOUND', `no settlement batch ${id}`, { field: 'id' });
    assertCan(context.identity, 'cod.settlement.manage', { code: batch.settlementOfficeCode, path: batch.settlementOfficePath });
    if (batch.status !== 'DRAFT' && batch.status !== 'SUBMITTED') throw new SettlementError('INVALID_BATCH_STATE', `batch ${batch.reference} is ${batch.status}; only a DRAFT or SUBMITTED batch is cancelled`);
    await releaseBatchContents(tx, batch.id);
    await setBatchStatus(tx, batch.id, status, { closedReason: reason, version: batch.version + 1 });
    await stageEvents(tx, { outbox, processedEvents }, [
      auditEvent('cod-settlement', context, { action: `COD_SETTLEMENT_${status}`, target: { type: 'SettlementBatch', id }, officeCode: batch.settlementOfficeCode, outcome: 'SUCCESS', reason }),
    ]);
    return (await batchesByIds(tx, [id]))[0]!;
  });
}
