import { generateKeyPairSync } from 'node:crypto';
import { verifyAccessToken } from '@postal/auth';
import { billerScope } from '@postal/authz';
import { rowsOf } from '@postal/db';
import { consumeIdempotently } from '@postal/outbox';
import { createMemoryNotifier } from '@postal/notify';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS_QUEUE, createApprovalConsumers } from '../approvals/execution.js';
import { createApprovalService } from '../approvals/service.js';
import { contextOf, rolesOf, stagedEvents, TEST_IDENTITY_SECRET } from '../approvals/test-support/fixtures.js';
import { createAuthService } from '../auth/service.js';
import { outbox, processedEvents } from '../db-schema.js';
import { createRoleService } from '../roles/service.js';
import { seedDemoAdministration } from '../seed/demo.js';
import { createStaffService } from './service.js';

/**
 * One of a biller's own people (a seller's staff) bound to a biller: made with createStaff's billerCode, granted the
 * BILLER role (and only it) through maker-checker, signed in with the binding in the token; and the database refusing
 * whatever the services would, on its own.
 */
let testDatabase: TestDatabase;
const now = new Date('2026-11-22T06:30:00Z');
const clock = () => now;
const notifier = createMemoryNotifier();
const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const staffService = () => createStaffService({ database: testDatabase.database, clock, timeZone: 'Asia/Kolkata', notifier });
const approvals = () => createApprovalService({ database: testDatabase.database, clock, identitySecret: TEST_IDENTITY_SECRET });
const roles = () => createRoleService({ database: testDatabase.database, clock, approvals: approvals() });
const auth = () =>
  createAuthService({ database: testDatabase.database, jwtPrivateKey: privateKey, tokenTtlSeconds: 600, lockout: { maxFailures: 5, lockMinutes: 15 }, clock });
const ctx = (username: string) => contextOf(testDatabase.database, username);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? `THROWN: ${(error as Error).message}`;
  }
}

let people = 0;
/** A new person made by the circle administrator through createStaff, bound to a biller when given one. */
async function hire(billerCode?: string | null) {
  people += 1;
  const input = { employeeId: String(91_000_000 + people), username: `bound${people}`, name: `Seller clerk ${people}`, officeCode: 'NDGPO' };
  const { staff } = await staffService().createStaff(await ctx('admin'), billerCode === undefined ? input : { ...input, billerCode });
  return staff;
}

/** A grant asked by `admin`, approved by `admin2`, executed by the approvals consumer as the queue runs it. */
async function grantApproved(username: string, role: string) {
  const request = await roles().grantRole(await ctx('admin'), { username, role });
  await approvals().approve(await ctx('admin2'), request.id, 'the seller asked for it');
  return execute(request.id);
}

async function execute(requestId: string) {
  const [decided] = await stagedEvents(testDatabase.database, { type: 'approval.decided', about: requestId });
  const consumers = createApprovalConsumers({ clock, identitySecret: TEST_IDENTITY_SECRET, executors: { ROLE_GRANT: roles().executeRoleGrant } });
  await consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: APPROVALS_QUEUE, handle: consumers[APPROVALS_QUEUE] })(decided!);
  return approvals().getApprovalRequest({ kind: 'service', service: 'test' }, requestId);
}

const bindingOf = async (id: string) =>
  rowsOf<{ biller_code: string | null }>(await testDatabase.database.db.execute(sql`select biller_code from administration.staff where id = ${id}`))[0]!.biller_code;

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await seedDemoAdministration(testDatabase.database, 'test');
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('createStaff with a billerCode', () => {
  it('binds the new person to the biller as typed (spaces dropped, upper case), with no role yet, audited', async () => {
    const staff = await hire(' bl 000042 ');
    expect(staff).toMatchObject({ billerCode: 'BL000042', roles: [], officeCode: 'NDGPO' });
    expect(await bindingOf(staff.id)).toBe('BL000042');
    const [created] = (await stagedEvents(testDatabase.database, { type: 'audit.recorded', about: staff.id })).map((event) => event.payload as Record<string, any>);
    expect(created).toMatchObject({ action: 'STAFF_CREATED', after: { billerCode: 'BL000042', roles: [] } });
  });

  it('makes the post office’s staff without one (absent, null or empty)', async () => {
    for (const billerCode of [undefined, null, '']) expect((await hire(billerCode)).billerCode).toBeNull();
  });

  it.each(['BL00042', 'BL0000421', 'XX000042', 'BL00004A', 'BL-000042'])('refuses %j with INVALID_BILLER_CODE, creating nobody', async (billerCode) => {
    const before = people;
    expect(await codeOf(hire(billerCode))).toBe('INVALID_BILLER_CODE');
    const made = rowsOf(await testDatabase.database.db.execute(sql`select 1 from administration.staff where username = ${`bound${before + 1}`}`));
    expect(made).toEqual([]);
  });
});

describe('granting roles to a biller’s person', () => {
  it('grants BILLER through maker-checker, and the sign-in carries the binding and cod.biller.self alone', async () => {
    const staff = await hire('BL000007');
    expect(await grantApproved(staff.username, 'BILLER')).toMatchObject({ status: 'EXECUTED' });
    expect(await rolesOf(testDatabase.database, staff.username)).toEqual(['BILLER']);
    await testDatabase.database.db.execute(sql`update administration.staff set must_change_password = false where id = ${staff.id}`);
    const password = /password is ([A-Z0-9]+)/.exec(notifier.latest(staff.username, 'TEMPORARY_PASSWORD')!.body)![1]!;
    const claims = await verifyAccessToken((await auth().login({ identity: { kind: 'anonymous' }, requestId: 'r', clientAddress: undefined }, staff.username, password)).token, publicKey);
    expect(claims).toMatchObject({ roles: ['BILLER'], billerCode: 'BL000007', officeCode: 'NDGPO', grants: [{ permission: 'cod.biller.self', scope: 'OWN_OFFICE' }] });
    expect(billerScope({ kind: 'staff', ...claims })).toEqual({ billerCode: 'BL000007' });
  });

  it('refuses every office role to someone bound to a biller (BILLER_ROLE_ONLY)', async () => {
    const staff = await hire('BL000008');
    for (const role of ['ADMIN', 'FINANCE_OFFICER', 'AUDITOR', 'COUNTER_CLERK', 'POSTMAN']) {
      expect(await codeOf(roles().grantRole(await ctx('admin'), { username: staff.username, role })), role).toBe('BILLER_ROLE_ONLY');
    }
  });

  it('refuses BILLER to the post office’s staff (BILLER_CODE_REQUIRED)', async () => {
    expect(await codeOf(roles().grantRole(await ctx('admin'), { username: 'clerk', role: 'BILLER' }))).toBe('BILLER_CODE_REQUIRED');
    expect(await codeOf(roles().grantRole(await ctx('admin'), { username: (await hire()).username, role: 'BILLER' }))).toBe('BILLER_CODE_REQUIRED');
  });

  it('shows the checker the biller, and executes nothing once the person was bound otherwise (STAFF_BILLER_CHANGED)', async () => {
    const staff = await hire('BL000009');
    const request = await roles().grantRole(await ctx('admin'), { username: staff.username, role: 'BILLER' });
    expect(request).toMatchObject({ summary: `Grant BILLER to ${staff.username} at NDGPO for biller BL000009`, payload: { role: 'BILLER', billerCode: 'BL000009' } });
    // The maker rebinds them while the request waits (they hold no role yet, so the binding may change): what the
    // checker approved, BILLER for BL000009, is not what execution would give.
    await approvals().approve(await ctx('admin2'), request.id, 'for BL000009');
    await staffService().updateStaff(await ctx('admin'), staff.id, { billerCode: 'BL000099' });
    expect(await execute(request.id)).toMatchObject({ status: 'FAILED', result: { code: 'STAFF_BILLER_CHANGED' } });
    expect(await rolesOf(testDatabase.database, staff.username)).toEqual([]);
    // Unbound meanwhile, or bound when the grant of an office role was asked while unbound: the same.
    for (const [from, to, role] of [['BL000010', null, 'BILLER'], [null, 'BL000010', 'POSTMAN']] as const) {
      const person = await hire(from);
      const asked = await roles().grantRole(await ctx('admin'), { username: person.username, role });
      await approvals().approve(await ctx('admin2'), asked.id, 'fine');
      await staffService().updateStaff(await ctx('admin'), person.id, { billerCode: to });
      expect(await execute(asked.id), `${from} to ${to}`).toMatchObject({ status: 'FAILED', result: { code: 'STAFF_BILLER_CHANGED' } });
      expect(await rolesOf(testDatabase.database, person.username)).toEqual([]);
    }
  });

  it('needs a second administrator for BILLER too: the maker cannot approve their own grant', async () => {
    const staff = await hire('BL000010');
    const request = await roles().grantRole(await ctx('admin'), { username: staff.username, role: 'BILLER' });
    expect(await codeOf(approvals().approve(await ctx('admin'), request.id, 'mine'))).toBe('MAKER_CANNOT_APPROVE');
  });
});

describe('updateStaff and the binding', () => {
  it('sets, changes and clears it while the person holds no role, audited', async () => {
    const staff = await hire();
    expect((await staffService().updateStaff(await ctx('admin'), staff.id, { billerCode: 'bl000011' })).billerCode).toBe('BL000011');
    expect((await staffService().updateStaff(await ctx('admin'), staff.id, { billerCode: 'BL000012' })).billerCode).toBe('BL000012');
    const [changed] = (await stagedEvents(testDatabase.database, { type: 'audit.recorded', about: staff.id }))
      .map((event) => event.payload as Record<string, any>)
      .filter((payload) => payload.action === 'STAFF_UPDATED')
      .slice(-1);
    expect(changed).toMatchObject({ before: { billerCode: 'BL000011' }, after: { billerCode: 'BL000012' } });
    expect((await staffService().updateStaff(await ctx('admin'), staff.id, { billerCode: '' })).billerCode).toBeNull();
  });

  it('refuses any change while they hold a role (BILLER_BINDING_LOCKED), and leaves it as it was', async () => {
    const seller = await hire('BL000013');
    await grantApproved(seller.username, 'BILLER');
    for (const billerCode of ['BL000014', null]) {
      expect(await codeOf(staffService().updateStaff(await ctx('admin'), seller.id, { billerCode })), String(billerCode)).toBe('BILLER_BINDING_LOCKED');
    }
    expect(await bindingOf(seller.id)).toBe('BL000013');
    // A clerk with an office role cannot be bound to a biller either.
    const clerk = rowsOf<{ id: string }>(await testDatabase.database.db.execute(sql`select id from administration.staff where username = 'clerk'`))[0]!;
    expect(await codeOf(staffService().updateStaff(await ctx('admin'), clerk.id, { billerCode: 'BL000014' }))).toBe('BILLER_BINDING_LOCKED');
    // The same code again is no change, so it is no refusal: the name still changes.
    expect(await staffService().updateStaff(await ctx('admin'), seller.id, { billerCode: 'BL000013', name: 'Renamed clerk' })).toMatchObject({ name: 'Renamed clerk', billerCode: 'BL000013' });
    expect(await codeOf(staffService().updateStaff(await ctx('admin'), seller.id, { billerCode: 'nonsense' }))).toBe('INVALID_BILLER_CODE');
  });
});

describe('the database, on its own', () => {
  const refused = async (statement: ReturnType<typeof sql>, constraint: string) => {
    await expect(testDatabase.database.db.execute(statement)).rejects.toMatchObject({ cause: expect.objectContaining({ constraint }) });
  };

  it('refuses an office role for a bound person, BILLER without a binding, and a malformed code', async () => {
    const seller = await hire('BL000015');
    await refused(sql`update administration.staff set roles = '{BILLER,ADMIN}' where id = ${seller.id}`, 'staff_biller_binding_valid');
    await refused(sql`update administration.staff set roles = '{POSTMAN}' where id = ${seller.id}`, 'staff_biller_binding_valid');
    await refused(sql`update administration.staff set roles = '{BILLER}' where username = 'clerk'`, 'staff_biller_binding_valid');
    await refused(sql`update administration.staff set biller_code = 'BL000016' where username = 'clerk'`, 'staff_biller_binding_valid');
    await refused(sql`update administration.staff set biller_code = 'bl000016' where id = ${seller.id}`, 'staff_biller_code_format');
    // And takes what the rule allows, so the refusals above are the rule's, not any update's.
    await testDatabase.database.db.execute(sql`update administration.staff set roles = '{BILLER}' where id = ${seller.id}`);
    expect(await rolesOf(testDatabase.database, seller.username)).toEqual(['BILLER']);
  });

  it('has the BILLER role with cod.biller.self alone, grantable by ADMIN only', async () => {
    const rows = rowsOf<{ permission: string; scope: string }>(
      await testDatabase.database.db.execute(sql`select permission, scope from administration.role_permissions where role_code = 'BILLER'`),
    );
    expect(rows).toEqual([{ permission: 'cod.biller.self', scope: 'OWN_OFFICE' }]);
    const grantors = rowsOf<{ grantor_role: string }>(
      await testDatabase.database.db.execute(sql`select grantor_role from administration.role_delegations where grantable_role = 'BILLER'`),
    );
    expect(grantors).toEqual([{ grantor_role: 'ADMIN' }]);
  });
});
