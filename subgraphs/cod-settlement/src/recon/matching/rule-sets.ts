/**
 * The matching rules as data, changed only through the approvals inbox (RECON_RULE_SET): a finance officer proposes a
 * rule set (checked whole by @postal/matching's checkRuleSet, numbered with the next version); a second officer with
 * recon.rules.approve approves it in the inbox, and the executor makes it ACTIVE and the one before SUPERSEDED; a
 * rejection or expiry makes it REJECTED. One rule set serves the whole operator, so the request is made at the root
 * office: only officers whose grants reach the root (the circle's) propose and approve.
 */
import type { SignedRequestContext } from '@postal/auth';
import { assertCan, assertHolds } from '@postal/authz';
import type { Db, Tx } from '@postal/db';
import { rowsOf, transaction } from '@postal/db';
import { BadUserInputError, ForbiddenError } from '@postal/errors';
import type { TypedEvent } from '@postal/events';
import { checkRuleSet, DEFAULT_RULE_SET, type RuleSet } from '@postal/matching';
import { stageEvents } from '@postal/outbox';
import { auditEvent, type ApprovalKindHandler, type ApprovalPayloadParse } from '@postal/server';
import type { ReconDeps } from '../deps.js';
import { desc, eq, sql } from 'drizzle-orm';
import { actorName, auditTables } from '../../billers/audit.js';
import { findRootOffice } from '../../offices/repository.js';
import { ReconError } from '../errors.js';
import { reconRuleSets } from './tables.js';

export type RuleSetRow = typeof reconRuleSets.$inferSelect;

/** The rule set runs use: the ACTIVE one, else the default (version 1). */
export async function activeRuleSet(db: Db | Tx): Promise<RuleSet> {
  const [row] = await db.select().from(reconRuleSets).where(eq(reconRuleSets.status, 'ACTIVE'));
  return row ? checkRuleSet(row.rules) : DEFAULT_RULE_SET;
}

export async function listRuleSets(db: Db | Tx): Promise<RuleSetRow[]> {
  return db.select().from(reconRuleSets).orderBy(desc(reconRuleSets.version)).limit(100);
}

export interface RuleSetPayload {
  version: number;
  ruleSet: Record<string, unknown>;
  reason: string;
}

/**
 * proposeReconRuleSet. Checked before submitting, so the inbox is not given a request that could only fail; the row is
 * written after the submission with its request id (a crash in between leaves a request whose approval finds no
 * proposal, refused at execution, never a proposal no request will decide).
 */
export async function proposeRuleSet(deps: Pick<ReconDeps, 'database' | 'clock' | 'approvals'>, context: SignedRequestContext, text: unknown, reasonInput: unknown): Promise<RuleSetRow> {
  const { identity } = context;
  assertHolds(identity, 'recon.rules.manage');
  if (identity.kind !== 'staff') throw new ForbiddenError('only a member of staff can submit a request for approval');
  const root = await findRootOffice(deps.database.db);
  if (!root) throw new ReconError('OFFICE_NOT_FOUND', 'the office tree has not reached cod-settlement yet');
  assertCan(identity, 'recon.rules.manage', root.path);
  const reason = typeof reasonInput === 'string' ? reasonInput.trim() : '';
  if (reason.length === 0 || reason.length > 500) throw new BadUserInputError('reason', 'a reason is 1 to 500 characters');
  if (typeof text !== 'string' || text.length > 16_000) throw new BadUserInputError('ruleSet', 'ruleSet is a rule set as JSON text, at most 16 kB (the inbox keeps the payload whole)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ReconError('RULE_SET_INVALID', 'the rule set is not JSON', { field: 'ruleSet' });
  }
  const [{ next, proposed }] = rowsOf<{ next: number; proposed: number }>(
    await deps.database.db.execute(sql`select greatest(coalesce(max(version), 1), 1) + 1 as next, count(*) filter (where status = 'PROPOSED')::int as proposed from cod.recon_rule_sets`),
  ) as [{ next: number; proposed: number }];
  if (proposed > 0) throw new ReconError('RULE_SET_INVALID', 'a rule set is already waiting for approval; it must be decided first', { field: 'ruleSet' });
  // The version is ours to give: whatever the text says, the proposal is the next one.
  const ruleSet = checkRuleSet({ ...(parsed as Record<string, unknown>), version: Number(next) });
  if (!deps.approvals) throw new Error('rule set changes need the approvals inbox, which is not configured');
  const payload: RuleSetPayload = { version: ruleSet.version, ruleSet: ruleSet as unknown as Record<string, unknown>, reason };
  const submitted = await deps.approvals.submit(
    {
      kind: 'RECON_RULE_SET',
      officeCode: root.code,
      summary: `Matching rules version ${ruleSet.version} (${ruleSet.rules.length} rules, confirm at ${ruleSet.autoConfirmAt}): ${reason}`.slice(0, 500),
      payload: payload as unknown as Record<string, unknown>,
      makerId: identity.staffId,
    },
    context.requestId,
  );
  return transaction(deps.database, 'read committed', async (tx) => {
    const [row] = await tx
      .insert(reconRuleSets)
      .values({ version: ruleSet.version, rules: payload.ruleSet, status: 'PROPOSED', reason, approvalRequestId: submitted.id, proposedBy: actorName(identity), proposedAt: deps.clock() })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ReconError('RULE_SET_INVALID', `rule set version ${ruleSet.version} was proposed at the same time by someone else`, { field: 'ruleSet' });
    await stageEvents(tx, auditTables, [
      auditEvent('cod-settlement', context, { action: 'RECON_RULE_SET_PROPOSED', outcome: 'SUCCESS', target: { type: 'ReconRuleSet', id: String(ruleSet.version) }, officeCode: root.code, reason, after: { version: ruleSet.version, approvalRequestId: submitted.id } }),
    ]);
    return row;
  });
}

export function parseRuleSetPayload(payload: Record<string, unknown>): ApprovalPayloadParse<RuleSetPayload> {
  const { version, ruleSet, reason } = payload as Partial<RuleSetPayload>;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 2) return { ok: false, problem: 'version is missing or malformed' };
  if (typeof reason !== 'string' || reason.length === 0 || reason.length > 500) return { ok: false, problem: 'reason is missing or malformed' };
  if (typeof ruleSet !== 'object' || ruleSet === null) return { ok: false, problem: 'ruleSet is missing' };
  try {
    const checked = checkRuleSet(ruleSet);
    if (checked.version !== version) return { ok: false, problem: 'ruleSet.version is not the proposal’s' };
  } catch {
    return { ok: false, problem: 'ruleSet is not a valid rule set' };
  }
  return { ok: true, payload: { version, ruleSet, reason } };
}

/** RECON_RULE_SET approved: the proposal ACTIVE, the one before SUPERSEDED, in the executor's transaction. */
export function ruleSetApprovalHandler(clock: () => Date): ApprovalKindHandler<RuleSetPayload> {
  return {
    description: 'a matching rule set',
    parse: parseRuleSetPayload,
    async execute(tx, payload, request) {
      const [proposal] = await tx.select().from(reconRuleSets).where(eq(reconRuleSets.version, payload.version)).for('update');
      if (!proposal || proposal.status !== 'PROPOSED' || proposal.approvalRequestId !== request.requestId) {
        throw new ReconError('RULE_SET_INVALID', `rule set version ${payload.version} is not the proposal this request approves`);
      }
      await tx.update(reconRuleSets).set({ status: 'SUPERSEDED' }).where(eq(reconRuleSets.status, 'ACTIVE'));
      await tx.update(reconRuleSets).set({ status: 'ACTIVE', decidedAt: clock() }).where(eq(reconRuleSets.version, payload.version));
      return {
        result: { version: payload.version },
        audit: { action: 'RECON_RULE_SET_ACTIVATED', target: { type: 'ReconRuleSet', id: String(payload.version) }, after: { version: payload.version } },
      };
    },
    failure: { action: 'RECON_RULE_SET_FAILED', after: (payload) => (payload ? { version: payload.version } : {}) },
  };
}

/** A RECON_RULE_SET request REJECTED or EXPIRED: its proposal REJECTED (found by the request's id; no payload read). */
export async function onRuleSetNotApproved(tx: Tx, event: TypedEvent<'approval.decided'>, clock: () => Date): Promise<boolean> {
  const decided = event.payload;
  if (decided.kind !== 'RECON_RULE_SET' || decided.decision === 'APPROVED') return false;
  await tx.update(reconRuleSets).set({ status: 'REJECTED', decidedAt: clock() }).where(sql`${reconRuleSets.approvalRequestId} = ${decided.requestId} and ${reconRuleSets.status} = 'PROPOSED'`);
  return true;
}

