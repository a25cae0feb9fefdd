import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerDatabase, post, transfer } from '../journal/test-support/ledger.js';
import { chartFor } from '../ledger-accounts/chart.js';

/*
 * The data migration 0008_1 opens the COD heads (2400 suspense, 5100 COD claims expense) for offices that existed
 * before it, as office.created opens them for new offices (chart.ts): rows before, the migration run (twice: it is
 * re-runnable), rows after.
 */
let testDatabase: TestDatabase;
const migrations = join(dirname(fileURLToPath(import.meta.url)), '../../../../migrations/accounts');

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
}, 60_000);
afterAll(() => testDatabase?.drop());

describe('the COD heads of the chart', () => {
  it('are opened for head and sub offices by office.created, and not for branch offices', () => {
    const heads = (type: string) => chartFor(type).map((head) => head.headCode);
    for (const type of ['HEAD_OFFICE', 'SUB_OFFICE']) expect(heads(type)).toEqual(expect.arrayContaining(['1200', '1300', '2200', '2400', '4200', '5100']));
    expect(heads('BRANCH_OFFICE')).not.toContain('2400');
    expect(chartFor('SUB_OFFICE').find((head) => head.headCode === '2400')).toMatchObject({ type: 'LIABILITY', balanceConstraint: 'NONE', allowManualEntries: true });
    expect(chartFor('SUB_OFFICE').find((head) => head.headCode === '5100')).toMatchObject({ type: 'EXPENSE', balanceConstraint: 'NONE', allowManualEntries: true });
  });
});

describe('migration 0008_1: the COD heads for offices opened before it', () => {
  it('opens 2400 and 5100 for head and sub offices (closed through their closed days), and touches nothing else', async () => {
    const db = testDatabase.database.db;
    // Before: offices as the chart opened them before these heads, one of them with its suspense account already there
    // and posted to, one with closed days.
    await db.execute(sql`
      insert into accounts.known_offices (code, name, type, path, parent_code)
      values ('OLDHO', 'Old HO', 'HEAD_OFFICE', 'C/D/OLDHO', 'D'), ('OLDSO', 'Old SO', 'SUB_OFFICE', 'C/D/OLDHO/OLDSO', 'OLDHO'),
             ('OLDBO', 'Old BO', 'BRANCH_OFFICE', 'C/D/OLDHO/OLDSO/OLDBO', 'OLDSO'), ('OLDDIV', 'Old division', 'DIVISION', 'C/OLDDIV', 'C')`);
    await db.execute(sql`
      insert into accounts.business_days (office_code, closed_through, closed_by) values ('OLDSO', '2026-11-10', '{"kind":"service","id":"test"}'::jsonb)`);
    await db.execute(sql`
      insert into accounts.accounts (code, name, type, kind, parent_code, head_code, currency, office_code, balance_constraint)
      values ('OLDHO:1100', 'Cash on hand, Old HO', 'ASSET', 'DETAIL', '1100', '1100', 'INR', 'OLDHO', 'CREDITS_NOT_EXCEED_DEBITS')`);
    await post(testDatabase, transfer('HO1:1100', 'HO1:2400', '7.00'));
    const before = rowsOf<{ code: string }>(await db.execute(sql`select code from accounts.accounts where office_code like 'OLD%' order by code`));
    expect(before.map((row) => row.code)).toEqual(['OLDHO:1100']);

    const statements = readFileSync(join(migrations, '0008_1_cod_chart.sql'), 'utf8').split('--> statement-breakpoint');
    for (let run = 0; run < 2; run += 1) for (const statement of statements) await db.execute(sql.raw(statement));

    const after = rowsOf<Record<string, unknown>>(
      await db.execute(sql`
        select code, name, type, parent_code, balance_constraint, allow_manual_entries, closed_through::text as closed_through
          from accounts.accounts where office_code like 'OLD%' order by code`),
    );
    const opened = (code: string, name: string, type: string, closedThrough: string | null = null) => ({
      code,
      name,
      type,
      parent_code: code.split(':')[1],
      balance_constraint: 'NONE',
      allow_manual_entries: true,
      closed_through: closedThrough,
    });
    expect(after).toEqual([
      { code: 'OLDHO:1100', name: 'Cash on hand, Old HO', type: 'ASSET', parent_code: '1100', balance_constraint: 'CREDITS_NOT_EXCEED_DEBITS', allow_manual_entries: true, closed_through: null },
      opened('OLDHO:2400', 'Suspense, Old HO', 'LIABILITY'),
      opened('OLDHO:5100', 'COD claims expense, Old HO', 'EXPENSE'),
      opened('OLDSO:2400', 'Suspense, Old SO', 'LIABILITY', '2026-11-10'),
      opened('OLDSO:5100', 'COD claims expense, Old SO', 'EXPENSE', '2026-11-10'),
    ]);
    // The offices the events opened keep what they had: HO1's suspense account, posted to above, is untouched.
    const [ho1] = rowsOf<{ credit_total: string }>(await db.execute(sql`select credit_total::text from accounts.accounts where code = 'HO1:2400'`));
    expect(Number(ho1!.credit_total)).toBe(7);
    const headers = rowsOf<{ code: string; type: string; parent_code: string }>(
      await db.execute(sql`select code, type, parent_code from accounts.accounts where code in ('2400', '5100') and kind = 'HEADER' order by code`),
    );
    expect(headers).toEqual([
      { code: '2400', type: 'LIABILITY', parent_code: '2000' },
      { code: '5100', type: 'EXPENSE', parent_code: '5000' },
    ]);
  });
});
