import type { Identity } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactRequiredError, createMemoryNotifier, createSmsNotifier, NotificationFailedError, type Notifier } from '@postal/notify';
import { seedDemoAdministration } from '../seed/demo.js';
import { identityOf, requestAs } from '../test-support/identities.js';
import { createStaffService, type StaffService } from './service.js';

let testDatabase: TestDatabase;
let service: StaffService;
let now = new Date('2026-11-22T06:30:00Z');
const as: Record<string, Identity> = {};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? `THROWN: ${(error as Error).message}`;
  }
}

async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await testDatabase.database.db.execute(statement));
}

/** The newest audit record of a command (the TEMPORARY_PASSWORD_SENT record that follows a create or reset is skipped). */
async function lastAudit(action?: string) {
  const [row] = await query<{ payload: any }>(
    action
      ? sql`select payload from administration.outbox where type = 'audit.recorded' and payload->>'action' = ${action} order by id desc limit 1`
      : sql`select payload from administration.outbox where type = 'audit.recorded' and payload->>'action' <> 'TEMPORARY_PASSWORD_SENT' order by id desc limit 1`,
  );
  return row!.payload;
}

const notifier = createMemoryNotifier();
/** The temporary password as its owner received it. */
function passwordSentTo(username: string): string {
  const body = notifier.latest(username, 'TEMPORARY_PASSWORD')?.body ?? '';
  const match = /password is ([A-Z0-9]+)/.exec(body);
  if (!match) throw new Error(`nothing was sent to ${username}`);
  return match[1]!;
}

let employeeNumber = 20_000_000;
/** A new member of staff at an office, made by the circle administrator. */
async function hire(officeCode: string, username = `temp${employeeNumber + 1}`) {
  employeeNumber += 1;
  return service.createStaff(requestAs(as.admin!), { employeeId: String(employeeNumber), username, name: `Temp ${employeeNumber}`, officeCode });
}

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
  service = createStaffService({ database: testDatabase.database, clock: () => now, timeZone: 'Asia/Kolkata', notifier });
  for (const username of ['admin', 'admin2', 'admin.ndc', 'finance', 'auditor', 'clerk', 'postman']) {
    as[username] = await identityOf(testDatabase.database.db, username);
  }
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('createStaff', () => {
  it('creates a member of staff with no roles, a one-time temporary password and an open assignment, audited without secrets', async () => {
    const answer = await service.createStaff(requestAs(as['admin.ndc']!), {
      employeeId: '2001 0001',
      username: '  Ravi.Prakash ',
      name: ' Ravi   Prakash ',
      officeCode: 'NDGPO-CP',
    });
    const { staff } = answer;
    // The password went to its owner, and the answer says where, never what.
    expect(answer.temporaryPasswordSentTo).toEqual({ channel: 'MEMORY', address: 'ravi.prakash' });
    const temporaryPassword = passwordSentTo('ravi.prakash');
    expect(notifier.latest('ravi.prakash')?.recipient).toEqual({ staffId: staff.id, username: 'ravi.prakash', mobile: null, email: null });
    expect(JSON.stringify(answer)).not.toContain(temporaryPassword);
    expect(staff).toMatchObject({
      employeeId: '20010001',
      username: 'ravi.prakash',
      name: 'Ravi Prakash',
      officeCode: 'NDGPO-CP',
      roles: [],
      status: 'ACTIVE',
      mustChangePassword: true,
    });
    expect(temporaryPassword).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    const history = await service.assignments(staff, null);
    const maker = as['admin.ndc'] as Extract<Identity, { kind: 'staff' }>;
    expect(history).toEqual([expect.objectContaining({ officeCode: 'NDGPO-CP', startedAt: now, endedAt: null, assignedBy: maker.staffId })]);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: 'STAFF_CREATED',
      outcome: 'SUCCESS',
      target: { type: 'Staff', id: staff.id },
      officeCode: 'NDGPO-CP',
      actor: { username: 'admin.ndc' },
      after: { username: 'ravi.prakash', employeeId: '20010001', roles: [], mustChangePassword: true },
    });
    expect(await lastAudit('TEMPORARY_PASSWORD_SENT')).toMatchObject({
      target: { type: 'Staff', id: staff.id },
      after: { channel: 'MEMORY', address: 'ravi.prakash', occasion: 'CREATED' },
    });
    const outbox = JSON.stringify(await query(sql`select payload, envelope from administration.outbox`));
    expect(outbox).not.toContain(temporaryPassword);
    expect(outbox).not.toContain('scrypt$');
  });

  it.each([
    ['a username in use, whatever its case', { username: 'CLERK' }, 'USERNAME_TAKEN'],
    ['an employee id in use', { employeeId: '10040001' }, 'EMPLOYEE_ID_TAKEN'],
    ['an employee id of 7 digits', { employeeId: '2001001' }, 'INVALID_EMPLOYEE_ID'],
    ['a username with a space', { username: 'ravi prakash' }, 'INVALID_USERNAME'],
    ['an empty name', { name: '  ' }, 'BAD_USER_INPUT'],
    ['an office that does not exist', { officeCode: 'NOWHERE' }, 'OFFICE_NOT_FOUND'],
    ['an office outside the caller scope (looks the same as none)', { officeCode: 'ASVHO' }, 'OFFICE_NOT_FOUND'],
  ])('refuses %s', async (_name, change, code) => {
    const input = { employeeId: '20019999', username: 'new.person', name: 'New Person', officeCode: 'NDGPO', ...change };
    expect(await codeOf(service.createStaff(requestAs(as['admin.ndc']!), input))).toBe(code);
  });

  it('refuses callers without staff.manage, and anonymous callers', async () => {
    const input = { employeeId: '20019998', username: 'new.person', name: 'New Person', officeCode: 'NDGPO' };
    for (const who of ['finance', 'auditor', 'clerk', 'postman']) {
      expect(await codeOf(service.createStaff(requestAs(as[who]!), input))).toBe('FORBIDDEN');
    }
    expect(await codeOf(service.createStaff(requestAs({ kind: 'anonymous' }), input))).toBe('UNAUTHENTICATED');
  });

  it('refuses a closed office', async () => {
    await testDatabase.database.db.execute(
      sql`update administration.offices set status = 'CLOSED', closed_on = opened_on where code = 'SMHO-NA-RB'`,
    );
    const input = { employeeId: '20019997', username: 'new.person', name: 'New Person', officeCode: 'SMHO-NA-RB' };
    expect(await codeOf(service.createStaff(requestAs(as.admin!), input))).toBe('OFFICE_CLOSED');
  });

  it('lets one of two racing requests for the same username win, and tells the other USERNAME_TAKEN', async () => {
    const input = (employeeId: string) => ({ employeeId, username: 'racer', name: 'Racer', officeCode: 'NDGPO' });
    const codes = await Promise.all([
      codeOf(service.createStaff(requestAs(as.admin!), input('20018881'))),
      codeOf(service.createStaff(requestAs(as.admin2!), input('20018882'))),
    ]);
    expect(codes.sort()).toEqual(['OK', 'USERNAME_TAKEN']);
  });
});

describe('commands on a member of staff', () => {
  it('updates the name, auditing only what changed', async () => {
    const { staff } = await hire('NDGPO');
    const updated = await service.updateStaff(requestAs(as['admin.ndc']!), staff.id, { name: 'Tempest Rao' });
    expect(updated.name).toBe('Tempest Rao');
    expect(await lastAudit()).toMatchObject({ action: 'STAFF_UPDATED', before: { name: staff.name }, after: { name: 'Tempest Rao' } });
    expect(Object.keys((await lastAudit()).after)).toEqual(['name']);
    expect(await codeOf(service.updateStaff(requestAs(as.admin!), staff.id, {}))).toBe('BAD_USER_INPUT');
  });

  it('keeps the assignment history: each move closes the open row and opens one, and the staff row follows', async () => {
    const { staff } = await hire('NDGPO');
    const t0 = now;
    now = new Date(t0.getTime() + 60_000);
    await service.assignStaff(requestAs(as['admin.ndc']!), staff.id, 'NDGPO-KB');
    const t1 = now;
    now = new Date(t1.getTime() + 60_000);
    const moved = await service.assignStaff(requestAs(as.admin!), staff.id, 'SMHO');
    const t2 = now;
    expect(moved.officeCode).toBe('SMHO');
    const history = await service.assignments(moved, null);
    const adminId = (as.admin as any).staffId;
    const adminNdcId = (as['admin.ndc'] as any).staffId;
    expect(history.map(({ officeCode, startedAt, endedAt, assignedBy }) => ({ officeCode, startedAt, endedAt, assignedBy }))).toEqual([
      { officeCode: 'SMHO', startedAt: t2, endedAt: null, assignedBy: adminId },
      { officeCode: 'NDGPO-KB', startedAt: t1, endedAt: t2, assignedBy: adminNdcId },
      { officeCode: 'NDGPO', startedAt: t0, endedAt: t1, assignedBy: adminId },
    ]);
    expect(await lastAudit()).toMatchObject({ action: 'STAFF_ASSIGNED', officeCode: 'SMHO', before: { officeCode: 'NDGPO-KB' }, after: { officeCode: 'SMHO' } });
    const [open] = await query<{ count: number }>(
      sql`select count(*)::int as count from administration.staff_assignments where staff_id = ${staff.id} and ended_at is null`,
    );
    expect(open!.count).toBe(1);
    expect(await service.assignments(moved, 1)).toHaveLength(1);
  });

  it('needs staff.manage over both the old and the new office', async () => {
    const { staff: inDivision } = await hire('NDGPO');
    const { staff: elsewhere } = await hire('ASVHO');
    // The new office is outside the divisional administrator's scope.
    expect(await codeOf(service.assignStaff(requestAs(as['admin.ndc']!), inDivision.id, 'ASVHO'))).toBe('OFFICE_NOT_FOUND');
    // The person is outside it.
    expect(await codeOf(service.assignStaff(requestAs(as['admin.ndc']!), elsewhere.id, 'NDGPO'))).toBe('STAFF_NOT_FOUND');
    // The circle administrator holds both.
    expect((await service.assignStaff(requestAs(as.admin!), elsewhere.id, 'NDGPO')).officeCode).toBe('NDGPO');
    expect(await codeOf(service.assignStaff(requestAs(as.admin!), elsewhere.id, 'NDGPO'))).toBe('STAFF_ALREADY_AT_OFFICE');
    expect(await codeOf(service.assignStaff(requestAs(as.admin!), elsewhere.id, 'NOWHERE'))).toBe('OFFICE_NOT_FOUND');
  });

  it('forbids managing oneself: no self-assignment to a wider office, no self-reinstatement or self-reset', async () => {
    const adminNdc = as['admin.ndc'] as Extract<Identity, { kind: 'staff' }>;
    for (const attempt of [
      () => service.assignStaff(requestAs(adminNdc), adminNdc.staffId, 'NDGPO'),
      () => service.updateStaff(requestAs(adminNdc), adminNdc.staffId, { name: 'Kavita J' }),
      () => service.suspendStaff(requestAs(adminNdc), adminNdc.staffId, 'testing'),
      () => service.reinstateStaff(requestAs(adminNdc), adminNdc.staffId),
      () => service.resetPassword(requestAs(adminNdc), adminNdc.staffId),
      () => service.markStaffLeft(requestAs(adminNdc), adminNdc.staffId, '2026-11-01'),
    ]) {
      expect(await codeOf(attempt())).toBe('FORBIDDEN');
    }
  });

  it('answers STAFF_NOT_FOUND for an id that names nobody or is not an id, FORBIDDEN where the caller may only read', async () => {
    const { staff } = await hire('NDGPO');
    expect(await codeOf(service.suspendStaff(requestAs(as.admin!), '00000000-0000-4000-8000-000000000000', 'x'))).toBe('STAFF_NOT_FOUND');
    expect(await codeOf(service.suspendStaff(requestAs(as.admin!), 'not-a-uuid', 'x'))).toBe('STAFF_NOT_FOUND');
    expect(await codeOf(service.suspendStaff(requestAs(as.finance!), staff.id, 'x'))).toBe('FORBIDDEN');
    expect(await codeOf(service.suspendStaff(requestAs(as.auditor!), staff.id, 'x'))).toBe('FORBIDDEN');
    expect(await codeOf(service.suspendStaff(requestAs(as.clerk!), staff.id, 'x'))).toBe('STAFF_NOT_FOUND');
  });

  it('runs the status rules: suspend, reinstate, leave; LEFT is final', async () => {
    const { staff } = await hire('NDGPO');
    const admin = requestAs(as.admin!);
    const suspended = await service.suspendStaff(admin, staff.id, '  cash shortage under inquiry ');
    expect(suspended).toMatchObject({ status: 'SUSPENDED', suspendedAt: now, suspensionReason: 'cash shortage under inquiry' });
    expect(await lastAudit()).toMatchObject({ action: 'STAFF_SUSPENDED', reason: 'cash shortage under inquiry', before: { status: 'ACTIVE' } });
    expect(await codeOf(service.suspendStaff(admin, staff.id, 'again'))).toBe('STAFF_NOT_ACTIVE');
    const reinstated = await service.reinstateStaff(admin, staff.id);
    expect(reinstated).toMatchObject({ status: 'ACTIVE', suspendedAt: null, suspensionReason: null });
    expect(await codeOf(service.reinstateStaff(admin, staff.id))).toBe('STAFF_NOT_SUSPENDED');
    expect(await codeOf(service.markStaffLeft(admin, staff.id, '2026-11-23'))).toBe('BAD_USER_INPUT');
    const left = await service.markStaffLeft(admin, staff.id, '2026-11-22');
    expect(left).toMatchObject({ status: 'LEFT', leftOn: '2026-11-22' });
    expect((await service.assignments(left, null))[0]).toMatchObject({ endedAt: now });
    for (const attempt of [
      () => service.suspendStaff(admin, staff.id, 'x'),
      () => service.reinstateStaff(admin, staff.id),
      () => service.markStaffLeft(admin, staff.id, '2026-11-22'),
      () => service.updateStaff(admin, staff.id, { name: 'Anyone' }),
      () => service.assignStaff(admin, staff.id, 'NDGPO-KB'),
      () => service.resetPassword(admin, staff.id),
    ]) {
      expect(await codeOf(attempt())).toBe('STAFF_ALREADY_LEFT');
    }
  });

  it('resets a password: a new temporary one sent to its owner, never answered, the lockout lifted, audited without the secret', async () => {
    const { staff } = await hire('NDGPO');
    const first = passwordSentTo(staff.username);
    await testDatabase.database.db.execute(
      sql`update administration.staff set failed_login_count = 3, locked_until = ${new Date(now.getTime() + 600_000)} where id = ${staff.id}`,
    );
    const answer = await service.resetPassword(requestAs(as.admin!), staff.id);
    const { staff: after } = answer;
    const temporaryPassword = passwordSentTo(staff.username);
    expect(temporaryPassword).not.toBe(first);
    expect(answer.temporaryPasswordSentTo).toEqual({ channel: 'MEMORY', address: staff.username });
    expect(JSON.stringify(answer)).not.toContain(temporaryPassword);
    expect(await lastAudit('TEMPORARY_PASSWORD_SENT')).toMatchObject({ after: { channel: 'MEMORY', occasion: 'RESET' } });
    expect(after).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    const [row] = await query<{ failed_login_count: number }>(sql`select failed_login_count from administration.staff where id = ${staff.id}`);
    expect(row!.failed_login_count).toBe(0);
    const audit = await lastAudit();
    expect(audit.action).toBe('STAFF_PASSWORD_RESET');
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
    expect(JSON.stringify(audit)).not.toContain('scrypt$');
  });

  it('keeps contact fields, normalised, refuses malformed ones, and updates or clears them', async () => {
    employeeNumber += 1;
    const { staff } = await service.createStaff(requestAs(as.admin!), {
      employeeId: String(employeeNumber),
      username: 'contact.person',
      name: 'Contact Person',
      officeCode: 'NDGPO',
      mobile: '+91 98123-45678',
      email: 'Contact.Person@India-Post.GOV.in',
    });
    expect(staff).toMatchObject({ mobile: '+919812345678', email: 'Contact.Person@india-post.gov.in' });
    expect(notifier.latest('contact.person')?.recipient).toMatchObject({ mobile: '+919812345678', email: 'Contact.Person@india-post.gov.in' });
    const admin = requestAs(as.admin!);
    expect(await service.updateStaff(admin, staff.id, { mobile: '+919800000001' })).toMatchObject({ mobile: '+919800000001', name: 'Contact Person' });
    expect(await lastAudit()).toMatchObject({ action: 'STAFF_UPDATED', before: { mobile: '+919812345678' }, after: { mobile: '+919800000001' } });
    expect(await service.updateStaff(admin, staff.id, { email: null, mobile: '' })).toMatchObject({ mobile: null, email: null });
    for (const [field, change] of [
      ['mobile', { mobile: '98123 45678' }],
      ['mobile', { mobile: '+0123456789' }],
      ['email', { email: 'not an address' }],
      ['email', { email: `${'a'.repeat(250)}@x.in` }],
    ] as const) {
      await expect(service.updateStaff(admin, staff.id, change)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    await expect(service.updateStaff(admin, staff.id, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('with the SMS notifier, refuses CONTACT_REQUIRED for someone without a mobile, before anything is written', async () => {
    const sms = createSmsNotifier({ url: 'http://127.0.0.1:1/never-called', token: 't'.repeat(16) });
    const viaSms = createStaffService({ database: testDatabase.database, clock: () => now, timeZone: 'Asia/Kolkata', notifier: sms });
    const admin = requestAs(as.admin!);
    employeeNumber += 1;
    const input = { employeeId: String(employeeNumber), username: 'no.mobile', name: 'No Mobile', officeCode: 'NDGPO', email: 'no.mobile@example.in' };
    await expect(viaSms.createStaff(admin, input)).rejects.toMatchObject({ code: 'CONTACT_REQUIRED', field: 'mobile' });
    expect(await query(sql`select id from administration.staff where username = 'no.mobile'`)).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'STAFF_CREATED', outcome: 'FAILURE', reason: 'CONTACT_REQUIRED' });
    // Someone created under the local outbox, with no mobile: a reset by SMS is refused before the password changes.
    const { staff } = await hire('NDGPO');
    const [before] = await query<{ password_hash: string }>(sql`select password_hash from administration.staff where id = ${staff.id}`);
    await expect(viaSms.resetPassword(admin, staff.id)).rejects.toBeInstanceOf(ContactRequiredError);
    const [after] = await query<{ password_hash: string }>(sql`select password_hash from administration.staff where id = ${staff.id}`);
    expect(after).toEqual(before);
    // Nor may their only address be cleared.
    await viaSms.updateStaff(admin, staff.id, { mobile: '+919812300000' });
    await expect(viaSms.updateStaff(admin, staff.id, { mobile: null })).rejects.toMatchObject({ code: 'CONTACT_REQUIRED' });
  });

  it('answers NOTIFICATION_FAILED when the provider fails after the commit, and audits that nothing was sent', async () => {
    const failing: Notifier = {
      channel: 'SMS',
      addressOf: (recipient) => recipient.mobile ?? undefined,
      send: async () => {
        throw new NotificationFailedError('SMS', 'provider answered HTTP 503');
      },
    };
    const viaFailing = createStaffService({ database: testDatabase.database, clock: () => now, timeZone: 'Asia/Kolkata', notifier: failing });
    employeeNumber += 1;
    const input = { employeeId: String(employeeNumber), username: 'unlucky', name: 'Unlucky', officeCode: 'NDGPO', mobile: '+919812345670' };
    await expect(viaFailing.createStaff(requestAs(as.admin!), input)).rejects.toMatchObject({ code: 'NOTIFICATION_FAILED' });
    // The person exists (their record committed); an administrator resets the password to send it again.
    const [row] = await query<{ id: string }>(sql`select id from administration.staff where username = 'unlucky'`);
    expect(await lastAudit()).toMatchObject({ action: 'TEMPORARY_PASSWORD_NOT_SENT', outcome: 'FAILURE', reason: 'NOTIFICATION_FAILED', target: { id: row!.id } });
    await expect(service.resetPassword(requestAs(as.admin!), row!.id)).resolves.toMatchObject({ temporaryPasswordSentTo: { channel: 'MEMORY' } });
  });

  it('records a refused attempt in the audit trail, naming who tried and why, but not an anonymous one', async () => {
    const { staff } = await hire('NDGPO');
    expect(await codeOf(service.suspendStaff(requestAs(as.finance!), staff.id, 'x'))).toBe('FORBIDDEN');
    expect(await lastAudit()).toMatchObject({
      action: 'STAFF_SUSPENDED',
      outcome: 'FAILURE',
      reason: 'FORBIDDEN',
      actor: { username: 'finance' },
      target: { type: 'Staff', id: staff.id },
    });
    const input = { employeeId: '20019996', username: 'Some.One', name: 'Some One', officeCode: 'NDGPO' };
    expect(await codeOf(service.createStaff(requestAs(as.clerk!), input))).toBe('FORBIDDEN');
    expect(await lastAudit()).toMatchObject({ action: 'STAFF_CREATED', outcome: 'FAILURE', actor: { username: 'clerk' }, target: { id: 'some.one' } });
    const before = await query<{ count: number }>(sql`select count(*)::int as count from administration.outbox`);
    expect(await codeOf(service.suspendStaff(requestAs({ kind: 'anonymous' }), staff.id, 'x'))).toBe('UNAUTHENTICATED');
    expect(await query<{ count: number }>(sql`select count(*)::int as count from administration.outbox`)).toEqual(before);
  });

  it('refuses a caller whose account changed since they signed in (suspended, moved, or a role taken away)', async () => {
    const { staff } = await hire('NDGPO');
    const admin2 = as.admin2 as Extract<Identity, { kind: 'staff' }>;
    await testDatabase.database.db.execute(
      sql`update administration.staff set status = 'SUSPENDED', suspended_at = now(), suspension_reason = 'test' where id = ${admin2.staffId}`,
    );
    expect(await codeOf(service.suspendStaff(requestAs(admin2), staff.id, 'x'))).toBe('UNAUTHENTICATED');
    await testDatabase.database.db.execute(
      sql`update administration.staff set status = 'ACTIVE', suspended_at = null, suspension_reason = null where id = ${admin2.staffId}`,
    );
    const elsewhere = { ...admin2, officeCode: 'DL-NDC' };
    expect(await codeOf(service.suspendStaff(requestAs(elsewhere), staff.id, 'x'))).toBe('UNAUTHENTICATED');
    const widened = { ...admin2, roles: ['ADMIN', 'FINANCE_OFFICER'] };
    expect(await codeOf(service.suspendStaff(requestAs(widened), staff.id, 'x'))).toBe('UNAUTHENTICATED');
    expect(await codeOf(service.suspendStaff(requestAs(admin2), staff.id, 'x'))).toBe('OK');
  });
});

describe('reading staff', () => {
  const usernames = (connection: { edges: Array<{ node: { username: string } }> }) => connection.edges.map((edge) => edge.node.username);

  it('lists only staff at offices within the caller scope, by username', async () => {
    const division = usernames(await service.listStaff(as.finance!, { underCode: 'DL' }, 100, null));
    expect(division).toContain('clerk');
    expect(division).toContain('bpm.tk');
    expect(division).not.toContain('clerk.asv');
    expect(division).not.toContain('admin');
    expect(division).toEqual([...division].sort());
    const circle = usernames(await service.listStaff(as.admin!, null, 100, null));
    expect(circle).toContain('clerk.asv');
  });

  it('filters by office, subtree, status, role and search', async () => {
    expect(usernames(await service.listStaff(as.admin!, { officeCode: 'NDGPO', role: 'POSTMAN' }, 100, null))).toEqual(['postman', 'postman2', 'postman3']);
    expect(usernames(await service.listStaff(as.admin!, { underCode: 'ASVHO-AL' }, 100, null))).toEqual(['bpm.bk', 'bpm.tg', 'clerk.alipur']);
    expect(usernames(await service.listStaff(as.admin!, { search: 'siddiq' }, 100, null))).toEqual(['clerk.kb']);
    expect(usernames(await service.listStaff(as.admin!, { search: '10040006' }, 100, null))).toEqual(['bpm.tk']);
    expect(usernames(await service.listStaff(as.admin!, { search: '100%' }, 100, null))).toEqual([]);
    const suspended = usernames(await service.listStaff(as.admin!, { status: 'SUSPENDED' }, 100, null));
    expect(suspended.length).toBeGreaterThan(0);
    expect(usernames(await service.listStaff(as.admin!, { underCode: 'NOWHERE' }, 100, null))).toEqual([]);
  });

  it('pages with keyset cursors and bounds the page and the search', async () => {
    const first = await service.listStaff(as.admin!, { underCode: 'ASVHO' }, 2, null);
    expect(usernames(first)).toEqual(['bpm.bk', 'bpm.tg']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await service.listStaff(as.admin!, { underCode: 'ASVHO' }, 2, first.pageInfo.endCursor);
    expect(usernames(second)).toEqual(['clerk.alipur', 'clerk.asv']);
    expect(await codeOf(service.listStaff(as.admin!, null, 101, null))).toBe('BAD_USER_INPUT');
    expect(await codeOf(service.listStaff(as.admin!, { search: 'x'.repeat(101) }, 10, null))).toBe('BAD_USER_INPUT');
  });

  it('refuses a list to callers without staff.read, and to anonymous callers', async () => {
    expect(await codeOf(service.listStaff(as.clerk!, null, 10, null))).toBe('FORBIDDEN');
    expect(await codeOf(service.listStaff(as.postman!, null, 10, null))).toBe('FORBIDDEN');
    expect(await codeOf(service.listStaff({ kind: 'anonymous' }, null, 10, null))).toBe('UNAUTHENTICATED');
  });

  it('answers one person to themselves, or in scope; otherwise null', async () => {
    const clerk = as.clerk as Extract<Identity, { kind: 'staff' }>;
    const [asv] = await query<{ id: string }>(sql`select id from administration.staff where username = 'clerk.asv'`);
    expect(await service.getStaff(clerk, clerk.staffId)).toMatchObject({ username: 'clerk' });
    expect(await service.getStaff(as.finance!, clerk.staffId)).toMatchObject({ username: 'clerk' });
    expect(await service.getStaff(as.finance!, asv!.id)).toBeNull();
    expect(await service.getStaff(as.postman!, clerk.staffId)).toBeNull();
    expect(await service.getStaff(as.admin!, 'not-a-uuid')).toBeNull();
    expect(await service.getStaff({ kind: 'service', service: 'accounts' }, asv!.id)).toMatchObject({ username: 'clerk.asv' });
  });
});
