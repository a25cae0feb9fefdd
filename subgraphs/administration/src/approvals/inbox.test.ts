import { rowsOf, transaction } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOfficePath } from '../offices/repository.js';
import { seedDemoAdministration } from '../seed/demo.js';
import { DEFAULT_APPROVAL_TTL_MS } from './domain.js';
import { APPROVAL_KIND_REGISTRY } from './kinds.js';
import { createApprovalService } from './service.js';
import { addStaff, anonymous, auditActions, contextOf, serviceContext, stagedEvents, TEST_IDENTITY_SECRET } from './test-support/fixtures.js';

/** The service-only submission API, the inbox queries and the expiry sweep, against a real database. */
let testDatabase: TestDatabase;
let now = new Date('2026-05-04T09:00:00.000Z');
const clock = () => now;
const approvals = () => createApprovalService({ database: testDatabase.database, clock, identitySecret: TEST_IDENTITY_SECRET });
const ids: Record<string, string> = {};
const identity = async (username: string) => (await contextOf(testDatabase.database, username)).identity;

function submission(change: Partial<{ kind: string; summary: string; payload: unknown; officeCode: string; makerId: string }> = {}) {
  return { kind: 'MANUAL_JOURNAL', summary: 'Reverse a duplicate posting', payload: { entry: 'JE-7', amount: '120.00' }, officeCode: 'NDGPO', makerId: ids['in-finance']!, ...change };
}

async function submitAt(minute: number, change: Parameters<typeof submission>[0] = {}, service = 'accounts') {
  now = new Date(Date.UTC(2026, 4, 4, 9, minute));
  return approvals().submit(serviceContext(service), submission(change));
}

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
  ids['in-finance'] = await addStaff(testDatabase.database, { username: 'in-finance', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] });
  ids['in-clerk'] = await addStaff(testDatabase.database, { username: 'in-clerk', officeCode: 'NDGPO', roles: ['COUNTER_CLERK'] });
  ids['in-clerk-kb'] = await addStaff(testDatabase.database, { username: 'in-clerk-kb', officeCode: 'NDGPO-KB', roles: ['COUNTER_CLERK'] });
  ids['in-admin'] = await addStaff(testDatabase.database, { username: 'in-admin', officeCode: 'DL', roles: ['ADMIN'] });
  ids['in-auditor-ho'] = await addStaff(testDatabase.database, { username: 'in-auditor-ho', officeCode: 'NDGPO', roles: ['AUDITOR'] });
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('the kinds and the data', () => {
  it('has, for every kind, a role whose holders can check it (role_permissions grants its permission)', async () => {
    const granted = rowsOf<{ permission: string }>(await testDatabase.database.db.execute(sql`select distinct permission from administration.role_permissions`));
    const permissions = new Set(granted.map((row) => row.permission));
    for (const [kind, definition] of Object.entries(APPROVAL_KIND_REGISTRY)) expect([kind, permissions.has(definition.approvePermission)]).toEqual([kind, true]);
  });
});

describe('submitApprovalRequest (service only)', () => {
  it("records the owner's request for the maker, audited with the maker as actor", async () => {
    const request = await submitAt(0);
    expect(request).toMatchObject({ kind: 'MANUAL_JOURNAL', subgraph: 'accounts', status: 'PENDING', maker: { username: 'in-finance' }, officeCode: 'NDGPO' });
    const [audit] = await stagedEvents(testDatabase.database, { type: 'audit.recorded', about: request.id });
    expect(audit?.payload).toMatchObject({ action: 'APPROVAL_SUBMITTED', actor: { kind: 'staff', username: 'in-finance' }, requestId: 'req-accounts' });
  });

  const refusals: Array<[string, () => Promise<unknown>, Record<string, unknown>]> = [
    ['a member of staff calling it directly', async () => approvals().submit(await contextOf(testDatabase.database, 'in-admin'), submission()), { code: 'FORBIDDEN' }],
    ['an anonymous caller', () => approvals().submit(anonymous, submission()), { code: 'UNAUTHENTICATED' }],
    ['a service submitting a kind it does not own', () => approvals().submit(serviceContext('money-orders'), submission()), { code: 'FORBIDDEN' }],
    ['anyone submitting ROLE_GRANT (only grantRole makes those)', () => approvals().submit(serviceContext('administration'), submission({ kind: 'ROLE_GRANT' })), { code: 'FORBIDDEN' }],
    ['an unknown kind', () => approvals().submit(serviceContext('accounts'), submission({ kind: 'FREE_MONEY' })), { code: 'UNKNOWN_APPROVAL_KIND', field: 'kind' }],
    ['a payload that is not an object', () => approvals().submit(serviceContext('accounts'), submission({ payload: [1] })), { code: 'BAD_USER_INPUT', field: 'payload' }],
    ['an amount as a JS number', () => approvals().submit(serviceContext('accounts'), submission({ payload: { amount: 1.5 } })), { code: 'BAD_USER_INPUT', field: 'payload' }],
    ['an empty summary', () => approvals().submit(serviceContext('accounts'), submission({ summary: '  ' })), { code: 'BAD_USER_INPUT', field: 'summary' }],
    ['an unknown maker', () => approvals().submit(serviceContext('accounts'), submission({ makerId: '00000000-0000-4000-8000-000000000000' })), { code: 'BAD_USER_INPUT', field: 'makerId' }],
    ['a malformed maker id', () => approvals().submit(serviceContext('accounts'), submission({ makerId: 'finance' })), { code: 'BAD_USER_INPUT', field: 'makerId' }],
    ['an unknown office', () => approvals().submit(serviceContext('accounts'), submission({ officeCode: 'NOWHERE' })), { code: 'BAD_USER_INPUT', field: 'officeCode' }],
    ['an office above the maker', () => approvals().submit(serviceContext('accounts'), submission({ officeCode: 'DL' })), { code: 'FORBIDDEN' }],
  ];
  it.each(refusals)('refuses %s', async (_name, attempt, expected) => {
    await expect(attempt()).rejects.toMatchObject(expected);
  });

  it('refuses a suspended maker', async () => {
    await addStaff(testDatabase.database, { username: 'in-suspended', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] });
    await testDatabase.database.db.execute(
      sql`update administration.staff set status = 'SUSPENDED', suspended_at = now(), suspension_reason = 'inquiry' where username = 'in-suspended'`,
    );
    const [row] = rowsOf<{ id: string }>(await testDatabase.database.db.execute(sql`select id from administration.staff where username = 'in-suspended'`));
    await expect(approvals().submit(serviceContext('accounts'), submission({ makerId: row!.id }))).rejects.toMatchObject({ field: 'makerId' });
  });
});

describe('the inbox queries', () => {
  let journalAtHo: string;
  let refundAtKb: string;
  let refundAtHo: string;

  beforeAll(async () => {
    journalAtHo = (await submitAt(10)).id;
    refundAtKb = (await submitAt(11, { kind: 'MO_REFUND', officeCode: 'NDGPO-KB', makerId: ids['in-clerk-kb']!, payload: { order: 'MO-1' } }, 'money-orders')).id;
    refundAtHo = (await submitAt(12, { kind: 'MO_REFUND', makerId: ids['in-clerk']!, payload: { order: 'MO-2' } }, 'money-orders')).id;
  });

  const list = async (username: string, filter = {}, first = 50, after?: string) =>
    approvals().listApprovalRequests(await identity(username), filter, first, after);
  const idsOf = (connection: Awaited<ReturnType<typeof list>>) => connection.edges.map((edge) => edge.node.id);

  it('shows a holder of approval.read everything in scope, newest first', async () => {
    const page = idsOf(await list('in-admin'));
    expect(page.slice(0, 3)).toEqual([refundAtHo, refundAtKb, journalAtHo]);
  });

  it('shows someone without approval.read only their own requests, and nothing to the anonymous', async () => {
    expect(idsOf(await list('in-clerk'))).toEqual([refundAtHo]);
    expect(idsOf(await list('in-clerk-kb'))).toEqual([refundAtKb]);
    await expect(approvals().listApprovalRequests({ kind: 'anonymous' }, {}, 10, undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('filters by scope in SQL: an auditor at the head office sees its subtree, not the division above it', async () => {
    const seen = idsOf(await list('in-auditor-ho'));
    expect(seen).toContain(refundAtKb);
    expect(seen).toContain(refundAtHo);
    expect(seen).toContain(journalAtHo);
    const atDivision = (await submitAt(13, { officeCode: 'DL-NDC' })).id;
    expect(idsOf(await list('in-auditor-ho'))).not.toContain(atDivision);
    expect(idsOf(await list('in-admin'))).toContain(atDivision);
  });

  it('answers one request to those who may see it, and null to anyone else', async () => {
    expect((await approvals().getApprovalRequest(await identity('in-clerk'), refundAtHo))?.id).toBe(refundAtHo);
    expect(await approvals().getApprovalRequest(await identity('in-clerk'), refundAtKb)).toBeNull();
    expect(await approvals().getApprovalRequest(await identity('in-clerk'), 'nonsense')).toBeNull();
    expect((await approvals().getApprovalRequest(await identity('in-auditor-ho'), refundAtKb))?.id).toBe(refundAtKb);
  });

  it('filters by kind, status and office subtree', async () => {
    expect(idsOf(await list('in-admin', { kind: 'MO_REFUND' }))).toEqual([refundAtHo, refundAtKb]);
    expect(idsOf(await list('in-admin', { officeCode: 'NDGPO-KB' }))).toEqual([refundAtKb]);
    expect(idsOf(await list('in-admin', { officeCode: 'NDGPO', kind: 'MO_REFUND' }))).toEqual([refundAtHo, refundAtKb]);
    expect(idsOf(await list('in-admin', { officeCode: 'NOWHERE' }))).toEqual([]);
    expect(idsOf(await list('in-admin', { status: 'APPROVED' }))).toEqual([]);
  });

  it("separates the caller's own requests from the ones waiting for their decision", async () => {
    const journals = idsOf(await list('in-finance', { kind: 'MANUAL_JOURNAL' }));
    expect(idsOf(await list('in-finance', { mine: true }))).toEqual(journals);
    expect(idsOf(await list('in-finance', { mine: false }))).toEqual([refundAtHo, refundAtKb]);
    expect(idsOf(await list('in-clerk', { mine: true }))).toEqual([refundAtHo]);
    expect(idsOf(await list('in-clerk', { mine: false }))).toEqual([]);
    // A finance officer decides refunds (mo.refund.approve) but never their own journals.
    expect(idsOf(await list('in-finance', { waitingForMe: true }))).toEqual([refundAtHo, refundAtKb]);
    expect(idsOf(await list('in-finance', { waitingForMe: true, officeCode: 'NDGPO-KB' }))).toEqual([refundAtKb]);
    // An administrator decides role grants only; an auditor and a clerk decide nothing.
    expect(idsOf(await list('in-admin', { waitingForMe: true }))).toEqual([]);
    expect(idsOf(await list('in-auditor-ho', { waitingForMe: true }))).toEqual([]);
    expect(idsOf(await list('in-clerk', { waitingForMe: true }))).toEqual([]);
    expect(idsOf(await list('in-admin', { waitingForMe: false })).length).toBeGreaterThan(0);
    const service = await approvals().listApprovalRequests(serviceContext('accounts').identity, { mine: true }, 10, undefined);
    expect(service.edges).toEqual([]);

    // A role grant waits for an administrator (role.approve), not for a finance officer; once decided it waits for nobody.
    const grant = await transaction(testDatabase.database, 'read committed', async (tx) =>
      approvals().submitInTx(tx, serviceContext('administration'), {
        kind: 'ROLE_GRANT',
        summary: 'Grant AUDITOR to in-clerk',
        payload: { username: 'in-clerk', staffId: ids['in-clerk']!, role: 'AUDITOR', officeCode: 'NDGPO' },
        office: { code: 'NDGPO', path: (await findOfficePath(tx, 'NDGPO'))! },
        maker: { id: ids['in-finance']!, username: 'in-finance' },
      }),
    );
    expect(idsOf(await list('in-admin', { waitingForMe: true }))).toEqual([grant.id]);
    expect(idsOf(await list('in-finance', { waitingForMe: true }))).toEqual([refundAtHo, refundAtKb]);
    await approvals().reject(await contextOf(testDatabase.database, 'in-admin'), grant.id, 'not needed');
    expect(idsOf(await list('in-admin', { waitingForMe: true }))).toEqual([]);
  });

  it('pages by keyset, newest first, across rows created in the same millisecond', async () => {
    now = new Date(Date.UTC(2026, 4, 4, 9, 20));
    const sameInstant = [];
    for (let index = 0; index < 3; index += 1) sameInstant.push((await approvals().submit(serviceContext('accounts'), submission({ payload: { n: index } }))).id);
    const all = idsOf(await list('in-admin', {}, 100));
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await list('in-admin', {}, 2, after);
      paged.push(...idsOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
    expect(all.slice(0, 3).sort()).toEqual([...sameInstant].sort());
    await expect(list('in-admin', {}, 101)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    await expect(list('in-admin', {}, 2, 'forged')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('shows an overdue request as EXPIRED before and after the sweep, which marks it, audits it and tells the owner', async () => {
    now = new Date(Date.UTC(2026, 4, 4, 9, 12) + DEFAULT_APPROVAL_TTL_MS);
    const admin = await identity('in-admin');
    expect((await approvals().getApprovalRequest(admin, refundAtHo))?.status).toBe('EXPIRED');
    // Everything submitted up to 09:12 (three here and one in the first test); nothing later.
    const overdue = idsOf(await list('in-admin', { status: 'EXPIRED' }));
    expect(overdue.slice(0, 3)).toEqual([refundAtHo, refundAtKb, journalAtHo]);
    expect(overdue).toHaveLength(4);
    const pending = idsOf(await list('in-admin', { status: 'PENDING' }));
    expect(pending).toHaveLength(4);
    expect(pending.some((id) => overdue.includes(id))).toBe(false);
    expect(await approvals().expireOverdue()).toBe(4);
    expect(await approvals().expireOverdue()).toBe(0);
    const [row] = rowsOf<{ status: string }>(await testDatabase.database.db.execute(sql`select status from administration.approval_requests where id = ${refundAtHo}`));
    expect(row?.status).toBe('EXPIRED');
    expect(idsOf(await list('in-admin', { status: 'EXPIRED' }))).toEqual(overdue);
    expect(await auditActions(testDatabase.database, refundAtHo)).toEqual(['APPROVAL_SUBMITTED', 'APPROVAL_EXPIRED']);
    const [decided] = await stagedEvents(testDatabase.database, { type: 'approval.decided', about: refundAtHo });
    expect(decided?.payload).toMatchObject({ decision: 'EXPIRED', subgraph: 'money-orders' });
  });
});
