import type { ApprovalKind, ApprovalStatus } from '../../gql/graphql';
import type { Me } from '../../session/me';
import { can } from '../../session/permissions';

export const KINDS: ApprovalKind[] = ['ROLE_GRANT', 'MANUAL_JOURNAL', 'MO_REFUND', 'SETTLEMENT_RELEASE', 'MO_TARIFF_CHANGE', 'COD_BANK_CHANGE', 'RECON_RULE_SET'];

export const KIND_LABELS: Record<ApprovalKind, string> = {
  ROLE_GRANT: 'Role grant',
  MANUAL_JOURNAL: 'Manual journal',
  MO_REFUND: 'Money-order refund',
  SETTLEMENT_RELEASE: 'COD settlement release',
  MO_TARIFF_CHANGE: 'Money-order tariff change',
  COD_BANK_CHANGE: "COD biller's bank details",
  RECON_RULE_SET: 'Reconciliation matching rules',
};

/**
 * What a checker of each kind must hold over the request's office: the server's registry
 * (administration/src/approvals/kinds.ts), copied here only to decide which buttons to show. The server decides.
 */
export const CHECKER_PERMISSION: Record<ApprovalKind, string> = {
  ROLE_GRANT: 'role.approve',
  MANUAL_JOURNAL: 'journal.manual.approve',
  MO_REFUND: 'mo.refund.approve',
  SETTLEMENT_RELEASE: 'cod.settlement.approve',
  MO_TARIFF_CHANGE: 'mo.tariff.approve',
  COD_BANK_CHANGE: 'cod.biller.bank.approve',
  RECON_RULE_SET: 'recon.rules.approve',
};

export const STATUSES: ApprovalStatus[] = ['PENDING', 'APPROVED', 'EXECUTED', 'REJECTED', 'EXPIRED', 'FAILED'];

export const STATUS_LABELS: Record<ApprovalStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved, executing',
  EXECUTED: 'Executed',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  FAILED: 'Failed',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as ApprovalKind] ?? kind;
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as ApprovalStatus] ?? status;
}

/**
 * Whether to offer approve and reject: a pending request, not the person's own (four eyes: the maker never sees the
 * buttons), and a kind whose checker permission they hold. Scope and a kind's further rules (a role grant's
 * delegation) are the server's to judge; a refusal is shown as it answers.
 */
export function decisionOffer(me: Me, request: { kind: string; status: string; maker: { id: string } }):
  | { offer: true }
  | { offer: false; why: 'NOT_PENDING' | 'OWN_REQUEST' | 'NO_PERMISSION' } {
  if (request.status !== 'PENDING') return { offer: false, why: 'NOT_PENDING' };
  if (request.maker.id === me.id) return { offer: false, why: 'OWN_REQUEST' };
  const permission = CHECKER_PERMISSION[request.kind as ApprovalKind];
  if (!permission || !can(me, permission)) return { offer: false, why: 'NO_PERMISSION' };
  return { offer: true };
}

/** The inbox limit on a reason or comment (administration's MAX_DECISION_TEXT_LENGTH), counted after trimming. */
export const MAX_DECISION_TEXT = 2_000;
