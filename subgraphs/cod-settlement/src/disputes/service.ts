import { randomUUID } from 'node:crypto';
import type { Identity, SignedRequestContext } from '@postal/auth';
import { billerScope, can, holds } from '@postal/authz';
import { businessDate } from '@postal/calendar';
import { UnauthenticatedError } from '@postal/errors';
import { Decimal, MoneyError, money } from '@postal/money';
import { stageEvents } from '@postal/outbox';
import { auditActor, auditEvent } from '@postal/server';
import { addCalendarDays } from '../contracts/calendar.js';
import { contractInForce } from '../contracts/repository.js';
import { outbox, processedEvents } from '../db-schema.js';
import { stageCodMovement } from '../ledger/movements.js';
import type { SettlementDeps } from '../settlement/deps.js';
import { isUuid } from '../settlement/domain.js';
import { DisputeError } from './errors.js';
import { articleById, articleForDispute, insertDispute, lockDispute, recordDisputeEvent, updateDispute, type DisputeRow } from './repository.js';

const MAX_NOTE_LENGTH = 1000;
export type DisputeKind = 'NOT_RECEIVED' | 'PARTIAL_AMOUNT';

/** The biller a BILLER-role session acts for (@postal/authz billerScope), if any. */
export function billerCodeOf(identity: Identity): string | undefined {
  return billerScope(identity)?.billerCode;
}

function actorId(identity: Identity): string {
  return identity.kind === 'staff' ? identity.staffId : identity.kind === 'service' ? identity.service : 'anonymous';
}

function checkNote(note: string, field = 'note'): string {
  const trimmed = note.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NOTE_LENGTH) throw new DisputeError('INVALID_DISPUTE', `the note must have 1 to ${MAX_NOTE_LENGTH} characters`, { field });
  return trimmed;
}

function amountOf(text: string, currency: string, field: string): string {
  try {
    const value = money(text, currency).amount;
    if (!value.gt(0)) throw new DisputeError('INVALID_DISPUTE', `${field} must be greater than zero`, { field });
    return value.toFixed(2);
  } catch (error) {
    if (error instanceof MoneyError) throw new DisputeError('INVALID_DISPUTE', error.message, { field });
    throw error;
  }
}

/**
 * raiseCodDispute: by finance officers (cod.dispute.manage at the biller's settlement office) or the biller's own
 * people (cod.biller.self bound to that biller), within the contract's window after delivery. The article is held out
 * of settlement while the dispute is open (the trigger disputes_hold_article takes it off its day's claim, migration
 * 0009, and the build skips it); an article already settled (its day claimed) can still be disputed,
 * and an upheld adjustment is then paid in the next batch.
 */
export async function raiseCodDispute(deps: SettlementDeps, context: SignedRequestContext, articleNumber: string, input: { kind: DisputeKind; claimedAmount?: string | null; note: string }): Promise<DisputeRow> {
  const { identity } = context;
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  if (input.kind !== 'NOT_RECEIVED' && input.kind !== 'PARTIAL_AMOUNT') throw new DisputeError('INVALID_DISPUTE', 'kind is NOT_RECEIVED or PARTIAL_AMOUNT', { field: 'kind' });
  const note = checkNote(input.note);
  const now = deps.clock();
  const today = businessDate(now, deps.timeZone);
  return deps.database.db.transaction(async (tx) => {
    const found = await articleForDispute(tx, articleNumber.trim().toUpperCase());
    const officer = found && can(identity, 'cod.dispute.manage', { code: found.biller.settlementOfficeCode, path: found.biller.settlementOfficePath });
    const self = found && holds(identity, 'cod.biller.self') && billerCodeOf(identity) === found.biller.code;
    if (!found || (!officer && !self)) throw new DisputeError('ARTICLE_NOT_FOUND', `no article ${articleNumber.slice(0, 60)}`, { field: 'articleNumber' });
    const { article, biller, collection } = found;
    if (article.status !== 'DELIVERED' || !collection || !article.deliveredOn) throw new DisputeError('DISPUTE_NOT_ALLOWED', `article ${article.articleNumber} is ${article.status}: only a delivered, collected article is disputed`);
    const contract = await contractInForce(tx, biller.id, article.deliveredOn);
    const windowDays = contract?.disputeWindowDays ?? 0;
    if (today > addCalendarDays(article.deliveredOn, windowDays)) {
      throw new DisputeError('DISPUTE_WINDOW_CLOSED', `disputes on ${article.articleNumber} closed ${windowDays} days after delivery on ${article.deliveredOn}`, { details: { deliveredOn: article.deliveredOn, windowDays } });
    }
    if (input.kind === 'PARTIAL_AMOUNT' && !input.claimedAmount) throw new DisputeError('INVALID_DISPUTE', 'a PARTIAL_AMOUNT dispute says the amount claimed', { field: 'claimedAmount' });
    const claimedAmount = input.claimedAmount ? amountOf(input.claimedAmount, article.currency, 'claimedAmount') : null;
    if (claimedAmount && new Decimal(claimedAmount).gt(article.codAmount)) throw new DisputeError('INVALID_DISPUTE', `the claim is above the COD amount ${article.codAmount}`, { field: 'claimedAmount' });
    const id = randomUUID();
    try {
      await tx.transaction((savepoint) =>
        insertDispute(savepoint, { id, articleId: article.id, billerId: biller.id, kind: input.kind, claimedAmount, currency: article.currency, note, raisedBy: actorId(identity), raisedOn: today, raisedAt: now }),
      );
    } catch (error) {
      if ((error as { cause?: { code?: string }; code?: string }).cause?.code === '23505' || (error as { code?: string }).code === '23505') {
        throw new DisputeError('DISPUTE_ALREADY_OPEN', `article ${article.articleNumber} has an open dispute`);
      }
      throw error;
    }
    await recordDisputeEvent(tx, { disputeId: id, type: 'RAISED', actorId: actorId(identity), details: { kind: input.kind, claimedAmount, note, by: self ? 'BILLER' : 'OFFICER' }, occurredAt: now });
    await stageEvents(tx, { outbox, processedEvents }, [
      auditEvent('cod-settlement', context, { action: 'COD_DISPUTE_RAISED', target: { type: 'CodDispute', id }, officeCode: biller.settlementOfficeCode, outcome: 'SUCCESS', after: { articleNumber: article.articleNumber, kind: input.kind, claimedAmount } }),
    ]);
    return (await lockDispute(tx, id))!;
  });
}

/**
 * resolveCodDispute (cod.dispute.manage): UPHELD, with an adjustment staged as ADJUSTED (Dr COD claims expense / Cr
 * the biller's COD payable) and paid in the next batch; or REJECTED. Either way the article is no longer held.
 */
export async function resolveCodDispute(deps: SettlementDeps, context: SignedRequestContext, id: string, input: { outcome: 'UPHELD' | 'REJECTED'; adjustmentAmount?: string | null; note: string }): Promise<DisputeRow> {
  const { identity } = context;
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  if (input.outcome !== 'UPHELD' && input.outcome !== 'REJECTED') throw new DisputeError('INVALID_DISPUTE', 'outcome is UPHELD or REJECTED', { field: 'outcome' });
  if (input.outcome === 'REJECTED' && input.adjustmentAmount) throw new DisputeError('INVALID_DISPUTE', 'a rejected dispute has no adjustment', { field: 'adjustmentAmount' });
  const note = checkNote(input.note);
  const now = deps.clock();
  const today = businessDate(now, deps.timeZone);
  return deps.database.db.transaction(async (tx) => {
    const dispute = isUuid(id) ? await lockDispute(tx, id) : undefined;
    const article = dispute ? await articleById(tx, dispute.articleId) : undefined;
    if (!dispute || !article || !can(identity, 'cod.dispute.manage', { code: article.biller.settlementOfficeCode, path: article.biller.settlementOfficePath })) {
      throw new DisputeError('DISPUTE_NOT_FOUND', `no dispute ${id.slice(0, 60)}`, { field: 'id' });
    }
    if (dispute.status !== 'OPEN') throw new DisputeError('DISPUTE_ALREADY_RESOLVED', `dispute ${id} is ${dispute.status}`);
    const adjustmentAmount = input.outcome === 'UPHELD' && input.adjustmentAmount ? amountOf(input.adjustmentAmount, dispute.currency, 'adjustmentAmount') : null;
    let adjustedMovementId: string | null = null;
    if (adjustmentAmount) {
      adjustedMovementId = await stageCodMovement(
        tx,
        { movement: 'ADJUSTED', currency: dispute.currency, businessDate: today, actor: auditActor(context), billerCode: article.biller.code, settlementOfficeCode: article.biller.settlementOfficeCode, disputeId: id, articleNumber: article.article.articleNumber, amount: adjustmentAmount },
        { type: 'DISPUTE', id, billerId: dispute.billerId },
        { now, requestId: context.requestId },
      );
    }
    await updateDispute(tx, id, { status: input.outcome, adjustmentAmount, resolutionNote: note, resolvedBy: actorId(identity), resolvedOn: today, adjustedMovementId });
    await recordDisputeEvent(tx, { disputeId: id, type: input.outcome, actorId: actorId(identity), details: { adjustmentAmount, note }, occurredAt: now });
    await stageEvents(tx, { outbox, processedEvents }, [
      auditEvent('cod-settlement', context, { action: `COD_DISPUTE_${input.outcome}`, target: { type: 'CodDispute', id }, officeCode: article.biller.settlementOfficeCode, outcome: 'SUCCESS', after: { articleNumber: article.article.articleNumber, adjustmentAmount } }),
    ]);
    return (await lockDispute(tx, id))!;
  });
}
