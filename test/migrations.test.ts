import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder, migrationsTable, rowsOf, type Database, type SubgraphName } from '@postal/db';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql, type SQL } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * The backfills are custom migrations of their own, between the generated ones that add the columns and those that
 * constrain them. Each is tested the way it runs on a database that already has rows: migrate up to just before it,
 * put rows in, run it (and the rest), read the rows after.
 */
let testDatabase: TestDatabase | undefined;
const folders: string[] = [];
afterEach(async () => {
  await testDatabase?.drop();
  testDatabase = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Applies the subgraph's migrations up to and including `lastTag` (all of them when undefined), as production does. */
async function migrateThrough(database: Database, subgraph: SubgraphName, lastTag?: string): Promise<void> {
  let folder = migrationsFolder(subgraph);
  if (lastTag !== undefined) {
    const copy = mkdtempSync(join(tmpdir(), `pf-migrations-${subgraph}-`));
    folders.push(copy);
    cpSync(folder, copy, { recursive: true });
    const journalPath = join(copy, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
    const end = journal.entries.findIndex((entry) => entry.tag === lastTag);
    if (end < 0) throw new Error(`no migration ${lastTag} in ${subgraph}`);
    journal.entries = journal.entries.slice(0, end + 1);
    writeFileSync(journalPath, JSON.stringify(journal));
    folder = copy;
  }
  await migrate(database.db as never, { migrationsFolder: folder, migrationsSchema: 'drizzle', migrationsTable: migrationsTable(subgraph) });
}

async function fresh(): Promise<Database> {
  testDatabase = await createTestDatabase();
  if (!testDatabase.url) throw new Error('migration tests run on a real PostgreSQL: set DATABASE_URL');
  return testDatabase.database;
}

const rows = async <T>(database: Database, query: SQL) => rowsOf<T>(await database.db.execute(query));

describe('administration backfills', () => {
  it('0003_1: staff who exist before employee ids get placeholders in creation order and an open assignment', async () => {
    const database = await fresh();
    await migrateThrough(database, 'administration', '0003_staff_management');
    await database.db.execute(sql`insert into administration.offices (code, name, type, path) values ('DL', 'Delhi Circle', 'CIRCLE', 'DL')`);
    await database.db.execute(sql`insert into administration.staff (username, name, password_hash, office_code, roles, created_at) values
      ('zed', 'Zed', 'x', 'DL', '{ADMIN}', '2026-01-01T00:00:00Z'),
      ('amy', 'Amy', 'x', 'DL', '{}', '2026-01-02T00:00:00Z'),
      ('bob', 'Bob', 'x', 'DL', '{}', '2026-01-02T00:00:00Z')`);
    await migrateThrough(database, 'administration', '0003_2_staff_employee_id_required');
    expect(await rows(database, sql`select username, employee_id as "employeeId" from administration.staff order by employee_id`)).toEqual([
      { username: 'zed', employeeId: '90000001' },
      { username: 'amy', employeeId: '90000002' },
      { username: 'bob', employeeId: '90000003' },
    ]);
    expect(
      await rows(database, sql`select s.username, a.office_code as "officeCode", a.started_at = s.created_at as "sinceCreated", a.ended_at as "endedAt"
        from administration.staff_assignments a join administration.staff s on s.id = a.staff_id order by s.username`),
    ).toEqual([
      { username: 'amy', officeCode: 'DL', sinceCreated: true, endedAt: null },
      { username: 'bob', officeCode: 'DL', sinceCreated: true, endedAt: null },
      { username: 'zed', officeCode: 'DL', sinceCreated: true, endedAt: null },
    ]);
    await migrateThrough(database, 'administration');
  });

  it('0004_1: sub and branch offices that exist before account offices are in account with the nearest office that keeps accounts', async () => {
    const database = await fresh();
    await migrateThrough(database, 'administration', '0004_office_tree');
    await database.db.execute(sql`insert into administration.offices (code, name, type, parent_code, path, created_at, opened_on) values
      ('DL', 'Delhi Circle', 'CIRCLE', null, 'DL', '2020-03-04T10:00:00Z', '2026-12-01'),
      ('DL-NDC', 'New Delhi Central', 'DIVISION', 'DL', 'DL/DL-NDC', '2020-03-04T10:00:00Z', '2026-12-01'),
      ('HO1', 'Head office', 'HEAD_OFFICE', 'DL-NDC', 'DL/DL-NDC/HO1', '2021-05-06T10:00:00Z', '2026-12-01'),
      ('SO1', 'Sub office', 'SUB_OFFICE', 'HO1', 'DL/DL-NDC/HO1/SO1', '2022-07-08T10:00:00Z', '2026-12-01'),
      ('BO1', 'Branch office', 'BRANCH_OFFICE', 'SO1', 'DL/DL-NDC/HO1/SO1/BO1', '2023-09-10T10:00:00Z', '2026-12-01')`);
    await migrateThrough(database, 'administration', '0004_2_office_account_by_type');
    expect(await rows(database, sql`select code, account_office_code as "accountOffice", opened_on::text as "openedOn" from administration.offices order by path`)).toEqual([
      { code: 'DL', accountOffice: null, openedOn: '2020-03-04' },
      { code: 'DL-NDC', accountOffice: null, openedOn: '2020-03-04' },
      { code: 'HO1', accountOffice: null, openedOn: '2021-05-06' },
      { code: 'SO1', accountOffice: 'HO1', openedOn: '2022-07-08' },
      { code: 'BO1', accountOffice: 'SO1', openedOn: '2023-09-10' },
    ]);
    await migrateThrough(database, 'administration');
  });
});

describe('accounts backfills', () => {
  it('0001_1 and 0002_1: known offices get their parents from the path; accounts opened before the ledger hang under the standard chart', async () => {
    const database = await fresh();
    await migrateThrough(database, 'accounts', '0000_foundation');
    await database.db.execute(sql`insert into accounts.known_offices (code, name, type, path) values
      ('DL', 'Delhi Circle', 'CIRCLE', 'DL'), ('HO1', 'Head office', 'HEAD_OFFICE', 'DL/DL-NDC/HO1')`);
    await migrateThrough(database, 'accounts', '0001_1_known_office_parents');
    expect(await rows(database, sql`select code, parent_code as "parentCode" from accounts.known_offices order by code`)).toEqual([
      { code: 'DL', parentCode: null },
      { code: 'HO1', parentCode: 'DL-NDC' },
    ]);
    await migrateThrough(database, 'accounts', '0002_ledger');
    await database.db.execute(sql`insert into accounts.accounts (code, name, type, head_code, currency, office_code) values
      ('HO1:1100', 'Cash', 'ASSET', '1100', 'INR', 'HO1'),
      ('HO1:2100', 'MO payable', 'LIABILITY', '2100', 'INR', 'HO1'),
      ('HO1:4100', 'MO commission', 'INCOME', '4100', 'INR', 'HO1')`);
    await migrateThrough(database, 'accounts', '0002_1_standard_chart');
    expect(
      await rows(database, sql`select code, parent_code as "parentCode", balance_constraint as "constraint", allow_manual_entries as manual
        from accounts.accounts where kind = 'DETAIL' order by code`),
    ).toEqual([
      { code: 'HO1:1100', parentCode: '1100', constraint: 'CREDITS_NOT_EXCEED_DEBITS', manual: true },
      { code: 'HO1:2100', parentCode: '2100', constraint: 'DEBITS_NOT_EXCEED_CREDITS', manual: false },
      { code: 'HO1:4100', parentCode: '4100', constraint: 'NONE', manual: true },
    ]);
    expect(await rows(database, sql`select count(*)::int as headers from accounts.accounts where kind = 'HEADER'`)).toEqual([{ headers: 15 }]);
    await migrateThrough(database, 'accounts');
  });

  it('0009 and 0009_1: a ledger with postings loses their foreign keys and keeps every guarantee by triggers', async () => {
    const database = await fresh();
    await migrateThrough(database, 'accounts', '0008_1_cod_chart');
    await database.db.execute(sql`insert into accounts.known_offices (code, name, type, path) values ('HO1', 'Head office', 'HEAD_OFFICE', 'HO1')`);
    await database.db.execute(sql`insert into accounts.accounts (code, name, type, head_code, currency, office_code) values
      ('HO1:1100', 'Cash', 'ASSET', '1100', 'INR', 'HO1'), ('HO1:4100', 'MO commission', 'INCOME', '4100', 'INR', 'HO1'),
      ('HO1:4200', 'Other income', 'INCOME', '4200', 'INR', 'HO1')`);
    const entry = (id: string) => sql`insert into accounts.journal_entries (id, office_code, effective_date, description, source_type, actor, idempotency_key, request_hash)
      values (${id}::uuid, 'HO1', '2026-12-01', 'before 0009', 'TEST', '{"kind":"service","id":"test"}', ${id}, 'x')`;
    const lines = (id: string, credit: string) => sql`insert into accounts.postings (entry_id, line, account_code, side, amount, currency, effective_date)
      values (${id}::uuid, 1, 'HO1:1100', 'DEBIT', 5, 'INR', '2026-12-01'), (${id}::uuid, 2, ${credit}, 'CREDIT', 5, 'INR', '2026-12-01')`;
    const before = '00000000-0000-4000-8000-000000000001';
    await database.db.execute(entry(before));
    await database.db.execute(lines(before, 'HO1:4100'));
    await migrateThrough(database, 'accounts', '0009_1_postings_statement_check');
    expect(
      await rows(database, sql`select conname from pg_constraint where conrelid = 'accounts.postings'::regclass and contype = 'f'`),
    ).toEqual([]);
    expect(await rows(database, sql`select count(*)::int as postings from accounts.postings where entry_id = ${before}::uuid`)).toEqual([{ postings: 2 }]);
    const after = '00000000-0000-4000-8000-000000000002';
    await database.db.execute(entry(after));
    // What the foreign key refused, the statement-level trigger refuses; what it allowed goes in.
    await expect(database.db.execute(lines(after, 'HO1:9999'))).rejects.toMatchObject({ cause: { code: '23503', constraint: 'postings_account_exists' } });
    await database.db.execute(lines(after, 'HO1:4200'));
    // And what RESTRICT refused on the accounts' side (an account postings name is neither deleted nor re-keyed).
    await expect(database.db.execute(sql`delete from accounts.accounts where code = 'HO1:4100'`)).rejects.toMatchObject({ cause: { code: '23503' } });
    await expect(database.db.execute(sql`update accounts.accounts set code = 'HO1:4101' where code = 'HO1:4200'`)).rejects.toMatchObject({ cause: { code: '23503' } });
    await migrateThrough(database, 'accounts');
  });
});

describe('cod-settlement backfills', () => {
  it('0009: collections already due keep settling alone (by their lines); those not yet due join the day path when they become due, priced', async () => {
    const database = await fresh();
    await migrateThrough(database, 'cod-settlement', '0008_payout_file_templates');
    await database.db.execute(sql`
      insert into cod.billers (id, code, name, type, contact_name, contact_email, contact_phone, settlement_office_code, settlement_office_path, currency, status, created_by, created_at)
      values ('00000000-0000-4000-8000-000000000001', 'BL000001', 'Seller', 'ECOMMERCE', 'Owner', 'o@example.in', '+919800000000', 'NDGPO', 'DL/NDGPO', 'INR', 'ACTIVE', 't', now())`);
    await database.db.execute(sql`
      insert into cod.contracts (id, biller_id, version, effective_from, fee_rule, taxes, fee_source, settlement_cycle_days, payout_weekdays,
                                 max_article_amount, dispute_window_days, bank_details_hold_days, holiday_calendar, created_by, created_at)
      values (gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 1, '2026-01-01',
              '{"kind":"PERCENT_WITH_MINIMUM_THEN_EXCESS","threshold":"5000","percentUpToThreshold":"2","minimumFee":"50","baseAboveThreshold":"100","percentOfExcess":"1"}'::jsonb,
              '[{"name":"GST","percent":"18"}]'::jsonb, 'IN-COD-FEE-2017-07-01', 2, '[1,2,3,4,5]'::jsonb, '50000', 3, 7, 'IN', 't', now())`);
    for (const [n, due] of [['1', '2026-12-01'], ['2', null]] as const) {
      await database.db.execute(sql`
        insert into cod.articles (id, article_number, biller_id, currency, cod_amount, booking_office_code, delivery_office_code, delivery_office_path, status, booked_on, delivered_on, registered_by, registered_at)
        values (${`00000000-0000-4000-8000-00000000010${n}`}, ${`EE00000000${n}IN`}, '00000000-0000-4000-8000-000000000001', 'INR', '4321.37', 'NDGPO', 'NDGPO', 'DL/NDGPO', 'DELIVERED', '2026-11-28', '2026-11-30', 't', now())`);
      await database.db.execute(sql`
        insert into cod.collections (article_id, biller_id, currency, amount, mode, pod_reference, postman_id, office_code, office_path, business_date, collected_at, due_from)
        values (${`00000000-0000-4000-8000-00000000010${n}`}, '00000000-0000-4000-8000-000000000001', 'INR', '4321.37', 'CASH', 'POD', 'PM1', 'NDGPO', 'DL/NDGPO', '2026-11-30', now(), ${due})`);
    }
    await migrateThrough(database, 'cod-settlement');
    const state = () => rows(database, sql`select article_id::text, settles_alone, fee::text, fee_tax::text from cod.collections order by article_id`);
    expect(await state()).toEqual([
      { article_id: '00000000-0000-4000-8000-000000000101', settles_alone: true, fee: null, fee_tax: null },
      { article_id: '00000000-0000-4000-8000-000000000102', settles_alone: false, fee: null, fee_tax: null },
    ]);
    expect(await rows(database, sql`select count(*)::int as days from cod.due_days`)).toEqual([{ days: 0 }]);
    await database.db.execute(sql`update cod.collections set due_from = '2026-12-03' where article_id = '00000000-0000-4000-8000-000000000102'`);
    expect((await state())[1]).toEqual({ article_id: '00000000-0000-4000-8000-000000000102', settles_alone: false, fee: '86.43', fee_tax: '15.56' });
    expect(await rows(database, sql`select due_from::text, settlement_office_code, batch_id from cod.due_days`)).toEqual([{ due_from: '2026-12-03', settlement_office_code: 'NDGPO', batch_id: null }]);
  });
});
