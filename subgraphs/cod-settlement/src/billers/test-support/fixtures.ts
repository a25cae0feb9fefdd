import { randomUUID } from 'node:crypto';
import { approvalPayloadMac, type SignedRequestContext } from '@postal/auth';
import { rowsOf, transaction } from '@postal/db';
import { newEvent, type ApprovalDecidedPayload, type TypedEvent } from '@postal/events';
import type { ApprovalsClient } from '@postal/service-client';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { upsertOffice } from '../../offices/repository.js';
import type { BillerDeps } from '../deps.js';
import type { RegisterBillerInput } from '../service.js';

/** Test fixtures for billers and contracts; the database is always the real one. */
export const identitySecret = 'cod-settlement-billers-test-secret-0123456789';

/** Two real, published GSTINs (their check characters verified by the algorithm). */
export const REAL_GSTINS = ['27AAPFU0939F1ZV', '29AAGCB7383J1Z4'] as const;

/**
 * A small office tree in cod-settlement's copy: a circle, two divisions, a head office in each (NDGPO, ASVHO), a sub
 * office under NDGPO, and a closed head office.
 */
export async function seedOffices(testDatabase: TestDatabase): Promise<void> {
  const offices = [
    { code: 'DL', name: 'Delhi Circle', type: 'CIRCLE', path: 'DL', parentCode: null, status: 'ACTIVE' },
    { code: 'DL-NDC', name: 'New Delhi Central Division', type: 'DIVISION', path: 'DL/DL-NDC', parentCode: 'DL', status: 'ACTIVE' },
    { code: 'NDGPO', name: 'New Delhi GPO', type: 'HEAD_OFFICE', path: 'DL/DL-NDC/NDGPO', parentCode: 'DL-NDC', status: 'ACTIVE' },
    { code: 'NDGPO-CP', name: 'Connaught Place SO', type: 'SUB_OFFICE', path: 'DL/DL-NDC/NDGPO/NDGPO-CP', parentCode: 'NDGPO', status: 'ACTIVE' },
    { code: 'OLDHO', name: 'Old Head Office', type: 'HEAD_OFFICE', path: 'DL/DL-NDC/OLDHO', parentCode: 'DL-NDC', status: 'CLOSED' },
    { code: 'DL-SDC', name: 'South Delhi Division', type: 'DIVISION', path: 'DL/DL-SDC', parentCode: 'DL', status: 'ACTIVE' },
    { code: 'ASVHO', name: 'Lodi Road HO', type: 'HEAD_OFFICE', path: 'DL/DL-SDC/ASVHO', parentCode: 'DL-SDC', status: 'ACTIVE' },
  ];
  await transaction(testDatabase.database, 'read committed', async (tx) => {
    for (const office of offices) await upsertOffice(tx, { ...office, version: 1 });
  });
}

type Grant = { permission: string; scope: 'SUBTREE' | 'OWN_OFFICE' };

export function staff(username: string, officeCode: string, officePath: string, grants: Grant[], extra: Record<string, unknown> = {}) {
  return { kind: 'staff' as const, staffId: randomUUID(), username, roles: ['TEST'], officeCode, officePath, grants: grants as never, ...extra };
}

/** A request context for a service call: the identity and a fresh request id. */
export function as(identity: SignedRequestContext['identity']): SignedRequestContext {
  return { identity, requestId: `req-${randomUUID()}`, clientAddress: undefined };
}

/** Administration's inbox as a recorder: each submission answered with a fresh request id. */
export function recordingInbox() {
  const submissions: Array<Parameters<ApprovalsClient['submit']>[0] & { id: string }> = [];
  const client: ApprovalsClient = {
    async submit(submission) {
      const id = randomUUID();
      submissions.push({ ...structuredClone(submission), id });
      return { id, status: 'PENDING' };
    },
  };
  return { client, submissions };
}

export function billerDeps(testDatabase: TestDatabase, clock: () => Date, approvals?: ApprovalsClient): BillerDeps {
  return { database: testDatabase.database, clock, timeZone: 'Asia/Kolkata', currency: 'INR', ...(approvals ? { approvals } : {}) };
}

let sequence = 0;
export function registration(overrides: Partial<RegisterBillerInput> = {}): RegisterBillerInput {
  sequence += 1;
  return {
    name: `Seller ${sequence}`,
    type: 'ECOMMERCE',
    gstin: REAL_GSTINS[0],
    contact: { name: 'Asha Rao', email: 'asha@example.in', phone: '9812345678' },
    settlementOfficeCode: 'NDGPO',
    bankAccount: { holderName: `Seller ${sequence} Pvt Ltd`, accountNumber: '001234567890', ifsc: 'SBIN0000691' },
    ...overrides,
  };
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
      kind: submission.kind as 'COD_BANK_CHANGE',
      subgraph: 'cod-settlement',
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

/** What cod-settlement staged: approval.executed reports and audit records, oldest first. */
export async function staged(testDatabase: TestDatabase, type: 'approval.executed' | 'audit.recorded') {
  return rowsOf<{ payload: Record<string, any> }>(
    await testDatabase.database.db.execute(sql`select payload from cod.outbox where type = ${type} order by id`),
  ).map((row) => row.payload);
}
