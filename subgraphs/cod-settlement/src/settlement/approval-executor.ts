import type { Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { createCodApprovalExecutor } from '../approvals/executor.js';
import type { SettlementDeps } from './deps.js';
import { createSettlementReleaseHandler } from './release-approval.js';
import { onSettlementReleaseRefused } from './release-rejected.js';

/**
 * cod-settlement's one approval.decided consumer (queue cod-settlement.approvals): the billers' COD_BANK_CHANGE and
 * settlement's SETTLEMENT_RELEASE, each executed once by the shared executor (approvals/executor.ts). A refused or
 * expired release ends its batches first (release-rejected.ts), since the shared executor acts only on approvals.
 */
export function createSettlementApprovalExecutor(deps: Pick<SettlementDeps, 'clock' | 'timeZone' | 'payoutBank'>, options: { identitySecret: string }) {
  const executor = createCodApprovalExecutor(
    { clock: deps.clock, timeZone: deps.timeZone, identitySecret: options.identitySecret },
    { SETTLEMENT_RELEASE: createSettlementReleaseHandler(deps) },
  );
  return async (tx: Tx, event: AnyEvent): Promise<void> => {
    if (await onSettlementReleaseRefused(tx, event)) return;
    await executor(tx, event);
  };
}
