import { rowsOf } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartFor, STANDARD_HEADERS } from './chart.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['accounts']);
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('the standard chart', () => {
  it('has exactly the headers the code names, as the migration inserted them', async () => {
    const rows = rowsOf<{ code: string; name: string; type: string; parent_code: string | null; kind: string; currency: string | null; office_code: string | null }>(
      await testDatabase.database.db.execute(
        sql`select code, name, type, parent_code, kind, currency, office_code from accounts.accounts where kind = 'HEADER' order by code`,
      ),
    );
    expect(rows).toEqual(
      [...STANDARD_HEADERS]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((header) => ({ code: header.code, name: header.name, type: header.type, parent_code: header.parentCode, kind: 'HEADER', currency: null, office_code: null })),
    );
  });

  it('hangs every head an office gets under a header of its type', () => {
    const headers = new Map(STANDARD_HEADERS.map((header) => [header.code, header]));
    for (const type of ['HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE']) {
      for (const head of chartFor(type)) {
        expect(headers.get(head.headCode)?.type).toBe(head.type);
        expect(headers.get(head.parentCode)?.type).toBe(head.type);
      }
    }
  });
});
