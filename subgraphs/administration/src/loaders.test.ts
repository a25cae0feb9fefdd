import { readFileSync } from 'node:fs';
import { createMemoryNotifier } from '@postal/notify';
import { createMemoryNonceStore, signIdentity, type Identity } from '@postal/auth';
import type { Database } from '@postal/db';
import { createSubgraphServer, loadSubgraphTypeDefs, type RunningServer } from '@postal/server';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApprovalService } from './approvals/service.js';
import { createAuditService } from './audit/service.js';
import { createAuthService } from './auth/service.js';
import { requestContext, type Services } from './context.js';
import type { Db } from '@postal/db';
import { createOfficeService } from './offices/service.js';
import { offices } from './offices/tables.js';
import { resolvers } from './resolvers.js';
import { grantsForRoles } from './roles/repository.js';
import { createRoleService } from './roles/service.js';
import { seedDemoAdministration } from './seed/demo.js';
import { createSessionService } from './sessions/service.js';
import { createStaffService } from './staff/service.js';
import { staff, staffAssignments } from './staff/tables.js';
import { identityOf, requestAs } from './test-support/identities.js';

/*
 * What a page costs the database: the subgraph's real schema, resolvers and per-request context (requestContext, as
 * start.ts builds it) on a real PostgreSQL, with every statement counted by drizzle's logger. A page of 10 and a page
 * of 100 must cost the same number of statements: the offices, parents and children of a page are each one batched
 * query, never one per row.
 */
let testDatabase: TestDatabase;
let counted: Database;
let pool: pg.Pool;
let statements = 0;
let server: RunningServer;
const SECRET = 'z'.repeat(40);
let services: Services;
let admin: Identity;
const logger = pino({ level: 'silent' });
const clock = () => new Date('2026-11-22T06:30:00Z');

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  if (!testDatabase.url) throw new Error('this test counts statements on a real PostgreSQL: set DATABASE_URL');
  await seedDemoAdministration(testDatabase.database, 'test');
  await addOfficesAndStaff(testDatabase.database.db, 120);
  pool = new pg.Pool({ connectionString: testDatabase.url, max: 4 });
  // pg emits an idle client's error on its pool, and an unhandled one fails the run: dropping the test database at the
  // end terminates any connection still open ("terminating connection due to administrator command", 57P01).
  pool.on('error', (error) => {
    if ((error as { code?: string }).code !== '57P01') throw error;
  });
  const db = drizzle(pool, { logger: { logQuery: () => void (statements += 1) } }) as unknown as Db;
  counted = { db, kind: 'postgres', description: 'counted', close: () => pool.end() };
  const approvals = createApprovalService({ database: counted, clock, identitySecret: SECRET });
  services = {
    approvals,
    roles: createRoleService({ database: counted, clock, approvals }),
    audit: createAuditService(counted),
    auth: createAuthService({ database: counted, jwtPrivateKey: '', tokenTtlSeconds: 60, lockout: { maxFailures: 5, lockMinutes: 15 }, clock }),
    offices: createOfficeService({ database: counted, accounts: { officeLedgerStatus: () => Promise.reject(new Error('not asked')) }, clock, timeZone: 'Asia/Kolkata' }),
    staff: createStaffService({ database: counted, clock, timeZone: 'Asia/Kolkata', notifier: createMemoryNotifier() }),
    sessions: createSessionService({ database: counted, tokenTtlSeconds: 60 }),
  };
  server = await createSubgraphServer({
    name: 'administration',
    typeDefs: loadSubgraphTypeDefs('administration'),
    resolvers,
    identitySecret: SECRET,
    nonces: createMemoryNonceStore(),
    logger,
    buildContext: (request) => requestContext(request, services, counted),
    checkHealth: async () => {},
  }).listen(0, '127.0.0.1');
  admin = await identityOf(testDatabase.database.db, 'admin');
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await counted?.close();
  await testDatabase?.drop();
});

const LOAD_ROLE_SETS = [[], ['COUNTER_CLERK'], ['FINANCE_OFFICER'], ['AUDITOR', 'FINANCE_OFFICER'], ['COUNTER_CLERK', 'POSTMAN']];

/** 120 sub offices spread over the demo's three head offices, and a member of staff at each. */
async function addOfficesAndStaff(db: Db, count: number) {
  const heads = [
    { code: 'NDGPO', path: 'DL/DL-NDC/NDGPO' },
    { code: 'SMHO', path: 'DL/DL-NDC/SMHO' },
    { code: 'ASVHO', path: 'DL/DL-NWD/ASVHO' },
  ];
  const rows = Array.from({ length: count }, (_, index) => {
    const head = heads[index % heads.length]!;
    const code = `LT-${String(index).padStart(3, '0')}`;
    return { code, name: `Load test SO ${index}`, type: 'SUB_OFFICE', parentCode: head.code, accountOfficeCode: head.code, path: `${head.path}/${code}`, openedOn: '2026-01-01' };
  });
  await db.insert(offices).values(rows);
  await db.insert(staff).values(
    rows.map((office, index) => ({
      employeeId: String(30_000_000 + index),
      username: `aa.load${String(index).padStart(3, '0')}`,
      name: `Load ${index}`,
      passwordHash: 'not-a-login',
      officeCode: office.code,
      // Several role sets (none, one, two overlapping), so Staff.grants has different answers to batch and merge.
      roles: LOAD_ROLE_SETS[index % LOAD_ROLE_SETS.length]!,
    })),
  );
}

/** A request to the subgraph as the gateway sends it: signed, as the circle administrator. */
async function ask(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: unknown[] }> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signIdentity(requestAs(admin), SECRET, { audience: 'administration', body }) },
    body,
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

async function statementsOf(query: string, variables: Record<string, unknown>): Promise<{ count: number; rows: number }> {
  const before = statements;
  const result = await ask(query, variables);
  expect(result.errors).toBeUndefined();
  const data = result.data as Record<string, { edges: unknown[] }>;
  return { count: statements - before, rows: Object.values(data)[0]!.edges.length };
}

const STAFF_PAGE = 'query($first: Int) { staffMembers(first: $first, filter: { search: "aa.load" }) { edges { node { username office { code name parent { code } } } } } }';
const OFFICES_PAGE = `query($first: Int) { offices(first: $first, filter: { search: "LT-" }) { edges { node {
  code parent { code name } accountOffice { code } children(first: 5) { edges { node { code } } } } } } }`;
const APPROVALS_PAGE = 'query($first: Int) { approvalRequests(first: $first) { edges { node { id maker { staff { username } } office { code } } } } }';

/**
 * The console's own operations (console/src/screens/staff), as the gateway forwards them: every field they select is
 * administration's, so the subgraph answers them whole. A change to a screen's operation is measured here too.
 */
const consoleOperation = (file: string) => readFileSync(new URL(`../../../console/src/screens/staff/${file}`, import.meta.url), 'utf8');

describe('per-request loaders', () => {
  it("the console's staff list page (roles, office, grants) costs the same for 10 rows as for 100", async () => {
    const list = consoleOperation('staff-list.graphql');
    expect(list).toMatch(/grants\s*{/);
    const variables = { filter: { search: 'aa.load' } };
    const ten = await statementsOf(list, { ...variables, first: 10 });
    const hundred = await statementsOf(list, { ...variables, first: 100 });
    expect([ten.rows, hundred.rows]).toEqual([10, 100]);
    // The page, the offices of the page, the permissions of every role on it.
    expect(ten.count).toBeLessThanOrEqual(3);
    expect(hundred.count).toBe(ten.count);
  });

  it("the console's staff detail costs the same with two assignments as with thirty", async () => {
    const detail = consoleOperation('staff-detail.graphql');
    const [short, long] = await Promise.all(['aa.load001', 'aa.load002'].map((username) => identityOf(testDatabase.database.db, username)));
    // aa.load002 has worked at thirty offices, each assignment made by the administrator.
    const start = Date.UTC(2024, 0, 1);
    const day = 86_400_000;
    await testDatabase.database.db.insert(staffAssignments).values([
      // aa.load001 has worked at two: an earlier office, and the current one.
      { staffId: short!.staffId, officeCode: 'LT-090', startedAt: new Date(start), endedAt: new Date(start + day), assignedBy: null },
      { staffId: short!.staffId, officeCode: short!.officeCode, startedAt: new Date(start + day), assignedBy: admin.kind === 'staff' ? admin.staffId : null },
      ...Array.from({ length: 30 }, (_, index) => ({
        staffId: long!.staffId,
        officeCode: index === 29 ? long!.officeCode : `LT-${String(index + 40).padStart(3, '0')}`,
        startedAt: new Date(start + index * 10 * day),
        endedAt: index === 29 ? null : new Date(start + (index + 1) * 10 * day),
        assignedBy: admin.kind === 'staff' ? admin.staffId : null,
      })),
    ]);
    const cost = async (id: string) => {
      const before = statements;
      const result = await ask(detail, { id });
      expect(result.errors).toBeUndefined();
      return { count: statements - before, assignments: (result.data.staff.assignments as unknown[]).length };
    };
    const two = await cost(short!.staffId);
    const thirty = await cost(long!.staffId);
    expect([two.assignments, thirty.assignments]).toEqual([2, 30]);
    // The person and their office's path (the scope check), their office, grants and assignments, the assignments'
    // offices, the assigners and the assigners' offices (the scope check on each): each one query, whatever the history.
    expect(two.count).toBeLessThanOrEqual(7);
    expect(thirty.count).toBe(two.count);
  });

  it('a page of staff with their offices (and those offices\' parents) costs the same for 10 rows as for 100', async () => {
    const ten = await statementsOf(STAFF_PAGE, { first: 10 });
    const hundred = await statementsOf(STAFF_PAGE, { first: 100 });
    expect([ten.rows, hundred.rows]).toEqual([10, 100]);
    // The list, the offices of the page, the parents of those offices.
    expect(ten.count).toBeLessThanOrEqual(3);
    expect(hundred.count).toBe(ten.count);
  });

  it('a page of staff with their grants costs the same for 10 rows as for 100, and each answer is what login would sign', async () => {
    const page = 'query($first: Int) { staffMembers(first: $first, filter: { search: "aa.load" }) { edges { node { username roles grants { permission scope } } } } }';
    const ten = await statementsOf(page, { first: 10 });
    const hundred = await statementsOf(page, { first: 100 });
    expect([ten.rows, hundred.rows]).toEqual([10, 100]);
    // The list, and the permissions of every role on the page in one query.
    expect(ten.count).toBeLessThanOrEqual(2);
    expect(hundred.count).toBe(ten.count);
    const { data } = await ask(page, { first: 100 });
    const people = (data.staffMembers.edges as Array<{ node: { username: string; roles: string[]; grants: unknown[] } }>).map((edge) => edge.node);
    expect(new Set(people.map((person) => person.roles.join('+')))).toEqual(new Set(LOAD_ROLE_SETS.map((roles) => roles.join('+'))));
    for (const roles of LOAD_ROLE_SETS) {
      const person = people.find((candidate) => candidate.roles.join('+') === roles.join('+'))!;
      // The same merge (widest scope per permission) as the grants login puts in a token.
      expect(person.grants, roles.join('+') || 'no roles').toEqual(await grantsForRoles(testDatabase.database.db, roles));
    }
    const clerk = people.find((person) => person.roles.join('+') === 'COUNTER_CLERK+POSTMAN')!;
    expect(clerk.grants).toContainEqual({ permission: 'cod.collect', scope: 'OWN_OFFICE' });
    // Both roles give office.read, the clerk's over the subtree, the postman's at the own office: one grant, the wider.
    expect((clerk.grants as Array<{ permission: string }>).filter((grant) => grant.permission === 'office.read')).toEqual([{ permission: 'office.read', scope: 'SUBTREE' }]);
    expect(people.find((person) => person.roles.length === 0)!.grants).toEqual([]);
  });

  it('a page of offices with parents, account offices and children costs the same for 10 rows as for 100', async () => {
    const ten = await statementsOf(OFFICES_PAGE, { first: 10 });
    const hundred = await statementsOf(OFFICES_PAGE, { first: 100 });
    expect([ten.rows, hundred.rows]).toEqual([10, 100]);
    // The list, the parents and account offices (one loader), the children pages.
    expect(ten.count).toBeLessThanOrEqual(3);
    expect(hundred.count).toBe(ten.count);
  });

  it('children pages through the loader are the same as one query per parent', async () => {
    const result = await ask(
      '{ offices(filter: { underCode: "DL-NDC" }, first: 100) { edges { node { code children(first: 2) { edges { node { code } } pageInfo { hasNextPage } } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const batched = (result.data as any).offices.edges.map((edge: any) => [edge.node.code, edge.node.children]);
    for (const [code, children] of batched) {
      const office = (await services.offices.getOffice(admin, code))!;
      const alone = await services.offices.children(admin, office, 2, null);
      expect(children.edges.map((edge: any) => edge.node.code)).toEqual(alone.edges.map((edge) => edge.node.code));
      expect(children.pageInfo.hasNextPage).toBe(alone.pageInfo.hasNextPage);
    }
  });

  it('the approvals inbox resolves its makers and offices in a bounded number of statements', async () => {
    for (let index = 0; index < 12; index += 1) {
      await services.approvals.submit(requestAs({ kind: 'service', service: 'accounts' }), {
        kind: 'MANUAL_JOURNAL',
        summary: `journal ${index}`,
        payload: { index },
        officeCode: `LT-${String(index).padStart(3, '0')}`,
        makerId: (admin as { staffId: string }).staffId,
      } as never);
    }
    const few = await statementsOf(APPROVALS_PAGE, { first: 2 });
    const all = await statementsOf(APPROVALS_PAGE, { first: 12 });
    expect(all.rows).toBe(12);
    expect(all.count).toBe(few.count);
  });

  it('a mutation field reads what an earlier field of the same request changed, not the loader\'s old copy', async () => {
    // LT-000 and LT-003 are both under NDGPO: the first field loads NDGPO as a parent, the second renames it.
    const result = await ask(`mutation {
      first: renameOffice(code: "LT-000", name: "Load test SO zero") { parent { name } }
      second: renameOffice(code: "NDGPO", name: "New Delhi GPO (renamed)") { code }
      third: renameOffice(code: "LT-003", name: "Load test SO three") { parent { name } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.first.parent.name).not.toBe('New Delhi GPO (renamed)');
    expect(result.data.third.parent.name).toBe('New Delhi GPO (renamed)');
  });
});
