/**
 * The canonical form of a stored audit record: the exact bytes the hash chain covers. It must come out the same on
 * every machine, in every release, for the same stored row, or verification would report tampering that never
 * happened; so it is one pure function with its own tests, and any change to it is a new format version.
 *
 * The form (format 1) is JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, strings escaped as JSON.stringify escapes them (non-ASCII kept as UTF-8, lone surrogates escaped),
 * numbers in ECMAScript's shortest round-trip form. Every stored field is present, absent ones as null, so a field
 * cannot be dropped or added without changing the hash. Instants are UTC with microseconds
 * (`2026-11-22T10:15:00.123456Z`), the precision PostgreSQL stores, so no stored digit escapes the hash. Text is
 * hashed as stored: no Unicode normalisation, because two spellings of a name are two different records.
 */

// The serialisation itself is shared (@postal/events), so the audit trail, approvals and the journal agree on it.
import { canonicalJson } from '@postal/events';

export const CANONICAL_FORMAT = 'postal-audit-record/1';

/** A stored audit record as the chain sees it: every column of administration.audit_events, timestamps as text. */
export interface CanonicalAuditFields {
  id: string;
  eventId: string;
  source: string;
  /** UTC, microseconds, as CANONICAL_INSTANT describes. */
  occurredAt: string;
  recordedAt: string;
  action: string;
  outcome: string;
  actorKind: string;
  actorUsername: string | null;
  actor: unknown;
  officeCode: string | null;
  officePath: string | null;
  targetType: string | null;
  targetId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientAddress: string | null;
}

/** The fixed instant format of the canonical form. */
export const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A JavaScript Date in the canonical instant format (its milliseconds padded to microseconds). */
export function canonicalInstant(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new TypeError('an invalid date has no canonical form');
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** The canonical text of a record; throws on anything that has no single JSON spelling. */
export function canonicalRecord(record: CanonicalAuditFields): string {
  for (const field of ['occurredAt', 'recordedAt'] as const) {
    if (!CANONICAL_INSTANT.test(record[field])) throw new TypeError(`${field} is not a canonical instant: ${record[field]}`);
  }
  const fields: Record<string, unknown> = {
    format: CANONICAL_FORMAT,
    id: record.id,
    eventId: record.eventId,
    source: record.source,
    occurredAt: record.occurredAt,
    recordedAt: record.recordedAt,
    action: record.action,
    outcome: record.outcome,
    actorKind: record.actorKind,
    actorUsername: record.actorUsername,
    actor: record.actor,
    officeCode: record.officeCode,
    officePath: record.officePath,
    targetType: record.targetType,
    targetId: record.targetId,
    reason: record.reason,
    before: record.before,
    after: record.after,
    requestId: record.requestId,
    clientAddress: record.clientAddress,
  };
  return canonicalJson(fields);
}
