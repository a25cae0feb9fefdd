import type { Identity } from '@postal/auth';
import { likePrefixOf, scopeCondition } from '@postal/authz';
import { and, asc, desc, eq, exists, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '@postal/db';
import { knownOffices } from '../ledger-accounts/tables.js';
import type { PostableAccount } from './domain.js';
import type { JournalEntryRecord, LedgerActor, PostingRecord } from './model.js';
import { journalEntries, postings } from './tables.js';

/** What the posting path reads before it writes: the office, its closed day, and the accounts named. */
export interface PostingContext {
  officeKnown: boolean;
  officeClosedThrough: string | null;
  accounts: Map<string, PostableAccount>;
}

interface ContextRow {
  office_closed_through: string | null;
  code: string | null;
  kind: 'HEADER' | 'DETAIL';
  status: PostableAccount['status'];
  currency: string | null;
  account_office_code: string | null;
  balance_constraint: PostableAccount['balanceConstraint'];
  allow_manual_entries: boolean;
  closed_through: string | null;
  debit_total: string;
  credit_total: string;
  pending_debit: string;
  pending_credit: string;
}

function postableOf(row: ContextRow, code: string): PostableAccount {
  return {
    code,
    kind: row.kind,
    status: row.status,
    currency: row.currency,
    officeCode: row.account_office_code,
    balanceConstraint: row.balance_constraint,
    allowManualEntries: row.allow_manual_entries,
    closedThrough: row.closed_through,
    debitTotal: row.debit_total,
    creditTotal: row.credit_total,
    pendingDebit: row.pending_debit,
    pendingCredit: row.pending_credit,
  };
}

function list(values: readonly string[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}

/** One round trip: the office (known or not), its closed-through day, and every named account that exists. */
export async function readPostingContext(db: Db | Tx, officeCode: string, accountCodes: readonly string[]): Promise<PostingContext> {
  const codes = [...new Set(accountCodes)];
  const accountJoin = codes.length > 0 ? sql`a.code in (${list(codes)})` : sql`false`;
  const rows = rowsOf<ContextRow>(
    await db.execute(sql`
      select bd.closed_through::text as office_closed_through, a.code, a.kind, a.status, a.currency,
             a.office_code as account_office_code, a.balance_constraint, a.allow_manual_entries,
             a.closed_through::text as closed_through, a.debit_total::text as debit_total, a.credit_total::text as credit_total,
             a.pending_debit::text as pending_debit, a.pending_credit::text as pending_credit
      from accounts.known_offices o
      left join accounts.business_days bd on bd.office_code = o.code
      left join accounts.accounts a on ${accountJoin}
      where o.code = ${officeCode}`),
  );
  const accounts = new Map<string, PostableAccount>();
  for (const row of rows) if (row.code !== null) accounts.set(row.code, postableOf(row, row.code));
  return { officeKnown: rows.length > 0, officeClosedThrough: rows[0]?.office_closed_through ?? null, accounts };
}

/** The batch path's read: the offices named (known, closed-through) and the accounts named, in two queries. */
export async function readBatchContext(
  db: Db | Tx,
  officeCodes: readonly string[],
  accountCodes: readonly string[],
): Promise<{ offices: Map<string, { closedThrough: string | null }>; accounts: Map<string, PostableAccount> }> {
  const offices = rowsOf<{ code: string; closed_through: string | null }>(
    await db.execute(sql`
      select o.code, bd.closed_through::text as closed_through
        from accounts.known_offices o left join accounts.business_days bd on bd.office_code = o.code
       where o.code in (${list([...new Set(officeCodes)])})`),
  );
  const codes = [...new Set(accountCodes)];
  const accounts = codes.length === 0 ? new Map<string, PostableAccount>() : await readAccountsNow(db, codes);
  return { offices: new Map(offices.map((row) => [row.code, { closedThrough: row.closed_through }])), accounts };
}

/** The accounts as they are now (for explaining why a guarded update left one out). */
export async function readAccountsNow(db: Db | Tx, accountCodes: readonly string[]): Promise<Map<string, PostableAccount>> {
  const context = rowsOf<ContextRow>(
    await db.execute(sql`
      select null as office_closed_through, a.code, a.kind, a.status, a.currency, a.office_code as account_office_code,
             a.balance_constraint, a.allow_manual_entries, a.closed_through::text as closed_through,
             a.debit_total::text as debit_total, a.credit_total::text as credit_total,
             a.pending_debit::text as pending_debit, a.pending_credit::text as pending_credit
      from accounts.accounts a where a.code in (${list(accountCodes)})`),
  );
  return new Map(context.map((row) => [row.code!, postableOf(row, row.code!)]));
}

/** A change to one account's sums, as decimal strings (positive or negative for pending releases). */
export interface AccountChange {
  accountCode: string;
  debit: string;
  credit: string;
  pendingDebit: string;
  pendingCredit: string;
}

/**
 * Applies changes to the accounts' sums in one statement, locking the rows in code order first (so two entries that
 * touch the same accounts in opposite directions queue instead of deadlocking). The WHERE re-checks, on the row as it
 * is once locked, everything a concurrent change could have broken since the accounts were read: open, the day not
 * closed, the balance constraint with pending amounts. Answers the codes it updated; a missing one failed a check.
 * The locks are taken last in the posting transaction, just before commit, so a hot account is held briefly.
 * `FOR NO KEY UPDATE`, not `FOR UPDATE`: inserting postings has already taken the key-share locks of their foreign
 * keys on these rows, in this transaction and in concurrent ones; FOR UPDATE would wait on the others' key-share
 * locks while they wait on ours (a deadlock). NO KEY UPDATE conflicts only with other writers, as intended.
 */
export async function applyAccountChanges(tx: Tx, changes: readonly AccountChange[], effectiveDate: string | null): Promise<Set<string>> {
  if (changes.length === 0) return new Set();
  const rows = rowsOf<{ code: string }>(
    await tx.execute(sql`
      with wanted (code, debit, credit, pending_debit, pending_credit) as (values ${changeValues(changes)}),
      locked as (
        select code from accounts.accounts where code in (select code from wanted) order by code for no key update
      )
      update accounts.accounts a
         set debit_total = a.debit_total + w.debit,
             credit_total = a.credit_total + w.credit,
             pending_debit = a.pending_debit + w.pending_debit,
             pending_credit = a.pending_credit + w.pending_credit
        from wanted w join locked l on l.code = w.code
       where a.code = w.code ${guardedUpdate(effectiveDate)}
      returning a.code`),
  );
  return new Set(rows.map((row) => row.code));
}

/** The accounts' guard in the locked update: what a concurrent change may have broken since they were read. */
function guardedUpdate(effectiveDate: string | null): SQL {
  const dayOpen = effectiveDate === null ? sql`true` : sql`(a.closed_through is null or a.closed_through < ${effectiveDate}::date)`;
  return sql`
         and (a.status = 'OPEN' or (w.debit = 0 and w.credit = 0 and w.pending_debit <= 0 and w.pending_credit <= 0))
         and a.kind = 'DETAIL'
         and ${dayOpen}
         and (a.balance_constraint <> 'DEBITS_NOT_EXCEED_CREDITS'
              or a.debit_total + w.debit + a.pending_debit + w.pending_debit <= a.credit_total + w.credit)
         and (a.balance_constraint <> 'CREDITS_NOT_EXCEED_DEBITS'
              or a.credit_total + w.credit + a.pending_credit + w.pending_credit <= a.debit_total + w.debit)`;
}

function changeValues(changes: readonly AccountChange[]): SQL {
  return sql.join(
    changes.map(
      (change) =>
        sql`(${change.accountCode}::text, ${change.debit}::numeric, ${change.credit}::numeric, ${change.pendingDebit}::numeric, ${change.pendingCredit}::numeric)`,
    ),
    sql`, `,
  );
}

/** What writing one entry did: nothing (its key was taken), or the entry with the accounts it updated. */
export type WrittenEntry = { written: false } | { written: true; seq: number; postedAt: Date; updated: Set<string> };

/**
 * Steps 2 to 4 of the posting path in one statement (data-modifying CTEs), so a posting costs one round trip to
 * write: insert the entry unless its key is taken or its office has closed the day; insert its postings; lock its accounts in code order and update
 * them under the guard, only if the entry was inserted. Foreign keys are checked at the end of the statement, when
 * the entry exists. The caller compares `updated` with the accounts it asked for and refuses (rolls back) otherwise.
 */
export async function writeEntry(tx: Tx, entry: NewEntryRow, lines: readonly NewPostingRow[], changes: readonly AccountChange[]): Promise<WrittenEntry> {
  const postingValues = sql.join(
    lines.map((line) => sql`(${line.line}::smallint, ${line.accountCode}::text, ${line.side}::text, ${line.amount}::numeric, ${line.currency}::text)`),
    sql`, `,
  );
  const [row] = rowsOf<{ seq: string | null; posted_at: Date | string | null; updated: string[] | string | null }>(
    await tx.execute(sql`
      with entry as (
        insert into accounts.journal_entries
          (id, office_code, effective_date, description, source_type, source_reference, actor, approved_by,
           approval_request_id, idempotency_key, request_hash, reverses_entry_id, hold_id)
        select ${entry.id}::uuid, ${entry.officeCode}, ${entry.effectiveDate}::date, ${entry.description}, ${entry.sourceType},
               ${entry.sourceReference}, ${JSON.stringify(entry.actor)}::jsonb, ${entry.approvedBy === null ? null : JSON.stringify(entry.approvedBy)}::jsonb,
               ${entry.approvalRequestId}::uuid, ${entry.idempotencyKey}, ${entry.requestHash}, ${entry.reversesEntryId}::uuid, ${entry.holdId}::uuid
         -- The entry's own office must not have closed the day (its accounts' closed days are guarded below, locked).
         where not exists (select 1 from accounts.business_days d where d.office_code = ${entry.officeCode} and d.closed_through >= ${entry.effectiveDate}::date)
        on conflict (idempotency_key) do nothing
        returning id, seq, posted_at
      ),
      lines as (
        insert into accounts.postings (entry_id, line, account_code, side, amount, currency, effective_date)
        select entry.id, v.line, v.account_code, v.side, v.amount, v.currency, ${entry.effectiveDate}::date
          from entry cross join (values ${postingValues}) as v (line, account_code, side, amount, currency)
        returning 1
      ),
      wanted (code, debit, credit, pending_debit, pending_credit) as (values ${changeValues(changes)}),
      locked as (
        select code from accounts.accounts
         where code in (select code from wanted) and exists (select 1 from entry)
         order by code for no key update
      ),
      updated as (
        update accounts.accounts a
           set debit_total = a.debit_total + w.debit,
               credit_total = a.credit_total + w.credit,
               pending_debit = a.pending_debit + w.pending_debit,
               pending_credit = a.pending_credit + w.pending_credit
          from wanted w join locked l on l.code = w.code
         where a.code = w.code ${guardedUpdate(entry.effectiveDate)}
        returning a.code
      )
      select (select seq::text from entry) as seq, (select posted_at from entry) as posted_at,
             (select count(*) from lines) as lines, array(select code from updated) as updated`),
  );
  if (!row || row.seq === null) return { written: false };
  const updated = typeof row.updated === 'string' ? parseTextArray(row.updated) : (row.updated ?? []);
  return { written: true, seq: Number(row.seq), postedAt: new Date(row.posted_at as string | Date), updated: new Set(updated) };
}

/** A text[] as PostgreSQL's text form ({a,b}), for a driver that does not parse arrays; our codes need no quoting. */
function parseTextArray(text: string): string[] {
  const inner = text.replace(/^\{|\}$/g, '');
  return inner.length === 0 ? [] : inner.split(',').map((item) => item.replace(/^"|"$/g, ''));
}

const entryColumns = {
  id: journalEntries.id,
  seq: journalEntries.seq,
  officeCode: journalEntries.officeCode,
  effectiveDate: journalEntries.effectiveDate,
  description: journalEntries.description,
  sourceType: journalEntries.sourceType,
  sourceReference: journalEntries.sourceReference,
  actor: journalEntries.actor,
  approvedBy: journalEntries.approvedBy,
  approvalRequestId: journalEntries.approvalRequestId,
  idempotencyKey: journalEntries.idempotencyKey,
  requestHash: journalEntries.requestHash,
  reversesEntryId: journalEntries.reversesEntryId,
  holdId: journalEntries.holdId,
  postedAt: journalEntries.postedAt,
};

type EntryRow = Omit<JournalEntryRecord, 'postings'>;

async function withPostings(db: Db | Tx, rows: EntryRow[]): Promise<JournalEntryRecord[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .select({
      entryId: postings.entryId,
      line: postings.line,
      accountCode: postings.accountCode,
      side: postings.side,
      amount: postings.amount,
      currency: postings.currency,
    })
    .from(postings)
    .where(
      inArray(
        postings.entryId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(postings.entryId), asc(postings.line));
  const byEntry = new Map<string, PostingRecord[]>();
  for (const { entryId, ...line } of lines) {
    const entryLines = byEntry.get(entryId) ?? [];
    entryLines.push(line as PostingRecord);
    byEntry.set(entryId, entryLines);
  }
  return rows.map((row) => ({ ...row, postings: byEntry.get(row.id) ?? [] }));
}

export async function findEntry(db: Db | Tx, id: string): Promise<JournalEntryRecord | undefined> {
  return (await findEntriesByIds(db, [id]))[0];
}

export async function findEntriesByIds(db: Db | Tx, ids: readonly string[]): Promise<JournalEntryRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.select(entryColumns).from(journalEntries).where(inArray(journalEntries.id, [...ids]));
  return withPostings(db, rows as EntryRow[]);
}

export async function findEntriesByKeys(db: Db | Tx, keys: readonly string[]): Promise<JournalEntryRecord[]> {
  if (keys.length === 0) return [];
  const rows = await db.select(entryColumns).from(journalEntries).where(inArray(journalEntries.idempotencyKey, [...keys]));
  return withPostings(db, rows as EntryRow[]);
}

export async function findReversalOf(db: Db | Tx, entryId: string): Promise<{ id: string } | undefined> {
  const [row] = await db.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.reversesEntryId, entryId));
  return row;
}

/** The reversals of the entries named, in one query: original id to reversal id (an entry is reversed at most once). */
export async function findReversalsOf(db: Db | Tx, entryIds: readonly string[]): Promise<Map<string, string>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db
    .select({ id: journalEntries.id, reversesEntryId: journalEntries.reversesEntryId })
    .from(journalEntries)
    .where(inArray(journalEntries.reversesEntryId, [...new Set(entryIds)]));
  return new Map(rows.map((row) => [row.reversesEntryId!, row.id]));
}

export interface JournalEntryFilter {
  officeCode?: string | null;
  accountCode?: string | null;
  sourceType?: string | null;
  sourceReference?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * One page of entry ids, newest first (by journal sequence, before `beforeSeq`), in the reader's ledger.read scope,
 * filtered in SQL. `underPath` is the path of filter.officeCode (the office's subtree), resolved by the caller.
 */
export async function listEntryIds(
  db: Db | Tx,
  query: { reader: Identity; filter: JournalEntryFilter; underPath?: string | undefined; beforeSeq?: number | undefined; limit: number },
): Promise<Array<{ id: string; seq: number }>> {
  const { filter } = query;
  const conditions: SQL[] = [scopeCondition(query.reader, 'ledger.read', knownOffices.path)];
  if (query.underPath !== undefined) conditions.push(or(eq(knownOffices.path, query.underPath), sql`${knownOffices.path} like ${likePrefixOf(query.underPath)}`) as SQL);
  if (filter.sourceType) conditions.push(eq(journalEntries.sourceType, filter.sourceType));
  if (filter.sourceReference) conditions.push(eq(journalEntries.sourceReference, filter.sourceReference));
  if (filter.from) conditions.push(gte(journalEntries.effectiveDate, filter.from));
  if (filter.to) conditions.push(lte(journalEntries.effectiveDate, filter.to));
  if (filter.accountCode) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(postings)
          .where(and(eq(postings.entryId, journalEntries.id), eq(postings.accountCode, filter.accountCode))),
      ),
    );
  }
  if (query.beforeSeq !== undefined) conditions.push(lt(journalEntries.seq, query.beforeSeq));
  return db
    .select({ id: journalEntries.id, seq: journalEntries.seq })
    .from(journalEntries)
    .innerJoin(knownOffices, eq(knownOffices.code, journalEntries.officeCode))
    .where(and(...conditions))
    .orderBy(desc(journalEntries.seq))
    .limit(query.limit);
}

export interface NewEntryRow {
  id: string;
  officeCode: string;
  effectiveDate: string;
  description: string;
  sourceType: string;
  sourceReference: string | null;
  actor: LedgerActor;
  approvedBy: LedgerActor | null;
  approvalRequestId: string | null;
  idempotencyKey: string;
  requestHash: string;
  reversesEntryId: string | null;
  holdId: string | null;
}

/**
 * Inserts entries unless their idempotency key is taken. A concurrent insert of the same key waits on the unique
 * index until the first commits (then inserts nothing) or rolls back (then inserts): one entry per key, always.
 * Answers the rows inserted.
 */
export async function insertEntries(tx: Tx, rows: readonly NewEntryRow[]): Promise<Array<{ id: string; seq: number; postedAt: Date }>> {
  if (rows.length === 0) return [];
  return tx
    .insert(journalEntries)
    .values([...rows])
    .onConflictDoNothing({ target: journalEntries.idempotencyKey })
    .returning({ id: journalEntries.id, seq: journalEntries.seq, postedAt: journalEntries.postedAt });
}

export interface NewPostingRow {
  entryId: string;
  line: number;
  accountCode: string;
  side: 'DEBIT' | 'CREDIT';
  amount: string;
  currency: string;
  effectiveDate: string;
}

export async function insertPostings(tx: Tx, rows: readonly NewPostingRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(postings).values([...rows]);
}
