import type { Identity } from '@postal/auth';
import { scopeCondition, withinTree } from '@postal/authz';
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
  /** The office's opening date (null: not known, no check). */
  officeOpenedOn: string | null;
  accounts: Map<string, PostableAccount>;
}

interface ContextRow {
  office_closed_through: string | null;
  office_opened_on?: string | null;
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
      select bd.closed_through::text as office_closed_through, o.opened_on::text as office_opened_on, a.code, a.kind, a.status, a.currency,
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
  return { officeKnown: rows.length > 0, officeClosedThrough: rows[0]?.office_closed_through ?? null, officeOpenedOn: rows[0]?.office_opened_on ?? null, accounts };
}

/**
 * The batch path's read, in one round trip: the offices named (closed-through, opened) and the accounts named (their
 * facts and state, not their sums: the batch's bounds are judged on its net change under the locks). The codes
 * travel as two JSON parameters and the answer as two JSON arrays: a batch names a thousand accounts, which as bound
 * values and rows cost more to build and parse than the read itself.
 */
export async function readBatchContext(
  db: Db | Tx,
  officeCodes: readonly string[],
  accountCodes: readonly string[],
): Promise<{ offices: Map<string, { closedThrough: string | null; openedOn: string | null }>; accounts: Map<string, PostableAccount> }> {
  type OfficeJson = { code: string; closed_through: string | null; opened_on: string | null };
  const [row] = rowsOf<{ offices: OfficeJson[] | string | null; accounts: ContextRow[] | string | null }>(
    await db.execute(sql`
      select (select json_agg(json_build_object('code', o.code, 'closed_through', bd.closed_through::text, 'opened_on', o.opened_on::text))
                from accounts.known_offices o left join accounts.business_days bd on bd.office_code = o.code
               where o.code in (select jsonb_array_elements_text(${JSON.stringify([...new Set(officeCodes)])}::jsonb))) as offices,
             (select json_agg(json_build_object(
                       'code', a.code, 'kind', a.kind, 'status', a.status, 'currency', a.currency, 'account_office_code', a.office_code,
                       'balance_constraint', a.balance_constraint, 'allow_manual_entries', a.allow_manual_entries,
                       'closed_through', a.closed_through::text))
                from accounts.accounts a
               where a.code in (select jsonb_array_elements_text(${JSON.stringify([...new Set(accountCodes)])}::jsonb))) as accounts`),
  );
  const parsed = <T>(value: T[] | string | null | undefined): T[] => (typeof value === 'string' ? (JSON.parse(value) as T[]) : (value ?? []));
  const offices = parsed(row?.offices);
  const accounts = parsed(row?.accounts);
  return {
    offices: new Map(offices.map((office) => [office.code, { closedThrough: office.closed_through, openedOn: office.opened_on }])),
    // The batch judges balance bounds on its net change under the locks, never on these sums: they are not read.
    accounts: new Map(accounts.map((account) => [account.code!, postableOf({ ...account, debit_total: '0', credit_total: '0', pending_debit: '0', pending_credit: '0' }, account.code!)])),
  };
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
 */
export async function applyAccountChanges(tx: Tx, changes: readonly AccountChange[], effectiveDate: string | null): Promise<Set<string>> {
  if (changes.length === 0) return new Set();
  const [row] = rowsOf<{ updated: string[] | string | null }>(
    await tx.execute(sql`
      with ${lockedUpdate(changes, effectiveDate)}
      select array(select code from updated) as updated`),
  );
  return new Set(textArray(row?.updated));
}

/**
 * The locked update as CTEs (`wanted`, `locked`, `updated`), for a statement that may write more (writeEntry: the
 * entry and its postings; insertHoldAndReserve: the hold). `FOR NO KEY UPDATE`, not `FOR UPDATE`: a hold's foreign keys
 * take KEY SHARE locks on these rows; NO KEY UPDATE conflicts only with other writers, as intended. (Postings have no
 * foreign keys: postings_statement_check, migration 0009_1.) `onlyIf` (SQL, true when the write goes ahead) skips the
 * locks when the statement wrote nothing (an idempotency key already taken). Many changes (a batch's) travel as one
 * JSON parameter rather than five bound values each.
 */
function lockedUpdate(changes: readonly AccountChange[], effectiveDate: string | null, onlyIf: SQL = sql`true`): SQL {
  const wanted =
    changes.length === 0
      ? sql`values (null::text, 0::numeric, 0::numeric, 0::numeric, 0::numeric)`
      : changes.length <= 8
        ? sql`values ${changeValues(changes)}`
        : sql`select w.code, w.debit, w.credit, w.pending_debit, w.pending_credit
                from jsonb_to_recordset(${JSON.stringify(changes.map(changeRecord))}::jsonb)
                     as w (code text, debit numeric, credit numeric, pending_debit numeric, pending_credit numeric)`;
  return sql`
      wanted (code, debit, credit, pending_debit, pending_credit) as (${wanted}),
      locked as materialized (
        select ${lockedColumns} from accounts.accounts
         where code in (select code from wanted) and ${onlyIf}
         order by code for no key update
      ),
      updated as (
        update accounts.accounts a
           set ${sumsFromLocked}
          from wanted w join locked l on l.code = w.code
         where a.code = w.code ${guardedUpdate(effectiveDate)}
        returning a.code
      )`;
}

function changeRecord(change: AccountChange) {
  return { code: change.accountCode, debit: change.debit, credit: change.credit, pending_debit: change.pendingDebit, pending_credit: change.pendingCredit };
}

/** What the locking CTE (`locked`) answers of each account: every column the guard judges. */
const lockedColumns = sql.raw('code, kind, status, closed_through, balance_constraint, debit_total, credit_total, pending_debit, pending_credit');

/**
 * The new sums, from the locked row too: PostgreSQL checks CHECK constraints on the row it computes from the snapshot
 * before it finds that row outdated and recomputes it, so sums built on `a` would trip the balance CHECK on a stale
 * balance that the guard (on `l`) had accepted.
 */
const sumsFromLocked = sql.raw(`debit_total = l.debit_total + w.debit, credit_total = l.credit_total + w.credit,
               pending_debit = l.pending_debit + w.pending_debit, pending_credit = l.pending_credit + w.pending_credit`);

/**
 * The accounts' guard in the locked update: what a concurrent change may have broken since they were read. It judges
 * `l`, the row as the locking CTE returned it, never `a`, the row in the statement's snapshot. Under READ COMMITTED a
 * row lock that waited answers the latest committed version, but the UPDATE's own scan reads the snapshot, and a
 * snapshot row that fails the WHERE is dropped without being re-read: a payout judged against a balance from before a
 * concurrent deposit committed would be refused although it fits once locked (and the re-read that explains refusals
 * would find no rule broken). The locked row is the latest and stays so until the commit.
 */
function guardedUpdate(effectiveDate: string | null): SQL {
  const dayOpen = effectiveDate === null ? sql`true` : sql`(l.closed_through is null or l.closed_through < ${effectiveDate}::date)`;
  return sql`
         and (l.status = 'OPEN' or (w.debit = 0 and w.credit = 0 and w.pending_debit <= 0 and w.pending_credit <= 0))
         and l.kind = 'DETAIL'
         and ${dayOpen}
         and (l.balance_constraint <> 'DEBITS_NOT_EXCEED_CREDITS'
              or l.debit_total + w.debit + l.pending_debit + w.pending_debit <= l.credit_total + w.credit)
         and (l.balance_constraint <> 'CREDITS_NOT_EXCEED_DEBITS'
              or l.credit_total + w.credit + l.pending_credit + w.pending_credit <= l.debit_total + w.debit)`;
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

function textArray(value: string[] | string | null | undefined): string[] {
  return typeof value === 'string' ? parseTextArray(value) : (value ?? []);
}

/** What writing one entry did: nothing (its key was taken), or the entry with the accounts it updated. */
export type WrittenEntry = { written: false } | { written: true; seq: number; postedAt: Date; updated: Set<string> };

/**
 * Steps 2 to 4 of the posting path in one statement (data-modifying CTEs), so a posting costs one round trip to
 * write: insert the entry unless its key is taken, its office has closed the day or had not opened by it; insert its postings; lock its accounts in code order and update
 * them under the guard, only if the entry was inserted. The postings' statement-level check (postings_statement_check)
 * runs at the end of the statement, when the entry exists. The caller compares `updated` with the accounts it asked
 * for and refuses (rolls back) otherwise.
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
         -- The entry's own office must not have closed the day (its accounts' closed days are guarded below, locked),
         -- nor opened after it (a service's posting may not have read the office: account-facts.ts).
         where not exists (select 1 from accounts.business_days d where d.office_code = ${entry.officeCode} and d.closed_through >= ${entry.effectiveDate}::date)
           and not exists (select 1 from accounts.known_offices o where o.code = ${entry.officeCode} and o.opened_on > ${entry.effectiveDate}::date)
        on conflict (idempotency_key) do nothing
        returning id, seq, posted_at
      ),
      lines as (
        insert into accounts.postings (entry_id, line, account_code, side, amount, currency, effective_date)
        select entry.id, v.line, v.account_code, v.side, v.amount, v.currency, ${entry.effectiveDate}::date
          from entry cross join (values ${postingValues}) as v (line, account_code, side, amount, currency)
        returning 1
      ),
      ${lockedUpdate(changes, entry.effectiveDate, sql`exists (select 1 from entry)`)}
      select (select seq::text from entry) as seq, (select posted_at from entry) as posted_at,
             (select count(*) from lines) as lines, array(select code from updated) as updated`),
  );
  if (!row || row.seq === null) return { written: false };
  return { written: true, seq: Number(row.seq), postedAt: new Date(row.posted_at as string | Date), updated: new Set(textArray(row.updated)) };
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
  if (query.underPath !== undefined) conditions.push(withinTree(knownOffices.path, query.underPath));
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

/** What every entry of a batch shares: who posted it and why (the batch's origin). */
export type SharedEntryFields = Pick<NewEntryRow, 'actor' | 'approvedBy' | 'approvalRequestId' | 'reversesEntryId' | 'holdId'>;

/**
 * The batch's one INSERT: its entries, each unless its idempotency key is taken, and the postings of those it inserted,
 * in one statement (data-modifying CTEs over two JSON parameters: a batch's thousands of values stay a few bound
 * values, well clear of the 65,535 a statement may bind; what every entry shares is bound once, and each posting takes
 * its entry's date). A concurrent insert of the same key waits on the unique index until the first commits (then
 * inserts nothing) or rolls back (then inserts): one entry per key, always. The entries are inserted in the order
 * given, so their seq (and the sealer's chain order) follows the batch. The postings' statement-level check
 * (postings_statement_check) judges every posting of the batch at once, at the end of the statement. Answers the
 * entries inserted.
 */
export async function insertEntriesWithPostings(
  tx: Tx,
  shared: SharedEntryFields,
  rows: readonly Omit<NewEntryRow, keyof SharedEntryFields>[],
  lines: readonly Omit<NewPostingRow, 'effectiveDate'>[],
): Promise<Array<{ id: string; seq: number; postedAt: Date }>> {
  if (rows.length === 0) return [];
  const entries = rows.map((row, ord) => ({
    ord,
    id: row.id,
    office_code: row.officeCode,
    effective_date: row.effectiveDate,
    description: row.description,
    source_type: row.sourceType,
    source_reference: row.sourceReference,
    idempotency_key: row.idempotencyKey,
    request_hash: row.requestHash,
  }));
  const postingRows = lines.map((line) => ({ entry_id: line.entryId, line: line.line, account_code: line.accountCode, side: line.side, amount: line.amount, currency: line.currency }));
  const inserted = rowsOf<{ id: string; seq: string | number; posted_at: Date | string }>(
    await tx.execute(sql`
      with entry as (
        insert into accounts.journal_entries
          (id, office_code, effective_date, description, source_type, source_reference, actor, approved_by,
           approval_request_id, idempotency_key, request_hash, reverses_entry_id, hold_id)
        select v.id, v.office_code, v.effective_date, v.description, v.source_type, v.source_reference,
               ${JSON.stringify(shared.actor)}::jsonb, ${shared.approvedBy === null ? null : JSON.stringify(shared.approvedBy)}::jsonb,
               ${shared.approvalRequestId}::uuid, v.idempotency_key, v.request_hash, ${shared.reversesEntryId}::uuid, ${shared.holdId}::uuid
          from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
               as v (ord int, id uuid, office_code text, effective_date date, description text, source_type text, source_reference text,
                     idempotency_key text, request_hash text)
         order by v.ord
        on conflict (idempotency_key) do nothing
        returning id, seq, posted_at, effective_date
      ),
      lines as (
        insert into accounts.postings (entry_id, line, account_code, side, amount, currency, effective_date)
        select p.entry_id, p.line, p.account_code, p.side, p.amount, p.currency, entry.effective_date
          from jsonb_to_recordset(${JSON.stringify(postingRows)}::jsonb)
               as p (entry_id uuid, line smallint, account_code text, side text, amount numeric, currency text)
          join entry on entry.id = p.entry_id
        returning 1
      )
      select entry.id::text as id, entry.seq, entry.posted_at, (select count(*) from lines) as lines from entry`),
  );
  return inserted.map((row) => ({ id: row.id, seq: Number(row.seq), postedAt: new Date(row.posted_at) }));
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


/** A hold to insert (pending; its creation time is the database's). */
export interface NewHoldRow {
  id: string;
  officeCode: string;
  description: string;
  sourceType: string;
  sourceReference: string | null;
  debitAccountCode: string;
  creditAccountCode: string;
  amount: string;
  currency: string;
  expiresAt: Date | null;
  actor: LedgerActor;
  idempotencyKey: string;
  requestHash: string;
}

/**
 * Inserts a hold unless its idempotency key is taken and, only if it was inserted, reserves its amount on the two
 * accounts by the locked update, in one statement (the hold's foreign keys on the accounts are checked after the row
 * locks: see lockedUpdate). The caller compares `updated` with the changes it asked for and refuses otherwise.
 */
export async function insertHoldAndReserve(tx: Tx, hold: NewHoldRow, reserve: readonly AccountChange[]): Promise<{ inserted: boolean; updated: Set<string> }> {
  const [row] = rowsOf<{ inserted: boolean; updated: string[] | string | null }>(
    await tx.execute(sql`
      with hold as (
        insert into accounts.holds
          (id, office_code, description, source_type, source_reference, debit_account_code, credit_account_code, amount,
           currency, expires_at, actor, idempotency_key, request_hash)
        values (${hold.id}::uuid, ${hold.officeCode}, ${hold.description}, ${hold.sourceType}, ${hold.sourceReference},
                ${hold.debitAccountCode}, ${hold.creditAccountCode}, ${hold.amount}::numeric, ${hold.currency},
                ${hold.expiresAt === null ? null : hold.expiresAt.toISOString()}::timestamptz, ${JSON.stringify(hold.actor)}::jsonb,
                ${hold.idempotencyKey}, ${hold.requestHash})
        on conflict (idempotency_key) do nothing
        returning id
      ),
      ${lockedUpdate(reserve, null, sql`exists (select 1 from hold)`)}
      select exists (select 1 from hold) as inserted, array(select code from updated) as updated`),
  );
  return { inserted: row?.inserted === true, updated: new Set(textArray(row?.updated)) };
}
