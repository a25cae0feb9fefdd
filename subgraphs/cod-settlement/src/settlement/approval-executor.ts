import type { Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { createCodApprovalExecutor } from '../approvals/executor.js';
import type { SettlementDeps } from './deps.js';
import { createSettlementReleaseHandler } from './release-approval.js';
import { onSettlementReleaseRefused } from './release-rejected.js';
import { onRuleSetNotApproved, ruleSetApprovalHandler } from '../recon/matching/rule-sets.js';
import type { TypedEvent } from '@postal/events';

/**
 * cod-settlement's one approval.decided consumer (queue cod-settlement.approvals): the billers' COD_BANK_CHANGE,
 * settlement's SETTLEMENT_RELEASE and reconciliation's RECON_RULE_SET (recon/matching/rule-sets.ts), each executed once by the shared executor (approvals/executor.ts). A refused or
 * expired release ends its batches first (release-rejected.ts), since the shared executor acts only on approvals.
 */
export function createSettlementApprovalExecutor(deps: Pick<SettlementDeps, 'clock' | 'timeZone' | 'payoutBank'>, options: { identitySecret: string }) {
  const executor = createCodApprovalExecutor(
    { clock: deps.clock, timeZone: deps.timeZone, identitySecret: options.identitySecret },
    { SETTLEMENT_RELEASE: createSettlementReleaseHandler(deps), RECON_RULE_SET: ruleSetApprovalHandler(deps.clock) },
  );
  return async (tx: Tx, event: AnyEvent): Promise<void> => {
    if (await onSettlementReleaseRefused(tx, event)) return;
    if (event.type === 'approval.decided' && (await onRuleSetNotApproved(tx, event as TypedEvent<'approval.decided'>, deps.clock))) return;
    await executor(tx, event);
  };
}
