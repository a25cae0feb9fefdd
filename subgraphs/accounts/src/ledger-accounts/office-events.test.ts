import { rowsOf } from '@postal/db';
import { newEvent } from '@postal/events';
import { consumeIdempotently } from '@postal/outbox';
import { createTestDatabase, type TestDatabase } from '@postal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, processedEvents } from '../db-schema.js';
import { chartFor } from './chart.js';
import { handleOfficeEvent, OFFICE_EVENTS_QUEUE } from './office-events.js';
import { createAccountService } from './service.js';

let testDatabase: TestDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase(['accounts']);
}, 60_000);
afterAll(() => testDatabase?.drop());

const officeCreated = (code: string, type: 'HEAD_OFFICE' | 'SUB_OFFICE' | 'BRANCH_OFFICE' | 'DIVISION', path: string) =>
  newEvent('office.created', { code, name: `${code} office`, type, parentCode: path.split('/').at(-2) ?? null, path }, { source: 'administration' });

async function accountCodes(officeCode: string): Promise<string[]> {
  const rows = rowsOf<{ code: string }>(
    await testDatabase.database.db.execute(sql`select code from accounts.accounts where office_code = ${officeCode} order by code`),
  );
  return rows.map((row) => row.code);
}

describe('office.created opens the standard chart', () => {
  const consume = () =>
    consumeIdempotently({ database: testDatabase.database, tables: { outbox, processedEvents }, consumer: OFFICE_EVENTS_QUEUE, handle: handleOfficeEvent });

  it('opens one account per head for a head office, once however often the event comes', async () => {
    const event = officeCreated('HOX', 'HEAD_OFFICE', 'C/D/HOX');
    await consume()(event);
    await consume()(event);
    const codes = await accountCodes('HOX');
    expect(codes).toEqual(chartFor('HEAD_OFFICE').map((head) => `HOX:${head.headCode}`));
    expect(codes).toContain('HOX:1100');
  });

  it('gives a branch office only cash and inter-office clearing accounts and a division none', async () => {
    await consume()(officeCreated('BOX', 'BRANCH_OFFICE', 'C/D/HOX/BOX'));
    await consume()(officeCreated('DIVX', 'DIVISION', 'C/DIVX'));
    expect(await accountCodes('BOX')).toEqual(['BOX:1100', 'BOX:1200', 'BOX:1600']);
    expect(await accountCodes('DIVX')).toEqual([]);
  });

  it('answers balances as exact decimals on the normal side', async () => {
    // Within each account's balance constraint (the CHECK refuses anything else): cash in debit, and a liability in
    // debit only where it is unconstrained (GST payable; an MO payable may not go into debit).
    await testDatabase.database.db.execute(
      sql`update accounts.accounts set debit_total = '1000.10', credit_total = '0.05' where code in ('HOX:1100', 'HOX:2300')`,
    );
    await testDatabase.database.db.execute(sql`update accounts.accounts set debit_total = '0.05', credit_total = '1000.10' where code = 'HOX:2100'`);
    const service = createAccountService(testDatabase.database);
    const accounts = await service.ledgerAccountsOf({ kind: 'service', service: 'test' }, 'HOX');
    const { balanceOf } = await import('./chart.js');
    const byCode = Object.fromEntries(accounts.map((account) => [account.code, balanceOf(account)]));
    expect(byCode['HOX:1100']).toEqual({ amount: '1000.05', currency: 'INR' });
    expect(byCode['HOX:2100']).toEqual({ amount: '1000.05', currency: 'INR' });
    expect(byCode['HOX:2300']).toEqual({ amount: '-1000.05', currency: 'INR' });
    await expect(service.ledgerAccountsOf({ kind: 'anonymous' }, 'HOX')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
