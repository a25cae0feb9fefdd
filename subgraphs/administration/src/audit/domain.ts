import type { Identity } from '@postal/auth';
import { scopeOf } from '@postal/authz';
import { BadUserInputError } from '@postal/errors';
import type { AuditTrailFilter } from './model.js';

/**
 * Records that name no office (a failed sign-in with an unknown username, a system action) belong to no subtree. They
 * are shown only to callers whose `audit.read` scope is a whole tree: a service, or staff whose subtree grant starts
 * at a top-level office (a circle, or a national office if one is ever put above the circles). Anyone narrower would
 * otherwise see network-wide events, such as guessed usernames, from offices that are not theirs.
 */
export function seesRecordsWithoutOffice(identity: Identity): boolean {
  const scope = scopeOf(identity, 'audit.read');
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'paths':
      return scope.scopes.some((s) => !s.exact && !s.path.includes('/'));
  }
}

/** Filter strings are names and codes; longer ones name nothing and are refused rather than sent to the database. */
const MAX_FILTER_LENGTH = 200;

/** The filter with blank strings dropped and every value checked; throws BAD_USER_INPUT naming the field. */
export function checkedFilter(filter: AuditTrailFilter | null | undefined): AuditTrailFilter {
  const checked: AuditTrailFilter = {};
  for (const field of ['actor', 'action', 'target', 'officeCode'] as const) {
    const value = filter?.[field]?.trim();
    if (!value) continue;
    if (value.length > MAX_FILTER_LENGTH) throw new BadUserInputError(field, `${field} is at most ${MAX_FILTER_LENGTH} characters`);
    checked[field] = field === 'actor' ? value.toLowerCase() : value;
  }
  checkRange(filter?.from, filter?.to);
  if (filter?.from) checked.from = filter.from;
  if (filter?.to) checked.to = filter.to;
  return checked;
}

/** A time range is half-open, [from, to): from must come before to. */
export function checkRange(from: Date | null | undefined, to: Date | null | undefined): void {
  if (from && to && from.getTime() >= to.getTime()) throw new BadUserInputError('to', 'to must be later than from');
}

/** One field an audited change touched, its values as JSON text (null where the side does not have the field). */
export interface AuditFieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** The before/after summaries side by side, field by field, in field order. */
export function changesOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditFieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return fields.map((field) => ({
    field,
    before: before && Object.hasOwn(before, field) ? JSON.stringify(before[field]) : null,
    after: after && Object.hasOwn(after, field) ? JSON.stringify(after[field]) : null,
  }));
}
