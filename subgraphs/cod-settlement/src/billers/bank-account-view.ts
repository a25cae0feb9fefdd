import type { Identity } from '@postal/auth';
import { can } from '@postal/authz';
import { maskAccountNumber } from './domain.js';
import type { BankAccountRow, BillerRow } from './repository.js';

/** A bank account as the API shows it: the number in full only to holders of cod.bank.read over the settlement office. */
export interface BankAccountView {
  id: string;
  holderName: string;
  accountNumber: string;
  accountNumberMasked: boolean;
  ifsc: string;
  status: string;
  activatedOn: string | null;
  approvalRequest: { id: string } | null;
  reason: string | null;
  requestedBy: string;
  requestedAt: Date;
}

export function bankAccountView(identity: Identity, biller: BillerRow, account: BankAccountRow): BankAccountView {
  const full = can(identity, 'cod.bank.read', biller.settlementOfficePath);
  return {
    id: account.id,
    holderName: account.accountHolderName,
    accountNumber: full ? account.accountNumber : maskAccountNumber(account.accountNumber),
    accountNumberMasked: !full,
    ifsc: account.ifsc,
    status: account.status,
    activatedOn: account.activatedOn,
    approvalRequest: account.approvalRequestId ? { id: account.approvalRequestId } : null,
    reason: account.changeReason,
    requestedBy: account.requestedBy,
    requestedAt: account.requestedAt,
  };
}
