import { rowsOf, type Db, type Tx } from '@postal/db';
import { asc, desc, eq, gt, inArray, sql, type AnyColumn } from 'drizzle-orm';
import { journalEntries, postings } from '../journal/tables.js';
import type { CanonicalPostingFields } from './canonical.js';
import type { NewSeal, SealableEntry, SealHead, StoredSeal } from './chain.js';
import { journalSeals } from './tables.js';

type Executor = Db | Tx;

/*
 * Everything hashed is read as PostgreSQL's own text of the stored value (canonical.ts), so neither driver's parsing
 * (JS numbers, Dates, its idea of a date column) can change a byte between sealing and verifying.
 */
const text = (column: AnyColumn) => sql<string>`${column}::text`;
const nullableText = (column: AnyColumn) => sql<string | null>`${column}::text`;
/** UTC with microseconds: the canonical instant. */
const instant = (column: AnyColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const entryColumns = {
  id: text(journalEntries.id),
  seq: text(journalEntries.seq),
  xid: text(journalEntries.xid),
  officeCode: journalEntries.officeCode,
  effectiveDate: text(journalEntries.effectiveDate),
  description: journalEntries.description,
  sourceType: journalEntries.sourceType,
  sourceReference: journalEntries.sourceReference,
  actor: text(journalEntries.actor),
  approvedBy: nullableText(journalEntries.approvedBy),
  approvalRequestId: nullableText(journalEntries.approvalRequestId),
  idempotencyKey: journalEntries.idempotencyKey,
  requestHash: journalEntries.requestHash,
  reversesEntryId: nullableText(journalEntries.reversesEntryId),
  holdId: nullableText(journalEntries.holdId),
  postedAt: instant(journalEntries.postedAt),
};
/** An entry row as read: jsonb still as its text. */
type EntryRow = Omit<SealableEntry, 'actor' | 'approvedBy' | 'postings'> & { actor: string; approvedBy: string | null };

function toSealable(row: EntryRow, postingsOfEntry: readonly CanonicalPostingFields[]): SealableEntry {
  return {
    ...row,
    // jsonb is read as its text and parsed here, so both drivers hand the canonical form the same values.
    actor: JSON.parse(row.actor) as unknown,
    approvedBy: row.approvedBy === null ? null : (JSON.parse(row.approvedBy) as unknown),
    postings: postingsOfEntry,
  };
}

// ---- sealing ----------------------------------------------------------------------------------------------------

/** The advisory lock key of the one sealer (hashed to a bigint by PostgreSQL). */
export const SEALER_LOCK_NAME = 'postal.accounts.journal-sealer';

/** Only one sealer at a time, across every process on the database; a second one answers false at once. */
export async function trySealerLock(tx: Tx): Promise<boolean> {
  const result = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${SEALER_LOCK_NAME}, 0)) as locked`);
  return rowsOf<{ locked: boolean }>(result)[0]?.locked === true;
}

export async function sealHead(db: Executor): Promise<SealHead | null> {
  const [row] = await db
    .select({ position: journalSeals.position, chainHash: journalSeals.chainHash, entryXid: text(journalSeals.entryXid), entrySeq: text(journalSeals.entrySeq) })
    .from(journalSeals)
    .orderBy(desc(journalSeals.position))
    .limit(1);
  return row ?? null;
}

/**
 * The next entries to seal, in (xid, seq) order after the watermark, of transactions older than every transaction
 * still running (sealer.ts says why). A range scan of journal_entries_xid_idx.
 */
export async function entriesToSeal(tx: Tx, watermark: Pick<SealHead, 'entryXid' | 'entrySeq'> | null, limit: number): Promise<SealableEntry[]> {
  const after = watermark ?? { entryXid: '0', entrySeq: '0' };
  const rows = await tx
    .select(entryColumns)
    .from(journalEntries)
    .where(
      sql`(${journalEntries.xid}, ${journalEntries.seq}) > (${after.entryXid}::xid8, ${after.entrySeq}::bigint)
          and ${journalEntries.xid} < pg_snapshot_xmin(pg_current_snapshot())`,
    )
    .orderBy(asc(journalEntries.xid), asc(journalEntries.seq))
    .limit(limit);
  return withPostings(tx, rows);
}

async function withPostings(db: Executor, rows: readonly EntryRow[]): Promise<SealableEntry[]> {
  const byEntry = await postingsOf(db, rows.map((row) => row.id));
  return rows.map((row) => toSealable(row, byEntry.get(row.id) ?? []));
}

/** The postings of the given entries, in line order, by entry id: one query for a whole batch. */
export async function postingsOf(db: Executor, entryIds: readonly string[]): Promise<Map<string, CanonicalPostingFields[]>> {
  const byEntry = new Map<string, CanonicalPostingFields[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await db
    .select({
      entryId: text(postings.entryId),
      line: sql<number>`${postings.line}::int`,
      accountCode: postings.accountCode,
      side: postings.side,
      amount: text(postings.amount),
      currency: postings.currency,
    })
    .from(postings)
    .where(inArray(postings.entryId, [...entryIds]))
    .orderBy(asc(postings.entryId), asc(postings.line));
  for (const { entryId, ...posting } of rows) {
    const list = byEntry.get(entryId);
    if (list) list.push(posting);
    else byEntry.set(entryId, [posting]);
  }
  return byEntry;
}

export async function insertSeals(tx: Tx, seals: readonly NewSeal[]): Promise<void> {
  if (seals.length === 0) return;
  await tx.insert(journalSeals).values(seals.map((seal) => ({ ...seal, entrySeq: Number(seal.entrySeq) })));
}

// ---- verifying --------------------------------------------------------------------------------------------------

/** Seals after `afterPosition`, in position order, each with the entry it names as stored now (null if gone). */
export async function storedSealsAfter(db: Executor, afterPosition: number, limit: number): Promise<StoredSeal[]> {
  const rows = await db
    .select({
      position: journalSeals.position,
      entryId: text(journalSeals.entryId),
      entryXid: text(journalSeals.entryXid),
      entrySeq: text(journalSeals.entrySeq),
      entryHash: journalSeals.entryHash,
      chainHash: journalSeals.chainHash,
      entryPresent: sql<boolean>`${journalEntries.id} is not null`,
      entry: entryColumns,
    })
    .from(journalSeals)
    .leftJoin(journalEntries, eq(journalEntries.id, journalSeals.entryId))
    .where(gt(journalSeals.position, afterPosition))
    .orderBy(asc(journalSeals.position))
    .limit(limit);
  const present = rows.filter((row) => row.entryPresent).map((row) => row.entry as EntryRow);
  const entries = new Map((await withPostings(db, present)).map((entry) => [entry.id, entry]));
  return rows.map(({ entryPresent: _present, entry: _entry, ...seal }) => ({ ...seal, entry: entries.get(seal.entryId) ?? null }));
}

/** Entries not yet sealed: those after the watermark (a range of journal_entries_xid_idx). */
export async function countUnsealed(db: Executor, watermark: Pick<SealHead, 'entryXid' | 'entrySeq'> | null): Promise<number> {
  const after = watermark ?? { entryXid: '0', entrySeq: '0' };
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(journalEntries)
    .where(sql`(${journalEntries.xid}, ${journalEntries.seq}) > (${after.entryXid}::xid8, ${after.entrySeq}::bigint)`);
  return row?.count ?? 0;
}

/** Entries at or before the watermark; with an intact chain, exactly its length unless one was put in behind it. */
export async function countThrough(db: Executor, watermark: Pick<SealHead, 'entryXid' | 'entrySeq'>): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(journalEntries)
    .where(sql`(${journalEntries.xid}, ${journalEntries.seq}) <= (${watermark.entryXid}::xid8, ${watermark.entrySeq}::bigint)`);
  return row?.count ?? 0;
}

/**
 * The first entry at or before the watermark that has no seal. The sealer only passes an entry whose transaction had
 * ended, so every entry there was visible to it and was sealed: one that is not was put in behind the sealer (a
 * forged xid) or lost its seal.
 */
export async function firstUnsealedBehind(db: Executor, watermark: Pick<SealHead, 'entryXid' | 'entrySeq'>): Promise<{ id: string; seq: string } | null> {
  const [row] = await db
    .select({ id: text(journalEntries.id), seq: text(journalEntries.seq) })
    .from(journalEntries)
    .where(
      sql`(${journalEntries.xid}, ${journalEntries.seq}) <= (${watermark.entryXid}::xid8, ${watermark.entrySeq}::bigint)
          and not exists (select 1 from ${journalSeals} where ${journalSeals.entryId} = ${journalEntries.id})`,
    )
    .orderBy(asc(journalEntries.xid), asc(journalEntries.seq))
    .limit(1);
  return row ?? null;
}

/** The chain hashes of those of the given entries that are sealed, by entry id. */
export async function chainHashesOf(db: Executor, entryIds: readonly string[]): Promise<Map<string, string>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db
    .select({ entryId: text(journalSeals.entryId), chainHash: journalSeals.chainHash })
    .from(journalSeals)
    .where(inArray(journalSeals.entryId, [...entryIds]));
  return new Map(rows.map((row) => [row.entryId, row.chainHash]));
}
