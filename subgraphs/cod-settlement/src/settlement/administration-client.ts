import { createApprovalsClient } from '@postal/service-client';
import type { SettlementApprovalSubmitter } from './deps.js';

/**
 * SETTLEMENT_RELEASE submitted to administration's inbox as the cod-settlement service, through the shared client
 * (@postal/service-client), as money-orders does: refusals reach the maker with their code, anything else is
 * DEPENDENCY_UNAVAILABLE and nothing was submitted.
 */
export function createApprovalSubmitter(options: { url: string | (() => string | undefined); identitySecret: string; timeoutMs?: number }): SettlementApprovalSubmitter {
  return createApprovalsClient({ caller: 'cod-settlement', ...options });
}
