import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '@postal/db';
import { withinTree } from '@postal/authz';
import type { AuditActor } from '@postal/events';
import { offices } from '../offices/tables.js';
import type { CanonicalAuditFields } from './canonical.js';
import type { ChainHead, ChainLink, StoredLink } from './chain.js';
import type { AuditRecordModel, SealStatus } from './model.js';
import { auditChain, auditEvents, auditPending } from './tables.js';

type Executor = Db | Tx;

/** A timestamp as UTC text with microseconds: the canonical instant, and a cursor that loses no precision. */
const instant = (column: AnyColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** jsonb read as its text and parsed here, so both drivers hand the canonical form the same values. */
const jsonText = (column: AnyColumn) => sql<string | null>`${column}::text`;

const canonicalColumns = {
  id: sql<string>`${auditEvents.id}::text`,
  eventId: auditEvents.eventId,
  source: auditEvents.source,
  occurredAt: instant(auditEvents.occurredAt),
  recordedAt: instant(auditEvents.recordedAt),
  action: auditEvents.action,
  outcome: auditEvents.outcome,
  actorKind: auditEvents.actorKind,
  actorUsername: auditEvents.actorUsername,
  actor: jsonText(auditEvents.actor),
  officeCode: auditEvents.officeCode,
  officePath: auditEvents.officePath,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  reason: auditEvents.reason,
  before: jsonText(auditEvents.before),
  after: jsonText(auditEvents.after),
  requestId: auditEvents.requestId,
  clientAddress: auditEvents.clientAddress,
};
type CanonicalRow = { [K in keyof typeof canonicalColumns]: K extends 'actor' | 'before' | 'after' ? string | null : CanonicalAuditFields[K] };

function toCanonical(row: CanonicalRow): CanonicalAuditFields {
  const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
  return { ...row, actor: parse(row.actor), before: parse(row.before), after: parse(row.after) };
}

// ---- storing (the consumer) -------------------------------------------------------------------------------------

export type NewAuditRecord = Omit<typeof auditEvents.$inferInsert, 'id' | 'recordedAt' | 'officePath'>;

/**
 * Stores a record once (a repeated event id stores nothing), with its office's current path looked up in the same
 * statement. The insert trigger queues it for sealing in the same transaction.
 */
export async function insertAuditRecord(tx: Tx, record: NewAuditRecord): Promise<void> {
  const officePath =
    record.officeCode == null ? null : sql`(select ${offices.path} from ${offices} where ${offices.code} = ${record.officeCode})`;
  await tx
    .insert(auditEvents)
    .values({ ...record, officePath })
    .onConflictDoNothing({ target: auditEvents.eventId });
}

// ---- sealing ----------------------------------------------------------------------------------------------------

/** Only one sealer at a time, across every process on the database; a second one answers false at once. */
export async function trySealerLock(tx: Tx): Promise<boolean> {
  const result = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended('postal.administration.audit-sealer', 0)) as locked`);
  return rowsOf<{ locked: boolean }>(result)[0]?.locked === true;
}

export async function chainHead(db: Executor): Promise<ChainHead | null> {
  const [row] = await db
    .select({ position: auditChain.position, hash: auditChain.hash })
    .from(auditChain)
    .orderBy(desc(auditChain.position))
    .limit(1);
  return row ?? null;
}

/** The oldest unsealed records, in record id order. */
export async function pendingRecords(tx: Tx, limit: number): Promise<CanonicalAuditFields[]> {
  const rows = await tx
    .select(canonicalColumns)
    .from(auditPending)
    .innerJoin(auditEvents, eq(auditEvents.id, auditPending.recordId))
    .orderBy(asc(auditPending.recordId))
    .limit(limit);
  return rows.map(toCanonical);
}

/** Writes seals and takes their records off the queue, in the sealer's transaction. */
export async function appendLinks(tx: Tx, links: readonly ChainLink[]): Promise<void> {
  if (links.length === 0) return;
  await tx.insert(auditChain).values(links.map((link) => ({ ...link, recordId: Number(link.recordId) })));
  await tx.delete(auditPending).where(inArray(auditPending.recordId, links.map((link) => Number(link.recordId))));
}

export async function sealStatus(db: Executor): Promise<SealStatus> {
  const [head] = await db
    .select({ position: sql<string>`${auditChain.position}::text`, hash: auditChain.hash, sealedAt: auditChain.sealedAt })
    .from(auditChain)
    .orderBy(desc(auditChain.position))
    .limit(1);
  const [pending] = await db.select({ count: sql<number>`count(*)::int` }).from(auditPending);
  return { sealedUpTo: head ?? null, pending: pending?.count ?? 0 };
}

// ---- verifying --------------------------------------------------------------------------------------------------

/** The first and last chain positions of records that occurred in [from, to); the whole chain when both are open. */
export async function chainBounds(db: Executor, from: Date | undefined, to: Date | undefined): Promise<{ first: number; last: number } | null> {
  const bounds = { first: sql<string | null>`min(${auditChain.position})::text`, last: sql<string | null>`max(${auditChain.position})::text` };
  const [row] =
    from === undefined && to === undefined
      ? await db.select(bounds).from(auditChain)
      : await db
          .select(bounds)
          .from(auditEvents)
          .innerJoin(auditChain, eq(auditChain.recordId, auditEvents.id))
          .where(and(from ? gte(auditEvents.occurredAt, from) : undefined, to ? lt(auditEvents.occurredAt, to) : undefined));
  if (!row || row.first === null || row.last === null) return null;
  return { first: Number(row.first), last: Number(row.last) };
}

export async function storedHashAt(db: Executor, position: number): Promise<string | undefined> {
  const [row] = await db.select({ hash: auditChain.hash }).from(auditChain).where(eq(auditChain.position, position));
  return row?.hash;
}

/** Seals from `fromPosition` to `toPosition`, at most `limit`, each with its record as stored now (or null). */
export async function storedLinks(db: Executor, fromPosition: number, toPosition: number, limit: number): Promise<StoredLink[]> {
  const rows = await db
    .select({
      link: {
        position: auditChain.position,
        recordId: sql<string>`${auditChain.recordId}::text`,
        eventId: auditChain.eventId,
        previousHash: auditChain.previousHash,
        hash: auditChain.hash,
      },
      record: canonicalColumns,
      present: sql<boolean>`${auditEvents.id} is not null`,
    })
    .from(auditChain)
    .leftJoin(auditEvents, eq(auditEvents.id, auditChain.recordId))
    .where(and(gte(auditChain.position, fromPosition), lte(auditChain.position, toPosition)))
    .orderBy(asc(auditChain.position))
    .limit(limit);
  return rows.map(({ link, record, present }) => ({ ...link, record: present ? toCanonical(record as CanonicalRow) : null }));
}

/** The first record of [from, to) that is neither sealed nor waiting to be: its queue entry was removed. */
export async function firstOrphan(db: Executor, from: Date | undefined, to: Date | undefined): Promise<string | undefined> {
  const [row] = await db
    .select({ id: sql<string>`${auditEvents.id}::text` })
    .from(auditEvents)
    .leftJoin(auditChain, eq(auditChain.recordId, auditEvents.id))
    .leftJoin(auditPending, eq(auditPending.recordId, auditEvents.id))
    .where(
      and(
        isNull(auditChain.position),
        isNull(auditPending.recordId),
        from ? gte(auditEvents.occurredAt, from) : undefined,
        to ? lt(auditEvents.occurredAt, to) : undefined,
      ),
    )
    .orderBy(asc(auditEvents.id))
    .limit(1);
  return row?.id;
}

// ---- reading the trail ------------------------------------------------------------------------------------------

export interface TrailQuery {
  /** The caller's scope as a SQL condition (see the service). */
  scope: SQL;
  /** Just this record (a decimal id). */
  id?: string;
  actor?: string;
  action?: string;
  target?: string;
  /** Records at or under this office path. */
  officePath?: string;
  from?: Date;
  to?: Date;
  /** Resume after this (occurredAt as canonical text, id). */
  after?: { occurredAt: string; id: string };
  limit: number;
}

/** The path of an office (to filter the trail by it); undefined when there is no such office. */
export async function officePathOf(db: Executor, code: string): Promise<string | undefined> {
  const [row] = await db.select({ path: offices.path }).from(offices).where(eq(offices.code, code));
  return row?.path;
}

/** A keyset page of the trail, newest first by (occurred_at, id), each record with its seal when it has one. */
export async function listTrail(db: Executor, query: TrailQuery): Promise<AuditRecordModel[]> {
  const conditions = [
    query.scope,
    query.id ? eq(auditEvents.id, sql`${query.id}::bigint`) : undefined,
    query.actor ? eq(auditEvents.actorUsername, query.actor) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.target ? eq(auditEvents.targetId, query.target) : undefined,
    query.officePath ? withinTree(auditEvents.officePath, query.officePath) : undefined,
    query.from ? gte(auditEvents.occurredAt, query.from) : undefined,
    query.to ? lt(auditEvents.occurredAt, query.to) : undefined,
    query.after
      ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${query.after.occurredAt}::timestamptz, ${query.after.id}::bigint)`
      : undefined,
  ];
  const rows = await db
    .select({
      id: sql<string>`${auditEvents.id}::text`,
      eventId: auditEvents.eventId,
      source: auditEvents.source,
      occurredAt: auditEvents.occurredAt,
      occurredAtKey: instant(auditEvents.occurredAt),
      recordedAt: auditEvents.recordedAt,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actor: auditEvents.actor,
      officeCode: auditEvents.officeCode,
      officePath: auditEvents.officePath,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      reason: auditEvents.reason,
      before: auditEvents.before,
      after: auditEvents.after,
      requestId: auditEvents.requestId,
      clientAddress: auditEvents.clientAddress,
      sealPosition: sql<string | null>`${auditChain.position}::text`,
      sealHash: auditChain.hash,
      sealPreviousHash: auditChain.previousHash,
      sealedAt: auditChain.sealedAt,
    })
    .from(auditEvents)
    .leftJoin(auditChain, eq(auditChain.recordId, auditEvents.id))
    .where(and(...conditions.filter((condition): condition is SQL => condition !== undefined)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(query.limit);
  return rows.map(({ sealPosition, sealHash, sealPreviousHash, sealedAt, targetType, targetId, ...row }) => ({
    ...row,
    outcome: row.outcome as AuditRecordModel['outcome'],
    actor: row.actor as AuditActor,
    before: row.before as Record<string, unknown> | null,
    after: row.after as Record<string, unknown> | null,
    target: targetType !== null && targetId !== null ? { type: targetType, id: targetId } : null,
    seal:
      sealPosition !== null && sealHash !== null && sealPreviousHash !== null && sealedAt !== null
        ? { position: sealPosition, hash: sealHash, previousHash: sealPreviousHash, sealedAt }
        : null,
  }));
}
