import { isDeepStrictEqual } from 'node:util';
import type { SignedRequestContext } from '@postal/auth';
import { newEvent, type AuditActor, type AuditRecordedPayload, type TypedEvent } from '@postal/events';

/**
 * The one way every subgraph describes what it did for the audit trail. A service stages the event this builds in the
 * same transaction as its change (`stageEvents(tx, tables, [auditEvent('accounts', context, {...})])`), so the record
 * exists exactly when the change does; the administration subgraph stores, seals and serves it.
 */

/** What a service says about its change; the request id and client address come from the signed request. */
export type AuditRecordInput = Omit<AuditRecordedPayload, 'requestId' | 'clientAddress' | 'actor'> & { actor?: AuditActor };

/** The actor of an audit event, from the signed identity of the request. */
export function auditActor(context: SignedRequestContext): AuditActor {
  const { identity } = context;
  switch (identity.kind) {
    case 'staff':
      return { kind: 'staff', id: identity.staffId, username: identity.username, roles: identity.roles, officeCode: identity.officeCode };
    case 'service':
      return { kind: 'service', id: identity.service };
    case 'anonymous':
      return { kind: 'anonymous' };
  }
}

/**
 * An `audit.recorded` event from `source` (the subgraph's name, e.g. 'money-orders'), carrying the request's id and
 * client address. The actor is the signed caller unless the record names one (a login names who tried to sign in).
 * The payload is checked against the catalogue here, so a malformed record fails the service's transaction.
 */
export function auditEvent(source: string, context: SignedRequestContext, record: AuditRecordInput): TypedEvent<'audit.recorded'> {
  if (source.length === 0) throw new Error('an audit event needs the name of the subgraph that produced it');
  return newEvent(
    'audit.recorded',
    {
      ...record,
      actor: record.actor ?? auditActor(context),
      requestId: context.requestId,
      ...(context.clientAddress ? { clientAddress: context.clientAddress } : {}),
    },
    { source, requestId: context.requestId },
  );
}

/** Fields an audit summary may hold at most, so one record cannot carry a whole document. */
export const MAX_SUMMARY_FIELDS = 50;

/**
 * The before/after summary of a change: only the fields whose values differ (compared structurally), each side with
 * just those fields. A field absent on one side is left out of that side. `undefined` values count as absent, since
 * they do not survive JSON. Pass plain data (strings for money and dates), not class instances.
 */
export function changeSummary(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { before?: Record<string, unknown>; after?: Record<string, unknown> } {
  const old = definedEntries(before);
  const next = definedEntries(after);
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(old), ...Object.keys(next)])) {
    if (Object.hasOwn(old, field) && Object.hasOwn(next, field) && isDeepStrictEqual(old[field], next[field])) continue;
    if (Object.hasOwn(old, field)) changedBefore[field] = old[field];
    if (Object.hasOwn(next, field)) changedAfter[field] = next[field];
  }
  const fields = new Set([...Object.keys(changedBefore), ...Object.keys(changedAfter)]).size;
  if (fields > MAX_SUMMARY_FIELDS) throw new RangeError(`an audit summary holds at most ${MAX_SUMMARY_FIELDS} fields, not ${fields}`);
  return {
    ...(before && Object.keys(changedBefore).length > 0 ? { before: changedBefore } : {}),
    ...(after && Object.keys(changedAfter).length > 0 ? { after: changedAfter } : {}),
  };
}

function definedEntries(record: Record<string, unknown> | null | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([, value]) => value !== undefined));
}
