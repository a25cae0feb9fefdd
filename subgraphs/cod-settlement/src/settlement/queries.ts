import type { Identity } from '@postal/auth';
import { can, holds, scopeCondition, scopeOf } from '@postal/authz';
import { UnauthenticatedError } from '@postal/errors';
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { findBiller, findBillerByCode } from '../billers/repository.js';
import { billerCodeOf } from '../disputes/service.js';
import { pageSize } from '../summaries/service.js';
import type { SettlementDeps } from './deps.js';
import { isUuid } from './domain.js';
import { SettlementError } from './errors.js';
import { findBatch, findPayoutFile, linesOf, payoutOfBatch, type BatchRow } from './repository.js';
import { settlementBatches } from './tables.js';

/** A batch is visible with cod.read over its settlement office, or to the biller's own people. */
async function canSeeBatch(deps: SettlementDeps, identity: Identity, batch: BatchRow): Promise<boolean> {
  if (can(identity, 'cod.read', { code: batch.settlementOfficeCode, path: batch.settlementOfficePath })) return true;
  if (!holds(identity, 'cod.biller.self')) return false;
  const biller = await findBiller(deps.database.db, batch.billerId);
  return biller !== undefined && billerCodeOf(identity) === biller.code;
}

export async function settlementBatch(deps: SettlementDeps, identity: Identity, id: string): Promise<BatchRow | null> {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  if (!isUuid(id)) return null;
  const batch = await findBatch(deps.database.db, id);
  return batch && (await canSeeBatch(deps, identity, batch)) ? batch : null;
}

export async function batchLines(deps: SettlementDeps, batch: BatchRow, first?: number | null, after?: string | null) {
  const size = first ?? 100;
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw new SettlementError('INVALID_INPUT', 'first must be from 1 to 1000', { field: 'first' });
  const afterId = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
  if (!Number.isSafeInteger(afterId) || afterId < 0) throw new SettlementError('INVALID_INPUT', 'after is not a cursor of this list', { field: 'after' });
  const rows = await linesOf(deps.database.db, batch.id, size, afterId);
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: Buffer.from(String(row.id)).toString('base64url'), node: row }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** settlementBatches: newest first (built_at, id), in the caller's scope; a BILLER sees only its own. */
export async function settlementBatchList(
  deps: SettlementDeps,
  identity: Identity,
  filter: { billerCode?: string | null; status?: string | null; settlementOfficeCode?: string | null },
  first?: number | null,
  after?: string | null,
) {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  const size = pageSize(first);
  const conditions: SQL[] = [];
  const scope = scopeOf(identity, 'cod.read');
  const ownBiller = billerCodeOf(identity);
  // Every cod.read grant counts, each as its scope says (an own-office grant is that office only).
  if (scope.kind === 'paths') conditions.push(scopeCondition(identity, 'cod.read', settlementBatches.settlementOfficePath));
  else if (scope.kind === 'none') {
    const biller = holds(identity, 'cod.biller.self') && ownBiller ? await findBillerByCode(deps.database.db, ownBiller) : undefined;
    if (!biller) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    conditions.push(eq(settlementBatches.billerId, biller.id));
  }
  if (filter.billerCode) {
    const biller = await findBillerByCode(deps.database.db, filter.billerCode);
    conditions.push(eq(settlementBatches.billerId, biller?.id ?? '00000000-0000-0000-0000-000000000000'));
  }
  if (filter.status) conditions.push(eq(settlementBatches.status, filter.status));
  if (filter.settlementOfficeCode) conditions.push(eq(settlementBatches.settlementOfficeCode, filter.settlementOfficeCode));
  if (after) {
    const [builtAt, id] = Buffer.from(after, 'base64url').toString().split('|');
    const when = new Date(builtAt ?? '');
    if (Number.isNaN(when.getTime()) || !id || !isUuid(id)) throw new SettlementError('INVALID_INPUT', 'after is not a cursor of this list', { field: 'after' });
    conditions.push(or(lt(settlementBatches.builtAt, when), and(eq(settlementBatches.builtAt, when), lt(settlementBatches.id, id)))!);
  }
  const rows = await deps.database.db
    .select()
    .from(settlementBatches)
    .where(conditions.length > 0 ? and(...conditions) : sql`true`)
    .orderBy(desc(settlementBatches.builtAt), desc(settlementBatches.id))
    .limit(size + 1);
  const edges = rows.slice(0, size).map((row) => ({ cursor: Buffer.from(`${row.builtAt.toISOString()}|${row.id}`).toString('base64url'), node: row }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

export { payoutOfBatch };

/** payoutFile(id): the file's content, for cod.settlement.manage over its office (who downloads it for the bank). */
export async function payoutFile(deps: SettlementDeps, identity: Identity, id: string) {
  if (identity.kind === 'anonymous') throw new UnauthenticatedError();
  const file = isUuid(id) ? await findPayoutFile(deps.database.db, id) : undefined;
  if (!file || !can(identity, 'cod.settlement.manage', { code: file.settlementOfficeCode, path: file.settlementOfficePath })) return null;
  return file;
}
