import type { Tx } from '@postal/db';
import { checkerGrantRefusal, parseRoleGrantPayload } from '../roles/domain.js';
import { roleChangeError } from '../roles/errors.js';
import { grantableRolesFor, type StaffAuthority } from '../roles/repository.js';
import type { ApprovalKind } from './kinds.js';
import type { ApprovalRequestRecord } from './model.js';

/**
 * What a kind asks of its checker beyond the kind's permission over the request's office, checked when they approve
 * (inside the decision's transaction, on the checker's roles as the database has them now). Throws the refusal.
 */
export type CheckerRule = (tx: Tx, checker: StaffAuthority, request: ApprovalRequestRecord) => Promise<void>;

export const CHECKER_RULES: Partial<Record<ApprovalKind, CheckerRule>> = {
  /** A role grant is approved only by someone whose roles may grant that role (see checkerGrantRefusal). */
  ROLE_GRANT: async (tx, checker, request) => {
    const payload = parseRoleGrantPayload(request.payload);
    // A payload that is not a grant is refused at execution (INVALID_PAYLOAD); there is no role to judge here.
    if (!payload) return;
    const refusal = checkerGrantRefusal({ grantableRoles: await grantableRolesFor(tx, checker.roles) }, payload.role);
    if (refusal) throw roleChangeError(refusal, payload.role);
  },
};
