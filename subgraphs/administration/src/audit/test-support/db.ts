import type { SignedRequestContext } from '@postal/auth';
import { rowsOf, type Database } from '@postal/db';
import type { TypedEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import { auditEvent, type AuditRecordInput } from '@postal/server';
import { sql, type SQL } from 'drizzle-orm';
import { outbox, processedEvents } from '../../db-schema.js';
import { AUDIT_QUEUE, storeAuditEvent } from '../consumer.js';

export const clerkContext: SignedRequestContext = {
  identity: {
    kind: 'staff',
    staffId: '00000000-0000-4000-8000-00000000c1e4',
    username: 'clerk',
    roles: ['COUNTER_CLERK'],
    officeCode: 'NDGPO',
    officePath: 'DL/DL-NDC/NDGPO',
    grants: [],
  },
  requestId: 'req-audit-test',
  clientAddress: '10.0.0.9',
};

/** An audit event as a subgraph would stage it; `n` makes the target distinct. */
export function sampleEvent(n: number, record: Partial<AuditRecordInput> = {}, occurredAt?: Date): TypedEvent<'audit.recorded'> {
  const event = auditEvent('money-orders', clerkContext, {
    action: 'MONEY_ORDER_BOOKED',
    outcome: 'SUCCESS',
    officeCode: 'NDGPO',
    target: { type: 'MoneyOrder', id: `MO-${n}` },
    after: { amount: '1000.00', payee: 'सुनीता' },
    ...record,
  });
  return occurredAt ? { ...event, occurredAt: occurredAt.toISOString() } : event;
}

/** The production consumer: idempotent (processed_events) around storeAuditEvent. */
export function auditConsumer(database: Database) {
  return consumeIdempotently({ database, tables: { outbox, processedEvents }, consumer: AUDIT_QUEUE, handle: storeAuditEvent });
}

/** Delivers events through the consumer, `concurrency` at a time, as the queue's workers would. */
export async function deliver(database: Database, events: readonly TypedEvent<'audit.recorded'>[], concurrency = 8): Promise<void> {
  const consume = auditConsumer(database);
  let next = 0;
  const worker = async () => {
    while (next < events.length) {
      const event = events[next++]!;
      await consume(event);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, events.length) }, worker));
}

/**
 * Changes rows the way an intruder with superuser rights would: with triggers (the append-only guard, and the
 * foreign keys) switched off for this transaction only.
 */
export async function tamper(database: Database, statement: SQL): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

export async function count(database: Database, table: 'audit_events' | 'audit_chain' | 'audit_pending'): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from administration.${table}`)));
  return row!.n;
}

/** The chain's shape: positions 1..n without a gap, each record sealed once. */
export async function chainShape(database: Database): Promise<{ seals: number; maxPosition: number; distinctRecords: number }> {
  const [row] = rowsOf<{ seals: number; max_position: number | null; distinct_records: number }>(
    await database.db.execute(
      sql`select count(*)::int as seals, max(position)::int as max_position, count(distinct record_id)::int as distinct_records
          from administration.audit_chain`,
    ),
  );
  return { seals: row!.seals, maxPosition: row!.max_position ?? 0, distinctRecords: row!.distinct_records };
}

/** The database error's own message, through drizzle's wrapper. */
export function databaseMessage(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return `${(error as Error).message} ${cause?.message ?? ''}`;
}
