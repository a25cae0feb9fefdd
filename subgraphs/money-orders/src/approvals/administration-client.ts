import type { Identity } from '@postal/auth';
import { ForbiddenError } from '@postal/errors';
import { createApprovalsClient } from '@postal/service-client';
import type { ApprovalSubmitter } from '../orders/deps.js';

/**
 * Money-orders' kinds (MO_REFUND, MO_TARIFF_CHANGE) submitted to administration's inbox as the money-orders service,
 * through the shared client (@postal/service-client): refusals reach the maker with their code, anything else is
 * DEPENDENCY_UNAVAILABLE and nothing was submitted.
 */
export function createApprovalSubmitter(options: { url: string | (() => string | undefined); identitySecret: string; timeoutMs?: number }): ApprovalSubmitter {
  return createApprovalsClient({ caller: 'money-orders', ...options });
}

/** The maker of a request is a person: a service acting on its own cannot be one (the inbox needs a staff id). */
export function makerIdOf(identity: Identity): string {
  if (identity.kind !== 'staff') throw new ForbiddenError('only a member of staff can submit a request for approval');
  return identity.staffId;
}
