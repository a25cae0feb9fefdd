import { rowsOf } from '@postal/db';
import { createTestDatabase, needs, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoleService } from '../roles/service.js';
import { seedDemoAdministration } from '../seed/demo.js';
import { DEFAULT_APPROVAL_TTL_MS } from './domain.js';
import { payloadMac } from './payload.js';
import { createApprovalService } from './service.js';
import {
  addStaff,
  anonymous,
  asSuperuserBypassingTriggers,
  forgePayloadWithPlainHash,
  auditActions,
  contextOf,
  serviceContext,
  stagedEvents,
  TEST_IDENTITY_SECRET,
} from './test-support/fixtures.js';

/**
 * The approvals inbox against a real database: submission, decisions and their refusals, the database's own guards,
 * expiry and the inbox queries. Role grants are the in-process kind used to make requests; their own rules are
 * tested in roles/service.test.ts.
 */
let testDatabase: TestDatabase;
let now = new Date('2026-03-02T09:00:00.000Z');
const clock = () => now;
const tick = (ms = 1_000) => {
  now = new Date(now.getTime() + ms);
};

const approvals = () => createApprovalService({ database: testDatabase.database, clock, identitySecret: TEST_IDENTITY_SECRET });
const roles = () => createRoleService({ database: testDatabase.database, clock, approvals: approvals() });
const ctx = (username: string) => contextOf(testDatabase.database, username);
const ids: Record<string, string> = {};

/** A fresh member of staff with no roles at NDGPO, and a PENDING grant of ADMIN to them made by `maker`. */
let targets = 0;
async function pendingGrant(maker = 'ap-maker') {
  targets += 1;
  const username = `ap-target-${targets}`;
  ids[username] = await addStaff(testDatabase.database, { username, officeCode: 'NDGPO', roles: [] });
  tick();
  return roles().grantRole(await ctx(maker), { username, role: 'ADMIN' });
}

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
  const { database } = testDatabase;
  ids['ap-maker'] = await addStaff(database, { username: 'ap-maker', officeCode: 'DL', roles: ['ADMIN'] });
  ids['ap-checker'] = await addStaff(database, { username: 'ap-checker', officeCode: 'DL', roles: ['ADMIN'] });
  ids['ap-checker2'] = await addStaff(database, { username: 'ap-checker2', officeCode: 'DL', roles: ['ADMIN'] });
  ids['ap-div-admin'] = await addStaff(database, { username: 'ap-div-admin', officeCode: 'DL-NDC', roles: ['ADMIN'] });
  ids['ap-finance'] = await addStaff(database, { username: 'ap-finance', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] });
  ids['ap-finance2'] = await addStaff(database, { username: 'ap-finance2', officeCode: 'DL-NDC', roles: ['FINANCE_OFFICER'] });
  ids['ap-clerk'] = await addStaff(database, { username: 'ap-clerk', officeCode: 'NDGPO', roles: ['COUNTER_CLERK'] });
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('a role grant becomes a pending approval request', () => {
  it('stores exactly what was asked, with its hash, maker, office and expiry, and audits the submission', async () => {
    const request = await pendingGrant();
    expect(request).toMatchObject({
      kind: 'ROLE_GRANT',
      subgraph: 'administration',
      status: 'PENDING',
      maker: { id: ids['ap-maker'], username: 'ap-maker' },
      officeCode: 'NDGPO',
      officePath: 'DL/DL-NDC/NDGPO',
      checker: null,
      payload: { username: `ap-target-${targets}`, staffId: ids[`ap-target-${targets}`], role: 'ADMIN', officeCode: 'NDGPO' },
    });
    expect(request.payloadHash).toBe(payloadMac(TEST_IDENTITY_SECRET, 'ROLE_GRANT', request.payload));
    expect(request.expiresAt.getTime() - request.createdAt.getTime()).toBe(DEFAULT_APPROVAL_TTL_MS);
    expect(await auditActions(testDatabase.database, request.id)).toEqual(['APPROVAL_SUBMITTED']);
  });
});

describe('deciding a request', () => {
  it('approves: APPROVED with the checker and comment, an approval.decided event for the owner and an audit event', async () => {
    const request = await pendingGrant();
    tick();
    const approved = await approvals().approve(await ctx('ap-checker'), request.id, '  looks right ');
    expect(approved).toMatchObject({ status: 'APPROVED', checker: { id: ids['ap-checker'], username: 'ap-checker' }, comment: 'looks right' });
    expect(approved.decidedAt?.toISOString()).toBe(now.toISOString());
    const [decided, ...more] = await stagedEvents(testDatabase.database, { type: 'approval.decided', about: request.id });
    expect(more).toEqual([]);
    expect(decided?.payload).toEqual({
      requestId: request.id,
      kind: 'ROLE_GRANT',
      subgraph: 'administration',
      decision: 'APPROVED',
      payload: request.payload,
      payloadHash: request.payloadHash,
      officeCode: 'NDGPO',
      maker: { id: ids['ap-maker'], username: 'ap-maker' },
      checker: { id: ids['ap-checker'], username: 'ap-checker' },
      decidedAt: now.toISOString(),
    });
    expect(await auditActions(testDatabase.database, request.id)).toEqual(['APPROVAL_SUBMITTED', 'APPROVAL_APPROVED']);
  });

  it('rejects with a reason, and tells the owner (decision REJECTED)', async () => {
    const request = await pendingGrant();
    const rejected = await approvals().reject(await ctx('ap-checker'), request.id, 'not this week');
    expect(rejected).toMatchObject({ status: 'REJECTED', reason: 'not this week', comment: null });
    const [decided] = await stagedEvents(testDatabase.database, { type: 'approval.decided', about: request.id });
    expect(decided?.payload).toMatchObject({ decision: 'REJECTED' });
    expect(await auditActions(testDatabase.database, request.id)).toEqual(['APPROVAL_SUBMITTED', 'APPROVAL_REJECTED']);
  });

  it('refuses the maker (MAKER_CANNOT_APPROVE), for approve and reject, and audits the attempt', async () => {
    const request = await pendingGrant();
    await expect(approvals().approve(await ctx('ap-maker'), request.id)).rejects.toMatchObject({ code: 'MAKER_CANNOT_APPROVE' });
    await expect(approvals().reject(await ctx('ap-maker'), request.id, 'withdrawn')).rejects.toMatchObject({ code: 'MAKER_CANNOT_APPROVE' });
    expect(await auditActions(testDatabase.database, request.id)).toEqual(['APPROVAL_SUBMITTED', 'APPROVAL_APPROVE_REFUSED', 'APPROVAL_REJECT_REFUSED']);
    expect((await approvals().getApprovalRequest((await ctx('ap-checker')).identity, request.id))?.status).toBe('PENDING');
  });

  it('refuses a checker without the kind permission, or without scope over the office (FORBIDDEN)', async () => {
    const request = await pendingGrant();
    // A finance officer holds journal.manual.approve, not role.approve; a clerk holds neither.
    await expect(approvals().approve(await ctx('ap-finance'), request.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(approvals().approve(await ctx('ap-clerk'), request.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A request about someone at the circle office is outside a divisional admin's scope.
    ids['ap-circle-target'] = await addStaff(testDatabase.database, { username: 'ap-circle-target', officeCode: 'DL', roles: [] });
    const atCircle = await roles().grantRole(await ctx('ap-maker'), { username: 'ap-circle-target', role: 'ADMIN' });
    await expect(approvals().approve(await ctx('ap-div-admin'), atCircle.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The same divisional admin may decide one inside the division.
    await expect(approvals().approve(await ctx('ap-div-admin'), request.id)).resolves.toMatchObject({ status: 'APPROVED' });
  });

  it('refuses a second decision (APPROVAL_NOT_PENDING) and an unknown or malformed id (APPROVAL_NOT_FOUND)', async () => {
    const request = await pendingGrant();
    await approvals().approve(await ctx('ap-checker'), request.id);
    await expect(approvals().approve(await ctx('ap-checker2'), request.id)).rejects.toMatchObject({ code: 'APPROVAL_NOT_PENDING' });
    await expect(approvals().reject(await ctx('ap-checker2'), request.id, 'too late')).rejects.toMatchObject({ code: 'APPROVAL_NOT_PENDING' });
    const checker = await ctx('ap-checker');
    await expect(approvals().approve(checker, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'APPROVAL_NOT_FOUND' });
    await expect(approvals().approve(checker, 'not-an-id')).rejects.toMatchObject({ code: 'APPROVAL_NOT_FOUND' });
    await expect(approvals().approve(checker, '')).rejects.toMatchObject({ code: 'APPROVAL_NOT_FOUND' });
  });

  it('needs a reason to reject, and bounds the comment (BAD_USER_INPUT naming the field)', async () => {
    const request = await pendingGrant();
    const checker = await ctx('ap-checker');
    await expect(approvals().reject(checker, request.id, '   ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    await expect(approvals().approve(checker, request.id, 'x'.repeat(2_001))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
  });

  it('refuses anonymous callers and services: a person decides', async () => {
    const request = await pendingGrant();
    await expect(approvals().approve(anonymous, request.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(approvals().approve(serviceContext('accounts'), request.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('checks the checker as the database has them now, not as their token had them', async () => {
    const request = await pendingGrant();
    const stale = await ctx('ap-checker2');
    await testDatabase.database.db.execute(sql`update administration.staff set roles = '{AUDITOR}' where username = 'ap-checker2'`);
    try {
      await expect(approvals().approve(stale, request.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await testDatabase.database.db.execute(sql`update administration.staff set roles = '{ADMIN}' where username = 'ap-checker2'`);
    }
  });

  it('refuses a payload changed behind the code (PAYLOAD_TAMPERED) and leaves the request undecided', async () => {
    const request = await pendingGrant();
    await asSuperuserBypassingTriggers(
      testDatabase.database,
      sql`update administration.approval_requests set payload = jsonb_set(payload, '{role}', '"AUDITOR"') where id = ${request.id}`,
    );
    await expect(approvals().approve(await ctx('ap-checker'), request.id)).rejects.toMatchObject({ code: 'PAYLOAD_TAMPERED' });
    await expect(approvals().reject(await ctx('ap-checker'), request.id, 'odd')).rejects.toMatchObject({ code: 'PAYLOAD_TAMPERED' });
    expect((await approvals().getApprovalRequest((await ctx('ap-checker')).identity, request.id))?.status).toBe('PENDING');
    const refusals = (await stagedEvents(testDatabase.database, { type: 'audit.recorded', about: request.id })).map(
      (event) => (event.payload as { reason?: string }).reason,
    );
    expect(refusals).toContain('PAYLOAD_TAMPERED');
  });

  it('refuses a payload altered together with a recomputed plain SHA-256 hash (PAYLOAD_TAMPERED): the hash is a keyed MAC', async () => {
    const request = await pendingGrant();
    await forgePayloadWithPlainHash(testDatabase.database, request.id, { ...request.payload, role: 'AUDITOR' });
    await expect(approvals().approve(await ctx('ap-checker'), request.id)).rejects.toMatchObject({ code: 'PAYLOAD_TAMPERED' });
    expect((await approvals().getApprovalRequest((await ctx('ap-checker')).identity, request.id))?.status).toBe('PENDING');
  });

  it('expires an overdue request on the spot: APPROVAL_EXPIRED, and the EXPIRED status is committed', async () => {
    const request = await pendingGrant();
    const checker = await ctx('ap-checker');
    const saved = now;
    now = new Date(request.expiresAt.getTime());
    try {
      await expect(approvals().approve(checker, request.id)).rejects.toMatchObject({ code: 'APPROVAL_EXPIRED' });
      const [row] = rowsOf<{ status: string; decided_at: Date }>(
        await testDatabase.database.db.execute(sql`select status, decided_at from administration.approval_requests where id = ${request.id}`),
      );
      expect(row?.status).toBe('EXPIRED');
      await expect(approvals().reject(checker, request.id, 'late')).rejects.toMatchObject({ code: 'APPROVAL_EXPIRED' });
      const [decided] = await stagedEvents(testDatabase.database, { type: 'approval.decided', about: request.id });
      expect(decided?.payload).toMatchObject({ decision: 'EXPIRED' });
      expect(decided?.payload).not.toHaveProperty('checker');
      expect(await auditActions(testDatabase.database, request.id)).toEqual([
        'APPROVAL_SUBMITTED',
        'APPROVAL_EXPIRED',
        'APPROVAL_APPROVE_REFUSED',
        'APPROVAL_REJECT_REFUSED',
      ]);
    } finally {
      now = saved;
    }
  });
});

describe('the database guards the inbox even when the code is bypassed', () => {
  /** What the database said when it refused a statement (drizzle wraps the driver's error as its cause). */
  async function refusalOf(statement: ReturnType<typeof sql>): Promise<string> {
    try {
      await testDatabase.database.db.execute(statement);
    } catch (error) {
      const cause = (error as { cause?: { message?: string; constraint?: string } }).cause;
      return `${cause?.constraint ?? ''} ${cause?.message ?? (error as Error).message}`;
    }
    throw new Error('the database accepted the statement');
  }

  it('refuses a checker who is the maker (CHECK approval_requests_checker_not_maker), and accepts anyone else', async () => {
    const request = await pendingGrant();
    const approveAs = (checkerId: string, checkerUsername: string) =>
      sql`update administration.approval_requests
          set status = 'APPROVED', checker_id = ${checkerId}, checker_username = ${checkerUsername}, decided_at = created_at
          where id = ${request.id}`;
    const makerId = ids['ap-maker']!;
    expect(await refusalOf(approveAs(makerId, 'ap-maker'))).toMatch(/approval_requests_checker_not_maker/);
    // Neither the maker's id under another name nor another id under the maker's name.
    expect(await refusalOf(approveAs(makerId, 'someone-else'))).toMatch(/approval_requests_checker_not_maker/);
    expect(await refusalOf(approveAs(ids['ap-checker']!, 'ap-maker'))).toMatch(/approval_requests_checker_not_maker/);
    // The control: the same statement with a different person goes through.
    await testDatabase.database.db.execute(approveAs(ids['ap-checker']!, 'ap-checker'));
    expect((await approvals().getApprovalRequest((await ctx('ap-checker')).identity, request.id))?.status).toBe('APPROVED');
  });

  it('refuses a status without the fields it implies (CHECK approval_requests_status_fields)', async () => {
    const request = await pendingGrant();
    const set = (assignments: ReturnType<typeof sql>) => sql`update administration.approval_requests set ${assignments} where id = ${request.id}`;
    // APPROVED without a checker; REJECTED without a reason; EXPIRED with a checker.
    expect(await refusalOf(set(sql`status = 'APPROVED', decided_at = created_at`))).toMatch(/approval_requests_status_fields/);
    expect(await refusalOf(set(sql`status = 'REJECTED', checker_id = ${ids['ap-checker']}, checker_username = 'ap-checker', decided_at = created_at`))).toMatch(
      /approval_requests_status_fields/,
    );
    expect(await refusalOf(set(sql`status = 'EXPIRED', checker_id = ${ids['ap-checker']}, checker_username = 'ap-checker', decided_at = created_at`))).toMatch(
      /approval_requests_status_fields/,
    );
  });

  it('refuses transitions outside the state machine, changes to what was submitted, and deletion (trigger)', async () => {
    const request = await pendingGrant();
    await approvals().reject(await ctx('ap-checker'), request.id, 'no');
    const rejected = (assignments: ReturnType<typeof sql>) => sql`update administration.approval_requests set ${assignments} where id = ${request.id}`;
    expect(await refusalOf(rejected(sql`status = 'APPROVED', reason = null, comment = 'sneaky'`))).toMatch(/REJECTED -> APPROVED is not a transition/);
    expect(await refusalOf(rejected(sql`status = 'EXECUTED', reason = null, executed_at = now(), result = '{}'`))).toMatch(/not a transition/);
    const pending = await pendingGrant();
    const change = (assignments: ReturnType<typeof sql>) => sql`update administration.approval_requests set ${assignments} where id = ${pending.id}`;
    expect(await refusalOf(change(sql`status = 'EXECUTED', checker_id = ${ids['ap-checker']}, checker_username = 'ap-checker', decided_at = now(), executed_at = now(), result = '{}'`))).toMatch(
      /PENDING -> EXECUTED is not a transition/,
    );
    expect(await refusalOf(change(sql`payload = jsonb_set(payload, '{role}', '"AUDITOR"')`))).toMatch(/what was submitted never changes/);
    expect(await refusalOf(change(sql`expires_at = expires_at + interval '1 year'`))).toMatch(/what was submitted never changes/);
    expect(await refusalOf(sql`delete from administration.approval_requests where id = ${pending.id}`)).toMatch(/never deleted/);
    expect(await refusalOf(sql`truncate administration.approval_requests`)).toMatch(/never deleted/);
  });

  it('refuses an execution that rewrites the decision', async () => {
    const request = await pendingGrant();
    await approvals().approve(await ctx('ap-checker'), request.id);
    expect(
      await refusalOf(sql`update administration.approval_requests
          set status = 'EXECUTED', executed_at = decided_at, result = '{}', checker_id = ${ids['ap-checker2']}, checker_username = 'ap-checker2'
          where id = ${request.id}`),
    ).toMatch(/the decision is not rewritten/);
  });
});

describe('exactly one of two concurrent approvals', () => {
  it.runIf(needs('postgres'))('[needs PostgreSQL] lets one checker win; the other hears APPROVAL_NOT_PENDING; one event', async () => {
    const request = await pendingGrant();
    const [first, second] = [await ctx('ap-checker'), await ctx('ap-checker2')];
    const outcomes = await Promise.allSettled([approvals().approve(first, request.id), approvals().approve(second, request.id)]);
    const codes = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'APPROVED' : (outcome.reason as { code: string }).code));
    expect(codes.sort()).toEqual(['APPROVAL_NOT_PENDING', 'APPROVED']);
    expect(await stagedEvents(testDatabase.database, { type: 'approval.decided', about: request.id })).toHaveLength(1);
  });
});
