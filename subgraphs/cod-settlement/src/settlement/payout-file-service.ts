import { randomUUID } from 'node:crypto';
import type { Tx } from '@postal/db';
import { Decimal } from '@postal/money';
import { eq, inArray, sql } from 'drizzle-orm';
import type { PayoutBankProfile } from './deps.js';
import { SettlementError } from './errors.js';
import { payoutSpecProblem, renderPayoutFile, type PayoutFileSpec } from './payout-file.js';
import { payoutFiles, payoutFileTemplates, payouts, settlementBatches } from './tables.js';

/**
 * The bulk file for payouts released together at one office, in the office bank's layout (a template row), with the
 * next file serial of the office (serialised by an advisory lock; the unique index is the backstop).
 */
export async function writePayoutFile(
  tx: Tx,
  bank: PayoutBankProfile,
  office: { code: string; path: string },
  payoutIds: readonly string[],
  context: { businessDate: string; approvalRequestId: string; now: Date; currency: string },
): Promise<string> {
  const [template] = await tx.select().from(payoutFileTemplates).where(eq(payoutFileTemplates.code, bank.templateCode));
  if (!template) throw new SettlementError('PAYOUT_TEMPLATE_NOT_FOUND', `no payout file template ${bank.templateCode}`);
  const problem = payoutSpecProblem(template.spec);
  if (problem) throw new SettlementError('PAYOUT_TEMPLATE_NOT_FOUND', `payout file template ${bank.templateCode} is unusable: ${problem}`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cod.payout-file:${office.code}`}))`);
  const [serialRow] = await tx.select({ last: sql<number>`coalesce(max(${payoutFiles.fileSerial}), 0)` }).from(payoutFiles).where(eq(payoutFiles.settlementOfficeCode, office.code));
  const fileSerial = Number(serialRow?.last ?? 0) + 1;
  const rows = await tx
    .select({ payout: payouts, reference: settlementBatches.reference })
    .from(payouts)
    .innerJoin(settlementBatches, eq(settlementBatches.id, payouts.batchId))
    .where(inArray(payouts.id, [...payoutIds]))
    .orderBy(settlementBatches.reference);
  const header = {
    corporateId: bank.corporateId,
    debitAccount: bank.debitAccount,
    fileSerial,
    fileReference: `${office.code}${context.businessDate.replaceAll('-', '')}${String(fileSerial).padStart(4, '0')}`,
    date: context.businessDate,
  };
  const file = renderPayoutFile(
    template.spec as unknown as PayoutFileSpec,
    header,
    rows.map(({ payout, reference }) => ({
      beneficiaryName: payout.beneficiaryName,
      accountNumber: payout.accountNumber,
      ifsc: payout.ifsc,
      amount: new Decimal(payout.amount).toFixed(2),
      narration: `COD ${reference}`,
      reference,
    })),
  );
  const id = randomUUID();
  await tx.insert(payoutFiles).values({
    id,
    templateCode: template.code,
    settlementOfficeCode: office.code,
    settlementOfficePath: office.path,
    fileSerial,
    businessDate: context.businessDate,
    recordCount: file.recordCount,
    total: file.total,
    currency: context.currency,
    content: file.content,
    approvalRequestId: context.approvalRequestId,
    createdAt: context.now,
  });
  await tx.update(payouts).set({ payoutFileId: id }).where(inArray(payouts.id, [...payoutIds]));
  return id;
}
