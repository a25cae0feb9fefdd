import { createApprovalsClient, type ApprovalsClient } from '@postal/service-client';

/**
 * cod-settlement's kinds (COD_BANK_CHANGE, SETTLEMENT_RELEASE) submitted to administration's inbox as the
 * cod-settlement service, through the shared client (@postal/service-client): refusals reach the maker with their code,
 * anything else is DEPENDENCY_UNAVAILABLE and nothing was submitted.
 */
export function createApprovalSubmitter(options: { url: string | (() => string | undefined); identitySecret: string; timeoutMs?: number }): ApprovalsClient {
  return createApprovalsClient({ caller: 'cod-settlement', ...options });
}
