import type { SignedRequestContext } from '@postal/auth';
import { can } from '@postal/authz';
import type { Database, Tx } from '@postal/db';
import { ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { refusalAuditor } from '../audit/refusals.js';
import type { LocalExecutor } from '../approvals/execution.js';
import type { ApprovalRequestRecord } from '../approvals/model.js';
import type { ApprovalService } from '../approvals/service.js';
import { auditEvent } from '../audit/events.js';
import { outbox, processedEvents } from '../db-schema.js';
import type { StaffRecord } from '../staff/model.js';
import { findStaffById } from '../staff/repository.js';
import { checkerGrantRefusal, grantRefusal, parseRoleGrantPayload, revokeRefusal, type Grantee, type Grantor, type RoleGrantPayload } from './domain.js';
import {
  GrantAlreadyPendingError,
  InvalidGrantPayloadError,
  StaffBillerChangedError,
  StaffMovedError,
  StaffNotFoundError,
  roleChangeError,
} from './errors.js';
import { addRole, currentIdentity, findStaffAuthority, grantableRolesFor, removeRole, roleExists, type StaffAuthority } from './repository.js';
import { openRoleGrantExists } from '../approvals/repository.js';
import { endAllSessionsInTx } from '../sessions/service.js';

export interface RoleServiceOptions {
  database: Database;
  clock: () => Date;
  approvals: Pick<ApprovalService, 'submitInTx'>;
  onEventsStaged?: () => void;
  /** How long a token lives (JWT_TTL_SECONDS), so an ended session's feed row lives as long; default the longest allowed. */
  tokenTtlSeconds?: number;
}

const outboxTables = { outbox, processedEvents };

/** The facts the rules need about who asks and who is asked for, read in the caller's transaction. */
async function factsFor(tx: Tx, grantor: StaffAuthority | undefined, target: StaffAuthority, role: string) {
  const identity = grantor ? await currentIdentity(tx, grantor) : undefined;
  const grantorFacts: Grantor = {
    id: grantor?.id ?? '',
    active: grantor?.status === 'ACTIVE',
    roles: grantor?.roles ?? [],
    grantableRoles: grantor ? await grantableRolesFor(tx, grantor.roles) : [],
    mayGrantAtTargetOffice: identity !== undefined && can(identity, 'role.grant', target.officePath),
  };
  const targetFacts: Grantee = { id: target.id, active: target.status === 'ACTIVE', roles: target.roles, billerCode: target.billerCode };
  return { role, roleKnown: await roleExists(tx, role), grantor: grantorFacts, target: targetFacts };
}

/**
 * Role grants and revocations. A grant is a ROLE_GRANT approval request (maker-checker); the approved request is
 * executed by `executeRoleGrant`, from the approvals consumer, which checks every rule again against the database as
 * it is then. A revocation narrows rights and is direct, but audited like everything else.
 */
export function createRoleService(options: RoleServiceOptions) {
  const { database, clock } = options;

  const refusals = refusalAuditor(options);
  /** Runs a command; a refusal is audited (see audit/refusals.ts), a success stages its own events and nudges the relay. */
  async function audited<T>(context: SignedRequestContext, action: string, username: string, work: () => Promise<T>): Promise<T> {
    const result = await refusals.audited(context, action, { type: 'Staff', id: username }, work);
    options.onEventsStaged?.();
    return result;
  }

  function staffCaller(context: SignedRequestContext) {
    const { identity } = context;
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    if (identity.kind !== 'staff') throw new ForbiddenError('roles are changed by people, not services');
    return identity;
  }

  return {
    /** Asks for a role grant: answers the PENDING approval request. */
    async grantRole(context: SignedRequestContext, input: { username: string; role: string }): Promise<ApprovalRequestRecord> {
      const caller = staffCaller(context);
      const username = input.username.trim().toLowerCase();
      return audited(context, 'ROLE_GRANT_REFUSED', username, () =>
        database.db.transaction(async (tx) => {
          const grantor = await findStaffAuthority(tx, { id: caller.staffId });
          // Locked so that two grants for the same person are asked for one after the other (see the pending check).
          const target = await findStaffAuthority(tx, { username }, { forUpdate: true });
          if (!target) throw new StaffNotFoundError();
          const refusal = grantRefusal(await factsFor(tx, grantor, target, input.role));
          if (refusal) throw roleChangeError(refusal, input.role);
          if (await openRoleGrantExists(tx, target.id, input.role, clock())) throw new GrantAlreadyPendingError(input.role);
          // The biller a biller's person acts for is part of what is approved: the checker sees it, execution checks it.
          const binding = target.billerCode === null ? {} : { billerCode: target.billerCode };
          const payload: RoleGrantPayload = { username: target.username, staffId: target.id, role: input.role, officeCode: target.officeCode, ...binding };
          const request = await options.approvals.submitInTx(tx, context, {
            kind: 'ROLE_GRANT',
            summary: `Grant ${input.role} to ${target.username} at ${target.officeCode}${target.billerCode === null ? '' : ` for biller ${target.billerCode}`}`,
            payload,
            office: { code: target.officeCode, path: target.officePath },
            maker: { id: grantor!.id, username: grantor!.username },
          });
          await stageEvents(tx, outboxTables, [
            auditEvent(context, {
              action: 'ROLE_GRANT_REQUESTED',
              outcome: 'SUCCESS',
              target: { type: 'Staff', id: target.id },
              officeCode: target.officeCode,
              before: { roles: target.roles },
              after: { requestedRole: input.role, approvalRequestId: request.id },
            }),
          ]);
          return request;
        }),
      );
    },

    /** Takes a role away at once. */
    async revokeRole(context: SignedRequestContext, input: { username: string; role: string }): Promise<StaffRecord> {
      const caller = staffCaller(context);
      const username = input.username.trim().toLowerCase();
      return audited(context, 'ROLE_REVOKE_REFUSED', username, () =>
        database.db.transaction(async (tx) => {
          const grantor = await findStaffAuthority(tx, { id: caller.staffId });
          const target = await findStaffAuthority(tx, { username }, { forUpdate: true });
          if (!target) throw new StaffNotFoundError();
          const refusal = revokeRefusal(await factsFor(tx, grantor, target, input.role));
          if (refusal) throw roleChangeError(refusal, input.role);
          const after = await removeRole(tx, target.id, input.role);
          if (!after) throw roleChangeError('ROLE_NOT_ASSIGNED', input.role);
          // The person's tokens still carry the revoked role's grants: they all end with this commit.
          await endAllSessionsInTx(tx, target.id, 'ROLE_REVOKED', options.tokenTtlSeconds);
          await stageEvents(tx, outboxTables, [
            auditEvent(context, {
              action: 'ROLE_REVOKED',
              outcome: 'SUCCESS',
              target: { type: 'Staff', id: target.id },
              officeCode: target.officeCode,
              before: { roles: target.roles },
              after: { roles: after },
            }),
          ]);
          const staff = await findStaffById(tx, target.id);
          if (!staff) throw new Error(`staff ${target.id} vanished inside its own transaction`);
          return staff;
        }),
      );
    },

    /** The ROLE_GRANT executor: every rule again, on the grantee's locked row, then the role is added. */
    executeRoleGrant: (async (tx, request, { context }) => {
      const payload = parseRoleGrantPayload(request.payload);
      if (!payload) throw new InvalidGrantPayloadError();
      const grantor = await findStaffAuthority(tx, { id: request.maker.id });
      const target = await findStaffAuthority(tx, { id: payload.staffId }, { forUpdate: true });
      if (!target) throw new StaffNotFoundError();
      if (target.officeCode !== payload.officeCode) throw new StaffMovedError();
      if (target.billerCode !== (payload.billerCode ?? null)) throw new StaffBillerChangedError();
      const refusal = grantRefusal(await factsFor(tx, grantor, target, payload.role));
      if (refusal) throw roleChangeError(refusal, payload.role);
      // The checker's entitlement too, as it is now: delegation may have narrowed since they approved.
      if (!request.checker) throw new Error(`approval request ${request.id} is APPROVED but names no checker`);
      const checker = await findStaffAuthority(tx, { id: request.checker.id });
      const checkerRefusal = checkerGrantRefusal({ grantableRoles: checker ? await grantableRolesFor(tx, checker.roles) : [] }, payload.role);
      if (checkerRefusal) throw roleChangeError(checkerRefusal, payload.role);
      const after = await addRole(tx, target.id, payload.role);
      if (!after) throw roleChangeError('ROLE_ALREADY_HELD', payload.role);
      await stageEvents(tx, outboxTables, [
        auditEvent(context, {
          action: 'ROLE_GRANTED',
          outcome: 'SUCCESS',
          target: { type: 'Staff', id: target.id },
          officeCode: target.officeCode,
          before: { roles: target.roles },
          after: { roles: after, approvalRequestId: request.id, maker: request.maker.username, checker: request.checker?.username ?? null },
        }),
      ]);
      return { staffId: target.id, username: target.username, role: payload.role, rolesBefore: target.roles, rolesAfter: after };
    }) satisfies LocalExecutor,
  };
}

export type RoleService = ReturnType<typeof createRoleService>;
