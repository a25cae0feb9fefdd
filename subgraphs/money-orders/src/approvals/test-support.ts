import { randomUUID } from 'node:crypto';
import { approvalPayloadMac } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { newEvent, type ApprovalDecidedPayload, type TypedEvent } from '@postal/events';
import { createMemoryNotifier } from '@postal/notify';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { outbox, processedEvents } from '../db-schema.js';
import type { ApprovalSubmitter, OrderDeps } from '../orders/deps.js';
import type { LedgerClient } from '../orders/ledger-client.js';
import { operatorPricing } from '../orders/pricing.js';
import { createCodeHasher } from '../orders/secrets.js';

/** Test doubles for the two services money-orders calls over HTTP; the database is always the real one. */
export const identitySecret = 'money-orders-approvals-test-secret-0123456789';

/** Administration's inbox as a recorder: each submission answered with a fresh request id. */
export function recordingInbox() {
  const submissions: Array<Parameters<ApprovalSubmitter['submit']>[0] & { id: string }> = [];
  const submitter: ApprovalSubmitter = {
    async submit(submission) {
      const id = randomUUID();
      submissions.push({ ...structuredClone(submission), id });
      return { id };
    },
  };
  return { submitter, submissions };
}

/** Accounts' cash reservation: always granted, counted. */
export function countingLedger() {
  const reservations: Parameters<LedgerClient['reserveCash']>[0][] = [];
  const ledger: LedgerClient = {
    async reserveCash(reservation) {
      reservations.push(reservation);
      return randomUUID();
    },
    async controlBalance() {
      return { amount: '0', currency: 'INR' };
    },
  };
  return { ledger, reservations };
}

/** A small office tree in money-orders' copy: the root circle, a head office and a sub office under it. */
export async function seedOffices(testDatabase: TestDatabase): Promise<void> {
  await testDatabase.database.db.execute(sql`
    insert into money_orders.known_offices (code, name, type, path, parent_code) values
      ('DLC', 'Delhi Circle', 'CIRCLE', 'DLC', null),
      ('NDGPO', 'New Delhi GPO', 'HEAD_OFFICE', 'DLC/NDGPO', 'DLC'),
      ('LDSO', 'Lodi Road SO', 'SUB_OFFICE', 'DLC/NDGPO/LDSO', 'NDGPO')`);
}

export function orderDeps(testDatabase: TestDatabase, clock: () => Date, approvals: ApprovalSubmitter, ledger: LedgerClient): OrderDeps {
  return {
    database: testDatabase.database,
    clock,
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    outbox: { outbox, processedEvents },
    notifier: createMemoryNotifier(),
    hasher: createCodeHasher(identitySecret),
    ledger,
    pricing: operatorPricing('INR'),
    approvals,
    refundApprovalAbove: '5000',
  };
}

type Grant = { permission: string; scope: 'SUBTREE' | 'OWN_OFFICE' };
export function staff(username: string, officeCode: string, officePath: string, grants: Grant[]) {
  return { kind: 'staff' as const, staffId: randomUUID(), username, roles: ['TEST'], officeCode, officePath, grants: grants as never };
}

/** approval.decided as administration stages it for a submission; overrides play a tamperer or another outcome. */
export function decidedEvent(
  submission: { id: string; kind: string; officeCode: string; payload: Record<string, unknown>; makerId: string },
  overrides: Partial<ApprovalDecidedPayload> = {},
  now = new Date(),
): TypedEvent<'approval.decided'> {
  return newEvent(
    'approval.decided',
    {
      requestId: submission.id,
      kind: submission.kind as 'MO_REFUND',
      subgraph: 'money-orders',
      decision: 'APPROVED',
      payload: submission.payload,
      payloadHash: approvalPayloadMac(identitySecret, submission.kind, submission.payload),
      officeCode: submission.officeCode,
      maker: { id: submission.makerId, username: 'maker' },
      checker: { id: randomUUID(), username: 'checker' },
      decidedAt: now.toISOString(),
      ...overrides,
    },
    { source: 'administration', requestId: `req-${randomUUID()}` },
  );
}

/** What money-orders staged about a request: its approval.executed reports and audit records. */
export async function stagedFor(testDatabase: TestDatabase, requestId: string) {
  const rows = rowsOf<{ type: string; payload: Record<string, any> }>(
    await testDatabase.database.db.execute(sql`
      select type, payload from money_orders.outbox
      where (type = 'approval.executed' and payload->>'requestId' = ${requestId})
         or (type = 'audit.recorded' and payload->'after'->>'approvalRequestId' = ${requestId})
      order by id`),
  );
  return { executed: rows.filter((row) => row.type === 'approval.executed').map((row) => row.payload), audit: rows.filter((row) => row.type === 'audit.recorded').map((row) => row.payload) };
}
