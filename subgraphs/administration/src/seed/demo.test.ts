import { verifyPassword } from '@postal/auth';
import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BILLER_STAFF, DEMO_OFFICE_STAFF, DEMO_OFFICES, DEMO_PASSWORD, DEMO_STAFF, seedDemoAdministration } from './demo.js';

let testDatabase: TestDatabase;
const query = async <T>(statement: ReturnType<typeof sql>) => rowsOf<T>(await testDatabase.database.db.execute(statement));

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
  expect(await seedDemoAdministration(testDatabase.database, 'test')).toEqual({
    offices: DEMO_OFFICES.length,
    staff: DEMO_STAFF.length + DEMO_OFFICE_STAFF.length + DEMO_BILLER_STAFF.length,
  });
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('the demo division', () => {
  it('keeps the foundation logins, adds admin2, and signs everyone in with the demo password', async () => {
    const rows = await query<{ username: string; roles: string[]; office_code: string; password_hash: string; must_change_password: boolean }>(
      sql`select username, roles, office_code, password_hash, must_change_password from administration.staff order by username`,
    );
    const byName = new Map(rows.map((row) => [row.username, row]));
    for (const [username, role, office] of [
      ['admin', 'ADMIN', 'DL'],
      ['admin2', 'ADMIN', 'DL'],
      ['finance', 'FINANCE_OFFICER', 'DL-NDC'],
      ['finance2', 'FINANCE_OFFICER', 'DL-NDC'],
      ['auditor', 'AUDITOR', 'DL'],
      ['clerk', 'COUNTER_CLERK', 'NDGPO'],
      ['postman', 'POSTMAN', 'NDGPO'],
    ] as const) {
      expect(byName.get(username), username).toMatchObject({ roles: [role], office_code: office, must_change_password: false });
    }
    expect(await verifyPassword(DEMO_PASSWORD, byName.get('admin2')!.password_hash)).toBe(true);
  });

  it('has a biller’s person, seller.demo, bound to BL000001 with the BILLER role alone, and nobody else bound', async () => {
    const rows = await query<{ username: string; roles: string[]; biller_code: string; office_code: string; password_hash: string }>(
      sql`select username, roles, biller_code, office_code, password_hash from administration.staff where biller_code is not null or 'BILLER' = any(roles)`,
    );
    expect(rows.map(({ password_hash: _hash, ...row }) => row)).toEqual([{ username: 'seller.demo', roles: ['BILLER'], biller_code: 'BL000001', office_code: 'NDGPO' }]);
    expect(await verifyPassword(DEMO_PASSWORD, rows[0]!.password_hash)).toBe(true);
  });

  it('gives everyone an 8-digit employee id and exactly one open assignment, at their office', async () => {
    const rows = await query<{ username: string; employee_id: string; open: number; matches: boolean }>(sql`
      select s.username, s.employee_id, count(a.id)::int as open, bool_and(a.office_code = s.office_code) as matches
      from administration.staff s left join administration.staff_assignments a on a.staff_id = s.id and a.ended_at is null
      group by s.id order by s.username`);
    expect(rows).toHaveLength(DEMO_STAFF.length + DEMO_OFFICE_STAFF.length + DEMO_BILLER_STAFF.length);
    for (const row of rows) expect(row, row.username).toMatchObject({ employee_id: expect.stringMatching(/^\d{8}$/), open: 1, matches: true });
  });

  it('is a believable tree: two divisions, head, sub and branch offices in account with their parent, staff at every post office', async () => {
    const offices = await query<{ code: string; type: string; parent_code: string | null; account_office_code: string | null; pin: string | null; staff: number }>(sql`
      select o.code, o.type, o.parent_code, o.account_office_code, o.pin, count(s.id)::int as staff
      from administration.offices o left join administration.staff s on s.office_code = o.code
      group by o.code order by o.code`);
    expect(offices.filter((office) => office.type === 'DIVISION').map((office) => office.code)).toEqual(['DL-NDC', 'DL-NWD']);
    for (const type of ['HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE']) {
      const ofType = offices.filter((office) => office.type === type);
      expect(ofType.length, type).toBeGreaterThanOrEqual(2);
      for (const office of ofType) {
        expect(office.pin, office.code).toMatch(/^[1-9]\d{5}$/);
        expect(office.staff, `${office.code} has someone at the counter`).toBeGreaterThanOrEqual(1);
        if (type !== 'HEAD_OFFICE') expect(office.account_office_code, office.code).toBe(office.parent_code);
      }
    }
    const postmen = await query<{ count: number }>(sql`select count(*)::int as count from administration.staff where office_code = 'NDGPO' and 'POSTMAN' = any(roles)`);
    expect(postmen[0]!.count).toBeGreaterThanOrEqual(3);
  });

  it('stages office.created once per office, with the account office and the opening date', async () => {
    const events = await query<{ code: string; account: string | null; opened_on: string | null }>(
      sql`select payload->>'code' as code, payload->>'accountOfficeCode' as account, payload->>'openedOn' as opened_on
            from administration.outbox where type = 'office.created'`,
    );
    expect(events).toHaveLength(DEMO_OFFICES.length);
    expect(events).toContainEqual({ code: 'ASVHO-AL-BK', account: 'ASVHO-AL', opened_on: '2015-04-01' });
    expect(events.every((event) => event.opened_on === '2015-04-01')).toBe(true);
  });
});
