import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rowsOf } from '@postal/db';
import type { TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEntry } from '../journal/repository.js';
import { createLedgerDatabase, post, SERVICE_ORIGIN, TODAY, transfer } from '../journal/test-support/ledger.js';

/*
 * Every entry balances within each office it touches: refused by the posting path (UNBALANCED_OFFICE), and by the
 * database whatever writes the postings (migration 0007_2, since 0009_1 postings_statement_check). And the data migration 0007_1 opens the money-order heads
 * for offices that existed before it.
 */
let testDatabase: TestDatabase;
const migrations = join(dirname(fileURLToPath(import.meta.url)), '../../../../migrations/accounts');

beforeAll(async () => {
  testDatabase = await createLedgerDatabase();
  await post(testDatabase, transfer('HO1:1100', 'HO1:2100', '100.00'));
}, 60_000);
afterAll(() => testDatabase?.drop());

/** An error and its causes (drizzle wraps the driver's error). */
function causes(error: unknown): Array<{ code?: unknown; message?: unknown }> {
  const found: Array<{ code?: unknown; message?: unknown }> = [];
  for (let current = error as { cause?: unknown } | undefined; current; current = current.cause as { cause?: unknown } | undefined) found.push(current as never);
  return found;
}

describe('the per-office balance', () => {
  it('refuses an entry that crosses offices without clearing, and takes it through clearing', async () => {
    const crossing = transfer('HO2:1100', 'HO1:2100', '10.00');
    await expect(post(testDatabase, { ...crossing, postings: [crossing.postings[0]!, crossing.postings[3]!] })).rejects.toMatchObject({
      code: 'UNBALANCED_OFFICE',
      details: { officeCode: 'HO1', currency: 'INR' },
    });
    await expect(post(testDatabase, crossing)).resolves.toMatchObject({ replayed: false });
  });

  it('is checked again by the database, whatever writes the postings', async () => {
    const id = randomUUID();
    const row = {
      id,
      officeCode: 'HO1',
      effectiveDate: TODAY,
      description: 'written around the domain check',
      sourceType: 'TEST',
      sourceReference: null,
      actor: SERVICE_ORIGIN.actor,
      approvedBy: null,
      approvalRequestId: null,
      idempotencyKey: `raw-${id}`,
      requestHash: 'x',
      reversesEntryId: null,
      holdId: null,
    };
    const lines = [
      { entryId: id, line: 1, accountCode: 'HO1:1100', side: 'DEBIT' as const, amount: '5.00', currency: 'INR', effectiveDate: TODAY },
      { entryId: id, line: 2, accountCode: 'HO2:4100', side: 'CREDIT' as const, amount: '5.00', currency: 'INR', effectiveDate: TODAY },
    ];
    const changes = [
      { accountCode: 'HO1:1100', debit: '5.00', credit: '0', pendingDebit: '0', pendingCredit: '0' },
      { accountCode: 'HO2:4100', debit: '0', credit: '5.00', pendingDebit: '0', pendingCredit: '0' },
    ];
    const refused = await testDatabase.database.db.transaction((tx) => writeEntry(tx, row, lines, changes)).catch((error: unknown) => error);
    expect(causes(refused).some((cause) => cause.code === '23514' && /^UNBALANCED_OFFICE: entry .* within office HO1 in INR/.test(String(cause.message)))).toBe(true);
    // Balanced within HO1 it goes in.
    const balanced = [lines[0]!, { ...lines[1]!, accountCode: 'HO1:4100' }];
    const written = await testDatabase.database.db.transaction((tx) => writeEntry(tx, row, balanced, [changes[0]!, { ...changes[1]!, accountCode: 'HO1:4100' }]));
    expect(written).toMatchObject({ written: true });
  });
});

describe('migration 0007_1: the money-order heads for offices opened before it', () => {
  it('opens 1600 for every counter office and 2110, 4300 for those keeping MO payable, and touches nothing else', async () => {
    const db = testDatabase.database.db;
    // Before: offices as the chart opened them before these heads (their new accounts taken away again), one of them
    // with its clearing account already there and posted to.
    await db.execute(sql`
      insert into accounts.known_offices (code, name, type, path, parent_code)
      values ('OLDHO', 'Old HO', 'HEAD_OFFICE', 'C/D/OLDHO', 'D'), ('OLDBO', 'Old BO', 'BRANCH_OFFICE', 'C/D/OLDHO/OLDBO', 'OLDHO'),
             ('OLDDIV', 'Old division', 'DIVISION', 'C/OLDDIV', 'C')`);
    await db.execute(sql`
      insert into accounts.accounts (code, name, type, kind, parent_code, head_code, currency, office_code, balance_constraint)
      values ('OLDHO:1100', 'Cash on hand, Old HO', 'ASSET', 'DETAIL', '1100', '1100', 'INR', 'OLDHO', 'CREDITS_NOT_EXCEED_DEBITS')`);
    const before = rowsOf<{ code: string }>(await db.execute(sql`select code from accounts.accounts where office_code in ('OLDHO', 'OLDBO', 'OLDDIV') order by code`));
    expect(before.map((row) => row.code)).toEqual(['OLDHO:1100']);
    const statements = readFileSync(join(migrations, '0007_1_money_order_chart.sql'), 'utf8').split('--> statement-breakpoint');
    for (let run = 0; run < 2; run += 1) for (const statement of statements) await db.execute(sql.raw(statement));
    const after = rowsOf<{ code: string; name: string; type: string; parent_code: string; balance_constraint: string; allow_manual_entries: boolean }>(
      await db.execute(sql`
        select code, name, type, parent_code, balance_constraint, allow_manual_entries from accounts.accounts
         where office_code in ('OLDHO', 'OLDBO', 'OLDDIV') order by code`),
    );
    expect(after).toEqual([
      { code: 'OLDBO:1600', name: 'Inter-office clearing, Old BO', type: 'ASSET', parent_code: '1600', balance_constraint: 'NONE', allow_manual_entries: true },
      { code: 'OLDHO:1100', name: 'Cash on hand, Old HO', type: 'ASSET', parent_code: '1100', balance_constraint: 'CREDITS_NOT_EXCEED_DEBITS', allow_manual_entries: true },
      { code: 'OLDHO:1600', name: 'Inter-office clearing, Old HO', type: 'ASSET', parent_code: '1600', balance_constraint: 'NONE', allow_manual_entries: true },
      { code: 'OLDHO:2110', name: 'Expired money orders payable, Old HO', type: 'LIABILITY', parent_code: '2110', balance_constraint: 'DEBITS_NOT_EXCEED_CREDITS', allow_manual_entries: false },
      { code: 'OLDHO:4300', name: 'Unclaimed money-order income, Old HO', type: 'INCOME', parent_code: '4300', balance_constraint: 'NONE', allow_manual_entries: true },
    ]);
    // The offices the events opened keep what they had: HO1's clearing account, posted to above, is untouched.
    const [ho1] = rowsOf<{ debit_total: string }>(await db.execute(sql`select debit_total::text from accounts.accounts where code = 'HO1:1600'`));
    expect(Number(ho1!.debit_total)).toBe(10);
  });
});
