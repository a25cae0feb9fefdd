import type { Identity } from '@postal/auth';
import { assertPasswordChosen, holds, scopeCondition, withinTree } from '@postal/authz';
import { calendarDateProblem } from '@postal/calendar';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '@postal/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '@postal/server';
import { eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { billers } from '../billers/tables.js';
import { findOffice } from '../offices/repository.js';
import type { SettlementDeps } from '../settlement/deps.js';
import { isUuid } from '../settlement/domain.js';
import { DisputeError } from './errors.js';
import { listDisputes, type DisputeView } from './repository.js';
import { billerCodeOf } from './service.js';
import { disputes } from './tables.js';

export const DISPUTE_STATUSES = ['OPEN', 'UPHELD', 'REJECTED'] as const;

export interface DisputeFilter {
  status?: string | null;
  billerId?: string | null;
  /** The biller's settlement office, and everything under it. */
  settlementOfficeCode?: string | null;
  /** Business dates the dispute was raised on, both ends included. */
  raisedFrom?: string | null;
  raisedTo?: string | null;
}

function checkDate(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  if (calendarDateProblem(value) !== undefined) throw new BadUserInputError(field, `${field} is a date, YYYY-MM-DD`);
  return value;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

/**
 * codDisputes: the disputes of billers settled in the caller's cod.read scope (finance officers over their subtree,
 * auditors read), or for a BILLER's people (billerScope) their own biller's only, whatever the filter says; newest
 * raised first, a keyset page as codArticles pages.
 */
export async function listCodDisputes(deps: SettlementDeps, identity: Identity, filter: DisputeFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<DisputeView>> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  assertPasswordChosen(identity);
  const self = billerCodeOf(identity);
  if (self === undefined && !holds(identity, 'cod.read')) throw new ForbiddenError('you may not cod.read');
  const size = pageSize(first);
  const cursor = decodeCursor(after, 2);
  if (cursor && (!ISO_INSTANT.test(cursor[0]!) || Number.isNaN(Date.parse(cursor[0]!)) || !isUuid(cursor[1]!))) throw new BadUserInputError('after', 'the cursor is not one this API issued');
  const conditions: SQL[] = [self !== undefined ? eq(billers.code, self) : scopeCondition(identity, 'cod.read', billers.settlementOfficePath)];
  if (filter?.status != null) {
    if (!(DISPUTE_STATUSES as readonly string[]).includes(filter.status)) throw new BadUserInputError('filter.status', 'unknown status');
    conditions.push(eq(disputes.status, filter.status));
  }
  if (filter?.billerId != null) {
    // Ids are UUIDs: another text names no biller, so the page is empty (as an unknown biller's would be).
    conditions.push(isUuid(filter.billerId) ? eq(disputes.billerId, filter.billerId) : sql`false`);
  }
  if (filter?.settlementOfficeCode != null) {
    const office = await findOffice(deps.database.db, filter.settlementOfficeCode);
    if (!office) throw new DisputeError('OFFICE_NOT_FOUND', `no office ${JSON.stringify(filter.settlementOfficeCode.slice(0, 40))}`, { field: 'filter.settlementOfficeCode' });
    conditions.push(withinTree(billers.settlementOfficePath, office.path));
  }
  const from = checkDate(filter?.raisedFrom, 'filter.raisedFrom');
  const to = checkDate(filter?.raisedTo, 'filter.raisedTo');
  if (from) conditions.push(gte(disputes.raisedOn, from));
  if (to) conditions.push(lte(disputes.raisedOn, to));
  const rows = await listDisputes(deps.database.db, conditions, cursor ? { raisedAt: cursor[0]!, id: cursor[1]! } : undefined, size + 1);
  return toConnection(rows, size, (row) => [row.raisedAt.toISOString(), row.id]);
}
