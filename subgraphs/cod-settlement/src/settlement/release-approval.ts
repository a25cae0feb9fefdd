import { randomUUID } from 'node:crypto';
import { businessDate } from '@postal/calendar';
import type { Tx } from '@postal/db';
import { Decimal } from '@postal/money';
import type { ApprovalKindHandler, ApprovedRequest } from '@postal/server';
import { findBiller } from '../billers/repository.js';
import { payoutBankAccount } from '../billers/payout-account.js';
import { stageCodMovement } from '../ledger/movements.js';
import { findOffice } from '../offices/repository.js';
import type { SettlementDeps } from './deps.js';
import { SettlementError } from './errors.js';
import { writePayoutFile } from './payout-file-service.js';
import { parseReleasePayload, releaseHash, type ReleasePayload } from './release-payload.js';
import { lockBatches, setBatchStatus, type BatchRow } from './repository.js';
import { payouts } from './tables.js';

/** Why a batch could not be paid now: it goes back to DRAFT and is named in the result. */
type Hold = { batchId: string; reference: string; reason: 'NO_ACTIVE_BANK_ACCOUNT' | 'BANK_DETAILS_ON_HOLD' | 'BILLER_NOT_ACTIVE' | 'NET_NOT_POSITIVE' };

/**
 * Releases one batch: its payout to the biller's active bank account as it is now, and the SETTLED movement
 * (Dr COD payable gross + adjustments / Cr bank net / Cr fee income / Cr GST) whose id the payout keeps. The account is
 * billers/payout-account.ts's: a biller not ACTIVE, without an active account, or whose details changed within the
 * contract's hold without an approval, holds the batch.
 */
async function releaseOne(tx: Tx, batch: BatchRow, today: string, now: Date, request: ApprovedRequest, requestId: string): Promise<string | Hold> {
  // Fees above the collections (tiny articles at the minimum fee) leave nothing to pay: the batch waits for more.
  if (!new Decimal(batch.net).gt(0)) return { batchId: batch.id, reference: batch.reference, reason: 'NET_NOT_POSITIVE' };
  const biller = await findBiller(tx, batch.billerId);
  if (!biller || biller.status !== 'ACTIVE') return { batchId: batch.id, reference: batch.reference, reason: 'BILLER_NOT_ACTIVE' };
  const payoutAccount = await payoutBankAccount(tx, batch.billerId, today);
  if (!payoutAccount.ok) {
    const reason = payoutAccount.code === 'NO_BANK_ACCOUNT' ? 'NO_ACTIVE_BANK_ACCOUNT' : payoutAccount.code;
    return { batchId: batch.id, reference: batch.reference, reason };
  }
  const { account } = payoutAccount;
  const payoutId = randomUUID();
  const settledMovementId = await stageCodMovement(
    tx,
    {
      movement: 'SETTLED',
      currency: batch.currency,
      businessDate: today,
      actor: { kind: 'staff', id: request.maker.id, username: request.maker.username },
      billerCode: biller.code,
      settlementOfficeCode: batch.settlementOfficeCode,
      batchId: batch.id,
      payoutId,
      gross: plus(batch.gross, batch.adjustments),
      fee: plus(batch.fee, batch.earlyFee),
      tax: new Decimal(batch.tax).toFixed(2),
      net: new Decimal(batch.net).toFixed(2),
    },
    { type: 'PAYOUT', id: payoutId, billerId: batch.billerId },
    { now, requestId },
  );
  await tx.insert(payouts).values({
    id: payoutId,
    batchId: batch.id,
    billerId: batch.billerId,
    bankAccountId: account.id,
    beneficiaryName: account.accountHolderName,
    accountNumber: account.accountNumber,
    ifsc: account.ifsc,
    amount: batch.net,
    currency: batch.currency,
    settledMovementId,
    releasedOn: today,
    createdAt: now,
  });
  await setBatchStatus(tx, batch.id, 'RELEASED', { releasedOn: today, version: batch.version + 1 });
  return payoutId;
}

/** Sum of two numeric texts, in decimals. */
function plus(a: string, b: string): string {
  return new Decimal(a).plus(b).toFixed(2);
}

/**
 * SETTLEMENT_RELEASE, executed once the checker approves (the cod approval executor calls it inside a savepoint): the
 * batches still SUBMITTED under this request with the figures approved (the hash), each released with its payout
 * and SETTLED movement, or held (back to DRAFT, reported); then one payout file for the released ones.
 */
export function createSettlementReleaseHandler(deps: Pick<SettlementDeps, 'clock' | 'timeZone' | 'payoutBank'>): ApprovalKindHandler<ReleasePayload> {
  return {
    description: 'a COD settlement release',
    parse: parseReleasePayload,
    async execute(tx, payload, request, context) {
      const now = deps.clock();
      const today = businessDate(now, deps.timeZone);
      const batches = await lockBatches(tx, payload.batches.map((b) => b.id));
      const stale = batches.find((b) => b.status !== 'SUBMITTED' || b.approvalRequestId !== request.requestId);
      if (batches.length !== payload.batches.length || stale) {
        throw new SettlementError('INVALID_BATCH_STATE', `batch ${stale?.reference ?? '?'} is no longer submitted under this request`, { details: { batchId: stale?.id } });
      }
      if (releaseHash(batches) !== payload.hash) throw new SettlementError('SETTLEMENT_BATCH_CHANGED', 'the batches no longer carry the approved figures');
      const released: string[] = [];
      const held: Hold[] = [];
      for (const batch of batches) {
        const outcome = await releaseOne(tx, batch, today, now, request, context.requestId);
        if (typeof outcome === 'string') released.push(outcome);
        else {
          held.push(outcome);
          await setBatchStatus(tx, batch.id, 'DRAFT', { approvalRequestId: null, version: batch.version + 1 });
        }
      }
      const office = await findOffice(tx, payload.settlementOfficeCode);
      const officeLocation = { code: payload.settlementOfficeCode, path: office?.path ?? batches[0]!.settlementOfficePath };
      const payoutFileId = released.length > 0 ? await writePayoutFile(tx, deps.payoutBank, officeLocation, released, { businessDate: today, approvalRequestId: request.requestId, now, currency: payload.currency }) : null;
      return {
        result: { payoutIds: released, held, payoutFileId },
        audit: {
          action: 'COD_SETTLEMENT_RELEASED',
          target: { type: 'ApprovalRequest', id: request.requestId },
          officeCode: payload.settlementOfficeCode,
          after: { released: released.length, held: held.map((h) => `${h.reference}:${h.reason}`), payoutFileId, totalNet: payload.totalNet },
        },
      };
    },
    failure: { action: 'COD_SETTLEMENT_RELEASE_FAILED', after: (payload) => (payload ? { batches: payload.batches.map((b) => b.reference) } : {}) },
  };
}
