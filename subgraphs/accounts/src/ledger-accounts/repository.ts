import type { Identity } from '@postal/auth';
import { and, asc, eq, gt, inArray, isNull, like, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { holds, likePrefixOf, scopeCondition, withinTree } from '@postal/authz';
import type { Db, Tx } from '@postal/db';
import type { AccountKind, AccountRecord, AccountStatus, AccountType } from './model.js';
import { accounts, knownOffices } from './tables.js';

export const accountColumns = {
  code: accounts.code,
  name: accounts.name,
  type: accounts.type,
  kind: accounts.kind,
  parentCode: accounts.parentCode,
  headCode: accounts.headCode,
  currency: accounts.currency,
  officeCode: accounts.officeCode,
  status: accounts.status,
  balanceConstraint: accounts.balanceConstraint,
  allowManualEntries: accounts.allowManualEntries,
  debitTotal: accounts.debitTotal,
  creditTotal: accounts.creditTotal,
  pendingDebit: accounts.pendingDebit,
  pendingCredit: accounts.pendingCredit,
  closedThrough: accounts.closedThrough,
  version: accounts.version,
};
const columns = accountColumns;

export async function findAccount(db: Db | Tx, code: string): Promise<AccountRecord | undefined> {
  const [row] = await db.select(columns).from(accounts).where(eq(accounts.code, code));
  return row as AccountRecord | undefined;
}

/** An office as this subgraph keeps it (known_offices). */
export interface KnownOffice {
  code: string;
  name: string;
  type: string;
  path: string;
  parentCode: string | null;
  accountOfficeCode: string | null;
  status: string;
  version: number;
  openedOn: string | null;
}

const knownColumns = {
  code: knownOffices.code,
  name: knownOffices.name,
  type: knownOffices.type,
  path: knownOffices.path,
  parentCode: knownOffices.parentCode,
  accountOfficeCode: knownOffices.accountOfficeCode,
  status: knownOffices.status,
  version: knownOffices.version,
  openedOn: knownOffices.openedOn,
};

/** The office's row, locked: two events about one office apply one after the other. */
export async function lockKnownOffice(tx: Tx, code: string): Promise<KnownOffice | undefined> {
  const [row] = await tx.select(knownColumns).from(knownOffices).where(eq(knownOffices.code, code)).for('update');
  return row;
}

/** Writes the office as an event says it is now (insert, or replace an older version). */
export async function upsertKnownOffice(tx: Tx, office: KnownOffice): Promise<void> {
  const { code: _code, ...changes } = office;
  await tx.insert(knownOffices).values(office).onConflictDoUpdate({ target: knownOffices.code, set: changes });
}

/**
 * Every known office strictly under `fromPath` is re-hung under `toPath` (a subtree that moved): one UPDATE over the
 * path index. Offices already at their new paths are not matched, so doing it again changes nothing.
 */
export async function rewriteSubtreePaths(tx: Tx, fromPath: string, toPath: string): Promise<number> {
  const rows = await tx
    .update(knownOffices)
    .set({ path: sql`${toPath} || substr(${knownOffices.path}, ${fromPath.length + 1})` })
    .where(sql`${knownOffices.path} like ${likePrefixOf(fromPath)}`)
    .returning({ code: knownOffices.code });
  return rows.length;
}

/** The office's accounts whose debits and credits differ (a balance either way), at most `limit`. */
export async function nonZeroAccountsOf(db: Db | Tx, officeCode: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ code: accounts.code })
    .from(accounts)
    .where(and(eq(accounts.officeCode, officeCode), ne(accounts.debitTotal, accounts.creditTotal)))
    .orderBy(asc(accounts.code))
    .limit(limit);
  return rows.map((row) => row.code);
}

export async function openAccountsIfAbsent(
  tx: Tx,
  rows: Array<Pick<AccountRecord, 'code' | 'name' | 'type' | 'headCode' | 'currency' | 'officeCode' | 'parentCode' | 'balanceConstraint' | 'allowManualEntries'>>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(accounts).values(rows).onConflictDoNothing({ target: accounts.code });
}

export async function findKnownOfficePath(db: Db | Tx, code: string): Promise<string | undefined> {
  const [row] = await db.select({ path: knownOffices.path }).from(knownOffices).where(eq(knownOffices.code, code));
  return row?.path;
}

/**
 * Whether a pending hold touches any of the office's accounts. A pending hold is carried on its two accounts as
 * pending debit and pending credit (and verifyLedger checks the two agree), so this reads the office's few account rows
 * (accounts_office_idx) rather than searching the holds table, which has no index by account.
 */
export async function officeHasPendingHolds(db: Db | Tx, officeCode: string): Promise<boolean> {
  const rows = await db
    .select({ code: accounts.code })
    .from(accounts)
    .where(and(eq(accounts.officeCode, officeCode), sql`(${accounts.pendingDebit} <> 0 or ${accounts.pendingCredit} <> 0)`))
    .limit(1);
  return rows.length > 0;
}

// ---- the chart of accounts: opening accounts, changing their status, listing them ----------------------------------

/** An account as opened: everything but its sums, status and version, which start at their defaults. */
export type NewAccountRow = Omit<AccountRecord, 'debitTotal' | 'creditTotal' | 'pendingDebit' | 'pendingCredit' | 'version' | 'status'>;

/** The status of a known office (ACTIVE or CLOSED); undefined for an office this subgraph has not heard of. */
export async function findKnownOfficeStatus(db: Db | Tx, code: string): Promise<string | undefined> {
  const [office] = await db.select({ status: knownOffices.status }).from(knownOffices).where(eq(knownOffices.code, code));
  return office?.status;
}

/** Inserts the account unless its code is taken; answers whether it did. */
export async function insertAccountIfAbsent(tx: Tx, row: NewAccountRow): Promise<boolean> {
  const [inserted] = await tx.insert(accounts).values(row).onConflictDoNothing({ target: accounts.code }).returning({ code: accounts.code });
  return inserted !== undefined;
}

/** The account's row, locked (FOR UPDATE) for a change of status. */
export async function lockAccount(tx: Tx, code: string): Promise<AccountRecord | undefined> {
  const [locked] = await tx.select(columns).from(accounts).where(eq(accounts.code, code)).for('update');
  return locked as AccountRecord | undefined;
}

/** One account directly under a header that is not closed, if any. */
export async function firstUnclosedChildOf(db: Db | Tx, parentCode: string): Promise<string | undefined> {
  const [child] = await db
    .select({ code: accounts.code })
    .from(accounts)
    .where(and(eq(accounts.parentCode, parentCode), sql`${accounts.status} <> 'CLOSED'`))
    .limit(1);
  return child?.code;
}

export async function updateAccountStatus(tx: Tx, code: string, status: AccountStatus): Promise<AccountRecord> {
  const [updated] = await tx
    .update(accounts)
    .set({ status, version: sql`${accounts.version} + 1` })
    .where(eq(accounts.code, code))
    .returning(columns);
  return updated as AccountRecord;
}

/**
 * The accounts a reader may read, as SQL over accounts left-joined to known_offices (the rule of the service's
 * canRead): headers to whoever reads the ledger, office-less detail accounts to services, an office's accounts under
 * ledger.read over the office.
 */
function visibleTo(identity: Identity): SQL {
  const global: SQL = isNull(accounts.officeCode);
  const globalVisible: SQL =
    identity.kind === 'service'
      ? global
      : holds(identity, 'ledger.read')
        ? (and(global, eq(accounts.kind, 'HEADER')) as SQL)
        : sql`false`;
  return or(globalVisible, scopeCondition(identity, 'ledger.read', knownOffices.path)) as SQL;
}

export interface AccountFilter {
  underOfficeCode?: string | null;
  officeCode?: string | null;
  type?: AccountType | null;
  kind?: AccountKind | null;
  status?: AccountStatus | null;
  headCode?: string | null;
  parentCode?: string | null;
  globalOnly?: boolean | null;
  /** Only these accounts (the service bounds how many). */
  codes?: readonly string[] | null;
}

/**
 * One page of accounts ordered by code, in the reader's ledger.read scope, filtered in SQL. `underPath` is the path of
 * filter.underOfficeCode (the office and everything under it), resolved by the caller.
 */
export async function listAccountsPage(
  db: Db | Tx,
  query: { reader: Identity; filter: AccountFilter; underPath?: string | undefined; afterCode?: string | undefined; limit: number },
): Promise<AccountRecord[]> {
  const { filter } = query;
  const conditions: SQL[] = [visibleTo(query.reader)];
  if (filter.globalOnly) conditions.push(isNull(accounts.officeCode));
  if (filter.codes) conditions.push(filter.codes.length > 0 ? inArray(accounts.code, [...new Set(filter.codes)]) : sql`false`);
  if (filter.officeCode) conditions.push(eq(accounts.officeCode, filter.officeCode));
  if (query.underPath !== undefined) conditions.push(withinTree(knownOffices.path, query.underPath));
  if (filter.type) conditions.push(eq(accounts.type, filter.type));
  if (filter.kind) conditions.push(eq(accounts.kind, filter.kind));
  if (filter.status) conditions.push(eq(accounts.status, filter.status));
  if (filter.headCode) conditions.push(eq(accounts.headCode, filter.headCode));
  if (filter.parentCode) conditions.push(eq(accounts.parentCode, filter.parentCode));
  if (query.afterCode !== undefined) conditions.push(gt(accounts.code, query.afterCode));
  const rows = await db
    .select(columns)
    .from(accounts)
    .leftJoin(knownOffices, eq(knownOffices.code, accounts.officeCode))
    .where(and(...conditions))
    .orderBy(asc(accounts.code))
    .limit(query.limit);
  return rows as AccountRecord[];
}

// ---- batched reads, for the per-request loaders (src/loaders.ts) ----------------------------------------------------

/** The accounts named that exist, in one query. */
export async function findAccounts(db: Db | Tx, codes: readonly string[]): Promise<AccountRecord[]> {
  if (codes.length === 0) return [];
  const rows = await db.select(columns).from(accounts).where(inArray(accounts.code, [...new Set(codes)]));
  return rows as AccountRecord[];
}

/** The paths of the known offices named, in one query; an office not heard of is absent. */
export async function findKnownOfficePaths(db: Db | Tx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: knownOffices.code, path: knownOffices.path }).from(knownOffices).where(inArray(knownOffices.code, [...new Set(codes)]));
  return new Map(rows.map((row) => [row.code, row.path]));
}

/** Several offices' accounts, in one query: by office, each office's in code order. */
export async function accountsOfOffices(db: Db | Tx, officeCodes: readonly string[]): Promise<Map<string, AccountRecord[]>> {
  const byOffice = new Map<string, AccountRecord[]>();
  if (officeCodes.length === 0) return byOffice;
  const rows = (await db
    .select(columns)
    .from(accounts)
    .where(inArray(accounts.officeCode, [...new Set(officeCodes)]))
    .orderBy(asc(accounts.code))) as AccountRecord[];
  for (const row of rows) byOffice.set(row.officeCode!, [...(byOffice.get(row.officeCode!) ?? []), row]);
  return byOffice;
}

/**
 * Several headers' children that the reader may read, in one query: for each header, its first `limit` readable
 * children by code (the window ranks only the rows the reader may read, as a query per header would).
 */
export async function childrenOfHeaders(db: Db | Tx, reader: Identity, parentCodes: readonly string[], limit: number): Promise<Map<string, AccountRecord[]>> {
  const byParent = new Map<string, AccountRecord[]>();
  if (parentCodes.length === 0) return byParent;
  const ranked = db
    .select({ ...columns, rank: sql<number>`row_number() over (partition by ${accounts.parentCode} order by ${accounts.code})`.as('rank') })
    .from(accounts)
    .leftJoin(knownOffices, eq(knownOffices.code, accounts.officeCode))
    .where(and(inArray(accounts.parentCode, [...new Set(parentCodes)]), visibleTo(reader)))
    .as('ranked');
  const rows = await db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(asc(ranked.code));
  for (const { rank: _rank, ...row } of rows) {
    const account = row as AccountRecord;
    byParent.set(account.parentCode!, [...(byParent.get(account.parentCode!) ?? []), account]);
  }
  return byParent;
}
