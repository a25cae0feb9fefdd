import type { Database } from '@postal/db';
import type { Notifier } from '@postal/notify';

/** Administration's inbox as cod-settlement submits to it (approvals/administration-client shape, as money-orders'). */
export interface SettlementApprovalSubmitter {
  submit(
    submission: { kind: 'SETTLEMENT_RELEASE'; officeCode: string; summary: string; payload: Record<string, unknown>; makerId: string },
    requestId: string,
  ): Promise<{ id: string }>;
}

/** The operator's bank at the settlement offices: which layout its bulk file uses and the corporate ids in it. */
export interface PayoutBankProfile {
  templateCode: string;
  corporateId: string;
  debitAccount: string;
}

/** Everything the settlement, dispute and summary services share, for the life of the process. */
export interface SettlementDeps {
  database: Database;
  clock: () => Date;
  timeZone: string;
  approvals?: SettlementApprovalSubmitter;
  /** Sellers are told of a failed payout through it (e-mail; the local outbox in the embedded default). */
  notifier?: Notifier;
  payoutBank: PayoutBankProfile;
  logger?: { warn(object: object, message: string): void };
  /** The operator's currency, which an office's COD day is counted in (start.ts passes it); INR when left out. */
  currency?: string;
}

export const DEFAULT_PAYOUT_BANK: PayoutBankProfile = { templateCode: 'SBI_CMP_NEFT', corporateId: 'INDIAPOSTCOD', debitAccount: '00000031234567890' };
