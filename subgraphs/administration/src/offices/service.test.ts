import type { Identity, SignedRequestContext } from '@postal/auth';
import { scopeCondition } from '@postal/authz';
import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { grantsForRoles } from '../roles/repository.js';
import type { AccountsClient, OfficeLedgerStatus } from './accounts-client.js';
import { DependencyUnavailableError } from './errors.js';
import { findOffice, isOfficeUnder, listOffices } from './repository.js';
import { createOfficeService, type CreateOfficeInput } from './service.js';
import { offices } from './tables.js';

/*
 * The office service against a real database (PostgreSQL with DATABASE_URL, else PGlite), with the tree:
 *
 *   C1 circle ─ D1 division ─ HO1 head office ─ SO1 sub office ─ BO1 branch (in account with SO1)
 *            │                                │              └ BO2 branch (in account with HO1)
 *            │                                └ SO3 sub office
 *            └ D2 division ─ HO2 head office ─ SO2 sub office
 *   C2 circle
 */
let testDatabase: TestDatabase;
const now = new Date('2026-11-22T06:00:00Z'); // 11:30 in India: the business date is 2026-11-22
const TODAY = '2026-11-22';
const ledger = new Map<string, OfficeLedgerStatus | 'down'>();
const asked: string[] = [];
const fakeAccounts: AccountsClient = {
  async officeLedgerStatus(officeCode) {
    asked.push(officeCode);
    const status = ledger.get(officeCode);
    if (status === 'down') throw new DependencyUnavailableError('accounts', 'unreachable');
    return status ?? { officeCode, hasOpenBalances: false, nonZeroAccounts: [], hasPendingHolds: false, closedThrough: null };
  },
};

const service = () => createOfficeService({ database: testDatabase.database, accounts: fakeAccounts, clock: () => now, timeZone: 'Asia/Kolkata' });
const SYSTEM: SignedRequestContext = { identity: { kind: 'service', service: 'test' }, requestId: 'req-system', clientAddress: undefined };
let requestNumber = 0;
const as = (identity: Identity): SignedRequestContext => ({ identity, requestId: `req-${(requestNumber += 1)}`, clientAddress: '10.0.0.7' });

/** A member of staff with one role at an office, with the grants the role_permissions data gives that role. */
async function staffAt(role: string, officeCode: string): Promise<Extract<Identity, { kind: 'staff' }>> {
  const office = await findOffice(testDatabase.database.db, officeCode);
  return {
    kind: 'staff',
    staffId: `00000000-0000-4000-8000-${String((requestNumber += 1)).padStart(12, '0')}`,
    username: `${role.toLowerCase()}.${officeCode.toLowerCase()}`,
    roles: [role],
    officeCode,
    officePath: office!.path,
    grants: await grantsForRoles(testDatabase.database.db, [role]),
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? `not expected: ${String(error)}`;
  }
}

async function outboxRows(): Promise<Array<{ type: string; payload: any }>> {
  return rowsOf(await testDatabase.database.db.execute(sql`select type, payload from administration.outbox order by id`));
}

async function paths(): Promise<Record<string, string>> {
  const rows = rowsOf<{ code: string; path: string }>(await testDatabase.database.db.execute(sql`select code, path from administration.offices order by code`));
  return Object.fromEntries(rows.map((row) => [row.code, row.path]));
}

const create = (input: CreateOfficeInput, context = SYSTEM) => service().createOffice(context, input);

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  await create({ code: 'C1', name: 'Circle One', type: 'CIRCLE' });
  await create({ code: 'C2', name: 'Circle Two', type: 'CIRCLE' });
  await create({ code: 'D1', name: 'Division One', type: 'DIVISION', parentCode: 'C1' });
  await create({ code: 'D2', name: 'Division Two', type: 'DIVISION', parentCode: 'C1' });
  await create({ code: 'HO1', name: 'Head Office One', type: 'HEAD_OFFICE', parentCode: 'D1', pin: '110001' });
  await create({ code: 'HO2', name: 'Head Office Two', type: 'HEAD_OFFICE', parentCode: 'D2', pin: '110052' });
  await create({ code: 'SO1', name: 'Sub Office One', type: 'SUB_OFFICE', parentCode: 'HO1', pin: '110002' });
  await create({ code: 'SO2', name: 'Sub Office Two', type: 'SUB_OFFICE', parentCode: 'HO2', pin: '110036' });
  await create({ code: 'SO3', name: 'Sub Office Three', type: 'SUB_OFFICE', parentCode: 'HO1', pin: '110003' });
  await create({ code: 'BO1', name: 'Branch One', type: 'BRANCH_OFFICE', parentCode: 'SO1', pin: '110004' });
  await create({ code: 'BO2', name: 'Branch Two', type: 'BRANCH_OFFICE', parentCode: 'SO1', accountOfficeCode: 'HO1', pin: '110004' });
}, 60_000);
afterAll(() => testDatabase?.drop());
beforeEach(() => {
  ledger.clear();
  asked.length = 0;
});

describe('createOffice', () => {
  it('builds the tree with paths, account offices and defaults, staging office.created and an audit event together', async () => {
    expect(await paths()).toMatchObject({ C1: 'C1', D1: 'C1/D1', HO1: 'C1/D1/HO1', SO1: 'C1/D1/HO1/SO1', BO1: 'C1/D1/HO1/SO1/BO1' });
    const bo1 = await service().getOffice(SYSTEM.identity, 'BO1');
    expect(bo1).toMatchObject({
      accountOfficeCode: 'SO1', // defaulted to the parent
      status: 'ACTIVE',
      openedOn: TODAY,
      closedOn: null,
      version: 1,
      deliveryShifts: { morning: true, evening: false, sundays: false, holidays: false },
    });
    expect((await service().getOffice(SYSTEM.identity, 'BO2'))?.accountOfficeCode).toBe('HO1');
    const events = (await outboxRows()).filter((row) => row.payload.code === 'BO2' || row.payload.target?.id === 'BO2');
    expect(events.map((row) => row.type)).toEqual(['office.created', 'audit.recorded']);
    // The opening date travels with the office, so the ledger refuses entries dated before it.
    expect(events[0]!.payload).toMatchObject({ path: 'C1/D1/HO1/SO1/BO2', parentCode: 'SO1', accountOfficeCode: 'HO1', openedOn: TODAY });
    expect(events[1]!.payload).toMatchObject({ action: 'OFFICE_CREATED', outcome: 'SUCCESS', actor: { kind: 'service' }, after: { name: 'Branch Two' } });
  });

  it('stores the details it is given, normalised', async () => {
    const office = await create({
      code: 'so4',
      name: ' Sub   Office Four ',
      type: 'SUB_OFFICE',
      parentCode: 'HO1',
      pin: '110 005',
      address: { line1: 'Sansad Marg', city: 'New Delhi', state: 'Delhi' },
      deliveryShifts: { morning: true, evening: true, sundays: true, holidays: false },
      phone: '011-23364111',
      email: 'SO4@IndiaPost.gov.in',
      openedOn: '2001-04-01',
    });
    expect(office).toMatchObject({
      code: 'SO4',
      name: 'Sub Office Four',
      pin: '110005',
      address: { line1: 'Sansad Marg', line2: null, city: 'New Delhi', district: null, state: 'Delhi' },
      deliveryShifts: { morning: true, evening: true, sundays: true, holidays: false },
      email: 'so4@indiapost.gov.in',
      openedOn: '2001-04-01',
      accountOfficeCode: 'HO1',
    });
  });

  const refusals: Array<[string, CreateOfficeInput, string]> = [
    ['a code already taken', { code: 'HO1', name: 'x', type: 'HEAD_OFFICE', parentCode: 'D1', pin: '110001' }, 'OFFICE_CODE_TAKEN'],
    ['a parent that does not exist', { code: 'X1', name: 'x', type: 'HEAD_OFFICE', parentCode: 'NOPE', pin: '110001' }, 'OFFICE_NOT_FOUND'],
    ['a type above its parent', { code: 'X2', name: 'x', type: 'DIVISION', parentCode: 'HO1' }, 'INVALID_OFFICE_TYPE_ORDER'],
    ['a type equal to its parent', { code: 'X3', name: 'x', type: 'SUB_OFFICE', parentCode: 'SO1', pin: '110001' }, 'INVALID_OFFICE_TYPE_ORDER'],
    ['a region at the top', { code: 'X4', name: 'x', type: 'REGION' }, 'INVALID_OFFICE_TYPE_ORDER'],
    ['a branch in account with an office elsewhere', { code: 'X5', name: 'x', type: 'BRANCH_OFFICE', parentCode: 'SO1', accountOfficeCode: 'HO2', pin: '110001' }, 'INVALID_ACCOUNT_OFFICE'],
    ['a branch directly under a division', { code: 'X6', name: 'x', type: 'BRANCH_OFFICE', parentCode: 'D1', pin: '110001' }, 'INVALID_ACCOUNT_OFFICE'],
    ['a head office in account with another', { code: 'X7', name: 'x', type: 'HEAD_OFFICE', parentCode: 'D1', accountOfficeCode: 'HO1', pin: '110001' }, 'INVALID_ACCOUNT_OFFICE'],
    ['a post office without a PIN', { code: 'X8', name: 'x', type: 'HEAD_OFFICE', parentCode: 'D1' }, 'BAD_USER_INPUT'],
    ['a PIN starting with 0', { code: 'X9', name: 'x', type: 'HEAD_OFFICE', parentCode: 'D1', pin: '011001' }, 'BAD_USER_INPUT'],
    ['a code with a slash', { code: 'X/1', name: 'x', type: 'DIVISION', parentCode: 'C1' }, 'BAD_USER_INPUT'],
    ['an opening date ahead', { code: 'X10', name: 'x', type: 'DIVISION', parentCode: 'C1', openedOn: '2026-11-23' }, 'BAD_USER_INPUT'],
  ];
  it.each(refusals)('refuses %s with %s', async (_name, input, expected) => {
    expect(await codeOf(create(input))).toBe(expected);
    if (expected !== 'OFFICE_CODE_TAKEN') expect(await service().getOffice(SYSTEM.identity, input.code.toUpperCase())).toBeNull();
  });

  it('answers OFFICE_CODE_TAKEN to the loser of two creates of one code at once', async () => {
    const input: CreateOfficeInput = { code: 'RACE', name: 'Race', type: 'DIVISION', parentCode: 'C2' };
    const results = await Promise.allSettled([create(input), create(input), create(input)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'OFFICE_CODE_TAKEN' });
  });

  it('needs office.manage over the parent: FORBIDDEN in scope without it, not found out of scope', async () => {
    const adminD1 = await staffAt('ADMIN', 'D1');
    const clerkHO1 = await staffAt('COUNTER_CLERK', 'HO1');
    const input = (code: string, parentCode: string): CreateOfficeInput => ({ code, name: 'x', type: 'SUB_OFFICE', parentCode, pin: '110001' });
    expect((await create(input('SO-A', 'HO1'), as(adminD1))).path).toBe('C1/D1/HO1/SO-A');
    expect(await codeOf(create(input('SO-B', 'HO2'), as(adminD1)))).toBe('OFFICE_NOT_FOUND');
    expect(await codeOf(create(input('SO-C', 'HO1'), as(clerkHO1)))).toBe('FORBIDDEN');
    // A new circle is in nobody's subtree: an admin at a circle cannot add one beside it.
    expect(await codeOf(create({ code: 'C9', name: 'x', type: 'CIRCLE' }, as(await staffAt('ADMIN', 'C1'))))).toBe('FORBIDDEN');
    expect(await codeOf(create(input('SO-D', 'HO1'), { ...SYSTEM, identity: { kind: 'anonymous' } }))).toBe('UNAUTHENTICATED');
  });
});

describe('renameOffice and updateOffice', () => {
  it('renames, counts the version and stages office.updated with an audit record of before and after', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    const renamed = await service().renameOffice(as(admin), 'SO3', 'Sub Office Three (Town)');
    expect(renamed).toMatchObject({ name: 'Sub Office Three (Town)', version: 2 });
    const [updated, audit] = (await outboxRows()).slice(-2);
    expect(updated).toMatchObject({ type: 'office.updated', payload: { code: 'SO3', name: 'Sub Office Three (Town)', version: 2, previousPath: 'C1/D1/HO1/SO3', path: 'C1/D1/HO1/SO3', status: 'ACTIVE', openedOn: TODAY } });
    expect(audit!.payload).toMatchObject({ action: 'OFFICE_RENAMED', actor: { username: 'admin.c1' }, before: { name: 'Sub Office Three' }, after: { name: 'Sub Office Three (Town)' } });
    const count = (await outboxRows()).length;
    await service().renameOffice(as(admin), 'SO3', 'Sub Office Three (Town)');
    expect((await outboxRows()).length).toBe(count); // the same name again: nothing to record
  });

  it('refuses a clerk: their own office is FORBIDDEN, the circle above them does not exist for them', async () => {
    const clerk = await staffAt('COUNTER_CLERK', 'HO1');
    expect(await codeOf(service().renameOffice(as(clerk), 'HO1', 'Mine now'))).toBe('FORBIDDEN');
    expect(await codeOf(service().renameOffice(as(clerk), 'C1', 'Mine now'))).toBe('OFFICE_NOT_FOUND');
    expect(await codeOf(service().updateOffice(as(clerk), 'C1', { phone: '011-23364111' }))).toBe('OFFICE_NOT_FOUND');
    expect((await service().getOffice(SYSTEM.identity, 'C1'))?.name).toBe('Circle One');
  });

  it('audits a refused command, naming the caller and the code it was refused with', async () => {
    const clerk = await staffAt('COUNTER_CLERK', 'HO1');
    expect(await codeOf(service().renameOffice(as(clerk), 'HO1', 'Refused name'))).toBe('FORBIDDEN');
    const last = (await outboxRows()).at(-1);
    expect(last?.type).toBe('audit.recorded');
    expect(last?.payload).toMatchObject({
      action: 'OFFICE_RENAMED',
      outcome: 'FAILURE',
      reason: 'FORBIDDEN',
      target: { type: 'Office', id: 'HO1' },
      actor: { username: clerk.username },
    });
  });

  it('updates only the fields given, and checks a new account office', async () => {
    const admin = await staffAt('ADMIN', 'D1');
    const updated = await service().updateOffice(as(admin), 'BO1', { pin: '110011', phone: '+91 11 2336 4111', accountOfficeCode: 'HO1' });
    expect(updated).toMatchObject({ pin: '110011', phone: '+91 11 2336 4111', accountOfficeCode: 'HO1', name: 'Branch One' });
    const audit = (await outboxRows()).at(-1)!;
    expect(audit.payload).toMatchObject({ action: 'OFFICE_UPDATED', before: { pin: '110004', accountOfficeCode: 'SO1' }, after: { pin: '110011', accountOfficeCode: 'HO1' } });
    expect(Object.keys(audit.payload.after).sort()).toEqual(['accountOfficeCode', 'phone', 'pin']);
    expect(await codeOf(service().updateOffice(as(admin), 'BO1', { accountOfficeCode: 'SO3' }))).toBe('INVALID_ACCOUNT_OFFICE'); // a sibling, not above
    expect(await codeOf(service().updateOffice(as(admin), 'BO1', { accountOfficeCode: null }))).toBe('INVALID_ACCOUNT_OFFICE');
    expect(await codeOf(service().updateOffice(as(admin), 'HO1', { pin: null }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(service().updateOffice(as(admin), 'BO1', { email: 'nope' }))).toBe('BAD_USER_INPUT');
    await service().updateOffice(as(admin), 'BO1', { accountOfficeCode: 'SO1', phone: null });
    expect(await service().getOffice(SYSTEM.identity, 'BO1')).toMatchObject({ accountOfficeCode: 'SO1', phone: null });
  });
});

describe('moveOffice', () => {
  it('moves a whole subtree: every path rewritten in one statement, one office.updated with the old path', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    const before = await paths();
    const moved = await service().moveOffice(as(admin), 'HO1', 'D2');
    expect(moved).toMatchObject({ parentCode: 'D2', path: 'C1/D2/HO1', version: 2 });
    const after = await paths();
    for (const [code, path] of Object.entries(before)) {
      const expected = path.startsWith('C1/D1/HO1') ? path.replace('C1/D1/HO1', 'C1/D2/HO1') : path;
      expect(after[code], code).toBe(expected);
    }
    expect(after.BO1).toBe('C1/D2/HO1/SO1/BO1');
    expect(await isOfficeUnder(testDatabase.database.db, 'BO1', 'D2')).toBe(true);
    expect(await isOfficeUnder(testDatabase.database.db, 'BO1', 'D1')).toBe(false);
    const [event, audit] = (await outboxRows()).slice(-2);
    expect(event).toMatchObject({ type: 'office.updated', payload: { code: 'HO1', parentCode: 'D2', path: 'C1/D2/HO1', previousPath: 'C1/D1/HO1' } });
    expect(audit!.payload).toMatchObject({ action: 'OFFICE_MOVED', before: { parentCode: 'D1' }, after: { parentCode: 'D2', officesMoved: 7 } });
    await service().moveOffice(as(admin), 'HO1', 'D1');
    expect(await paths()).toEqual(before);
  });

  it('refuses a cycle, an inverted type order and a no-op', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    expect(await codeOf(service().moveOffice(as(admin), 'D1', 'D1'))).toBe('MOVE_WOULD_CREATE_CYCLE');
    expect(await codeOf(service().moveOffice(as(admin), 'D1', 'SO1'))).toBe('MOVE_WOULD_CREATE_CYCLE');
    expect(await codeOf(service().moveOffice(as(admin), 'HO2', 'SO1'))).toBe('INVALID_OFFICE_TYPE_ORDER');
    expect(await codeOf(service().moveOffice(as(admin), 'HO2', 'HO1'))).toBe('INVALID_OFFICE_TYPE_ORDER');
    expect(await codeOf(service().moveOffice(as(admin), 'HO2', 'D2'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(service().moveOffice(as(admin), 'NOPE', 'D2'))).toBe('OFFICE_NOT_FOUND');
  });

  it('keeps account offices above the offices that use them, or refuses naming those that would break', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    // SO1 is in account with HO1; under HO2 that is no longer above it.
    expect(await codeOf(service().moveOffice(as(admin), 'SO1', 'HO2'))).toBe('INVALID_ACCOUNT_OFFICE');
    // With a new account office for SO1 itself, BO2 (in account with HO1) is still in the way.
    const refused = await service().moveOffice(as(admin), 'SO1', 'HO2', 'HO2').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'INVALID_ACCOUNT_OFFICE', details: { offices: ['BO2'] } });
    // A branch moving between sub offices of one head office keeps an account office that is still above it.
    await service().moveOffice(as(admin), 'BO2', 'SO3');
    expect(await service().getOffice(SYSTEM.identity, 'BO2')).toMatchObject({ path: 'C1/D1/HO1/SO3/BO2', accountOfficeCode: 'HO1' });
    const moved = await service().moveOffice(as(admin), 'SO1', 'HO2', 'HO2');
    expect(moved).toMatchObject({ path: 'C1/D2/HO2/SO1', accountOfficeCode: 'HO2' });
    expect((await service().getOffice(SYSTEM.identity, 'BO1'))?.path).toBe('C1/D2/HO2/SO1/BO1'); // in account with SO1, moved with it
    await service().moveOffice(as(admin), 'SO1', 'HO1', 'HO1');
    await service().moveOffice(as(admin), 'BO2', 'SO1');
  });

  it('needs office.manage over the office and the new parent', async () => {
    const adminD1 = await staffAt('ADMIN', 'D1');
    const auditor = await staffAt('AUDITOR', 'C1');
    expect(await codeOf(service().moveOffice(as(adminD1), 'SO3', 'HO2'))).toBe('OFFICE_NOT_FOUND'); // HO2 is outside D1
    expect(await codeOf(service().moveOffice(as(auditor), 'SO3', 'HO2'))).toBe('FORBIDDEN');
  });

  it('is guarded by the database too: a path that disagrees with its parent is refused by the trigger', async () => {
    await expect(testDatabase.database.db.execute(sql`update administration.offices set path = 'C1/D2/HO1' where code = 'HO1'`)).rejects.toThrow();
    await expect(testDatabase.database.db.execute(sql`update administration.offices set parent_code = 'SO2' where code = 'HO1'`)).rejects.toThrow();
    await expect(testDatabase.database.db.execute(sql`update administration.offices set account_office_code = 'HO2' where code = 'BO1'`)).rejects.toThrow();
    expect((await findOffice(testDatabase.database.db, 'HO1'))?.path).toBe('C1/D1/HO1');
  });
});

describe('closeOffice', () => {
  it('refuses while active offices are under it, without asking the ledger', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    const refused = await service().closeOffice(as(admin), 'SO1', TODAY).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'OFFICE_HAS_ACTIVE_CHILDREN', details: { offices: ['BO1', 'BO2'] } });
    expect(asked).toEqual([]);
  });

  it('refuses while staff who have not left are assigned to it', async () => {
    await testDatabase.database.db.execute(sql`
      insert into administration.staff (username, name, password_hash, office_code, roles, employee_id)
      values ('bpm.bo1', 'Branch Postmaster', 'x', 'BO1', array['COUNTER_CLERK'], '20000001')`);
    const admin = await staffAt('ADMIN', 'C1');
    expect(await codeOf(service().closeOffice(as(admin), 'BO1', TODAY))).toBe('OFFICE_HAS_ACTIVE_STAFF');
    await testDatabase.database.db.execute(sql`update administration.staff set status = 'LEFT', left_on = '2026-11-01' where username = 'bpm.bo1'`);
  });

  it('refuses when the ledger has balances, and fails closed when the ledger does not answer', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    ledger.set('BO1', { officeCode: 'BO1', hasOpenBalances: true, nonZeroAccounts: ['BO1:1100'], hasPendingHolds: false, closedThrough: null });
    const refused = await service().closeOffice(as(admin), 'BO1', TODAY).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'OFFICE_HAS_OPEN_BALANCES', details: { accounts: ['BO1:1100'] } });
    // No balance, but money reserved by a pending hold: not closable either.
    ledger.set('BO1', { officeCode: 'BO1', hasOpenBalances: false, nonZeroAccounts: [], hasPendingHolds: true, closedThrough: null });
    const held = await service().closeOffice(as(admin), 'BO1', TODAY).catch((error: unknown) => error);
    expect(held).toMatchObject({ code: 'OFFICE_HAS_OPEN_BALANCES', details: { accounts: [], pendingHolds: true } });
    ledger.set('BO1', 'down');
    expect(await codeOf(service().closeOffice(as(admin), 'BO1', TODAY))).toBe('DEPENDENCY_UNAVAILABLE');
    expect((await findOffice(testDatabase.database.db, 'BO1'))?.status).toBe('ACTIVE');
    expect(asked).toEqual(['BO1', 'BO1', 'BO1']);
  });

  it('closes an empty office on a date, once; then nothing is added under it, moved into it or renamed', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    expect(await codeOf(service().closeOffice(as(admin), 'BO1', '2026-11-23'))).toBe('BAD_USER_INPUT'); // ahead of today
    expect(await codeOf(service().closeOffice(as(admin), 'BO1', '2026-11-21'))).toBe('BAD_USER_INPUT'); // before it opened
    const closed = await service().closeOffice(as(admin), 'BO1', TODAY);
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: TODAY, version: 4 });
    const [event, audit] = (await outboxRows()).slice(-2);
    expect(event).toMatchObject({ type: 'office.updated', payload: { code: 'BO1', status: 'CLOSED' } });
    expect(audit!.payload).toMatchObject({ action: 'OFFICE_CLOSED', before: { status: 'ACTIVE', closedOn: null }, after: { status: 'CLOSED', closedOn: TODAY } });
    expect(await codeOf(service().closeOffice(as(admin), 'BO1', TODAY))).toBe('OFFICE_ALREADY_CLOSED');
    expect(await codeOf(service().renameOffice(as(admin), 'BO1', 'Reopened?'))).toBe('OFFICE_CLOSED');
    expect(await codeOf(service().moveOffice(as(admin), 'BO1', 'SO3'))).toBe('OFFICE_CLOSED');
    await service().moveOffice(as(admin), 'BO2', 'SO3'); // in account with HO1, which stays above it
    expect(await codeOf(service().closeOffice(as(admin), 'SO1', TODAY))).toBeUndefined(); // only a closed branch under it
    expect(await codeOf(create({ code: 'BO9', name: 'x', type: 'BRANCH_OFFICE', parentCode: 'SO1', pin: '110001' }))).toBe('OFFICE_CLOSED');
    expect(await codeOf(service().moveOffice(as(admin), 'BO2', 'SO1'))).toBe('OFFICE_CLOSED');
  });

  it('needs office.manage over the office', async () => {
    const clerk = await staffAt('COUNTER_CLERK', 'SO2');
    expect(await codeOf(service().closeOffice(as(clerk), 'SO2', TODAY))).toBe('FORBIDDEN');
    expect(await codeOf(service().closeOffice(as(clerk), 'C1', TODAY))).toBe('OFFICE_NOT_FOUND');
    expect(asked).toEqual([]);
  });
});

describe('queries, filtered by scope in SQL', () => {
  it('shows a clerk their subtree only: the circle above does not exist for them', async () => {
    const clerk = await staffAt('COUNTER_CLERK', 'HO1');
    const page = await service().listOffices(clerk, undefined, 100, undefined);
    expect(page.edges.map((edge) => edge.node.code)).toEqual(['BO1', 'BO2', 'HO1', 'SO-A', 'SO1', 'SO3', 'SO4']);
    expect(await service().getOffice(clerk, 'C1')).toBeNull();
    expect(await service().getOffice(clerk, 'HO2')).toBeNull();
    expect((await service().ancestors(clerk, (await findOffice(testDatabase.database.db, 'BO1'))!)).map((office) => office.code)).toEqual(['HO1', 'SO1']);
  });

  it('answers ancestors top down in one query', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    const bo1 = (await findOffice(testDatabase.database.db, 'BO1'))!;
    expect((await service().ancestors(admin, bo1)).map((office) => office.code)).toEqual(['C1', 'D1', 'HO1', 'SO1']);
    expect(await service().ancestors(admin, (await findOffice(testDatabase.database.db, 'C1'))!)).toEqual([]);
  });

  it('filters by subtree, type, status and search, all in SQL, with full keyset pages', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    const codes = async (filter: Parameters<ReturnType<typeof service>['listOffices']>[1], first = 100) =>
      (await service().listOffices(admin, filter, first, undefined)).edges.map((edge) => edge.node.code);
    expect(await codes({ underCode: 'HO1' })).toEqual(['BO1', 'BO2', 'SO-A', 'SO1', 'SO3', 'SO4']);
    expect(await codes({ underCode: 'HO1', type: 'BRANCH_OFFICE' })).toEqual(['BO1', 'BO2']);
    expect(await codes({ status: 'CLOSED' })).toEqual(['BO1', 'SO1']);
    expect(await codes({ underCode: 'NOPE' })).toEqual([]);
    expect(await codes({ search: 'so' })).toEqual(['SO-A', 'SO1', 'SO2', 'SO3', 'SO4']); // a code prefix
    expect(await codes({ search: 'branch' })).toEqual(['BO1', 'BO2']); // part of a name, any case
    expect(await codes({ search: '%' })).toEqual([]); // LIKE's wildcard taken literally
    expect(await codes({ search: 'town)' })).toEqual(['SO3']);
    expect(await codes({ search: '110052' })).toEqual(['HO2']); // a whole PIN
    expect(await codes({ search: '11000' })).toEqual(['BO2', 'HO1', 'SO-A', 'SO1', 'SO3', 'SO4']); // a PIN prefix (BO1's is now 110011)
    expect(await codes({ search: '11000', type: 'HEAD_OFFICE' })).toEqual(['HO1']); // with the other filters
    expect(await codes({ search: '1100011' })).toEqual([]); // longer than a PIN: not a PIN search
    expect(await codeOf(codes({ search: ' ' }))).toBe('BAD_USER_INPUT');
    // Pages through a scope that excludes most offices stay full: the scope is in the WHERE clause, not applied after.
    const clerk = await staffAt('COUNTER_CLERK', 'HO1');
    const first = await service().listOffices(clerk, undefined, 3, undefined);
    const second = await service().listOffices(clerk, undefined, 3, first.pageInfo.endCursor);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.code)).toEqual(['BO1', 'BO2', 'HO1', 'SO-A', 'SO1', 'SO3']);
    expect(second.pageInfo.hasNextPage).toBe(true);
  });

  it('pages children by code, within scope', async () => {
    const admin = await staffAt('ADMIN', 'C1');
    const ho1 = (await findOffice(testDatabase.database.db, 'HO1'))!;
    const first = await service().children(admin, ho1, 2, undefined);
    const rest = await service().children(admin, ho1, 50, first.pageInfo.endCursor);
    expect(first.edges.map((edge) => edge.node.code)).toEqual(['SO-A', 'SO1']);
    expect(rest.edges.map((edge) => edge.node.code)).toEqual(['SO3', 'SO4']);
    const postman = await staffAt('POSTMAN', 'SO3'); // office.read at their own office only
    expect((await service().children(postman, (await findOffice(testDatabase.database.db, 'SO3'))!, 50, undefined)).edges).toEqual([]);
  });

  it('uses the scope condition the API uses at the repository too', async () => {
    const clerk = await staffAt('COUNTER_CLERK', 'SO2');
    const rows = await listOffices(testDatabase.database.db, { scope: scopeCondition(clerk, 'office.read', offices.path), afterCode: undefined, limit: 100 });
    expect(rows.map((row) => row.code)).toEqual(['SO2']);
  });
});
