import type { Tx } from '@postal/db';
import type { AnyEvent } from '@postal/events';
import { createApprovalExecutor } from '@postal/server';
import { outbox, processedEvents } from '../db-schema.js';
import type { SettlementDeps } from './deps.js';
import { createSettlementReleaseHandler } from './release-approval.js';
import { onSettlementReleaseRefused } from './release-rejected.js';

/** Where cod-settlement hears `approval.decided` (packages/events catalogue: cod-settlement.approvals). */
export const COD_APPROVALS_QUEUE = 'cod-settlement.approvals';
export const COD_APPROVAL_REQUESTS_KEY = 'cod-settlement.approvals/requests';

/**
 * Until the billers module's createCodApprovalExecutor (COD_BANK_CHANGE and the extra handlers) is on main, this runs
 * cod-settlement's approvals with the one kind settlement owns. At the merge it becomes
 * `createCodApprovalExecutor(deps, { SETTLEMENT_RELEASE: createSettlementReleaseHandler(deps) })`, with
 * onSettlementReleaseRefused called before it for refused requests, and this file goes.
 */
export function createSettlementApprovalExecutor(deps: Pick<SettlementDeps, 'clock' | 'timeZone' | 'payoutBank'>, options: { identitySecret: string }) {
  const executor = createApprovalExecutor({
    subgraph: 'cod-settlement',
    queue: COD_APPROVALS_QUEUE,
    requestsKey: COD_APPROVAL_REQUESTS_KEY,
    identitySecret: options.identitySecret,
    outboxTables: { outbox, processedEvents },
    clock: deps.clock,
    kinds: { SETTLEMENT_RELEASE: createSettlementReleaseHandler(deps) },
  });
  // A refused release ends its batches (release-rejected.ts); an approved one is the executor's.
  return async (tx: Tx, event: AnyEvent): Promise<void> => {
    if (await onSettlementReleaseRefused(tx, event)) return;
    await executor(tx, event);
  };
}
