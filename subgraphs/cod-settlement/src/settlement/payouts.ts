import type { SignedRequestContext } from '@postal/auth';
import { assertCan } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import type { Tx } from '@postal/db';
import { stageEvents } from '@postal/outbox';
import { auditEvent, auditActor } from '@postal/server';
import { eq } from 'drizzle-orm';
import { findBiller } from '../billers/repository.js';
import { outbox, processedEvents } from '../db-schema.js';
import { stageCodMovement } from '../ledger/movements.js';
import type { SettlementDeps } from './deps.js';
import { isUuid, outcomeRefusal, utrProblem, type PayoutOutcome, type PayoutStatus } from './domain.js';
import { SettlementError } from './errors.js';
import { releaseBatchContents } from './release-contents.js';
import { findBatch, lockPayout, setBatchStatus, type BatchRow, type PayoutRow } from './repository.js';
import { payouts } from './tables.js';

const MAX_REASON_LENGTH = 500;

function actorId(context: SignedRequestContext): string {
  return context.identity.kind === 'staff' ? context.identity.staffId : context.identity.kind === 'service' ? context.identity.service : 'anonymous';
}

/**
 * The payout locked, with the outcome allowed: PAYOUT_NOT_FOUND when there is none, FORBIDDEN without
 * cod.settlement.manage over its batch's settlement office (a command outside the caller's scope, as everywhere).
 */
async function lockForOutcome(tx: Tx, context: SignedRequestContext, payoutId: string, next: PayoutOutcome): Promise<{ payout: PayoutRow; batch: BatchRow }> {
  const payout = isUuid(payoutId) ? await lockPayout(tx, payoutId) : undefined;
  const batch = payout ? await findBatch(tx, payout.batchId) : undefined;
  if (!payout || !batch) throw new SettlementError('PAYOUT_NOT_FOUND', `no payout ${payoutId.slice(0, 60)}`, { field: 'payoutId' });
  assertCan(context.identity, 'cod.settlement.manage', { code: batch.settlementOfficeCode, path: batch.settlementOfficePath });
  const refusal = outcomeRefusal(payout.status as PayoutStatus, next);
  if (refusal === 'PAYOUT_ALREADY_FINAL') throw new SettlementError(refusal, `payout ${payoutId} is already ${payout.status}`, { details: { status: payout.status } });
  if (refusal === 'PAYOUT_ALREADY_PAID') throw new SettlementError(refusal, `payout ${payoutId} was paid: only the bank's return (REVERSED) undoes it`, { details: { status: payout.status } });
  return { payout, batch };
}

/** markPayoutPaid (cod.settlement.manage): the bank's UTR recorded; the payout and its batch PAID. */
export async function markPayoutPaid(deps: SettlementDeps, context: SignedRequestContext, payoutId: string, utrInput: string): Promise<PayoutRow> {
  const utr = checkedUtr(utrInput);
  const today = businessDate(deps.clock(), deps.timeZone);
  return deps.database.db.transaction((tx) => payPayoutIn(tx, context, payoutId, utr, today));
}

/** A UTR as recorded (trimmed, upper case), or INVALID_UTR. */
export function checkedUtr(utrInput: string): string {
  const utr = utrInput.trim().toUpperCase();
  const problem = utrProblem(utr);
  if (problem) throw new SettlementError('INVALID_UTR', problem, { field: 'utr' });
  return utr;
}

/**
 * The payout PAID with its UTR inside the caller's transaction: markPayoutPaid's, and reconciliation's when a bank
 * debit is matched to the payout (recon/matching/effects.ts), so either way it happens once, with its audit record.
 */
export async function payPayoutIn(tx: Tx, context: SignedRequestContext, payoutId: string, utr: string, today: string): Promise<PayoutRow> {
  const { payout, batch } = await lockForOutcome(tx, context, payoutId, 'PAID');
  const [taken] = await tx.select({ id: payouts.id }).from(payouts).where(eq(payouts.utr, utr));
  if (taken) throw new SettlementError('DUPLICATE_UTR', `UTR ${utr} is already recorded for another payout`, { field: 'utr' });
  await tx.update(payouts).set({ status: 'PAID', utr, outcomeOn: today, outcomeBy: actorId(context) }).where(eq(payouts.id, payout.id));
  await setBatchStatus(tx, batch.id, 'PAID', { version: batch.version + 1 });
  await stageEvents(tx, { outbox, processedEvents }, [
    auditEvent('cod-settlement', context, { action: 'COD_PAYOUT_PAID', target: { type: 'Payout', id: payout.id }, officeCode: batch.settlementOfficeCode, outcome: 'SUCCESS', after: { utr, amount: payout.amount, batch: batch.reference } }),
  ]);
  return { ...payout, status: 'PAID', utr, outcomeOn: today };
}

/**
 * markPayoutFailed (cod.settlement.manage): the bank did not credit (FAILED) or returned the credit (REVERSED). The
 * SETTLED entry is reversed (PAYOUT_FAILED names it), the batch FAILED and its collections and adjustments due again
 * in the next build, and the biller told after the commit.
 */
export async function markPayoutFailed(deps: SettlementDeps, context: SignedRequestContext, payoutId: string, input: { reason: string; status: 'FAILED' | 'REVERSED' }): Promise<PayoutRow> {
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) throw new SettlementError('INVALID_INPUT', `the reason must have 1 to ${MAX_REASON_LENGTH} characters`, { field: 'reason' });
  if (input.status !== 'FAILED' && input.status !== 'REVERSED') throw new SettlementError('INVALID_INPUT', 'status is FAILED or REVERSED', { field: 'status' });
  const now = deps.clock();
  const { updated, biller, batch } = await deps.database.db.transaction((tx) => failPayoutIn(tx, context, payoutId, { reason, status: input.status }, now, deps.timeZone));
  await tellBiller(deps, biller, batch, updated);
  return updated;
}

/**
 * The payout FAILED or REVERSED inside the caller's transaction: markPayoutFailed's, and reconciliation's when the
 * bank's credit returning a paid payout is matched to it (recon/matching/effects.ts). The caller tells the biller
 * (tellBiller) once its transaction has committed.
 */
export async function failPayoutIn(
  tx: Tx,
  context: SignedRequestContext,
  payoutId: string,
  input: { reason: string; status: 'FAILED' | 'REVERSED' },
  now: Date,
  timeZone: string,
): Promise<{ updated: PayoutRow; biller: NonNullable<Awaited<ReturnType<typeof findBiller>>>; batch: BatchRow }> {
  const { reason } = input;
  const today = businessDate(now, timeZone);
  const { payout, batch } = await lockForOutcome(tx, context, payoutId, input.status);
  const biller = await findBiller(tx, payout.billerId);
  if (!biller) throw new Error(`payout ${payout.id} names no biller`);
  const failedMovementId = await stageCodMovement(
    tx,
    {
      movement: 'PAYOUT_FAILED',
      currency: payout.currency,
      businessDate: today,
      actor: auditActor(context),
      billerCode: biller.code,
      settlementOfficeCode: batch.settlementOfficeCode,
      batchId: batch.id,
      payoutId: payout.id,
      settledMovementId: payout.settledMovementId,
      reason,
    },
    { type: 'PAYOUT', id: payout.id, billerId: payout.billerId },
    { now, requestId: context.requestId },
  );
  await tx.update(payouts).set({ status: input.status, failedMovementId, failureReason: reason, outcomeOn: today, outcomeBy: actorId(context) }).where(eq(payouts.id, payout.id));
  const released = await releaseBatchContents(tx, batch.id);
  await setBatchStatus(tx, batch.id, 'FAILED', { closedReason: reason, version: batch.version + 1 });
  await stageEvents(tx, { outbox, processedEvents }, [
    auditEvent('cod-settlement', context, { action: `COD_PAYOUT_${input.status}`, target: { type: 'Payout', id: payout.id }, officeCode: batch.settlementOfficeCode, outcome: 'SUCCESS', reason, after: { amount: payout.amount, batch: batch.reference, articlesDueAgain: released.articles } }),
  ]);
  return { updated: { ...payout, status: input.status, failedMovementId, failureReason: reason, outcomeOn: today }, biller, batch };
}

/** The seller hears of the failed payout by the notifier (e-mail); a failed send is logged, the change stands. */
export async function tellBiller(deps: Pick<SettlementDeps, 'notifier' | 'logger'>, biller: { code: string; contactName: string; contactEmail: string; contactPhone: string }, batch: BatchRow, payout: PayoutRow): Promise<void> {
  if (!deps.notifier) {
    deps.logger?.warn({ billerCode: biller.code, payoutId: payout.id }, 'no notifier: the biller was not told of the failed payout');
    return;
  }
  try {
    await deps.notifier.send({
      recipient: { staffId: `biller:${biller.code}`, username: biller.code, email: biller.contactEmail, mobile: biller.contactPhone },
      kind: 'COD_PAYOUT_FAILED',
      subject: `COD remittance ${batch.reference} was not credited`,
      body: `Dear ${biller.contactName}, the remittance ${batch.reference} of ${payout.currency} ${payout.amount} to account ending ${payout.accountNumber.slice(-4)} was ${payout.status === 'REVERSED' ? 'returned by the bank' : 'not credited'} (${payout.failureReason}). The amount is due again and will be paid in the next settlement cycle.`,
    });
  } catch (error) {
    deps.logger?.warn({ billerCode: biller.code, err: error instanceof Error ? error.message : String(error) }, 'failed-payout notice not sent');
  }
}
