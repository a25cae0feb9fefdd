import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantableRolesFor } from './repository.js';

/** The delegation data the migrations insert (0012_role_delegations_data.sql), as the rules read it. */
let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createTestDatabase(['administration']);
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('role delegations', () => {
  it('let ADMIN grant every role, ADMIN and BILLER included, and nobody else grant anything', async () => {
    const rows = rowsOf<{ grantor_role: string; grantable_role: string }>(
      await testDatabase.database.db.execute(sql`select grantor_role, grantable_role from administration.role_delegations order by 1, 2`),
    );
    expect(rows).toEqual(['ADMIN', 'AUDITOR', 'BILLER', 'COUNTER_CLERK', 'FINANCE_OFFICER', 'POSTMAN'].map((role) => ({ grantor_role: 'ADMIN', grantable_role: role })));
    expect(await grantableRolesFor(testDatabase.database.db, ['ADMIN', 'AUDITOR'])).toEqual(['ADMIN', 'AUDITOR', 'BILLER', 'COUNTER_CLERK', 'FINANCE_OFFICER', 'POSTMAN']);
    for (const role of ['FINANCE_OFFICER', 'AUDITOR', 'COUNTER_CLERK', 'POSTMAN', 'BILLER']) expect(await grantableRolesFor(testDatabase.database.db, [role])).toEqual([]);
  });

  it('name only roles that exist (foreign keys)', async () => {
    await expect(
      testDatabase.database.db.execute(sql`insert into administration.role_delegations (grantor_role, grantable_role) values ('ADMIN', 'WIZARD')`),
    ).rejects.toThrow();
  });
});
