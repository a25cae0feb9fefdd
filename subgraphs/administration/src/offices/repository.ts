import { and, asc, eq, gt, ilike, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { likePrefixOf, withinTree } from '@postal/authz';
import { escapeLike, likeContaining, rowsOf, type Db, type Tx } from '@postal/db';
import { staff } from '../staff/tables.js';
import type { NewOffice, OfficeRecord, OfficeStatus, OfficeType } from './model.js';
import { offices } from './tables.js';

const columns = {
  code: offices.code,
  name: offices.name,
  type: offices.type,
  status: offices.status,
  parentCode: offices.parentCode,
  path: offices.path,
  accountOfficeCode: offices.accountOfficeCode,
  pin: offices.pin,
  address: offices.address,
  deliveryShifts: offices.deliveryShifts,
  phone: offices.phone,
  email: offices.email,
  openedOn: offices.openedOn,
  closedOn: offices.closedOn,
  version: offices.version,
};

/** The subtree strictly under a path: one range scan of offices_path_idx (text_pattern_ops), whatever the tree's size. */
export function strictlyUnder(path: string): SQL {
  return like(offices.path, likePrefixOf(path));
}

/** The office at a path and everything under it. */
export function subtreeOf(path: string): SQL {
  return withinTree(offices.path, path);
}

export async function findOffice(db: Db | Tx, code: string): Promise<OfficeRecord | undefined> {
  const [row] = await db.select(columns).from(offices).where(eq(offices.code, code));
  return row as OfficeRecord | undefined;
}

/** Offices by code, in one primary-key query (the per-request loader's batch); codes that name nothing are absent. */
export async function findOfficesByCodes(db: Db | Tx, codes: readonly string[]): Promise<OfficeRecord[]> {
  if (codes.length === 0) return [];
  const rows = await db.select(columns).from(offices).where(inArray(offices.code, [...new Set(codes)]));
  return rows as OfficeRecord[];
}

/**
 * Offices by code, locked in code order (a fixed order, so two transactions locking overlapping sets never deadlock):
 * FOR UPDATE for offices about to change, FOR SHARE for offices that must not change meanwhile (a parent gaining a
 * child must not close at the same time).
 */
export async function lockOffices(tx: Tx, codes: string[], mode: 'update' | 'share'): Promise<Map<string, OfficeRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .select(columns)
    .from(offices)
    .where(inArray(offices.code, [...new Set(codes)]))
    .orderBy(asc(offices.code))
    .for(mode === 'update' ? 'update' : 'share');
  return new Map((rows as OfficeRecord[]).map((row) => [row.code, row]));
}

export interface OfficeListOptions {
  /** The caller's scope, from @postal/authz scopeCondition. */
  scope: SQL;
  /** Only offices strictly under this path. */
  underPath?: string | undefined;
  type?: OfficeType | undefined;
  status?: OfficeStatus | undefined;
  /** A code prefix or a part of the name, case-insensitive; digits alone also match a PIN prefix. */
  search?: string | undefined;
  afterCode: string | undefined;
  limit: number;
}

/** PINs are six digits: a search of one to six digits may be (the start of) one. */
const PIN_PREFIX = /^[0-9]{1,6}$/;

/**
 * What a search box matches: a code prefix, a part of the name, and, when the text is digits that could begin a PIN,
 * a PIN prefix (people find a post office by the PIN on an envelope). The PIN test is added only then, so a search for
 * a name costs what it did.
 */
function searchCondition(search: string): SQL | undefined {
  return or(
    like(offices.code, `${escapeLike(search.toUpperCase())}%`),
    ilike(offices.name, likeContaining(search)),
    PIN_PREFIX.test(search) ? like(offices.pin, `${search}%`) : undefined,
  );
}

/** One keyset page of offices, by code, filtered in SQL: scope, subtree, type, status, search. */
export async function listOffices(db: Db | Tx, options: OfficeListOptions): Promise<OfficeRecord[]> {
  return (await officeListQuery(db, options)) as OfficeRecord[];
}

/** The query listOffices runs, unexecuted: the benchmark EXPLAINs exactly this. */
export function officeListQuery(db: Db | Tx, options: OfficeListOptions) {
  const conditions: Array<SQL | undefined> = [
    options.scope,
    options.underPath === undefined ? undefined : strictlyUnder(options.underPath),
    options.type === undefined ? undefined : eq(offices.type, options.type),
    options.status === undefined ? undefined : eq(offices.status, options.status),
    options.search === undefined ? undefined : searchCondition(options.search),
    options.afterCode === undefined ? undefined : gt(offices.code, options.afterCode),
  ];
  return db
    .select(columns)
    .from(offices)
    .where(and(...conditions.filter((condition): condition is SQL => condition !== undefined)))
    .orderBy(asc(offices.code))
    .limit(options.limit);
}

/** One keyset page of an office's children, by code: a seek on offices_parent_code_idx. */
export async function listChildren(
  db: Db | Tx,
  options: { parentCode: string; scope: SQL; afterCode: string | undefined; limit: number },
): Promise<OfficeRecord[]> {
  const rows = await db
    .select(columns)
    .from(offices)
    .where(
      and(
        eq(offices.parentCode, options.parentCode),
        options.scope,
        options.afterCode === undefined ? undefined : gt(offices.code, options.afterCode),
      ),
    )
    .orderBy(asc(offices.code))
    .limit(options.limit);
  return rows as OfficeRecord[];
}

/**
 * The first page of children of each of several parents, in one query (the children loader's batch): a window ranks
 * each parent's children by code and keeps `limit` of each, so a page of offices asking for their children costs one
 * statement, not one per office.
 */
export async function listChildrenOfMany(
  db: Db | Tx,
  options: { parentCodes: readonly string[]; scope: SQL; afterCode: string | undefined; limit: number },
): Promise<OfficeRecord[]> {
  if (options.parentCodes.length === 0) return [];
  const ranked = db
    .select({ ...columns, rank: sql<number>`row_number() over (partition by ${offices.parentCode} order by ${offices.code})`.as('rank') })
    .from(offices)
    .where(
      and(
        inArray(offices.parentCode, [...new Set(options.parentCodes)]),
        options.scope,
        options.afterCode === undefined ? undefined : gt(offices.code, options.afterCode),
      ),
    )
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${options.limit}`)
    .orderBy(asc(ranked.parentCode), asc(ranked.code));
  return rows.map(({ rank: _rank, ...office }) => office) as OfficeRecord[];
}

/** The offices named by a path's segments (its ancestors), top down, within the scope: one primary-key query. */
export async function findAncestors(db: Db | Tx, path: string, scope: SQL): Promise<OfficeRecord[]> {
  const codes = path.split('/').slice(0, -1);
  if (codes.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(offices)
    .where(and(inArray(offices.code, codes), scope))
    // Each ancestor's path is a prefix of the next one's, so the length orders them from the top.
    .orderBy(asc(sql`length(${offices.path})`));
  return rows as OfficeRecord[];
}

/** "Is A under B": two primary-key lookups and a prefix test, in one statement. */
export async function isOfficeUnder(db: Db | Tx, code: string, ancestorCode: string): Promise<boolean> {
  const [row] = rowsOf<{ under: boolean }>(await db.execute(isUnderQuery(code, ancestorCode)));
  return row?.under === true;
}

/** The statement isOfficeUnder runs (the benchmark EXPLAINs it). */
export function isUnderQuery(code: string, ancestorCode: string): SQL {
  return sql`
    select exists (
      select 1 from ${offices} a, ${offices} b
      where a.code = ${code} and b.code = ${ancestorCode} and starts_with(a.path, b.path || '/')
    ) as under`;
}

export async function officeExists(db: Db | Tx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: offices.code }).from(offices).where(eq(offices.code, code));
  return row !== undefined;
}

export async function insertOffice(tx: Tx, office: NewOffice): Promise<OfficeRecord> {
  const [row] = await tx.insert(offices).values(office).returning(columns);
  return row as OfficeRecord;
}

/** Inserts offices that are not there yet and answers the ones it inserted (the seed stages events only for those). */
export async function insertOfficesIfAbsent(tx: Tx, rows: NewOffice[]): Promise<OfficeRecord[]> {
  if (rows.length === 0) return [];
  const inserted = await tx.insert(offices).values(rows).onConflictDoNothing({ target: offices.code }).returning(columns);
  return inserted as OfficeRecord[];
}

/** Changes one office's own fields and counts the change (version), answering the row after it. */
export async function updateOfficeRow(
  tx: Tx,
  code: string,
  changes: Partial<Pick<OfficeRecord, 'name' | 'status' | 'closedOn' | 'accountOfficeCode' | 'pin' | 'address' | 'deliveryShifts' | 'phone' | 'email'>>,
): Promise<OfficeRecord> {
  const [row] = await tx
    .update(offices)
    .set({ ...changes, version: sql`${offices.version} + 1`, updatedAt: sql`now()` })
    .where(eq(offices.code, code))
    .returning(columns);
  if (!row) throw new Error(`office ${code} vanished under a lock`);
  return row as OfficeRecord;
}

/**
 * Locks every office under a path (FOR UPDATE). After this, nobody can add a child anywhere in the subtree until the
 * transaction ends (adding one locks the parent FOR SHARE), so the UPDATE that follows sees the whole subtree.
 */
export async function lockSubtree(tx: Tx, path: string): Promise<number> {
  const rows = await tx.select({ code: offices.code }).from(offices).where(strictlyUnder(path)).for('update');
  return rows.length;
}

/**
 * Offices in the subtree under `oldPath` whose account office would no longer be above them once the subtree hangs at
 * `newPath`: those in account with an office outside the subtree that is not above the new place. At most `limit`.
 */
export async function accountOfficesBrokenByMove(tx: Tx, oldPath: string, newPath: string, limit: number): Promise<string[]> {
  const result = await tx.execute(sql`
    select d.code from ${offices} d join ${offices} a on a.code = d.account_office_code
    where d.path like ${likePrefixOf(oldPath)}
      and not (a.path = ${oldPath} or a.path like ${likePrefixOf(oldPath)})
      and not starts_with(${newPath}, a.path || '/')
    order by d.code
    limit ${limit}`);
  return rowsOf<{ code: string }>(result).map((row) => row.code);
}

/**
 * Moves a subtree in one UPDATE: every path under `oldPath` gets `newPath` as its prefix, and the moved office gets its
 * new parent, account office and version. Answers how many offices moved.
 */
export async function moveSubtree(
  tx: Tx,
  move: { code: string; oldPath: string; newPath: string; newParentCode: string; accountOfficeCode: string | null },
): Promise<number> {
  const isMoved = sql`${offices.code} = ${move.code}`;
  const rows = await tx
    .update(offices)
    .set({
      path: sql`${move.newPath} || substr(${offices.path}, ${move.oldPath.length + 1})`,
      parentCode: sql`case when ${isMoved} then ${move.newParentCode} else ${offices.parentCode} end`,
      accountOfficeCode: sql`case when ${isMoved} then ${move.accountOfficeCode}::text else ${offices.accountOfficeCode} end`,
      version: sql`case when ${isMoved} then ${offices.version} + 1 else ${offices.version} end`,
      updatedAt: sql`case when ${isMoved} then now() else ${offices.updatedAt} end`,
    })
    .where(subtreeOf(move.oldPath))
    .returning({ code: offices.code });
  return rows.length;
}

/** Up to `limit` active offices directly under an office. */
export async function activeChildren(db: Db | Tx, code: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ code: offices.code })
    .from(offices)
    .where(and(eq(offices.parentCode, code), eq(offices.status, 'ACTIVE')))
    .orderBy(asc(offices.code))
    .limit(limit);
  return rows.map((row) => row.code);
}

/** Staff assigned to an office who have not left (a suspended member still belongs to it and may come back). */
export async function assignedStaffCount(db: Db | Tx, code: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(staff)
    .where(and(eq(staff.officeCode, code), ne(staff.status, 'LEFT')));
  return row?.count ?? 0;
}

export async function findOfficePath(db: Db | Tx, code: string): Promise<string | undefined> {
  const [row] = await db.select({ path: offices.path }).from(offices).where(eq(offices.code, code));
  return row?.path;
}

export const officeCount = (db: Db | Tx) => db.select({ count: sql<number>`count(*)::int` }).from(offices);
