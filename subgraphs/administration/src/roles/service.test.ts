import { createTestDatabase, needs, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApprovalService } from '../approvals/service.js';
import { addStaff, anonymous, auditActions, contextOf, rolesOf, serviceContext, stagedEvents, TEST_IDENTITY_SECRET } from '../approvals/test-support/fixtures.js';
import { seedDemoAdministration } from '../seed/demo.js';
import { createRoleService } from './service.js';

/** Role grants (asked for through maker-checker) and revocations (direct), against a real database. */
let testDatabase: TestDatabase;
const now = new Date('2026-06-01T09:00:00.000Z');
const clock = () => now;
const roles = () => createRoleService({ database: testDatabase.database, clock, approvals: createApprovalService({ database: testDatabase.database, clock, identitySecret: TEST_IDENTITY_SECRET }) });
const ctx = (username: string) => contextOf(testDatabase.database, username);
const ids: Record<string, string> = {};

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
  const add = async (username: string, officeCode: string, held: string[]) => {
    ids[username] = await addStaff(testDatabase.database, { username, officeCode, roles: held });
  };
  await add('rg-admin', 'DL', ['ADMIN']);
  await add('rg-admin-auditor', 'DL', ['ADMIN', 'AUDITOR']);
  await add('rg-div-admin', 'DL-NDC', ['ADMIN']);
  await add('rg-circle-staff', 'DL', ['AUDITOR']);
  await add('rg-new', 'NDGPO', []);
  await add('rg-clerk', 'NDGPO', ['COUNTER_CLERK']);
  await add('rg-finance', 'DL-NDC', ['FINANCE_OFFICER']);
  await add('rg-suspended', 'NDGPO', []);
  // Narrower delegation than ADMIN's, in this test's database only: auditors here may grant and approve grants (over
  // their subtree), but by delegation only of POSTMAN. (staff.roles is checked against the known roles, so a made-up
  // role cannot be held; AUDITOR is borrowed.)
  await testDatabase.database.db.execute(
    sql`insert into administration.role_permissions (role_code, permission, scope) values ('AUDITOR', 'role.grant', 'SUBTREE'), ('AUDITOR', 'role.approve', 'SUBTREE')`,
  );
  await testDatabase.database.db.execute(sql`insert into administration.role_delegations (grantor_role, grantable_role) values ('AUDITOR', 'POSTMAN')`);
  await add('rg-deputy', 'DL', ['AUDITOR']);
  await testDatabase.database.db.execute(
    sql`update administration.staff set status = 'SUSPENDED', suspended_at = now(), suspension_reason = 'inquiry' where username = 'rg-suspended'`,
  );
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('grantRole', () => {
  it('answers a PENDING ROLE_GRANT request with the payload the checker will see, and changes no roles yet', async () => {
    const request = await roles().grantRole(await ctx('rg-admin'), { username: ' RG-New ', role: 'ADMIN' });
    expect(request).toMatchObject({
      kind: 'ROLE_GRANT',
      status: 'PENDING',
      summary: 'Grant ADMIN to rg-new at NDGPO',
      payload: { username: 'rg-new', staffId: ids['rg-new'], role: 'ADMIN', officeCode: 'NDGPO' },
      officeCode: 'NDGPO',
    });
    expect(await rolesOf(testDatabase.database, 'rg-new')).toEqual([]);
    expect(await auditActions(testDatabase.database, ids['rg-new']!)).toEqual(['ROLE_GRANT_REQUESTED']);
  });

  it('refuses a second grant of the same role while one is waiting (GRANT_ALREADY_PENDING)', async () => {
    await expect(roles().grantRole(await ctx('rg-admin-auditor'), { username: 'rg-new', role: 'ADMIN' })).rejects.toMatchObject({
      code: 'GRANT_ALREADY_PENDING',
    });
    // Another role for the same person is another request.
    await expect(roles().grantRole(await ctx('rg-admin-auditor'), { username: 'rg-new', role: 'AUDITOR' })).resolves.toMatchObject({ status: 'PENDING' });
  });

  const refusals: Array<[string, string, { username: string; role: string }, string]> = [
    ['a role that does not exist', 'rg-admin', { username: 'rg-clerk', role: 'WIZARD' }, 'UNKNOWN_ROLE'],
    ['someone who does not exist', 'rg-admin', { username: 'nobody-at-all', role: 'ADMIN' }, 'STAFF_NOT_FOUND'],
    ['to oneself', 'rg-admin', { username: 'rg-admin', role: 'ADMIN' }, 'CANNOT_CHANGE_OWN_ROLES'],
    ['to oneself, a role not yet held (widening one\'s own rights)', 'rg-admin', { username: 'rg-admin', role: 'AUDITOR' }, 'CANNOT_CHANGE_OWN_ROLES'],
    ['at an office above the grantor (outside their scope)', 'rg-div-admin', { username: 'rg-circle-staff', role: 'ADMIN' }, 'FORBIDDEN'],
    ['without role.grant at all (a finance officer)', 'rg-finance', { username: 'rg-clerk', role: 'FINANCE_OFFICER' }, 'FORBIDDEN'],
    ['a role the grantor\'s roles may not grant (delegation)', 'rg-deputy', { username: 'rg-clerk', role: 'FINANCE_OFFICER' }, 'ROLE_NOT_GRANTABLE'],
    ['a role the grantor holds but may not grant', 'rg-deputy', { username: 'rg-clerk', role: 'AUDITOR' }, 'ROLE_NOT_GRANTABLE'],
    ['to someone suspended', 'rg-admin', { username: 'rg-suspended', role: 'ADMIN' }, 'STAFF_NOT_ACTIVE'],
    ['a role already held', 'rg-admin', { username: 'rg-div-admin', role: 'ADMIN' }, 'ROLE_ALREADY_HELD'],
  ];
  it.each(refusals)('refuses a grant of %s', async (_name, maker, input, code) => {
    await expect(roles().grantRole(await ctx(maker), input)).rejects.toMatchObject({ code });
  });

  it('audits refused grants, and refuses anonymous callers and services', async () => {
    const refused = (await stagedEvents(testDatabase.database, { type: 'audit.recorded', about: 'rg-clerk' })).map((event) => event.payload);
    expect(refused).toContainEqual(expect.objectContaining({ action: 'ROLE_GRANT_REFUSED', outcome: 'FAILURE', reason: 'ROLE_NOT_GRANTABLE' }));
    await expect(roles().grantRole(anonymous, { username: 'rg-clerk', role: 'ADMIN' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(roles().grantRole(serviceContext('accounts'), { username: 'rg-clerk', role: 'ADMIN' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an administrator grant every operational role and ADMIN, a role they do not hold themselves included', async () => {
    await addStaff(testDatabase.database, { username: 'rg-hire', officeCode: 'NDGPO', roles: [] });
    for (const role of ['ADMIN', 'FINANCE_OFFICER', 'AUDITOR', 'COUNTER_CLERK', 'POSTMAN']) {
      await expect(roles().grantRole(await ctx('rg-admin'), { username: 'rg-hire', role })).resolves.toMatchObject({ status: 'PENDING', payload: { role } });
    }
    // Delegation narrower than ADMIN's: the deputy may grant POSTMAN and nothing else.
    await addStaff(testDatabase.database, { username: 'rg-hire2', officeCode: 'NDGPO', roles: [] });
    await expect(roles().grantRole(await ctx('rg-deputy'), { username: 'rg-hire2', role: 'POSTMAN' })).resolves.toMatchObject({ status: 'PENDING' });
  });

  it('lets only a checker whose roles may grant the role approve it, and checks maker and checker again at execution', async () => {
    const approvals = createApprovalService({ database: testDatabase.database, clock, identitySecret: TEST_IDENTITY_SECRET });
    await addStaff(testDatabase.database, { username: 'rg-hire3', officeCode: 'NDGPO', roles: [] });
    const clerkGrant = await roles().grantRole(await ctx('rg-admin'), { username: 'rg-hire3', role: 'COUNTER_CLERK' });
    await expect(approvals.approve(await ctx('rg-deputy'), clerkGrant.id)).rejects.toMatchObject({ code: 'ROLE_NOT_GRANTABLE' });
    // Rejecting narrows nothing: any holder of role.approve over the office may.
    await expect(approvals.reject(await ctx('rg-deputy'), clerkGrant.id, 'not yet')).resolves.toMatchObject({ status: 'REJECTED' });

    const postmanGrant = await roles().grantRole(await ctx('rg-admin'), { username: 'rg-hire3', role: 'POSTMAN' });
    const approved = await approvals.approve(await ctx('rg-deputy'), postmanGrant.id);
    expect(approved).toMatchObject({ status: 'APPROVED', checker: { username: 'rg-deputy' } });
    // Delegation narrows between approval and execution: the executor re-reads it and refuses.
    await testDatabase.database.db.execute(sql`delete from administration.role_delegations where grantor_role = 'AUDITOR'`);
    const execution = { context: serviceContext('administration'), now };
    await expect(testDatabase.database.db.transaction((tx) => roles().executeRoleGrant(tx, approved, execution))).rejects.toMatchObject({
      code: 'ROLE_NOT_GRANTABLE',
    });
    await testDatabase.database.db.execute(sql`insert into administration.role_delegations (grantor_role, grantable_role) values ('AUDITOR', 'POSTMAN')`);
    await expect(testDatabase.database.db.transaction((tx) => roles().executeRoleGrant(tx, approved, execution))).resolves.toMatchObject({
      rolesAfter: ['POSTMAN'],
    });
  });

  it("lists a person's role grants through the inbox's staffId filter (their pending ones for a staff screen), in scope", async () => {
    const approvals = createApprovalService({ database: testDatabase.database, clock, identitySecret: TEST_IDENTITY_SECRET });
    const listed = await addStaff(testDatabase.database, { username: 'rg-listed', officeCode: 'NDGPO', roles: [] });
    await addStaff(testDatabase.database, { username: 'rg-other', officeCode: 'NDGPO', roles: [] });
    const clerk = await roles().grantRole(await ctx('rg-admin'), { username: 'rg-listed', role: 'COUNTER_CLERK' });
    const postman = await roles().grantRole(await ctx('rg-admin'), { username: 'rg-listed', role: 'POSTMAN' });
    await roles().grantRole(await ctx('rg-admin'), { username: 'rg-other', role: 'POSTMAN' });
    await approvals.reject(await ctx('rg-admin-auditor'), clerk.id, 'not this one');
    const grantsTo = async (username: string, filter: Record<string, unknown>) =>
      (await approvals.listApprovalRequests((await ctx(username)).identity, filter, 50, undefined)).edges.map((edge) => edge.node.id);
    expect(await grantsTo('rg-admin', { staffId: listed, status: 'PENDING' })).toEqual([postman.id]);
    expect((await grantsTo('rg-admin', { staffId: listed })).sort()).toEqual([clerk.id, postman.id].sort());
    // The inbox's own scope still applies: a finance officer of another division sees none of them.
    await addStaff(testDatabase.database, { username: 'rg-finance-nwd', officeCode: 'DL-NWD', roles: ['FINANCE_OFFICER'] });
    expect(await grantsTo('rg-finance-nwd', { staffId: listed })).toEqual([]);
    // Not a uuid names nobody (no cast error from the database).
    expect(await grantsTo('rg-admin', { staffId: 'rg-listed' })).toEqual([]);
  });

  it('judges the grantor by their roles now, not the token they signed in with', async () => {
    await addStaff(testDatabase.database, { username: 'rg-former-admin', officeCode: 'DL', roles: ['ADMIN'] });
    const stale = await ctx('rg-former-admin');
    await testDatabase.database.db.execute(sql`update administration.staff set roles = '{COUNTER_CLERK}' where username = 'rg-former-admin'`);
    await expect(roles().grantRole(stale, { username: 'rg-clerk', role: 'ADMIN' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it.runIf(needs('postgres'))('[needs PostgreSQL] lets only one of two concurrent identical grants through', async () => {
    await addStaff(testDatabase.database, { username: 'rg-race', officeCode: 'NDGPO', roles: [] });
    const [first, second] = [await ctx('rg-admin'), await ctx('rg-admin-auditor')];
    const outcomes = await Promise.allSettled([
      roles().grantRole(first, { username: 'rg-race', role: 'ADMIN' }),
      roles().grantRole(second, { username: 'rg-race', role: 'ADMIN' }),
    ]);
    const codes = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'PENDING' : (outcome.reason as { code: string }).code));
    expect(codes.sort()).toEqual(['GRANT_ALREADY_PENDING', 'PENDING']);
  });
});

describe('revokeRole', () => {
  it('takes the role away at once and audits before and after', async () => {
    await addStaff(testDatabase.database, { username: 'rg-two-roles', officeCode: 'NDGPO-CP', roles: ['COUNTER_CLERK', 'POSTMAN'] });
    const staff = await roles().revokeRole(await ctx('rg-admin'), { username: 'rg-two-roles', role: 'POSTMAN' });
    expect(staff).toMatchObject({ username: 'rg-two-roles', roles: ['COUNTER_CLERK'] });
    const [revoked] = (await stagedEvents(testDatabase.database, { type: 'audit.recorded', about: staff.id })).map((event) => event.payload);
    expect(revoked).toMatchObject({ action: 'ROLE_REVOKED', before: { roles: ['COUNTER_CLERK', 'POSTMAN'] }, after: { roles: ['COUNTER_CLERK'] } });
    // Revoking narrows rights: an admin may take away a role they do not hold, down to none at all.
    await expect(roles().revokeRole(await ctx('rg-admin'), { username: 'rg-two-roles', role: 'COUNTER_CLERK' })).resolves.toMatchObject({ roles: [] });
  });

  const refusals: Array<[string, string, { username: string; role: string }, string]> = [
    ['an unknown role', 'rg-admin', { username: 'rg-clerk', role: 'WIZARD' }, 'UNKNOWN_ROLE'],
    ['from someone who does not exist', 'rg-admin', { username: 'nobody-at-all', role: 'ADMIN' }, 'STAFF_NOT_FOUND'],
    ['from oneself', 'rg-admin', { username: 'rg-admin', role: 'ADMIN' }, 'CANNOT_CHANGE_OWN_ROLES'],
    ['outside the scope', 'rg-div-admin', { username: 'rg-circle-staff', role: 'AUDITOR' }, 'FORBIDDEN'],
    ['without role.grant', 'rg-finance', { username: 'rg-clerk', role: 'COUNTER_CLERK' }, 'FORBIDDEN'],
    ['a role not held', 'rg-admin', { username: 'rg-clerk', role: 'POSTMAN' }, 'ROLE_NOT_ASSIGNED'],
  ];
  it.each(refusals)('refuses revoking %s', async (_name, maker, input, code) => {
    await expect(roles().revokeRole(await ctx(maker), input)).rejects.toMatchObject({ code });
    expect(await rolesOf(testDatabase.database, 'rg-clerk')).toEqual(['COUNTER_CLERK']);
  });
});
