import type { Identity } from '@postal/auth';
import { assertHolds, scopeCondition, withinTree } from '@postal/authz';
import { BadUserInputError } from '@postal/errors';
import { toConnection, type Connection } from '@postal/server';
import { eq, type SQL } from 'drizzle-orm';
import type { ArticleDeps } from '../articles/deps.js';
import { billers } from '../billers/tables.js';
import { instantCursor, listLimit } from '../deposits/queries.js';
import { DepositError } from '../deposits/errors.js';
import { findOffice } from '../offices/repository.js';
import { listExceptions, type CodExceptionView } from './repository.js';
import { codExceptions, EXCEPTION_STATUSES, EXCEPTION_TYPES } from './tables.js';

export interface ExceptionFilter {
  officeCode?: string | null;
  type?: string | null;
  status?: string | null;
  billerCode?: string | null;
}

/** Exceptions raised at offices in the caller's cod.read scope, newest first, a keyset page at a time. */
export async function listCodExceptions(deps: ArticleDeps, identity: Identity, filter: ExceptionFilter | null | undefined, first: number | null | undefined, after?: string | null): Promise<Connection<CodExceptionView>> {
  assertHolds(identity, 'cod.read');
  const limit = listLimit(first);
  const cursor = instantCursor(after);
  const conditions: SQL[] = [scopeCondition(identity, 'cod.read', codExceptions.officePath)];
  if (filter?.officeCode != null) {
    const office = await findOffice(deps.database.db, filter.officeCode);
    if (!office) throw new DepositError('OFFICE_NOT_FOUND', `no office ${JSON.stringify(filter.officeCode.slice(0, 40))}`, { field: 'filter.officeCode' });
    conditions.push(withinTree(codExceptions.officePath, office.path));
  }
  if (filter?.type != null) {
    if (!(EXCEPTION_TYPES as readonly string[]).includes(filter.type)) throw new BadUserInputError('filter.type', 'unknown exception type');
    conditions.push(eq(codExceptions.type, filter.type));
  }
  if (filter?.status != null) {
    if (!(EXCEPTION_STATUSES as readonly string[]).includes(filter.status)) throw new BadUserInputError('filter.status', 'unknown exception status');
    conditions.push(eq(codExceptions.status, filter.status));
  }
  if (filter?.billerCode != null) conditions.push(eq(billers.code, filter.billerCode));
  const rows = await listExceptions(deps.database.db, conditions, cursor, limit + 1);
  return toConnection(rows, limit, (row) => [row.raisedAt.toISOString(), row.id]);
}
