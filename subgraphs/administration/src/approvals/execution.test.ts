import { rowsOf } from '@postal/db';
import { newEvent, type AnyEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import { createTestDatabase, needs, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, processedEvents } from '../db-schema.js';
import { createRoleService } from '../roles/service.js';
import { seedDemoAdministration } from '../seed/demo.js';
import { APPROVALS_QUEUE, APPROVAL_RESULTS_QUEUE, createApprovalConsumers } from './execution.js';
import type { ApprovalRequestRecord } from './model.js';
import { createApprovalService } from './service.js';
import {
  addStaff,
  asSuperuserBypassingTriggers,
  forgePayloadWithPlainHash,
  auditActions,
  contextOf,
  rolesOf,
  serviceContext,
  stagedEvents,
  TEST_IDENTITY_SECRET,
} from './test-support/fixtures.js';

/**
 * Executing approved commands: administration's own (ROLE_GRANT) through the approval.decided consumer, exactly once
 * however the event is delivered; other owners' results through approval.executed.
 */
let testDatabase: TestDatabase;
let now = new Date('2026-04-06T09:00:00.000Z');
const clock = () => now;
const approvals = () => createApprovalService({ database: testDatabase.database, clock, identitySecret: TEST_IDENTITY_SECRET });
const roles = () => createRoleService({ database: testDatabase.database, clock, approvals: approvals() });
const consumers = () => createApprovalConsumers({ clock, identitySecret: TEST_IDENTITY_SECRET, executors: { ROLE_GRANT: roles().executeRoleGrant } });
const ctx = (username: string) => contextOf(testDatabase.database, username);

/** The consumer as the queue runs it: consumeIdempotently around the handler, one processed_events key per event. */
function deliver(queue: typeof APPROVALS_QUEUE | typeof APPROVAL_RESULTS_QUEUE) {
  return consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: queue, handle: consumers()[queue] });
}

async function decidedEventOf(request: ApprovalRequestRecord): Promise<AnyEvent> {
  const [event] = await stagedEvents(testDatabase.database, { type: 'approval.decided', about: request.id });
  if (!event) throw new Error(`no approval.decided for ${request.id}`);
  return event;
}

const read = async (id: string) => approvals().getApprovalRequest({ kind: 'service', service: 'test' }, id);

let targets = 0;
async function approvedGrant(role = 'ADMIN', maker = 'ex-maker') {
  targets += 1;
  const username = `ex-target-${targets}`;
  await addStaff(testDatabase.database, { username, officeCode: 'NDGPO-CP', roles: ['COUNTER_CLERK'] });
  const request = await roles().grantRole(await ctx(maker), { username, role });
  await approvals().approve(await ctx('ex-checker'), request.id, 'fine');
  return { request, username };
}

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
  await addStaff(testDatabase.database, { username: 'ex-maker', officeCode: 'DL', roles: ['ADMIN'] });
  await addStaff(testDatabase.database, { username: 'ex-checker', officeCode: 'DL', roles: ['ADMIN'] });
  await addStaff(testDatabase.database, { username: 'ex-finance', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] });
  await addStaff(testDatabase.database, { username: 'ex-finance2', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] });
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('an approved role grant', () => {
  it('is executed once: the role added, EXECUTED with its result, audited, however often the event is delivered', async () => {
    const { request, username } = await approvedGrant();
    const event = await decidedEventOf(request);
    now = new Date(now.getTime() + 60_000);
    await deliver(APPROVALS_QUEUE)(event);
    await deliver(APPROVALS_QUEUE)(event);
    expect(await rolesOf(testDatabase.database, username)).toEqual(['COUNTER_CLERK', 'ADMIN']);
    const executed = await read(request.id);
    expect(executed).toMatchObject({
      status: 'EXECUTED',
      executedAt: now,
      result: { username, role: 'ADMIN', rolesBefore: ['COUNTER_CLERK'], rolesAfter: ['COUNTER_CLERK', 'ADMIN'] },
    });
    expect(await auditActions(testDatabase.database, request.id)).toEqual(['APPROVAL_SUBMITTED', 'APPROVAL_APPROVED', 'APPROVAL_EXECUTED']);
    const staffId = (request.payload as { staffId: string }).staffId;
    expect(await auditActions(testDatabase.database, staffId)).toEqual(['ROLE_GRANT_REQUESTED', 'ROLE_GRANTED']);
  });

  it('is not executed again by a replay under a new event id (the conditional update is the second guard)', async () => {
    const { request, username } = await approvedGrant();
    const event = await decidedEventOf(request);
    await deliver(APPROVALS_QUEUE)(event);
    const replay = newEvent('approval.decided', (event as Extract<AnyEvent, { type: 'approval.decided' }>).payload, { source: 'administration' });
    await deliver(APPROVALS_QUEUE)(replay);
    expect(await rolesOf(testDatabase.database, username)).toEqual(['COUNTER_CLERK', 'ADMIN']);
    expect(await auditActions(testDatabase.database, request.id)).toEqual(['APPROVAL_SUBMITTED', 'APPROVAL_APPROVED', 'APPROVAL_EXECUTED']);
  });

  it('is FAILED, and changes nothing, when a rule no longer holds at execution (the maker lost the role)', async () => {
    await addStaff(testDatabase.database, { username: 'ex-maker-soon-demoted', officeCode: 'DL', roles: ['ADMIN'] });
    const { request, username } = await approvedGrant('ADMIN', 'ex-maker-soon-demoted');
    await testDatabase.database.db.execute(sql`update administration.staff set roles = '{AUDITOR}' where username = 'ex-maker-soon-demoted'`);
    await deliver(APPROVALS_QUEUE)(await decidedEventOf(request));
    expect(await rolesOf(testDatabase.database, username)).toEqual(['COUNTER_CLERK']);
    // role.grant went with ADMIN, so the scope check refuses first.
    expect(await read(request.id)).toMatchObject({ status: 'FAILED', result: { code: 'FORBIDDEN' } });
    expect(await auditActions(testDatabase.database, request.id)).toEqual(['APPROVAL_SUBMITTED', 'APPROVAL_APPROVED', 'APPROVAL_EXECUTION_FAILED']);
  });

  it('is FAILED when the grantee already got the role another way, or moved office, meanwhile', async () => {
    const first = await approvedGrant();
    await testDatabase.database.db.execute(sql`update administration.staff set roles = '{COUNTER_CLERK,ADMIN}' where username = ${first.username}`);
    await deliver(APPROVALS_QUEUE)(await decidedEventOf(first.request));
    expect(await read(first.request.id)).toMatchObject({ status: 'FAILED', result: { code: 'ROLE_ALREADY_HELD' } });

    const second = await approvedGrant();
    await testDatabase.database.db.execute(sql`update administration.staff set office_code = 'NDGPO-KB' where username = ${second.username}`);
    await deliver(APPROVALS_QUEUE)(await decidedEventOf(second.request));
    expect(await read(second.request.id)).toMatchObject({ status: 'FAILED', result: { code: 'STAFF_OFFICE_CHANGED' } });
    expect(await rolesOf(testDatabase.database, second.username)).toEqual(['COUNTER_CLERK']);
  });

  it('is FAILED with PAYLOAD_TAMPERED when the stored payload changed after approval', async () => {
    const { request, username } = await approvedGrant();
    await asSuperuserBypassingTriggers(
      testDatabase.database,
      sql`update administration.approval_requests set payload = jsonb_set(payload, '{role}', '"AUDITOR"') where id = ${request.id}`,
    );
    await deliver(APPROVALS_QUEUE)(await decidedEventOf(request));
    expect(await read(request.id)).toMatchObject({ status: 'FAILED', result: { code: 'PAYLOAD_TAMPERED' } });
    expect(await rolesOf(testDatabase.database, username)).toEqual(['COUNTER_CLERK']);
  });

  it('is FAILED with PAYLOAD_TAMPERED when payload, hash and event were all rewritten with a recomputed plain SHA-256', async () => {
    const { request, username } = await approvedGrant();
    const altered = { ...request.payload, role: 'AUDITOR' };
    const forged = await forgePayloadWithPlainHash(testDatabase.database, request.id, altered);
    // The superuser rewrites the staged event too, so that event, row and plain hash all agree.
    const original = (await decidedEventOf(request)) as Extract<AnyEvent, { type: 'approval.decided' }>;
    await deliver(APPROVALS_QUEUE)(newEvent('approval.decided', { ...original.payload, payload: altered, payloadHash: forged }, { source: 'administration' }));
    expect(await read(request.id)).toMatchObject({ status: 'FAILED', result: { code: 'PAYLOAD_TAMPERED' } });
    expect(await rolesOf(testDatabase.database, username)).toEqual(['COUNTER_CLERK']);
  });

  it('is left alone when the decision was REJECTED', async () => {
    await addStaff(testDatabase.database, { username: 'ex-rejected', officeCode: 'NDGPO', roles: [] });
    const request = await roles().grantRole(await ctx('ex-maker'), { username: 'ex-rejected', role: 'ADMIN' });
    await approvals().reject(await ctx('ex-checker'), request.id, 'no');
    await deliver(APPROVALS_QUEUE)(await decidedEventOf(request));
    expect(await read(request.id)).toMatchObject({ status: 'REJECTED' });
    expect(await rolesOf(testDatabase.database, 'ex-rejected')).toEqual([]);
  });

  it.runIf(needs('postgres'))('[needs PostgreSQL] is executed once by two concurrent deliveries under different event ids', async () => {
    const { request, username } = await approvedGrant();
    const event = (await decidedEventOf(request)) as Extract<AnyEvent, { type: 'approval.decided' }>;
    const twin = newEvent('approval.decided', event.payload, { source: 'administration' });
    await Promise.all([deliver(APPROVALS_QUEUE)(event), deliver(APPROVALS_QUEUE)(twin)]);
    expect(await rolesOf(testDatabase.database, username)).toEqual(['COUNTER_CLERK', 'ADMIN']);
    expect(await auditActions(testDatabase.database, request.id)).toEqual(['APPROVAL_SUBMITTED', 'APPROVAL_APPROVED', 'APPROVAL_EXECUTED']);
  });
});

describe("another owner's command", () => {
  async function approvedJournal() {
    const finance = rowsOf<{ id: string }>(await testDatabase.database.db.execute(sql`select id from administration.staff where username = 'ex-finance'`))[0]!;
    const request = await approvals().submit(serviceContext('accounts'), {
      kind: 'MANUAL_JOURNAL',
      summary: 'Correct a mis-posted commission',
      payload: { officeCode: 'NDGPO', lines: [{ account: 'NDGPO:1100', debit: '25.00' }, { account: 'NDGPO:4100', credit: '25.00' }] },
      officeCode: 'NDGPO',
      makerId: finance.id,
    });
    await approvals().approve(await ctx('ex-finance2'), request.id);
    return request;
  }
  const executed = (request: ApprovalRequestRecord, change: Record<string, unknown> = {}, source = 'accounts') =>
    newEvent(
      'approval.executed',
      {
        requestId: request.id,
        kind: request.kind,
        payloadHash: request.payloadHash,
        outcome: 'EXECUTED',
        result: { journalEntryId: 'JE-1' },
        executedAt: now.toISOString(),
        ...change,
      } as never,
      { source },
    );

  it('is not executed by administration: its approval.decided consumer leaves it APPROVED', async () => {
    const request = await approvedJournal();
    await deliver(APPROVALS_QUEUE)(await decidedEventOf(request));
    expect(await read(request.id)).toMatchObject({ status: 'APPROVED', subgraph: 'accounts' });
  });

  it("is recorded EXECUTED (or FAILED) from the owner's approval.executed report, once", async () => {
    const request = await approvedJournal();
    const report = executed(request);
    await deliver(APPROVAL_RESULTS_QUEUE)(report);
    await deliver(APPROVAL_RESULTS_QUEUE)(report);
    await deliver(APPROVAL_RESULTS_QUEUE)(executed(request, { outcome: 'FAILED', result: { code: 'PERIOD_CLOSED' } }));
    expect(await read(request.id)).toMatchObject({ status: 'EXECUTED', result: { journalEntryId: 'JE-1' } });
    expect(await auditActions(testDatabase.database, request.id)).toEqual(['APPROVAL_SUBMITTED', 'APPROVAL_APPROVED', 'APPROVAL_EXECUTED']);

    const failing = await approvedJournal();
    await deliver(APPROVAL_RESULTS_QUEUE)(executed(failing, { outcome: 'FAILED', result: { code: 'PERIOD_CLOSED', message: 'closed' } }));
    expect(await read(failing.id)).toMatchObject({ status: 'FAILED', result: { code: 'PERIOD_CLOSED' } });
  });

  it('refuses a report from a subgraph that does not own the kind, or for another payload, and records nothing', async () => {
    const request = await approvedJournal();
    await expect(deliver(APPROVAL_RESULTS_QUEUE)(executed(request, {}, 'money-orders'))).rejects.toThrow(/which accounts owns/);
    await expect(deliver(APPROVAL_RESULTS_QUEUE)(executed(request, { payloadHash: 'f'.repeat(64) }))).rejects.toThrow(/a payload other than/);
    await expect(deliver(APPROVAL_RESULTS_QUEUE)(executed(request, { kind: 'MO_REFUND' }))).rejects.toThrow(/which accounts owns/);
    expect(await read(request.id)).toMatchObject({ status: 'APPROVED' });
  });

  it('refuses a report for a request that was never approved', async () => {
    const finance = rowsOf<{ id: string }>(await testDatabase.database.db.execute(sql`select id from administration.staff where username = 'ex-finance'`))[0]!;
    const pending = await approvals().submit(serviceContext('accounts'), {
      kind: 'MANUAL_JOURNAL',
      summary: 'Pending journal',
      payload: { n: 1 },
      officeCode: 'NDGPO',
      makerId: finance.id,
    });
    await expect(deliver(APPROVAL_RESULTS_QUEUE)(executed(pending))).rejects.toThrow(/is PENDING, not APPROVED/);
  });
});
