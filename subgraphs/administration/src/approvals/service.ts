import { randomUUID } from 'node:crypto';
import type { Identity, SignedRequestContext } from '@postal/auth';
import { assertCan, can, isWithin, scopeCondition, withinTree } from '@postal/authz';
import { isUuid } from '@postal/validation';
import { transaction, type Database, type Tx } from '@postal/db';
import type { AuditActor } from '@postal/events';
import { BadUserInputError, ExpectedError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { stageEvents } from '@postal/outbox';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { auditEvent } from '../audit/events.js';
import { outbox, processedEvents } from '../db-schema.js';
import { findOfficePath } from '../offices/repository.js';
import { currentIdentity, findStaffAuthority } from '../roles/repository.js';
import {
  DEFAULT_APPROVAL_TTL_MS,
  MAX_DECISION_TEXT_LENGTH,
  MAX_SUMMARY_LENGTH,
  decisionRefusal,
  effectiveStatus,
  expiresAtFor,
  type ApprovalStatus,
  type DecisionRefusal,
} from './domain.js';
import {
  ApprovalExpiredError,
  ApprovalNotFoundError,
  ApprovalNotPendingError,
  MakerCannotApproveError,
  PayloadTamperedError,
  UnknownApprovalKindError,
} from './errors.js';
import { CHECKER_RULES } from './checker-rules.js';
import { approvalDecidedEvent, requestSummary, systemContext } from './events.js';
import { refusalAuditor } from '../audit/refusals.js';
import { APPROVAL_KIND_REGISTRY, isApprovalKind, type ApprovalKind } from './kinds.js';
import type { ApprovalParty, ApprovalRequestRecord } from './model.js';
import { checkPayload, payloadIntact, payloadMac } from './payload.js';
import {
  findApprovalRequest,
  insertApprovalRequest,
  listApprovalRequests,
  lockOverdue,
  markDecided,
  roleGrantsToCondition,
  statusCondition,
} from './repository.js';
import { approvalRequests } from './tables.js';

export interface ApprovalServiceOptions {
  database: Database;
  clock: () => Date;
  /** IDENTITY_SECRET: the payload MAC's key is derived from it (approvals/payload.ts). */
  identitySecret: string;
  /** How long a request waits for a checker; default DEFAULT_APPROVAL_TTL_MS (7 days). */
  ttlMs?: number;
  /** Called after a commit that staged events, so the relay publishes them soon rather than at its next poll. */
  onEventsStaged?: () => void;
}

/** What an in-process submitter (administration's own kinds) hands over, inside its own transaction. */
export interface Submission {
  kind: ApprovalKind;
  summary: string;
  payload: unknown;
  office: { code: string; path: string };
  maker: ApprovalParty;
  /** Who the audit trail names as the actor; the request's signed caller when absent. */
  actor?: AuditActor;
}

export interface ApprovalFilter {
  status?: ApprovalStatus | null;
  kind?: ApprovalKind | null;
  officeCode?: string | null;
  /** Role grants to this person: ROLE_GRANT requests whose payload's staffId names them. */
  staffId?: string | null;
  /** true: only the caller's own requests; false: only other people's. */
  mine?: boolean | null;
  /** true: PENDING, not the caller's, of a kind whose checker permission the caller holds over the office. */
  waitingForMe?: boolean | null;
}

const outboxTables = { outbox, processedEvents };
/** Expired requests marked per sweep transaction: a bounded batch, so a backlog is worked off in short transactions. */
export const EXPIRY_BATCH_SIZE = 100;

export function createApprovalService(options: ApprovalServiceOptions) {
  const { database, clock } = options;
  const ttlMs = options.ttlMs ?? DEFAULT_APPROVAL_TTL_MS;
  const view = (request: ApprovalRequestRecord): ApprovalRequestRecord => ({ ...request, status: effectiveStatus(request, clock()) });

  /** Records a submission and its audit event in the caller's transaction. */
  async function submitInTx(tx: Tx, context: SignedRequestContext, submission: Submission): Promise<ApprovalRequestRecord> {
    const summary = submission.summary.trim();
    if (summary.length === 0 || summary.length > MAX_SUMMARY_LENGTH) {
      throw new BadUserInputError('summary', `a summary has 1 to ${MAX_SUMMARY_LENGTH} characters`);
    }
    const checked = checkPayload(submission.payload);
    if (!checked.ok) throw new BadUserInputError('payload', checked.problem);
    const createdAt = clock();
    const request = await insertApprovalRequest(tx, {
      id: randomUUID(),
      kind: submission.kind,
      subgraph: APPROVAL_KIND_REGISTRY[submission.kind].subgraph,
      summary,
      payload: checked.payload,
      payloadHash: payloadMac(options.identitySecret, submission.kind, checked.payload),
      makerId: submission.maker.id,
      makerUsername: submission.maker.username,
      officeCode: submission.office.code,
      officePath: submission.office.path,
      createdAt,
      expiresAt: expiresAtFor(createdAt, ttlMs),
    });
    await stageEvents(tx, outboxTables, [
      auditEvent(context, {
        ...(submission.actor ? { actor: submission.actor } : {}),
        action: 'APPROVAL_SUBMITTED',
        outcome: 'SUCCESS',
        target: { type: 'ApprovalRequest', id: request.id },
        officeCode: request.officeCode,
        after: { ...requestSummary(request), summary: request.summary, expiresAt: request.expiresAt.toISOString() },
      }),
    ]);
    return request;
  }

  /** PENDING -> EXPIRED for a locked, overdue request, with its events; the caller's transaction commits it. */
  async function expireInTx(tx: Tx, context: SignedRequestContext, request: ApprovalRequestRecord, now: Date): Promise<void> {
    const expired = await markDecided(tx, request.id, { status: 'EXPIRED', decidedAt: now });
    if (!expired) return;
    await stageEvents(tx, outboxTables, [
      approvalDecidedEvent(expired, 'EXPIRED', context.requestId),
      auditEvent(context, {
        actor: { kind: 'service', id: 'administration' },
        action: 'APPROVAL_EXPIRED',
        outcome: 'SUCCESS',
        target: { type: 'ApprovalRequest', id: request.id },
        officeCode: request.officeCode,
        before: { status: 'PENDING' },
        after: { status: 'EXPIRED', expiresAt: request.expiresAt.toISOString() },
      }),
    ]);
  }

  const refusals = refusalAuditor(options);
  const auditRefusal = (context: SignedRequestContext, action: string, targetId: string, error: unknown) =>
    refusals.record(context, action, { type: 'ApprovalRequest', id: targetId }, error);

  type Decision = { status: 'APPROVED'; comment: string | null } | { status: 'REJECTED'; reason: string };

  /**
   * approve and reject: on the locked row, with the checker's roles read now (not the token's hour-old copy), in one
   * transaction. An overdue request is marked EXPIRED and that is committed before the caller hears APPROVAL_EXPIRED.
   */
  async function decide(context: SignedRequestContext, id: string, decision: Decision): Promise<ApprovalRequestRecord> {
    const { identity } = context;
    if (identity.kind === 'anonymous') throw new UnauthenticatedError();
    if (identity.kind !== 'staff') throw new ForbiddenError('a request is decided by a person, not a service');
    // READ COMMITTED: the decision is taken on the request row locked FOR UPDATE, as the last decider committed it; a
    // second checker queued on the lock then sees it decided (not a serialization error).
    const outcome = await transaction(database, 'read committed', async (tx) => {
      const request = isUuid(id) ? await findApprovalRequest(tx, id, { forUpdate: true }) : undefined;
      if (!request) throw new ApprovalNotFoundError();
      const checker = await findStaffAuthority(tx, { id: identity.staffId });
      if (!checker || checker.status !== 'ACTIVE') throw new ForbiddenError('your account is not active');
      assertCan(await currentIdentity(tx, checker), APPROVAL_KIND_REGISTRY[request.kind].approvePermission, {
        code: request.officeCode,
        path: request.officePath,
      });
      const now = clock();
      const refusal = decisionRefusal(request, checker.id, now, () => payloadIntact(options.identitySecret, request));
      if (refusal === 'APPROVAL_EXPIRED' && request.status === 'PENDING') {
        await expireInTx(tx, context, request, now);
        return { refused: refusalError(refusal, request) };
      }
      if (refusal) throw refusalError(refusal, request);
      if (decision.status === 'APPROVED') await CHECKER_RULES[request.kind]?.(tx, checker, request);
      const party = { checkerId: checker.id, checkerUsername: checker.username, decidedAt: now };
      const decided = await markDecided(
        tx,
        request.id,
        decision.status === 'APPROVED' ? { status: 'APPROVED', ...party, comment: decision.comment } : { status: 'REJECTED', ...party, reason: decision.reason },
      );
      // Under the row lock this cannot miss; the condition is the database's second word on it.
      if (!decided) throw new ApprovalNotPendingError('decided by someone else');
      await stageEvents(tx, outboxTables, [
        approvalDecidedEvent(decided, decision.status, context.requestId),
        auditEvent(context, {
          action: decision.status === 'APPROVED' ? 'APPROVAL_APPROVED' : 'APPROVAL_REJECTED',
          outcome: 'SUCCESS',
          target: { type: 'ApprovalRequest', id: request.id },
          officeCode: request.officeCode,
          ...(decision.status === 'REJECTED' ? { reason: decision.reason } : {}),
          before: requestSummary(request),
          after: { ...requestSummary(decided), ...(decided.comment ? { comment: decided.comment } : {}) },
        }),
      ]);
      return { decided };
    });
    options.onEventsStaged?.();
    if ('refused' in outcome) throw outcome.refused;
    return view(outcome.decided);
  }

  function decisionText(field: 'comment' | 'reason', value: string | null | undefined, required: boolean): string | null {
    const text = value?.trim() ?? '';
    if (text.length > MAX_DECISION_TEXT_LENGTH) throw new BadUserInputError(field, `at most ${MAX_DECISION_TEXT_LENGTH} characters`);
    if (required && text.length === 0) throw new BadUserInputError(field, `a ${field} is required`);
    return text.length > 0 ? text : null;
  }

  return {
    submitInTx,

    /**
     * The service-only submission: a subgraph asks on behalf of a maker it has authenticated and authorised. Only the
     * kind's owner may submit it, and administration's own kinds come in-process only (their rules are checked there).
     */
    async submit(
      context: SignedRequestContext,
      input: { kind: string; summary: string; payload: unknown; officeCode: string; makerId: string },
    ): Promise<ApprovalRequestRecord> {
      const { identity } = context;
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      if (identity.kind !== 'service') throw new ForbiddenError('approval requests are submitted by the subgraph that owns the command');
      if (!isApprovalKind(input.kind)) throw new UnknownApprovalKindError(input.kind);
      const owner = APPROVAL_KIND_REGISTRY[input.kind].subgraph;
      if (owner === 'administration' || identity.service !== owner) {
        throw new ForbiddenError(`${input.kind} requests are submitted by ${owner}${owner === 'administration' ? ' itself' : ''}`);
      }
      // READ COMMITTED: the maker's row is read as committed now (a suspension a moment ago counts).
      const request = await transaction(database, 'read committed', async (tx) => {
        const maker = isUuid(input.makerId) ? await findStaffAuthority(tx, { id: input.makerId }) : undefined;
        if (!maker || maker.status !== 'ACTIVE') throw new BadUserInputError('makerId', 'no active member of staff has this id');
        const officePath = await findOfficePath(tx, input.officeCode);
        if (officePath === undefined) throw new BadUserInputError('officeCode', 'there is no such office');
        // The owner checked the maker's permission; this is the inbox's own check that the office is the maker's.
        if (!isWithin(officePath, maker.officePath)) throw new ForbiddenError(`the maker does not work at or above office ${input.officeCode}`);
        return submitInTx(tx, context, {
          kind: input.kind as ApprovalKind,
          summary: input.summary,
          payload: input.payload,
          office: { code: input.officeCode, path: officePath },
          maker: { id: maker.id, username: maker.username },
          actor: { kind: 'staff', id: maker.id, username: maker.username, roles: maker.roles, officeCode: maker.officeCode },
        });
      });
      options.onEventsStaged?.();
      return view(request);
    },

    async approve(context: SignedRequestContext, id: string, comment?: string | null): Promise<ApprovalRequestRecord> {
      try {
        return await decide(context, id, { status: 'APPROVED', comment: decisionText('comment', comment, false) });
      } catch (error) {
        await auditRefusal(context, 'APPROVAL_APPROVE_REFUSED', id, error);
        throw error;
      }
    },

    async reject(context: SignedRequestContext, id: string, reason: string): Promise<ApprovalRequestRecord> {
      try {
        return await decide(context, id, { status: 'REJECTED', reason: decisionText('reason', reason, true)! });
      } catch (error) {
        await auditRefusal(context, 'APPROVAL_REJECT_REFUSED', id, error);
        throw error;
      }
    },

    /** One request: to holders of approval.read over its office, and always to its maker; otherwise not found. */
    async getApprovalRequest(identity: Identity, id: string): Promise<ApprovalRequestRecord | null> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const request = isUuid(id) ? await findApprovalRequest(database.db, id) : undefined;
      if (!request) return null;
      const mine = identity.kind === 'staff' && identity.staffId === request.maker.id;
      return mine || can(identity, 'approval.read', request.officePath) ? view(request) : null;
    },

    /** The inbox, newest first, filtered in SQL by the caller's scope (plus their own requests). */
    async listApprovalRequests(
      identity: Identity,
      filter: ApprovalFilter | null | undefined,
      first: number | null | undefined,
      after: string | null | undefined,
    ): Promise<Connection<ApprovalRequestRecord>> {
      if (identity.kind === 'anonymous') throw new UnauthenticatedError();
      const size = pageSize(first);
      const cursor = decodeApprovalCursor(after);
      const now = clock();
      const scope = scopeCondition(identity, 'approval.read', approvalRequests.officePath);
      const visible = identity.kind === 'staff' ? (or(scope, eq(approvalRequests.makerId, identity.staffId)) as SQL) : scope;
      const filters: SQL[] = [];
      if (filter?.status) filters.push(statusCondition(filter.status, now));
      if (filter?.kind) filters.push(eq(approvalRequests.kind, filter.kind));
      if (filter?.mine === true) filters.push(identity.kind === 'staff' ? eq(approvalRequests.makerId, identity.staffId) : sql`false`);
      if (filter?.mine === false && identity.kind === 'staff') filters.push(ne(approvalRequests.makerId, identity.staffId));
      if (filter?.waitingForMe) filters.push(waitingFor(identity, now));
      if (filter?.officeCode) {
        // The office and everything under it; an unknown office simply has no requests.
        const path = await findOfficePath(database.db, filter.officeCode);
        if (path === undefined) return toConnection([], size, () => []);
        filters.push(withinTree(approvalRequests.officePath, path));
      }
      if (filter?.staffId) {
        // Not a uuid names nobody: no requests, rather than a cast error from the database.
        if (!isUuid(filter.staffId)) return toConnection([], size, () => []);
        filters.push(roleGrantsToCondition(filter.staffId));
      }
      const rows = await listApprovalRequests(database.db, { visible, filters, after: cursor, limit: size + 1 });
      return toConnection(rows.map(view), size, (request) => [request.createdAt.toISOString(), request.id]);
    },

    /**
     * Marks overdue PENDING requests EXPIRED, one bounded batch per call, and tells their owners. Readers already see
     * them as EXPIRED (effectiveStatus); this makes the stored status, the audit trail and the owners agree.
     */
    async expireOverdue(limit = EXPIRY_BATCH_SIZE): Promise<number> {
      const context = systemContext(`approval-expiry-${randomUUID()}`);
      // READ COMMITTED: overdue requests are locked (skipping those a decision holds) and expired as they are now.
      const count = await transaction(database, 'read committed', async (tx) => {
        const now = clock();
        const overdue = await lockOverdue(tx, now, limit);
        for (const request of overdue) await expireInTx(tx, context, request, now);
        return overdue.length;
      });
      if (count > 0) options.onEventsStaged?.();
      return count;
    },
  };
}

/**
 * What the caller may decide, as SQL: pending now, not their own, and for each kind the kind's checker permission over
 * the request's office (from the signed grants, as every list is scoped; the decision itself re-reads the roles). A
 * service decides nothing.
 */
function waitingFor(identity: Identity, now: Date): SQL {
  if (identity.kind !== 'staff') return sql`false`;
  const decidable = Object.entries(APPROVAL_KIND_REGISTRY).map(
    ([kind, definition]) => and(eq(approvalRequests.kind, kind), scopeCondition(identity, definition.approvePermission, approvalRequests.officePath)) as SQL,
  );
  return and(statusCondition('PENDING', now), ne(approvalRequests.makerId, identity.staffId), or(...decidable)) as SQL;
}

function refusalError(refusal: DecisionRefusal, request: ApprovalRequestRecord): ExpectedError {
  switch (refusal) {
    case 'MAKER_CANNOT_APPROVE':
      return new MakerCannotApproveError();
    case 'APPROVAL_EXPIRED':
      return new ApprovalExpiredError(request.expiresAt);
    case 'APPROVAL_NOT_PENDING':
      return new ApprovalNotPendingError(request.status);
    case 'PAYLOAD_TAMPERED':
      return new PayloadTamperedError();
  }
}

function decodeApprovalCursor(after: string | null | undefined): { createdAt: string; id: string } | undefined {
  const key = decodeCursor(after, 2);
  if (!key) return undefined;
  const [createdAt, id] = key as [string, string];
  if (Number.isNaN(Date.parse(createdAt)) || !isUuid(id)) throw new BadUserInputError('after', 'the cursor is not one this API issued');
  return { createdAt, id };
}

export type ApprovalService = ReturnType<typeof createApprovalService>;
