import type { Permission } from '@postal/authz';
import { APPROVAL_KINDS, type ApprovalKind } from '@postal/events';

export { APPROVAL_KINDS, type ApprovalKind };

/** Which subgraph executes a kind once approved, and what a checker must hold over the request's office. */
export interface ApprovalKindDefinition {
  subgraph: 'administration' | 'accounts' | 'money-orders' | 'cod-settlement';
  approvePermission: Permission;
}

/**
 * The registry of approval kinds. The database holds the kind as text checked against the same list (a new kind is a
 * migration as well as a line here); the owner is fixed per kind, so a subgraph can only submit its own kinds.
 */
export const APPROVAL_KIND_REGISTRY: Readonly<Record<ApprovalKind, ApprovalKindDefinition>> = {
  ROLE_GRANT: { subgraph: 'administration', approvePermission: 'role.approve' },
  MANUAL_JOURNAL: { subgraph: 'accounts', approvePermission: 'journal.manual.approve' },
  MO_REFUND: { subgraph: 'money-orders', approvePermission: 'mo.refund.approve' },
  SETTLEMENT_RELEASE: { subgraph: 'cod-settlement', approvePermission: 'cod.settlement.approve' },
  MO_TARIFF_CHANGE: { subgraph: 'money-orders', approvePermission: 'mo.tariff.approve' },
  COD_BANK_CHANGE: { subgraph: 'cod-settlement', approvePermission: 'cod.biller.bank.approve' },
  RECON_RULE_SET: { subgraph: 'cod-settlement', approvePermission: 'recon.rules.approve' },
};

export function isApprovalKind(value: string): value is ApprovalKind {
  return (APPROVAL_KINDS as readonly string[]).includes(value);
}
